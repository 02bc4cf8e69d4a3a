import { Role, type Principal } from '../../../src/auth/principal';
import { AuditAction } from '../../audit';
import { ConsentScope } from '../schemas/consent.schema';
import { CARE_TEAM_ROLES, CLIENT_ROLES, EVERYONE, isClientRole, LEARNER_ROLES } from './roles';

/** Every protected act. Acts about a person take subject facts; organization acts take none. */
export enum Permission {
  // Reading a person's records.
  READ_PROFILE = 'READ_PROFILE',
  READ_PROGRESS = 'READ_PROGRESS',
  READ_COMPLETIONS = 'READ_COMPLETIONS',
  READ_SCORES = 'READ_SCORES',
  /** Certificates, badges, verification codes and shares: the learner's own papers. */
  HOLD_CREDENTIALS = 'HOLD_CREDENTIALS',
  READ_ATTEMPTS = 'READ_ATTEMPTS',
  READ_REFLECTIONS = 'READ_REFLECTIONS',
  READ_CONSENTS = 'READ_CONSENTS',
  // Acting on a person.
  REVIEW_REFLECTION = 'REVIEW_REFLECTION',
  ASSIGN_COURSES = 'ASSIGN_COURSES',
  GRANT_QUIZ_ATTEMPTS = 'GRANT_QUIZ_ATTEMPTS',
  GRANT_OWN_CONSENT = 'GRANT_OWN_CONSENT',
  RECORD_PAPER_CONSENT = 'RECORD_PAPER_CONSENT',
  REVOKE_CONSENT = 'REVOKE_CONSENT',
  REVOKE_COMPLETION_RECORD = 'REVOKE_COMPLETION_RECORD',
  INVITE_FAMILY_MEMBER = 'INVITE_FAMILY_MEMBER',
  OPEN_EMERGENCY_ACCESS = 'OPEN_EMERGENCY_ACCESS',
  MANAGE_CARE_TEAM = 'MANAGE_CARE_TEAM',
  /** Deactivate or reactivate an account. */
  MANAGE_ACCOUNT_STATUS = 'MANAGE_ACCOUNT_STATUS',
  /** Display name and email address. */
  UPDATE_PROFILE = 'UPDATE_PROFILE',
  CHANGE_ROLE = 'CHANGE_ROLE',
  /** End a client's care: open assignments end, history and access to their own records stay. */
  DISCHARGE_CLIENT = 'DISCHARGE_CLIENT',
  /** A copy of a client's whole record (the HIPAA right of access): the client themself, their care team or an admin. */
  EXPORT_CLIENT_RECORD = 'EXPORT_CLIENT_RECORD',
  // Organization-wide acts.
  INVITE_ADMIN = 'INVITE_ADMIN',
  INVITE_CLINICIAN = 'INVITE_CLINICIAN',
  INVITE_STAFF = 'INVITE_STAFF',
  INVITE_PATIENT = 'INVITE_PATIENT',
  LIST_STAFF = 'LIST_STAFF',
  READ_STAFF_COMPLIANCE = 'READ_STAFF_COMPLIANCE',
  LIST_ORGANIZATION_RECORDS = 'LIST_ORGANIZATION_RECORDS',
  READ_AUDIT_TRAIL = 'READ_AUDIT_TRAIL',
  LIST_EMERGENCY_ACCESS = 'LIST_EMERGENCY_ACCESS',
  MANAGE_ORGANIZATION_SETTINGS = 'MANAGE_ORGANIZATION_SETTINGS',
  MANAGE_TRAINING_REQUIREMENTS = 'MANAGE_TRAINING_REQUIREMENTS',
}

/** Who may see every client of the organization: the care team only, or every clinician. */
export enum ClientAccess {
  CARE_TEAM = 'CARE_TEAM',
  ALL_CLINICIANS = 'ALL_CLINICIANS',
}

/** How the viewer stands to the person whose records are asked for. */
export type Relation =
  | 'SELF'
  | 'ADMIN'
  /** A clinician on the client's care team (or any clinician, when the organization allows ALL_CLINICIANS). */
  | 'CARE_TEAM'
  /** A clinician off the care team inside an open emergency-access window. */
  | 'EMERGENCY'
  /** A family member linked to the patient (what they see depends on the consent). */
  | 'FAMILY'
  /** A clinician looking at a staff member, admin or clinician: not a client. */
  | 'COLLEAGUE'
  | 'OFF_TEAM'
  | 'UNRELATED'
  | 'OTHER_ORGANIZATION';

