import { Role } from '../src/auth/principal';
import { CompletionRecordsService } from '../modules/credentials';
import { importCurriculum } from '../modules/curriculum/import-curriculum';
import { Permission } from '../modules/identity';
import { errorCode, expectData, startTestApp, type GraphQLResponse, type TestApp } from './support/app';
import { assessmentOps, bundledLessons, lessonOf } from './support/assessment-operations';
import { credentialOps } from './support/credentials-operations';
import { buildWorld, consentInput, giveCurrentTraining, invited, ops, signIn, type Member, type World } from './support/operations';

/**
 * Every role × every operation that reads or writes patient data, against one
 * patient (P) and a family member linked to P; "clinician" is on P's care team,
 * "clinicianOffTeam" is not (emergency access: test/care-teams.e2e-spec.ts). The
 * policy's own table, every permission × actor, is modules/identity/policy/access-policy.spec.ts;
 * here every permission is exercised by at least one operation (a test fails when a
 * permission has no row). ALLOW means the call succeeds;
 * anything else is the error code the caller must get. A role that may never call an
 * operation gets FORBIDDEN; a learner asking about someone unrelated gets NOT_FOUND,
 * which confirms nothing about the id.
 *
 * The training gate is a dimension: the clinic is gated (the default), its admin and
 * clinicians hold current confidentiality training, and "untrainedClinician" (on P's care
 * team) and "untrainedAdmin" do not — every read of P's records refuses them with
 * TRAINING_REQUIRED; acts that are not reads of client records are unchanged.
 */
type Actor =
  | 'anonymous'
  | 'admin'
  | 'clinician'
  | 'clinicianOffTeam'
  | 'untrainedClinician'
  | 'untrainedAdmin'
  | 'staff'
  | 'patient'
  | 'otherPatient'
  | 'familyNoConsent'
  | 'familyWithConsent'
  | 'otherOrgAdmin';
/** TRAINING_REQUIRED: FORBIDDEN with extensions.reason TRAINING_REQUIRED and the course to take (the training gate). */
type Expect = 'ALLOW' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'TRAINING_REQUIRED';

interface Ctx {
  t: TestApp;
  w: World;
  quizId: string;
  /** A reflection of P's, for the care team to review. */
  reflectionId: string;
  /** P's completion record (a badge is the holder's and admins' only). */
  recordId: string;
  /** Another of P's records, for the revoke row. */
  revocableRecordId: string;
  /** A staff member only the role-change row touches, and the role it has now. */
  spare: Member;
  spareRole: Role;
  actors: Record<Actor, Member | undefined>;
  consentedFamily: Member;
}

interface Row {
  /** The permissions this operation asks the policy about. */
  permissions: readonly Permission[];
  run: (c: Ctx, token?: string) => Promise<GraphQLResponse>;
  expect: Record<Actor, Expect>;
}

const invite = (role: Role) => (c: Ctx, token?: string) => ops.createInvite(c.t, token!, { role, email: `${role.toLowerCase()}-${Math.random().toString(36).slice(2)}@example.test` });

