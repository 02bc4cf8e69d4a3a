import { Role } from '../src/auth/principal';
import { ManualClock } from '../src/common/clock';
import { UsersService } from '../modules/identity/users.service';
import { importCurriculum } from '../modules/curriculum/import-curriculum';
import { errorCode, expectData, startTestApp, type GraphQLResponse, type TestApp } from './support/app';
import { buildWorld, giveCurrentTraining, invited, ops, type Member, type World } from './support/operations';
import { completeCourse, trainingOps } from './support/training-operations';
import { credentialOps } from './support/credentials-operations';
import { countCommands } from './support/learning-operations';

const COURSE = 'confidentiality-essentials';
const DAY_MS = 86_400_000;

/** Every read of a client's records the gate covers: progress, attempts, reflections, consents, completions, the profile. */
const READS: Array<[string, (t: TestApp, token: string, clientId: string, quizId: string) => Promise<GraphQLResponse>]> = [
  ['learnerProgress', (t, token, id) => t.gql(`query($id: ID!) { learnerProgress(learnerId: $id) { items { courseSlug } } }`, { id }, token)],
  ['quizAttempts', (t, token, id, quizId) => t.gql(`query($q: ID!, $l: ID) { quizAttempts(quizId: $q, learnerId: $l) { attempts { id } } }`, { q: quizId, l: id }, token)],
  ['reflections', (t, token, id) => t.gql(`query($l: ID) { reflections(learnerId: $l, first: 10) { nodes { id } } }`, { l: id }, token)],
  ['familyConsents', (t, token, id) => ops.familyConsents(t, token, id)],
  ['learnerCompletionRecords', (t, token, id) => t.gql(`query($l: ID!) { learnerCompletionRecords(learnerId: $l) { nodes { id } } }`, { l: id }, token)],
  ['patient', (t, token, id) => ops.patient(t, token, id)],
  ['caseload', (t, token) => t.gql(`{ caseload(first: 20) { nodes { learner { id } } } }`, {}, token)],
];

function expectTrainingRequired(res: GraphQLResponse): void {
  expect(errorCode(res)).toBe('FORBIDDEN');
  expect(res.data ?? null).toBeNull();
  expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'TRAINING_REQUIRED', course: { slug: COURSE, title: expect.stringContaining('Confidentiality') } });
  expect(res.errors![0].message).toContain('Confidentiality');
}

