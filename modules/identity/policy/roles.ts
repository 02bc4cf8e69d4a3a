import { Role } from '../../../src/auth/principal';

/**
 * The one definition of each group of roles. Code outside this folder names
 * roles only in `@Roles(...)` and never compares them: what a role may do is
 * the access policy's answer (access-policy.ts), enforced by lint.
 */
export const EVERYONE: readonly Role[] = Object.values(Role);
/** People who work at the program: they take staff training, and training requirements apply to them. */
export const STAFF_ROLES: readonly Role[] = [Role.STAFF, Role.CLINICIAN, Role.ADMIN];
/** Everyone who takes courses: clinicians and admins take staff training too (the training gate needs them to). */
export const LEARNER_ROLES: readonly Role[] = [...STAFF_ROLES, Role.PATIENT, Role.FAMILY];
export const CARE_TEAM_ROLES: readonly Role[] = [Role.ADMIN, Role.CLINICIAN];
/** People in care: their records are clinical records, and others' reads of them are audited. */
export const CLIENT_ROLES: readonly Role[] = [Role.PATIENT, Role.FAMILY];

export function isClientRole(role: Role | string): boolean {
  return CLIENT_ROLES.includes(role as Role);
}

/** Staff members: training requirements apply to them and they take staff courses. */
export function isStaffRole(role: Role | string): boolean {
  return STAFF_ROLES.includes(role as Role);
}

/** Whether a person's role is one of those listed (a training requirement's roles). */
export function roleListed(roles: readonly string[], role: Role): boolean {
  return roles.includes(role);
}

export function isRoleChange(from: Role, to: Role): boolean {
  return from !== to;
}

/**
 * Why a role change cannot be made, or null. A change stays among the staff roles: a
 * client's records are clinical records, a staff member's are not.
 */
export function roleChangeProblem(from: Role, to: Role): string | null {
  if (STAFF_ROLES.includes(from) && STAFF_ROLES.includes(to)) return null;
  return 'Roles change only among admin, clinician and staff: a patient or family member never becomes staff, nor the reverse, and a patient does not become a family member. Invite the person to a new account instead.';
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

/** A staff member's hire date is the day they joined (relative due dates and training requirements count from it). */
export function hasHireDate(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}

/** A family invite names the patient the family member is linked to. */
export function invitesLinkToPatient(role: Role): boolean {
  return role === Role.FAMILY;
}
