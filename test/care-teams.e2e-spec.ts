import { getModelToken } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { Role } from '../src/auth/principal';
import { CoursesService } from '../modules/curriculum/courses.service';
import { DEMO_PASSWORD, seedDemoOrganization } from '../modules/identity/demo-seed';
import { seedDemoTraining } from '../modules/training/demo-training';
import { importCurriculum } from '../modules/curriculum/import-curriculum';
import { Notification } from '../modules/identity/schemas/notification.schema';
import { User } from '../modules/identity/schemas/user.schema';
import { UsersService } from '../modules/identity/users.service';
import { errorCode, expectData, type GraphQLResponse, type TestApp } from './support/app';
import { assessmentOps, bundledLessons, lessonOf } from './support/assessment-operations';
import { invited, ops, startClinic, type Member, type World } from './support/operations';

/**
 * Care teams (minimum necessary): a clinician sees the clients on their care team; past
 * it, only through audited, announced, time-boxed emergency access; admins manage teams.
 */
let t: TestApp;
let w: World;
let outsider: Member;

const progressOf = (token: string, learnerId: string) => t.gql(`query($id: ID!) { learnerProgress(learnerId: $id) { learner { id } } }`, { id: learnerId }, token);
const reflectionsOf = (token: string, learnerId: string) => t.gql(`query($l: ID) { reflections(learnerId: $l, first: 10) { nodes { id text } } }`, { l: learnerId }, token);
const caseloadIds = async (token: string): Promise<string[]> =>
  expectData(await t.gql(`{ caseload(first: 50) { nodes { learner { id } } } }`, {}, token)).caseload.nodes.map((n: { learner: { id: string } }) => n.learner.id);
const openEmergency = (token: string, clientId: string, reason: string) =>
  t.gql(`mutation($c: ID!, $r: String!) { openEmergencyAccess(clientId: $c, reason: $r) { id clinicianId clientId reason openedAt expiresAt active } }`, { c: clientId, r: reason }, token);
const careTeamOp = (op: 'addToCareTeam' | 'removeFromCareTeam', token: string, clientId: string, clinicianId: string) =>
  t.gql(`mutation($c: ID!, $k: ID!) { ${op}(clientId: $c, clinicianId: $k) { id clinicianId careTeam } }`, { c: clientId, k: clinicianId }, token);
const settings = (token: string, clientAccess: string) =>
  t.gql(`mutation($i: OrganizationSettingsInput!) { updateOrganizationSettings(input: $i) { clientAccess } }`, { i: { clientAccess } }, token);
const allowed = (res: GraphQLResponse) => (res.errors ? errorCode(res) : 'ALLOW');

beforeAll(async () => {
  ({ t, w } = await startClinic('Care Team Clinic'));
  outsider = await invited(t, w.admin, Role.CLINICIAN, 'Olive Outside');
}, 60000);
afterAll(() => t?.close());