describe('the training gate on client records', () => {
  const clock = new ManualClock(new Date());
  let t: TestApp;
  let w: World;
  let quizId: string;

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    await importCurriculum(t.app);
    w = await buildWorld(t, 'Gated Clinic', { gated: true });
    quizId = expectData(await t.gql(`{ course(slug: "relapse-prevention-skills") { lessons { quizId } } }`, {}, w.admin.token)).course.lessons[0].quizId;
  }, 60000);
  afterAll(() => t?.close());

  it('is on for a new organization: the confidentiality course, admins included', async () => {
    const org = await t.app.get(UsersService).createOrganization('Brand New Program');
    expect(org.trainingGate).toBeUndefined(); // nothing stored: the default applies
    const settings = expectData(await trainingOps.updateTrainingGate(t, w.admin.token, {})).updateOrganizationSettings.trainingGate;
    expect(settings).toEqual({ enabled: true, requirementIds: [], exemptAdmins: false });
  });

  it.each(READS)('refuses an untrained clinician %s, naming the course to take', async (_, read) => {
    expectTrainingRequired(await read(t, w.clinician.token, w.patient.id, quizId));
  });

  it('the learner reads their own records whatever the gate; a colleague’s (staff) records are not client records', async () => {
    expect(errorCode(await READS[2][1](t, w.patient.token, w.patient.id, quizId))).toBeUndefined();
    expect(errorCode(await t.gql(`query($id: ID!) { learnerProgress(learnerId: $id) { items { courseSlug } } }`, { id: w.staff.id }, w.admin.token))).toBeUndefined();
  });

  it('refuses → the clinician completes the course → allowed at once → it expires → refused again', async () => {
    expectTrainingRequired(await READS[0][1](t, w.clinician.token, w.patient.id, quizId));
    await completeCourse(t, w.clinician, COURSE);
    for (const [, read] of READS) expect((await read(t, w.clinician.token, w.patient.id, quizId)).errors).toBeUndefined();

    const now = clock.now().getTime();
    clock.set(new Date(now + 364 * DAY_MS));
    expect((await READS[0][1](t, w.clinician.token, w.patient.id, quizId)).errors).toBeUndefined();
    clock.set(new Date(now + 367 * DAY_MS)); // 12 months and a day or two later, whatever the calendar
    expectTrainingRequired(await READS[0][1](t, w.clinician.token, w.patient.id, quizId));
    clock.set(new Date(now));
  });

  it('asks the database about a trained viewer once, not on every read; revoking their record closes the gate at once', async () => {
    const trained = await invited(t, w.admin, Role.CLINICIAN, 'Tess Trained');
    expectData(await t.gql(`mutation($c: ID!, $u: ID!) { addToCareTeam(clientId: $c, clinicianId: $u) { id } }`, { c: w.patient.id, u: trained.id }, w.admin.token));
    await giveCurrentTraining(t, trained, w.orgId);
    const first = await countCommands(t, async () => expect((await READS[0][1](t, trained.token, w.patient.id, quizId)).errors).toBeUndefined());
    const second = await countCommands(t, async () => expect((await READS[0][1](t, trained.token, w.patient.id, quizId)).errors).toBeUndefined());
    expect(second.count).toBe(first.count - 2); // the organization's gate and the viewer's training records

    const records = expectData(await t.gql(`query($l: ID!) { learnerCompletionRecords(learnerId: $l) { nodes { id courseSlug } } }`, { l: trained.id }, w.admin.token));
    const record = records.learnerCompletionRecords.nodes.find((r: { courseSlug: string }) => r.courseSlug === COURSE);
    expectData(await credentialOps.revokeCompletionRecord(t, w.admin.token, record.id, 'Issued to the wrong person'));
    expectTrainingRequired(await READS[0][1](t, trained.token, w.patient.id, quizId));
  });

  it('emergency access stays open to an untrained clinician, and is audited', async () => {
    const outsider: Member = await invited(t, w.admin, Role.CLINICIAN, 'Eli Emergency');
    // Off the care team, the client is not found (as before); the gate does not speak for them.
    expect(errorCode(await READS[0][1](t, outsider.token, w.patient.id, quizId))).toBe('NOT_FOUND');
    const reason = 'Client called after hours; their clinician is away';
    expectData(await t.gql(`mutation($c: ID!, $r: String!) { openEmergencyAccess(clientId: $c, reason: $r) { id } }`, { c: w.patient.id, r: reason }, outsider.token));
    expect((await READS[0][1](t, outsider.token, w.patient.id, quizId)).errors).toBeUndefined();
    expect((await READS[2][1](t, outsider.token, w.patient.id, quizId)).errors).toBeUndefined();

    const trail = expectData(await ops.auditEvents(t, w.admin.token, { actorId: outsider.id, patientId: w.patient.id })).auditEvents.nodes.map((e: { action: string }) => e.action);
    expect(trail).toEqual(expect.arrayContaining(['EMERGENCY_ACCESS_OPENED', 'PROGRESS_READ', 'REFLECTION_READ']));
  });

  it("refuses an untrained clinician's grant of quiz attempts before writing it (its answer shows the attempts)", async () => {
    const newcomer = await invited(t, w.admin, Role.CLINICIAN, 'Gil Granter');
    expectData(await t.gql(`mutation($c: ID!, $u: ID!) { addToCareTeam(clientId: $c, clinicianId: $u) { id } }`, { c: w.patient.id, u: newcomer.id }, w.admin.token));
    const allowed = async () =>
      expectData(await t.gql(`query($q: ID!) { quizAttempts(quizId: $q) { standing { attemptsAllowed } } }`, { q: quizId }, w.patient.token)).quizAttempts.standing.attemptsAllowed;
    const before = await allowed();
    expectTrainingRequired(
      await t.gql(`mutation($l: ID!, $q: ID!) { grantQuizAttempts(learnerId: $l, quizId: $q, extra: 2, reason: "Asked for another go") { standing { attemptsAllowed } } }`, { l: w.patient.id, q: quizId }, newcomer.token),
    );
    expect(await allowed()).toBe(before);
  });

  it('gates admins too, unless the organization exempts them', async () => {
    const admin = await invited(t, w.admin, Role.ADMIN, 'Ari Admin');
    expectTrainingRequired(await READS[0][1](t, admin.token, w.patient.id, quizId));
    expectData(await trainingOps.updateTrainingGate(t, w.admin.token, { exemptAdmins: true }));
    expect((await READS[0][1](t, admin.token, w.patient.id, quizId)).errors).toBeUndefined();
    // Exempting admins does not open the gate for clinicians.
    const newcomer = await invited(t, w.admin, Role.CLINICIAN, 'Nia Newcomer');
    expectData(await t.gql(`mutation($c: ID!, $u: ID!) { addToCareTeam(clientId: $c, clinicianId: $u) { id } }`, { c: w.patient.id, u: newcomer.id }, w.admin.token));
    expectTrainingRequired(await READS[6][1](t, newcomer.token, w.patient.id, quizId));
    expectData(await trainingOps.updateTrainingGate(t, w.admin.token, { exemptAdmins: false }));
    expectTrainingRequired(await READS[0][1](t, admin.token, w.patient.id, quizId));
  });

  it('can name its own requirements; an archived one falls back to the confidentiality course rather than opening the gate', async () => {
    const onboarding = expectData(
      await trainingOps.createTrainingRequirement(t, w.admin.token, {
        name: 'Staff onboarding, every two years',
        courseSlug: 'staff-onboarding',
        roles: [Role.CLINICIAN, Role.ADMIN],
        firstDue: { kind: 'AFTER_START', days: 30 },
        recurrence: { kind: 'MONTHS_AFTER_COMPLETION', months: 24 },
        validityMonths: 24,
      }),
    ).createTrainingRequirement;
    const reader = await invited(t, w.admin, Role.CLINICIAN, 'Rae Reader');
    expectData(await t.gql(`mutation($c: ID!, $u: ID!) { addToCareTeam(clientId: $c, clinicianId: $u) { id } }`, { c: w.patient.id, u: reader.id }, w.admin.token));
    await giveCurrentTraining(t, reader, w.orgId); // the confidentiality course, not the one now named
    expect(await trainingOps.updateTrainingGate(t, w.admin.token, { requirementIds: [onboarding.id] }).then((r) => r.errors)).toBeUndefined();
    const refused = await READS[0][1](t, reader.token, w.patient.id, quizId);
    expect(refused.errors![0].extensions).toMatchObject({ reason: 'TRAINING_REQUIRED', course: { slug: 'staff-onboarding' }, requirementId: onboarding.id });
    await giveCurrentTraining(t, reader, w.orgId, new Date(), 'staff-onboarding');
    expect((await READS[0][1](t, reader.token, w.patient.id, quizId)).errors).toBeUndefined();

    expectData(await trainingOps.archiveTrainingRequirement(t, w.admin.token, onboarding.id));
    expect((await READS[0][1](t, reader.token, w.patient.id, quizId)).errors).toBeUndefined(); // the confidentiality course is current
    expectData(await trainingOps.updateTrainingGate(t, w.admin.token, { requirementIds: [] }));
  });

  it('an organization may turn the gate off', async () => {
    const untrained = await invited(t, w.admin, Role.ADMIN, 'Uma Untrained');
    expectTrainingRequired(await READS[0][1](t, untrained.token, w.patient.id, quizId));
    expectData(await trainingOps.updateTrainingGate(t, w.admin.token, { enabled: false }));
    expect((await READS[0][1](t, untrained.token, w.patient.id, quizId)).errors).toBeUndefined();
    expectData(await trainingOps.updateTrainingGate(t, w.admin.token, { enabled: true }));
  });
});