/** What the policy needs to know about the subject, all loaded in one go by AccessService. */
export interface SubjectFacts {
  id: string;
  orgId: string;
  role: Role;
  /** The clinicians on the subject's care team. */
  careTeam: readonly string[];
  /** The end of the viewer's open emergency-access window on this subject, if any. */
  emergencyUntil?: Date;
  /** A family link joins viewer (a family member) and subject (a patient). */
  linked: boolean;
  /** Scopes of the subject's active consents that name the viewer. */
  consentScopes: readonly ConsentScope[];
  /** The organization's `clientAccess` setting. */
  clientAccess: ClientAccess;
}

/** The parts of a person's record, as audit events name them. */
export type RecordPart = 'PROFILE' | 'PROGRESS' | 'COMPLETIONS' | 'ATTEMPTS' | 'REFLECTIONS' | 'CONSENTS';

interface SubjectRule {
  kind: 'read' | 'write';
  part: RecordPart;
  /** Roles that may ever do this. */
  roles: readonly Role[];
  /** Whose records this concerns; anyone else's id answers NOT_FOUND. */
  subjects: readonly Role[];
  allow: readonly Relation[];
  /** A linked family member may, under an active consent with one of these scopes. */
  familyScopes?: readonly ConsentScope[];
  /** Every refusal answers NOT_FOUND: the thing asked for (a certificate, a code) is the caller's own or nothing. */
  hidden?: boolean;
  /** The audit event when someone else's client records are touched; absent when the act writes its own. */
  audit?: AuditAction;
  /** What a refused caller is told (family members get their own wording). */
  refusal?: string;
  /** A write whose answer shows the client's records: the training gate applies as to a read, before anything is written. */
  gated?: boolean;
}

interface ActRule {
  kind: 'act';
  roles: readonly Role[];
  refusal?: string;
}

export type Rule = SubjectRule | ActRule;

const READERS: readonly Relation[] = ['SELF', 'ADMIN', 'CARE_TEAM', 'EMERGENCY'];
const NOT_FOR_FAMILY = 'This part of the record is never shared with family members.';

/**
 * The whole access policy as one table. Reads and writes alike; the matrix test
 * (test/authorization-matrix.e2e-spec.ts) has a row for every entry.
 */
