import { Role } from '../src/auth/principal';
import { importCurriculum } from '../modules/curriculum/import-curriculum';
import { errorCode, expectData, startTestApp, type GraphQLResponse, type TestApp } from './support/app';
import { buildWorld, consentInput, giveCurrentTraining, invited, ops, signIn, type Member, type World } from './support/operations';

/**
 * Every role × every operation that reads or writes patient data, against one
 * patient (P) and a family member linked to P; "clinician" is on P's care team,
 * "clinicianOffTeam" is not (emergency access: test/care-teams.e2e-spec.ts). The
 * policy's own table, every permission × actor, is modules/identity/policy/access-policy.spec.ts. ALLOW means the call succeeds;
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
  actors: Record<Actor, Member | undefined>;
  consentedFamily: Member;
}

const operations: Record<string, { run: (c: Ctx, token?: string) => Promise<GraphQLResponse>; expect: Record<Actor, Expect> }> = {
  'patient(id)': {
    run: (c, token) => ops.patient(c.t, token!, c.w.patient.id),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'ALLOW', untrainedClinician: 'TRAINING_REQUIRED', untrainedAdmin: 'TRAINING_REQUIRED', clinicianOffTeam: 'NOT_FOUND', staff: 'FORBIDDEN', patient: 'ALLOW', otherPatient: 'NOT_FOUND', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'ALLOW', otherOrgAdmin: 'NOT_FOUND' },
  },
  'familyConsents(patientId)': {
    run: (c, token) => ops.familyConsents(c.t, token!, c.w.patient.id),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'ALLOW', untrainedClinician: 'TRAINING_REQUIRED', untrainedAdmin: 'TRAINING_REQUIRED', clinicianOffTeam: 'NOT_FOUND', staff: 'FORBIDDEN', patient: 'ALLOW', otherPatient: 'NOT_FOUND', familyNoConsent: 'ALLOW', familyWithConsent: 'ALLOW', otherOrgAdmin: 'NOT_FOUND' },
  },
  grantFamilyConsent: {
    run: async (c, token) => {
      const res = await ops.grantFamilyConsent(c.t, token!, consentInput(c.w.family.id, { patientId: c.w.patient.id, signedAt: new Date().toISOString() }));
      // Undo it, so "familyNoConsent" keeps meaning what it says for the rows after this one.
      if (res.data?.grantFamilyConsent) expectData(await ops.revokeFamilyConsent(c.t, c.w.patient.token, res.data.grantFamilyConsent.id));
      return res;
    },
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'ALLOW', untrainedClinician: 'ALLOW', untrainedAdmin: 'ALLOW', clinicianOffTeam: 'NOT_FOUND', staff: 'FORBIDDEN', patient: 'ALLOW', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'NOT_FOUND' },
  },
  revokeFamilyConsent: {
    run: async (c, token) => {
      const consent = expectData(await ops.grantFamilyConsent(c.t, c.w.patient.token, consentInput(c.w.family.id))).grantFamilyConsent;
      const res = await ops.revokeFamilyConsent(c.t, token!, consent.id);
      expectData(await ops.revokeFamilyConsent(c.t, c.w.patient.token, consent.id)); // whatever the actor could do, leave no consent behind
      return res;
    },
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'ALLOW', untrainedClinician: 'ALLOW', untrainedAdmin: 'ALLOW', clinicianOffTeam: 'NOT_FOUND', staff: 'FORBIDDEN', patient: 'ALLOW', otherPatient: 'NOT_FOUND', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'NOT_FOUND' },
  },
  'createInvite(FAMILY for patient)': {
    run: (c, token) => ops.createInvite(c.t, token!, { role: Role.FAMILY, email: `fam-${Math.random().toString(36).slice(2)}@example.test`, patientId: c.w.patient.id }),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'FORBIDDEN', clinician: 'ALLOW', untrainedClinician: 'ALLOW', untrainedAdmin: 'FORBIDDEN', clinicianOffTeam: 'NOT_FOUND', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'FORBIDDEN' },
  },
  'users(role: PATIENT)': {
    run: (c, token) => ops.users(c.t, token!, Role.PATIENT),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'ALLOW', untrainedClinician: 'TRAINING_REQUIRED', untrainedAdmin: 'TRAINING_REQUIRED', clinicianOffTeam: 'ALLOW', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'ALLOW' },
  },
  'learnerProgress(learnerId)': {
    run: (c, token) => c.t.gql(`query($id: ID!) { learnerProgress(learnerId: $id) { items { courseSlug status } } }`, { id: c.w.patient.id }, token),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'ALLOW', untrainedClinician: 'TRAINING_REQUIRED', untrainedAdmin: 'TRAINING_REQUIRED', clinicianOffTeam: 'NOT_FOUND', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'ALLOW', otherOrgAdmin: 'NOT_FOUND' },
  },
  'assignCourse(patient)': {
    run: (c, token) => c.t.gql(`mutation($i: AssignCourseInput!) { assignCourse(input: $i) { id } }`, { i: { learnerId: c.w.patient.id, courseSlug: 'relapse-prevention-skills' } }, token),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'ALLOW', untrainedClinician: 'ALLOW', untrainedAdmin: 'ALLOW', clinicianOffTeam: 'NOT_FOUND', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'NOT_FOUND' },
  },
  cancelAssignment: {
    run: async (c, token) => {
      const assigned = expectData(
        await c.t.gql(`mutation($i: AssignCourseInput!) { assignCourse(input: $i) { id } }`, { i: { learnerId: c.w.patient.id, courseSlug: 'continuum-of-care' } }, c.w.clinician.token),
      ).assignCourse;
      return c.t.gql(`mutation($id: ID!) { cancelAssignment(id: $id) { id state } }`, { id: assigned.id }, token);
    },
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'ALLOW', untrainedClinician: 'ALLOW', untrainedAdmin: 'ALLOW', clinicianOffTeam: 'NOT_FOUND', staff: 'NOT_FOUND', patient: 'FORBIDDEN', otherPatient: 'NOT_FOUND', familyNoConsent: 'NOT_FOUND', familyWithConsent: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' },
  },
  caseload: {
    run: (c, token) => c.t.gql(`{ caseload(first: 50) { nodes { learner { id } } } }`, {}, token),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'ALLOW', untrainedClinician: 'TRAINING_REQUIRED', untrainedAdmin: 'TRAINING_REQUIRED', clinicianOffTeam: 'ALLOW', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'ALLOW' },
  },
  'quizAttempts(quizId, learnerId)': {
    run: (c, token) => c.t.gql(`query($q: ID!, $l: ID) { quizAttempts(quizId: $q, learnerId: $l) { attempts { id } } }`, { q: c.quizId, l: c.w.patient.id }, token),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'ALLOW', untrainedClinician: 'TRAINING_REQUIRED', untrainedAdmin: 'TRAINING_REQUIRED', clinicianOffTeam: 'NOT_FOUND', staff: 'NOT_FOUND', patient: 'ALLOW', otherPatient: 'NOT_FOUND', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'NOT_FOUND' },
  },
  'reflections(learnerId)': {
    run: (c, token) => c.t.gql(`query($l: ID) { reflections(learnerId: $l, first: 10) { nodes { id } } }`, { l: c.w.patient.id }, token),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'ALLOW', untrainedClinician: 'TRAINING_REQUIRED', untrainedAdmin: 'TRAINING_REQUIRED', clinicianOffTeam: 'NOT_FOUND', staff: 'NOT_FOUND', patient: 'ALLOW', otherPatient: 'NOT_FOUND', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'NOT_FOUND' },
  },
  'learnerCompletionRecords(learnerId)': {
    // The family member's consent covers PROGRESS only, so completions stay closed to them.
    run: (c, token) => c.t.gql(`query($l: ID!) { learnerCompletionRecords(learnerId: $l) { nodes { id } } }`, { l: c.w.patient.id }, token),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'ALLOW', untrainedClinician: 'TRAINING_REQUIRED', untrainedAdmin: 'TRAINING_REQUIRED', clinicianOffTeam: 'NOT_FOUND', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'NOT_FOUND' },
  },
  'completionRecords (organization list)': {
    run: (c, token) => c.t.gql(`{ completionRecords(first: 10) { nodes { id } } }`, {}, token),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'FORBIDDEN', untrainedClinician: 'FORBIDDEN', untrainedAdmin: 'ALLOW', clinicianOffTeam: 'FORBIDDEN', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'ALLOW' },
  },
  auditEvents: {
    run: (c, token) => ops.auditEvents(c.t, token!, { patientId: c.w.patient.id }),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'FORBIDDEN', untrainedClinician: 'FORBIDDEN', untrainedAdmin: 'ALLOW', clinicianOffTeam: 'FORBIDDEN', staff: 'FORBIDDEN', patient: 'FORBIDDEN', otherPatient: 'FORBIDDEN', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'ALLOW' },
  },
  'deactivateUser(patient)': {
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
    run: (c, token) => c.t.gql(`mutation($input: UpdateUserInput!) { updateUser(input: $input) { id displayName } }`, { input: { id: c.w.patient.id, displayName: 'Pia Patient' } }, token),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', clinician: 'FORBIDDEN', untrainedClinician: 'FORBIDDEN', untrainedAdmin: 'ALLOW', clinicianOffTeam: 'NOT_FOUND', staff: 'NOT_FOUND', patient: 'ALLOW', otherPatient: 'NOT_FOUND', familyNoConsent: 'FORBIDDEN', familyWithConsent: 'FORBIDDEN', otherOrgAdmin: 'NOT_FOUND' },
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
    c = {
      t,
      w,
      quizId: course.lessons[0].quizId,
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