describe('a clinician off the care team', () => {
  let client: Member;

  beforeAll(async () => {
    client = await invited(t, w.clinician, Role.PATIENT, 'Cory Client');
    const { lessonId } = lessonOf(await bundledLessons(t), 'relapse-prevention-skills', 'triggers-and-cravings');
    const found = await t.app.get(CoursesService).lessonWithCourse(lessonId);
    expectData(await assessmentOps.submitReflection(t, client.token, { lessonId, promptId: found!.lesson.reflectionPrompts[0].id, text: 'Evenings alone are hard.' }));
  });

  it('does not see the client: progress and reflections answer NOT_FOUND, the caseload leaves them out', async () => {
    expect(allowed(await progressOf(outsider.token, client.id))).toBe('NOT_FOUND');
    expect(allowed(await reflectionsOf(outsider.token, client.id))).toBe('NOT_FOUND');
    expect(await caseloadIds(outsider.token)).not.toContain(client.id);
    expect(await caseloadIds(w.clinician.token)).toContain(client.id);
  });

  it('must give a reason to open emergency access, and a care-team member has no need to', async () => {
    expect(errorCode(await openEmergency(outsider.token, client.id, 'help'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await openEmergency(w.clinician.token, client.id, 'Covering the evening crisis line'))).toBe('FORBIDDEN');
    expect(errorCode(await openEmergency(w.admin.token, client.id, 'Covering the evening crisis line'))).toBe('FORBIDDEN');
  });

  it('with emergency access sees the client for the window; the reason is audited, listed for admins, and the care team is told', async () => {
    const reason = 'Client called the crisis line; their clinician is away';
    const before = Date.now();
    const grant = expectData(await openEmergency(outsider.token, client.id, reason)).openEmergencyAccess;
    expect(grant).toMatchObject({ clinicianId: outsider.id, clientId: client.id, reason, active: true });
    const minutes = (new Date(grant.expiresAt).getTime() - before) / 60000;
    expect(minutes).toBeGreaterThan(59);
    expect(minutes).toBeLessThanOrEqual(61);

    expect(allowed(await progressOf(outsider.token, client.id))).toBe('ALLOW');
    const reflections = expectData(await reflectionsOf(outsider.token, client.id)).reflections.nodes;
    expect(reflections.map((r: { text: string }) => r.text)).toEqual(['Evenings alone are hard.']);

    const trail = expectData(
      await t.gql(`query($f: AuditEventFilter) { auditEvents(filter: $f, first: 50) { nodes { action reason actorId } } }`, { f: { actorId: outsider.id, patientId: client.id } }, w.admin.token),
    ).auditEvents.nodes;
    expect(trail).toEqual(expect.arrayContaining([{ action: 'EMERGENCY_ACCESS_OPENED', reason, actorId: outsider.id }]));
    expect(trail.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['PROGRESS_READ', 'REFLECTION_READ']));

    const listed = expectData(await t.gql(`{ emergencyAccessGrants(first: 10) { nodes { id clinicianId clientId reason active } } }`, {}, w.admin.token)).emergencyAccessGrants.nodes;
    expect(listed).toContainEqual({ id: grant.id, clinicianId: outsider.id, clientId: client.id, reason, active: true });
    expect(errorCode(await t.gql(`{ emergencyAccessGrants(first: 10) { nodes { id } } }`, {}, outsider.token))).toBe('FORBIDDEN');

    const notices = await t.app.get<Model<Notification>>(getModelToken(Notification.name)).find({ kind: 'EMERGENCY_ACCESS_OPENED', 'detail.grantId': grant.id }).lean();
    expect(notices.map((n) => n.userId.toHexString())).toEqual([w.clinician.id]);
    expect(notices[0].text).not.toContain(reason);
  });

  it('still may not assign work or manage the care team under emergency access', async () => {
    const assign = await t.gql(`mutation($i: AssignCourseInput!) { assignCourse(input: $i) { id } }`, { i: { learnerId: client.id, courseSlug: 'relapse-prevention-skills' } }, outsider.token);
    expect(errorCode(assign)).toBe('FORBIDDEN');
    expect(errorCode(await careTeamOp('addToCareTeam', outsider.token, client.id, outsider.id))).toBe('FORBIDDEN');
  });
});

describe('admins manage care teams', () => {
  it('add, remove and transfer change who sees the client, and each change is audited', async () => {
    const client = await invited(t, w.clinician, Role.PATIENT, 'Dana Moves');
    const second = await invited(t, w.admin, Role.CLINICIAN, 'Sol Second');
    expect(allowed(await progressOf(second.token, client.id))).toBe('NOT_FOUND');

    const added = expectData(await careTeamOp('addToCareTeam', w.admin.token, client.id, second.id)).addToCareTeam;
    expect(added).toEqual({ id: client.id, clinicianId: w.clinician.id, careTeam: [w.clinician.id, second.id] });
    expect(allowed(await progressOf(second.token, client.id))).toBe('ALLOW');

    expectData(await careTeamOp('removeFromCareTeam', w.admin.token, client.id, second.id));
    expect(allowed(await progressOf(second.token, client.id))).toBe('NOT_FOUND');

    const moved = expectData(await t.gql(`mutation($c: ID!, $k: ID!) { transferClient(clientId: $c, toClinicianId: $k) { careTeam } }`, { c: client.id, k: second.id }, w.admin.token)).transferClient;
    expect(moved.careTeam).toEqual([second.id]);
    expect(allowed(await progressOf(second.token, client.id))).toBe('ALLOW');
    expect(allowed(await progressOf(w.clinician.token, client.id))).toBe('NOT_FOUND');

    const actions = expectData(await t.gql(`query($f: AuditEventFilter) { auditEvents(filter: $f, first: 50) { nodes { action } } }`, { f: { patientId: client.id, actorId: w.admin.id } }, w.admin.token)).auditEvents.nodes.map(
      (e: { action: string }) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['CARE_TEAM_MEMBER_ADDED', 'CARE_TEAM_MEMBER_REMOVED', 'CLIENT_TRANSFERRED']));
  });

  it('only clinicians join a care team, and only clients have one', async () => {
    const client = await invited(t, w.clinician, Role.PATIENT, 'Eli Edge');
    expect(errorCode(await careTeamOp('addToCareTeam', w.admin.token, client.id, w.staff.id))).toBe('NOT_FOUND');
    expect(errorCode(await careTeamOp('addToCareTeam', w.admin.token, w.staff.id, outsider.id))).toBe('NOT_FOUND');
    expect(errorCode(await careTeamOp('addToCareTeam', w.clinician.token, client.id, outsider.id))).toBe('FORBIDDEN');
  });
});