export const POLICY: Record<Permission, Rule> = {
  [Permission.READ_PROFILE]: { part: 'PROFILE', kind: 'read', roles: EVERYONE, subjects: EVERYONE, allow: READERS, familyScopes: [ConsentScope.PROGRESS, ConsentScope.COMPLETIONS], audit: AuditAction.PATIENT_PROFILE_READ },
  [Permission.READ_PROGRESS]: { part: 'PROGRESS', kind: 'read', roles: EVERYONE, subjects: LEARNER_ROLES, allow: READERS, familyScopes: [ConsentScope.PROGRESS], audit: AuditAction.PROGRESS_READ },
  [Permission.READ_COMPLETIONS]: { part: 'COMPLETIONS', kind: 'read', roles: EVERYONE, subjects: LEARNER_ROLES, allow: READERS, familyScopes: [ConsentScope.COMPLETIONS], audit: AuditAction.COMPLETION_RECORDS_READ },
  [Permission.READ_SCORES]: { part: 'COMPLETIONS', kind: 'read', roles: EVERYONE, subjects: LEARNER_ROLES, allow: READERS, audit: AuditAction.COMPLETION_RECORDS_READ, refusal: NOT_FOR_FAMILY },
  [Permission.HOLD_CREDENTIALS]: { part: 'COMPLETIONS', kind: 'read', roles: EVERYONE, subjects: LEARNER_ROLES, allow: ['SELF', 'ADMIN'], audit: AuditAction.CERTIFICATE_READ, hidden: true },
  [Permission.READ_ATTEMPTS]: { part: 'ATTEMPTS', kind: 'read', roles: EVERYONE, subjects: LEARNER_ROLES, allow: READERS, audit: AuditAction.QUIZ_ATTEMPTS_READ, refusal: NOT_FOR_FAMILY },
  [Permission.READ_REFLECTIONS]: {
    part: 'REFLECTIONS',
    kind: 'read',
    roles: EVERYONE,
    subjects: LEARNER_ROLES,
    allow: READERS,
    audit: AuditAction.REFLECTION_READ,
    refusal: "Reflections are private: they are never shared with family members, whatever the patient's consent says.",
  },
  [Permission.READ_CONSENTS]: { part: 'CONSENTS', kind: 'read', roles: EVERYONE, subjects: [Role.PATIENT], allow: READERS, audit: AuditAction.CONSENTS_READ, refusal: NOT_FOR_FAMILY },
  [Permission.REVIEW_REFLECTION]: { part: 'REFLECTIONS', kind: 'write', roles: CARE_TEAM_ROLES, subjects: LEARNER_ROLES, allow: ['ADMIN', 'CARE_TEAM', 'EMERGENCY'], audit: AuditAction.REFLECTION_REVIEW },
  [Permission.ASSIGN_COURSES]: {
    part: 'PROGRESS',
    kind: 'write',
    roles: CARE_TEAM_ROLES,
    subjects: EVERYONE,
    allow: ['ADMIN', 'CARE_TEAM'],
    audit: AuditAction.COURSE_ASSIGNED,
    refusal: 'Clinicians assign courses to the clients on their care team; staff courses are assigned by admins.',
  },
  [Permission.GRANT_QUIZ_ATTEMPTS]: { part: 'ATTEMPTS', kind: 'write', roles: CARE_TEAM_ROLES, subjects: LEARNER_ROLES, allow: ['ADMIN', 'CARE_TEAM'], audit: AuditAction.QUIZ_ATTEMPTS_GRANTED, gated: true },
  [Permission.GRANT_OWN_CONSENT]: { part: 'CONSENTS', kind: 'write', roles: [Role.PATIENT], subjects: [Role.PATIENT], allow: ['SELF'], refusal: 'Patients can grant consent for their own records only.' },
  [Permission.RECORD_PAPER_CONSENT]: { part: 'CONSENTS', kind: 'write', roles: CARE_TEAM_ROLES, subjects: [Role.PATIENT], allow: ['ADMIN', 'CARE_TEAM'] },
  [Permission.REVOKE_CONSENT]: { part: 'CONSENTS', kind: 'write', roles: [Role.PATIENT, ...CARE_TEAM_ROLES], subjects: [Role.PATIENT], allow: ['SELF', 'ADMIN', 'CARE_TEAM'] },
  [Permission.REVOKE_COMPLETION_RECORD]: { part: 'COMPLETIONS', kind: 'write', roles: [Role.ADMIN], subjects: LEARNER_ROLES, allow: ['SELF', 'ADMIN'] },
  [Permission.INVITE_FAMILY_MEMBER]: { part: 'PROFILE', kind: 'write', roles: [Role.CLINICIAN], subjects: [Role.PATIENT], allow: ['CARE_TEAM'] },
  [Permission.OPEN_EMERGENCY_ACCESS]: {
    part: 'PROFILE',
    kind: 'write',
    roles: [Role.CLINICIAN],
    subjects: CLIENT_ROLES,
    allow: ['OFF_TEAM', 'EMERGENCY'],
    refusal: 'Emergency access is for clinicians outside the client’s care team; you can already see this client.',
  },
  [Permission.MANAGE_CARE_TEAM]: { part: 'PROFILE', kind: 'write', roles: [Role.ADMIN], subjects: CLIENT_ROLES, allow: ['ADMIN'] },
  [Permission.MANAGE_ACCOUNT_STATUS]: {
    part: 'PROFILE',
    kind: 'write',
    roles: [Role.ADMIN],
    subjects: EVERYONE,
    allow: ['ADMIN'],
    refusal: 'Accounts are deactivated and reactivated by an admin, and never their own.',
  },
  [Permission.UPDATE_PROFILE]: {
    part: 'PROFILE',
    kind: 'write',
    roles: EVERYONE,
    subjects: EVERYONE,
    allow: ['SELF', 'ADMIN'],
    refusal: 'Only the person themself or an admin can change a name or email address.',
  },
  [Permission.DISCHARGE_CLIENT]: { part: 'PROGRESS', kind: 'write', roles: CARE_TEAM_ROLES, subjects: CLIENT_ROLES, allow: ['ADMIN', 'CARE_TEAM'], refusal: 'A client is discharged by their care team or an admin.' },
  // No `audit`: every export, the client's own included, writes its own CLIENT_RECORD_EXPORTED event.
  [Permission.EXPORT_CLIENT_RECORD]: {
    part: 'PROFILE',
    kind: 'read',
    roles: EVERYONE,
    subjects: CLIENT_ROLES,
    allow: ['SELF', 'ADMIN', 'CARE_TEAM'],
    refusal: 'A client’s record is exported by the client themself, their care team or an admin.',
  },
  [Permission.CHANGE_ROLE]: { part: 'PROFILE', kind: 'write', roles: [Role.ADMIN], subjects: EVERYONE, allow: ['ADMIN'], refusal: 'Roles are changed by an admin, and never your own.' },
  [Permission.INVITE_ADMIN]: { kind: 'act', roles: [Role.ADMIN] },
  [Permission.INVITE_CLINICIAN]: { kind: 'act', roles: [Role.ADMIN] },
  [Permission.INVITE_STAFF]: { kind: 'act', roles: [Role.ADMIN] },
  [Permission.INVITE_PATIENT]: { kind: 'act', roles: [Role.CLINICIAN] },
  [Permission.LIST_STAFF]: { kind: 'act', roles: [Role.ADMIN] },
  [Permission.READ_STAFF_COMPLIANCE]: { kind: 'act', roles: [Role.ADMIN], refusal: 'Staff compliance is for admins.' },
  [Permission.LIST_ORGANIZATION_RECORDS]: { kind: 'act', roles: [Role.ADMIN] },
  [Permission.READ_AUDIT_TRAIL]: { kind: 'act', roles: [Role.ADMIN] },
  [Permission.LIST_EMERGENCY_ACCESS]: { kind: 'act', roles: [Role.ADMIN] },
  [Permission.MANAGE_ORGANIZATION_SETTINGS]: { kind: 'act', roles: [Role.ADMIN] },
  [Permission.MANAGE_TRAINING_REQUIREMENTS]: { kind: 'act', roles: [Role.ADMIN], refusal: 'Training requirements are managed by admins.' },
};

