import { Role } from '../../../src/auth/principal';

/**
 * The one definition of each group of roles. Code outside this folder names
 * roles only in `@Roles(...)` and never compares them: what a role may do is
 * the access policy's answer (access-policy.ts), enforced by lint.
 */
export const EVERYONE: readonly Role[] = Object.values(Role);
export const LEARNER_ROLES: readonly Role[] = [Role.STAFF, Role.PATIENT, Role.FAMILY];
export const CARE_TEAM_ROLES: readonly Role[] = [Role.ADMIN, Role.CLINICIAN];
/** People in care: their records are clinical records, and others' reads of them are audited. */
export const CLIENT_ROLES: readonly Role[] = [Role.PATIENT, Role.FAMILY];

export function isClientRole(role: Role | string): boolean {
  return CLIENT_ROLES.includes(role as Role);
}

/** Admins and clinicians: people who read others' records as their work (and must say whose). */
export function worksWithOthersRecords(role: Role): boolean {
  return CARE_TEAM_ROLES.includes(role);
}

/** Care teams are made of clinicians. */
export function canJoinCareTeam(role: Role): boolean {
  return role === Role.CLINICIAN;
}

/** Clients invited by a clinician start on that clinician's care team. */
export function startsOnInvitersCareTeam(invitedRole: Role): boolean {
  return isClientRole(invitedRole);
}

/** A staff learner's hire date is the day they joined (relative due dates count from it). */
export function hasHireDate(role: Role): boolean {
  return role === Role.STAFF;
}

/** A family invite names the patient the family member is linked to. */
export function invitesLinkToPatient(role: Role): boolean {
  return role === Role.FAMILY;
}