const operations: Record<string, Row> = {
  'patient(id)': {
    permissions: [Permission.READ_PROFILE],
    run: (c, token) => ops.patient(c.t, token!, c.w.patient.id),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'ALLOW', untrainedClinician: 'TRAINING_REQUIRED', untrainedAdmin: 'TRAINING_REQUIRED', clinicianOffTeam: 'NOT_FOUND', staff: 'FORBIDDEN', patient: 'ALLOW', otherPatient: 'NOT_FOUND', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'ALLOW', otherOrgAdmin: 'NOT_FOUND' },
  },
  'familyConsents(patientId)': {
    permissions: [Permission.READ_CONSENTS],
    run: (c, token) => ops.familyConsents(c.t, token!, c.w.patient.id),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'ALLOW', untrainedClinician: 'TRAINING_REQUIRED', untrainedAdmin: 'TRAINING_REQUIRED', clinicianOffTeam: 'NOT_FOUND', staff: 'FORBIDDEN', patient: 'ALLOW', otherPatient: 'NOT_FOUND', familyNoConsent: 'ALLOW', familyWithConsent: 'ALLOW', otherOrgAdmin: 'NOT_FOUND' },
  },
  grantFamilyConsent: {
    permissions: [Permission.GRANT_OWN_CONSENT, Permission.RECORD_PAPER_CONSENT],
    run: async (c, token) => {
      const res = await ops.grantFamilyConsent(c.t, token!, consentInput(c.w.family.id, { patientId: c.w.patient.id, signedAt: new Date().toISOString() }));
      // Undo it, so "familyNoConsent" keeps meaning what it says for the rows after this one.
      if (res.data?.grantFamilyConsent) expectData(await ops.revokeFamilyConsent(c.t, c.w.patient.token, res.data.grantFamilyConsent.id));
      return res;
    },
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'ALLOW', untrainedClinician: 'ALLOW', untrainedAdmin: 'ALLOW', clinicianOffTeam: 'NOT_FOUND', staff: 'FORBIDDEN', patient: 'ALLOW', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'NOT_FOUND' },
  },
  revokeFamilyConsent: {
    permissions: [Permission.REVOKE_CONSENT],
    run: async (c, token) => {
      const consent = expectData(await ops.grantFamilyConsent(c.t, c.w.patient.token, consentInput(c.w.family.id))).grantFamilyConsent;
      const res = await ops.revokeFamilyConsent(c.t, token!, consent.id);
      expectData(await ops.revokeFamilyConsent(c.t, c.w.patient.token, consent.id)); // whatever the actor could do, leave no consent behind
      return res;
    },
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'ALLOW', untrainedClinician: 'ALLOW', untrainedAdmin: 'ALLOW', clinicianOffTeam: 'NOT_FOUND', staff: 'FORBIDDEN', patient: 'ALLOW', otherPatient: 'NOT_FOUND', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'NOT_FOUND' },
  },
  'createInvite(FAMILY for patient)': {
    permissions: [Permission.INVITE_FAMILY_MEMBER],
    run: (c, token) => ops.createInvite(c.t, token!, { role: Role.FAMILY, email: `fam-${Math.random().toString(36).slice(2)}@example.test`, patientId: c.w.patient.id }),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'FORBIDDEN', clinician: 'ALLOW', untrainedClinician: 'ALLOW', untrainedAdmin: 'FORBIDDEN', clinicianOffTeam: 'NOT_FOUND', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'FORBIDDEN' },
  },
  'users(role: PATIENT)': {
    permissions: [Permission.READ_PROFILE],
    run: (c, token) => ops.users(c.t, token!, Role.PATIENT),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'ALLOW', untrainedClinician: 'TRAINING_REQUIRED', untrainedAdmin: 'TRAINING_REQUIRED', clinicianOffTeam: 'ALLOW', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'ALLOW' },
  },
  'learnerProgress(learnerId)': {
    permissions: [Permission.READ_PROGRESS],
    run: (c, token) => c.t.gql(`query($id: ID!) { learnerProgress(learnerId: $id) { items { courseSlug status } } }`, { id: c.w.patient.id }, token),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'ALLOW', untrainedClinician: 'TRAINING_REQUIRED', untrainedAdmin: 'TRAINING_REQUIRED', clinicianOffTeam: 'NOT_FOUND', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'ALLOW', otherOrgAdmin: 'NOT_FOUND' },
  },
  'assignCourse(patient)': {
    permissions: [Permission.ASSIGN_COURSES],
    run: (c, token) => c.t.gql(`mutation($i: AssignCourseInput!) { assignCourse(input: $i) { id } }`, { i: { learnerId: c.w.patient.id, courseSlug: 'relapse-prevention-skills' } }, token),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'ALLOW', untrainedClinician: 'ALLOW', untrainedAdmin: 'ALLOW', clinicianOffTeam: 'NOT_FOUND', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'NOT_FOUND' },
  },
  cancelAssignment: {
    permissions: [Permission.ASSIGN_COURSES],
    run: async (c, token) => {
      const assigned = expectData(
        await c.t.gql(`mutation($i: AssignCourseInput!) { assignCourse(input: $i) { id } }`, { i: { learnerId: c.w.patient.id, courseSlug: 'continuum-of-care' } }, c.w.clinician.token),
      ).assignCourse;
      return c.t.gql(`mutation($id: ID!) { cancelAssignment(id: $id) { id state } }`, { id: assigned.id }, token);
    },
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'ALLOW', untrainedClinician: 'ALLOW', untrainedAdmin: 'ALLOW', clinicianOffTeam: 'NOT_FOUND', staff: 'NOT_FOUND', patient: 'FORBIDDEN', otherPatient: 'NOT_FOUND', familyNoConsent: 'NOT_FOUND', familyWithConsent: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' },
  },
  caseload: {
    permissions: [Permission.READ_PROGRESS],
    run: (c, token) => c.t.gql(`{ caseload(first: 50) { nodes { learner { id } } } }`, {}, token),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'ALLOW', untrainedClinician: 'TRAINING_REQUIRED', untrainedAdmin: 'TRAINING_REQUIRED', clinicianOffTeam: 'ALLOW', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'ALLOW' },
  },
  'quizAttempts(quizId, learnerId)': {
    permissions: [Permission.READ_ATTEMPTS],
    run: (c, token) => c.t.gql(`query($q: ID!, $l: ID) { quizAttempts(quizId: $q, learnerId: $l) { attempts { id } } }`, { q: c.quizId, l: c.w.patient.id }, token),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'ALLOW', untrainedClinician: 'TRAINING_REQUIRED', untrainedAdmin: 'TRAINING_REQUIRED', clinicianOffTeam: 'NOT_FOUND', staff: 'NOT_FOUND', patient: 'ALLOW', otherPatient: 'NOT_FOUND', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'NOT_FOUND' },
  },
  'reflections(learnerId)': {
    permissions: [Permission.READ_REFLECTIONS],
    run: (c, token) => c.t.gql(`query($l: ID) { reflections(learnerId: $l, first: 10) { nodes { id } } }`, { l: c.w.patient.id }, token),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'ALLOW', untrainedClinician: 'TRAINING_REQUIRED', untrainedAdmin: 'TRAINING_REQUIRED', clinicianOffTeam: 'NOT_FOUND', staff: 'NOT_FOUND', patient: 'ALLOW', otherPatient: 'NOT_FOUND', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'NOT_FOUND' },
  },
  'learnerCompletionRecords(learnerId)': {
    permissions: [Permission.READ_COMPLETIONS, Permission.READ_SCORES],
    // The family member's consent covers PROGRESS only, so completions stay closed to them.
    run: (c, token) => c.t.gql(`query($l: ID!) { learnerCompletionRecords(learnerId: $l) { nodes { id } } }`, { l: c.w.patient.id }, token),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'ALLOW', untrainedClinician: 'TRAINING_REQUIRED', untrainedAdmin: 'TRAINING_REQUIRED', clinicianOffTeam: 'NOT_FOUND', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'NOT_FOUND' },
  },
  'completionRecords (organization list)': {
    // The list holds P's records (issued in beforeAll), so reading it is a read of client records.
    permissions: [Permission.LIST_ORGANIZATION_RECORDS],
    run: (c, token) => c.t.gql(`{ completionRecords(first: 10) { nodes { id } } }`, {}, token),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'FORBIDDEN', untrainedClinician: 'FORBIDDEN', untrainedAdmin: 'TRAINING_REQUIRED', clinicianOffTeam: 'FORBIDDEN', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'ALLOW' },
  },
  auditEvents: {
    permissions: [Permission.READ_AUDIT_TRAIL],
    run: (c, token) => ops.auditEvents(c.t, token!, { patientId: c.w.patient.id }),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'FORBIDDEN', untrainedClinician: 'FORBIDDEN', untrainedAdmin: 'ALLOW', clinicianOffTeam: 'FORBIDDEN', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'ALLOW' },
  },
  'deactivateUser(patient)': {
    permissions: [Permission.MANAGE_ACCOUNT_STATUS],
    run: async (c, token) => {
      const res = await c.t.gql(`mutation($id: ID!) { deactivateUser(id: $id, reason: "matrix check") { id deactivatedAt } }`, { id: c.w.patient.id }, token);
      if (res.data?.deactivateUser) {
        // Undo it and sign P in afresh (deactivation ended P's sessions), so the rows after this one still have P.
        expectData(await c.t.gql(`mutation($id: ID!) { reactivateUser(id: $id) { id } }`, { id: c.w.patient.id }, c.w.admin.token));
        Object.assign(c.w.patient, await signIn(c.t, c.w.patient.email, Role.PATIENT));
      }
      return res;
    },
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'FORBIDDEN', untrainedClinician: 'FORBIDDEN', untrainedAdmin: 'ALLOW', clinicianOffTeam: 'FORBIDDEN', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'NOT_FOUND' },
  },
  'updateUser(patient, displayName)': {
    permissions: [Permission.UPDATE_PROFILE],
    run: (c, token) => c.t.gql(`mutation($input: UpdateUserInput!) { updateUser(input: $input) { id displayName } }`, { input: { id: c.w.patient.id, displayName: 'Pia Patient' } }, token),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'FORBIDDEN', untrainedClinician: 'FORBIDDEN', untrainedAdmin: 'ALLOW', clinicianOffTeam: 'NOT_FOUND', staff: 'NOT_FOUND', patient: 'ALLOW', otherPatient: 'NOT_FOUND', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'NOT_FOUND' },
  },
  completionBadge: {
    permissions: [Permission.HOLD_CREDENTIALS],
    run: (c, token) => credentialOps.completionBadge(c.t, token!, c.recordId),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'NOT_FOUND', untrainedClinician: 'NOT_FOUND', untrainedAdmin: 'TRAINING_REQUIRED', clinicianOffTeam: 'NOT_FOUND', staff: 'NOT_FOUND', patient: 'ALLOW', otherPatient: 'NOT_FOUND', familyNoConsent: 'NOT_FOUND', familyWithConsent: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' },
  },
  revokeCompletionRecord: {
    permissions: [Permission.REVOKE_COMPLETION_RECORD],
    run: (c, token) => credentialOps.revokeCompletionRecord(c.t, token!, c.revocableRecordId, 'Issued for the wrong course version'),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'FORBIDDEN', untrainedClinician: 'FORBIDDEN', untrainedAdmin: 'ALLOW', clinicianOffTeam: 'FORBIDDEN', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'NOT_FOUND' },
  },
  grantQuizAttempts: {
    permissions: [Permission.GRANT_QUIZ_ATTEMPTS],
    // The answer is P's attempt history, a read of client records: the training gate applies.
    run: (c, token) =>
      c.t.gql(`mutation($l: ID!, $q: ID!) { grantQuizAttempts(learnerId: $l, quizId: $q, extra: 1, reason: "Needs another try after a hard week") { attempts { id } } }`, { l: c.w.patient.id, q: c.quizId }, token),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'ALLOW', untrainedClinician: 'TRAINING_REQUIRED', untrainedAdmin: 'TRAINING_REQUIRED', clinicianOffTeam: 'NOT_FOUND', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'NOT_FOUND' },
  },
  reviewReflection: {
    permissions: [Permission.REVIEW_REFLECTION],
    run: (c, token) => assessmentOps.reviewReflection(c.t, token!, c.reflectionId, 'Thank you for writing this down.'),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'ALLOW', untrainedClinician: 'ALLOW', untrainedAdmin: 'ALLOW', clinicianOffTeam: 'NOT_FOUND', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'NOT_FOUND' },
  },
  'addToCareTeam(P, its clinician)': {
    permissions: [Permission.MANAGE_CARE_TEAM],
    // The clinician is on P's team already, so an allowed call changes nothing the other rows depend on.
    run: (c, token) => c.t.gql(`mutation($c: ID!, $k: ID!) { addToCareTeam(clientId: $c, clinicianId: $k) { id } }`, { c: c.w.patient.id, k: c.w.clinician.id }, token),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'FORBIDDEN', untrainedClinician: 'FORBIDDEN', untrainedAdmin: 'ALLOW', clinicianOffTeam: 'FORBIDDEN', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'NOT_FOUND' },
  },
  'openEmergencyAccess(other patient)': {
    permissions: [Permission.OPEN_EMERGENCY_ACCESS],
    // On the other patient, so the window it opens leaves P's rows as they are.
    run: (c, token) => c.t.gql(`mutation($c: ID!) { openEmergencyAccess(clientId: $c, reason: "Covering the evening crisis line") { id } }`, { c: c.actors.otherPatient!.id }, token),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'FORBIDDEN', clinician: 'FORBIDDEN', untrainedClinician: 'ALLOW', untrainedAdmin: 'FORBIDDEN', clinicianOffTeam: 'ALLOW', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'FORBIDDEN' },
  },
  emergencyAccessGrants: {
    permissions: [Permission.LIST_EMERGENCY_ACCESS],
    run: (c, token) => c.t.gql(`{ emergencyAccessGrants(first: 5) { nodes { id } } }`, {}, token),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'FORBIDDEN', untrainedClinician: 'FORBIDDEN', untrainedAdmin: 'ALLOW', clinicianOffTeam: 'FORBIDDEN', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'ALLOW' },
  },
  'createInvite(ADMIN)': { permissions: [Permission.INVITE_ADMIN], run: invite(Role.ADMIN), expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'FORBIDDEN', untrainedClinician: 'FORBIDDEN', untrainedAdmin: 'ALLOW', clinicianOffTeam: 'FORBIDDEN', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'ALLOW' } },
  'createInvite(CLINICIAN)': { permissions: [Permission.INVITE_CLINICIAN], run: invite(Role.CLINICIAN), expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'FORBIDDEN', untrainedClinician: 'FORBIDDEN', untrainedAdmin: 'ALLOW', clinicianOffTeam: 'FORBIDDEN', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'ALLOW' } },
  'createInvite(STAFF)': { permissions: [Permission.INVITE_STAFF], run: invite(Role.STAFF), expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'FORBIDDEN', untrainedClinician: 'FORBIDDEN', untrainedAdmin: 'ALLOW', clinicianOffTeam: 'FORBIDDEN', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'ALLOW' } },
  'createInvite(PATIENT)': { permissions: [Permission.INVITE_PATIENT], run: invite(Role.PATIENT), expect: { anonymous: 'UNAUTHENTICATED', admin: 'FORBIDDEN', clinician: 'ALLOW', untrainedClinician: 'ALLOW', untrainedAdmin: 'FORBIDDEN', clinicianOffTeam: 'ALLOW', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'FORBIDDEN' } },
  'users(role: STAFF)': {
    permissions: [Permission.LIST_STAFF],
    run: (c, token) => ops.users(c.t, token!, Role.STAFF),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'FORBIDDEN', untrainedClinician: 'FORBIDDEN', untrainedAdmin: 'ALLOW', clinicianOffTeam: 'FORBIDDEN', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'ALLOW' },
  },
  staffCompliance: {
    permissions: [Permission.READ_STAFF_COMPLIANCE],
    run: (c, token) => c.t.gql(`{ staffCompliance(first: 5) { nodes { courseSlug } } }`, {}, token),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'FORBIDDEN', untrainedClinician: 'FORBIDDEN', untrainedAdmin: 'ALLOW', clinicianOffTeam: 'FORBIDDEN', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'ALLOW' },
  },
  'updateOrganizationSettings(clientAccess unchanged)': {
    permissions: [Permission.MANAGE_ORGANIZATION_SETTINGS],
    run: (c, token) => c.t.gql(`mutation { updateOrganizationSettings(input: { clientAccess: CARE_TEAM }) { clientAccess } }`, {}, token),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'FORBIDDEN', untrainedClinician: 'FORBIDDEN', untrainedAdmin: 'ALLOW', clinicianOffTeam: 'FORBIDDEN', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'ALLOW' },
  },
  'archiveTrainingRequirement(unknown id)': {
    permissions: [Permission.MANAGE_TRAINING_REQUIREMENTS],
    // An admin passes the act check and then finds nothing; everyone else is refused first.
    run: (c, token) => c.t.gql(`mutation { archiveTrainingRequirement(id: "64b7f0c2a1b2c3d4e5f60718") { id } }`, {}, token),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'NOT_FOUND', clinician: 'FORBIDDEN', untrainedClinician: 'FORBIDDEN', untrainedAdmin: 'NOT_FOUND', clinicianOffTeam: 'FORBIDDEN', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'NOT_FOUND' },
  },
  'updateUser(spare staff member, role)': {
    permissions: [Permission.CHANGE_ROLE],
    // Moves a staff member nobody else uses between STAFF and CLINICIAN, so each allowed call changes the role.
    run: async (c, token) => {
      const current = c.spareRole;
      const res = await c.t.gql(`mutation($input: UpdateUserInput!) { updateUser(input: $input) { id role } }`, { input: { id: c.spare.id, role: current === Role.STAFF ? Role.CLINICIAN : Role.STAFF } }, token);
      if (res.data?.updateUser) c.spareRole = res.data.updateUser.role;
      return res;
    },
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'FORBIDDEN', untrainedClinician: 'FORBIDDEN', untrainedAdmin: 'ALLOW', clinicianOffTeam: 'FORBIDDEN', staff: 'NOT_FOUND', patient: 'NOT_FOUND', otherPatient: 'NOT_FOUND', familyNoConsent: 'NOT_FOUND', familyWithConsent: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' },
  },
  'exportClientRecord(id)': {
    permissions: [Permission.EXPORT_CLIENT_RECORD, Permission.HOLD_CREDENTIALS],
    run: (c, token) => c.t.gql(`query($id: ID!) { exportClientRecord(id: $id) { generatedAt certificates { recordId } } }`, { id: c.w.patient.id }, token),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'ALLOW', untrainedClinician: 'TRAINING_REQUIRED', untrainedAdmin: 'TRAINING_REQUIRED', clinicianOffTeam: 'NOT_FOUND', staff: 'FORBIDDEN', patient: 'ALLOW', otherPatient: 'NOT_FOUND', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'NOT_FOUND' },
  },
  'dischargeClient(a new client)': {
    permissions: [Permission.DISCHARGE_CLIENT],
    // A client of the clinician's made for each call, so every actor meets one still in care.
    run: async (c, token) => {
      const client = await invited(c.t, c.w.clinician, Role.PATIENT, 'Dee Discharged');
      return c.t.gql(`mutation($id: ID!) { dischargeClient(id: $id, reason: "Completed the program") { id } }`, { id: client.id }, token);
    },
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'ALLOW', untrainedClinician: 'NOT_FOUND', untrainedAdmin: 'ALLOW', clinicianOffTeam: 'NOT_FOUND', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'NOT_FOUND' },
  },
};