/** The invite permission for each role that can be invited. */
export const INVITE_PERMISSION: Record<Role, Permission> = {
  [Role.ADMIN]: Permission.INVITE_ADMIN,
  [Role.CLINICIAN]: Permission.INVITE_CLINICIAN,
  [Role.STAFF]: Permission.INVITE_STAFF,
  [Role.PATIENT]: Permission.INVITE_PATIENT,
  [Role.FAMILY]: Permission.INVITE_FAMILY_MEMBER,
};

export type Decision =
  | { allowed: true; relation: Relation; audited: boolean; redisclosure: boolean }
  | { allowed: false; relation: Relation | 'ANONYMOUS'; code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND'; message: string };

export function relationOf(viewer: Principal, subject: SubjectFacts, now: Date): Relation {
  if (viewer.orgId !== subject.orgId) return 'OTHER_ORGANIZATION';
  if (viewer.userId === subject.id) return 'SELF';
  switch (viewer.role) {
    case Role.ADMIN:
      return 'ADMIN';
    case Role.CLINICIAN:
      if (!isClientRole(subject.role)) return 'COLLEAGUE';
      if (subject.clientAccess === ClientAccess.ALL_CLINICIANS || subject.careTeam.includes(viewer.userId)) return 'CARE_TEAM';
      return subject.emergencyUntil && subject.emergencyUntil.getTime() > now.getTime() ? 'EMERGENCY' : 'OFF_TEAM';
    case Role.FAMILY:
      return subject.role === Role.PATIENT && subject.linked ? 'FAMILY' : 'UNRELATED';
    case Role.STAFF:
    case Role.PATIENT:
      return 'UNRELATED';
  }
}

/**
 * May `viewer` do `permission` to `subject`? Pure: AccessService gathers the facts
 * (one query for any number of subjects) and acts on the answer. A refusal says
 * NOT_FOUND whenever FORBIDDEN would confirm something the caller may not know:
 * a person in another organization, a client off the care team, someone a learner
 * has no tie to.
 */
export function decide(viewer: Principal | undefined, permission: Permission, subject: SubjectFacts, now = new Date()): Decision {
  if (!viewer) return { allowed: false, relation: 'ANONYMOUS', code: 'UNAUTHENTICATED', message: 'Sign in to continue.' };
  const rule = POLICY[permission];
  if (rule.kind === 'act') {
    const act = decideAct(viewer, permission);
    return act.allowed ? { allowed: true, relation: relationOf(viewer, subject, now), audited: false, redisclosure: false } : act;
  }
  const relation = relationOf(viewer, subject, now);
  const notFound = { allowed: false as const, relation, code: 'NOT_FOUND' as const, message: 'That person was not found.' };
  if (relation === 'OTHER_ORGANIZATION' || !rule.subjects.includes(subject.role)) return notFound;
  const byRelation = rule.allow.includes(relation) || (relation === 'FAMILY' && (rule.familyScopes ?? []).some((scope) => subject.consentScopes.includes(scope)));
  if (byRelation && rule.roles.includes(viewer.role)) {
    return { allowed: true, relation, audited: relation !== 'SELF' && isClientRole(subject.role), redisclosure: relation === 'FAMILY' };
  }
  if (rule.hidden || relation === 'OFF_TEAM' || relation === 'UNRELATED') return notFound;
  // Someone who may never act on others' records learns nothing about them from a write.
  if (rule.kind === 'write' && relation !== 'SELF' && !rule.roles.includes(viewer.role)) return notFound;
  if (relation === 'FAMILY') {
    const message = rule.familyScopes ? "You can see this only while the patient's consent is active and covers it." : (rule.refusal ?? NOT_FOR_FAMILY);
    return { allowed: false, relation, code: 'FORBIDDEN', message };
  }
  return { allowed: false, relation, code: 'FORBIDDEN', message: rule.refusal ?? 'You do not have permission to do that.' };
}

/** Organization-wide acts: a question of role alone. */
export function decideAct(viewer: Principal | undefined, permission: Permission): Extract<Decision, { allowed: false }> | { allowed: true } {
  if (!viewer) return { allowed: false, relation: 'ANONYMOUS', code: 'UNAUTHENTICATED', message: 'Sign in to continue.' };
  const rule = POLICY[permission];
  if (rule.roles.includes(viewer.role)) return { allowed: true };
  return { allowed: false, relation: 'UNRELATED', code: 'FORBIDDEN', message: rule.refusal ?? 'You do not have permission to do that.' };
}

/**
 * Reads of a client's records by the care team or an admin pass the training gate
 * (the organization's gating training must be current); the learner themself, a family
 * member and emergency access do not.
 */
export function gatedByTraining(rule: Rule, relation: Relation, subjectRole: Role): boolean {
  const readsRecords = rule.kind === 'read' || (rule.kind === 'write' && rule.gated === true);
  return readsRecords && isClientRole(subjectRole) && (relation === 'CARE_TEAM' || relation === 'ADMIN');
}

/** Family links and consents decide only a family member's access; nobody else's request pays for reading them. */
export function readsAsFamily(viewer: Principal): boolean {
  return viewer.role === Role.FAMILY;
}

/** Admins see every client of the organization (audited); a clinician's caseload is their care team. */
export function seesEveryClient(viewer: Principal): boolean {
  return viewer.role === Role.ADMIN;
}

/** Whether the viewer's role may ever do this, to anyone (for choosing a path, not for granting). */
export function roleMay(viewer: Principal, permission: Permission): boolean {
  return POLICY[permission].roles.includes(viewer.role);
}

/** The roles of the people whose records of this kind the viewer might see besides their own (for list filters). */
export function rolesVisibleTo(viewer: Principal, permission: Permission): Role[] {
  const rule = POLICY[permission];
  if (rule.kind === 'act' || !rule.roles.includes(viewer.role)) return [];
  const probe = (role: Role): SubjectFacts => ({ id: '', orgId: viewer.orgId, role, careTeam: [viewer.userId], linked: false, consentScopes: [], clientAccess: ClientAccess.CARE_TEAM });
  return rule.subjects.filter((role) => decide(viewer, permission, probe(role)).allowed);
}

/** Which roles a viewer may invite, for the refusal message. */
export function invitableRoles(viewer: Principal): Role[] {
  return EVERYONE.filter((role) => roleMay(viewer, INVITE_PERMISSION[role]));
}

export interface ConsentFacts {
  scopes: readonly ConsentScope[];
  expiresAt?: Date | null;
  revokedAt?: Date | null;
}

/** An expired or revoked consent grants nothing. */
export function activeScopes(consents: readonly ConsentFacts[], now: Date): ConsentScope[] {
  const scopes = new Set<ConsentScope>();
  for (const consent of consents) {
    if (consent.revokedAt) continue;
    if (consent.expiresAt && consent.expiresAt.getTime() <= now.getTime()) continue;
    consent.scopes.forEach((scope) => scopes.add(scope));
  }
  return [...scopes];
}

/** The notice 42 CFR §2.32 requires on each disclosure made with the patient's consent. */
export const REDISCLOSURE_NOTICE =
  '42 CFR part 2 prohibits unauthorized use or disclosure of these records. ' +
  'This information was shared with you with the patient\'s written consent; do not share it further.';