describe('organization setting clientAccess', () => {
  it('ALL_CLINICIANS lets every clinician see every client; CARE_TEAM (the default) closes it again', async () => {
    const client = await invited(t, w.clinician, Role.PATIENT, 'Fern Wide');
    expect(allowed(await progressOf(outsider.token, client.id))).toBe('NOT_FOUND');
    expect(expectData(await settings(w.admin.token, 'ALL_CLINICIANS')).updateOrganizationSettings.clientAccess).toBe('ALL_CLINICIANS');
    expect(allowed(await progressOf(outsider.token, client.id))).toBe('ALLOW');
    expect(errorCode(await settings(w.clinician.token, 'ALL_CLINICIANS'))).toBe('FORBIDDEN');
    expectData(await settings(w.admin.token, 'CARE_TEAM'));
    expect(allowed(await progressOf(outsider.token, client.id))).toBe('NOT_FOUND');
  });
});

describe('clients stored before care teams', () => {
  it('join their clinician’s care team at start-up, once', async () => {
    const users = t.app.get<Model<User>>(getModelToken(User.name));
    const legacyId = new Types.ObjectId();
    await users.collection.insertOne({
      _id: legacyId,
      orgId: new Types.ObjectId(w.orgId),
      email: `legacy-${legacyId.toHexString()}@example.test`,
      role: Role.PATIENT,
      displayName: 'Lee Legacy',
      passwordHash: 'not-a-real-hash',
      clinicianId: new Types.ObjectId(w.clinician.id),
    });
    const service = t.app.get(UsersService);
    expect(await service.migrateCareTeams()).toBeGreaterThanOrEqual(1);
    expect(await service.migrateCareTeams()).toBe(0);
    const migrated = await users.collection.findOne({ _id: legacyId });
    expect(migrated?.careTeam).toEqual([new Types.ObjectId(w.clinician.id)]);
    expect(migrated).not.toHaveProperty('clinicianId');
    expect(allowed(await progressOf(w.clinician.token, legacyId.toHexString()))).toBe('ALLOW');
  });
});

describe('the demo organization', () => {
  it('has a trained care-team clinician who sees the demo patient, an untrained one the training gate stops, and one outside the team who does not', async () => {
    await importCurriculum(t.app);
    const { accounts } = await seedDemoOrganization(t.app);
    await seedDemoTraining(t.app);
    await seedDemoTraining(t.app); // safe to run twice, as at every start
    const patient = accounts.find((a) => a.role === Role.PATIENT)!;
    const [onTeam, outside, untrained] = accounts.filter((a) => a.role === Role.CLINICIAN);
    const tokenOf = async (email: string) => expectData(await ops.login(t, email, DEMO_PASSWORD)).login.accessToken as string;
    expect(allowed(await progressOf(await tokenOf(onTeam.email), patient.id))).toBe('ALLOW');
    const gated = await progressOf(await tokenOf(untrained.email), patient.id);
    expect(gated.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'TRAINING_REQUIRED', course: { slug: 'confidentiality-essentials' } });
    expect(allowed(await progressOf(await tokenOf(outside.email), patient.id))).toBe('NOT_FOUND');
    const admin = accounts.find((a) => a.role === Role.ADMIN)!;
    const records = expectData(await t.gql('{ myCompletionRecords(first: 5) { nodes { courseSlug validUntil } } }', {}, await tokenOf(admin.email))).myCompletionRecords.nodes;
    expect(records).toEqual([{ courseSlug: 'confidentiality-essentials', validUntil: expect.any(String) }]);
  });
});