const ACTORS: Actor[] = ['anonymous', 'admin', 'clinician', 'clinicianOffTeam', 'untrainedClinician', 'untrainedAdmin', 'staff', 'patient', 'otherPatient', 'familyNoConsent', 'familyWithConsent', 'otherOrgAdmin'];
const cases = Object.entries(operations).flatMap(([name, op]) => ACTORS.map((actor) => [name, actor, op.expect[actor]] as const));

describe('authorization matrix: every role × every patient-data operation', () => {
  let c: Ctx;

  beforeAll(async () => {
    const t = await startTestApp();
    await importCurriculum(t.app);
    const w = await buildWorld(t, 'Matrix Clinic', { gated: true });
    const other = await buildWorld(t, 'Other Clinic');
    const otherPatient = await invited(t, w.clinician, Role.PATIENT, 'Oli Other');
    // A clinician of the same organization who is not on P's care team (the default CARE_TEAM setting).
    const clinicianOffTeam = await invited(t, w.admin, Role.CLINICIAN, 'Otto Offteam');
    const consentedFamily = await invited(t, w.clinician, Role.FAMILY, 'Cory Consented', w.patient.id);
    const untrainedClinician = await invited(t, w.admin, Role.CLINICIAN, 'Una Untrained');
    const untrainedAdmin = await invited(t, w.admin, Role.ADMIN, 'Udo Untrained');
    for (const trained of [w.admin, w.clinician, clinicianOffTeam]) await giveCurrentTraining(t, trained, w.orgId);
    expectData(await t.gql(`mutation($c: ID!, $u: ID!) { addToCareTeam(clientId: $c, clinicianId: $u) { id } }`, { c: w.patient.id, u: untrainedClinician.id }, w.admin.token));
    expectData(await ops.grantFamilyConsent(t, w.patient.token, consentInput(consentedFamily.id)));
    const course = expectData(await t.gql(`{ course(slug: "relapse-prevention-skills") { lessons { quizId } } }`, {}, w.admin.token)).course;
    const { lessonId } = lessonOf(await bundledLessons(t), 'relapse-prevention-skills', 'triggers-and-cravings');
    const prompts = expectData(await t.gql(`query($id: ID!) { lesson(id: $id) { reflectionPrompts { id } } }`, { id: lessonId }, w.patient.token)).lesson.reflectionPrompts;
    const reflection = expectData(await assessmentOps.submitReflection(t, w.patient.token, { lessonId, promptId: prompts[0].id, text: 'Friday evenings are the hardest.' }));
    const records = t.app.get(CompletionRecordsService);
    const issue = (courseSlug: string) => records.issue({ orgId: w.orgId, learnerId: w.patient.id, courseSlug, courseVersion: 1, completedAt: new Date() });
    const held = await issue('understanding-addiction');
    const revocable = await issue('continuum-of-care');
    const spare = await invited(t, w.admin, Role.STAFF, 'Sam Spare');
    c = {
      t,
      w,
      quizId: course.lessons[0].quizId,
      reflectionId: reflection.submitReflection.reflection.id,
      recordId: held.id,
      revocableRecordId: revocable.id,
      spare,
      spareRole: Role.STAFF,
      consentedFamily,
      actors: {
        anonymous: undefined,
        admin: w.admin,
        clinician: w.clinician,
        clinicianOffTeam,
        untrainedClinician,
        untrainedAdmin,
        staff: w.staff,
        patient: w.patient,
        otherPatient,
        familyNoConsent: w.family,
        familyWithConsent: consentedFamily,
        otherOrgAdmin: other.admin,
      },
    };
  }, 90000);
  afterAll(() => c?.t.close());

  it('exercises every permission of the policy', () => {
    const exercised = new Set(Object.values(operations).flatMap((op) => op.permissions));
    expect(Object.values(Permission).filter((p) => !exercised.has(p))).toEqual([]);
  });

  it('covers every role', () => {
    const roles = new Set(Object.values(c.actors).filter(Boolean).map((m) => m!.role));
    expect([...roles].sort()).toEqual(Object.values(Role).sort());
  });

  it.each(cases)('%s as %s → %s', async (name, actor, expected) => {
    const res = await operations[name].run(c, c.actors[actor]?.token);
    if (expected === 'ALLOW') {
      expect(res.errors).toBeUndefined();
    } else if (expected === 'TRAINING_REQUIRED') {
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(res.errors![0].extensions).toMatchObject({ reason: 'TRAINING_REQUIRED', course: { slug: 'confidentiality-essentials' } });
      expect(res.data ?? null).toBeNull();
    } else {
      expect(errorCode(res)).toBe(expected);
      expect(res.data ?? null).toBeNull();
    }
  });

  it("another organization's admin sees none of this organization's patients or audit events", async () => {
    const users = expectData(await ops.users(c.t, c.actors.otherOrgAdmin!.token, Role.PATIENT)).users;
    expect(users.nodes.map((u: { id: string }) => u.id)).not.toContain(c.w.patient.id);
    const events = expectData(await ops.auditEvents(c.t, c.actors.otherOrgAdmin!.token)).auditEvents;
    expect(events.nodes.every((e: { patientId?: string }) => e.patientId !== c.w.patient.id)).toBe(true);
  });
});
