import { Role } from '../src/auth/principal';
import { forbiddenWordIn } from '../src/common/discreet-wording';
import { importCurriculum } from '../modules/curriculum/import-curriculum';
import { errorCode, expectData, startTestApp, type TestApp } from './support/app';
import { credentialOps as credentials } from './support/credentials-operations';
import { learningOps as learning } from './support/learning-operations';
import { buildWorld, invited, ops, PASSWORD, type Member, type World } from './support/operations';
import { startSmtpServer, type ReceivedMail, type TestSmtp } from './support/smtp';

const BASE = 'https://portal.example.test';
const USER_FIELDS = 'id role displayName email pendingEmail deactivatedAt';

const deactivate = (t: TestApp, token: string, id: string, reason = 'Left the program') =>
  t.gql(`mutation($id: ID!, $r: String!) { deactivateUser(id: $id, reason: $r) { ${USER_FIELDS} } }`, { id, r: reason }, token);
const reactivate = (t: TestApp, token: string, id: string) => t.gql(`mutation($id: ID!) { reactivateUser(id: $id) { ${USER_FIELDS} } }`, { id }, token);
const updateUser = (t: TestApp, token: string, input: Record<string, unknown>) =>
  t.gql(`mutation($input: UpdateUserInput!) { updateUser(input: $input) { ${USER_FIELDS} } }`, { input }, token);
const confirmEmail = (t: TestApp, token: string) => t.gql(`mutation($t: String!) { confirmEmailChange(token: $t) }`, { t: token });

let smtp: TestSmtp;
let t: TestApp;
let w: World;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_BASE_URL: BASE });
  w = await buildWorld(t, 'Harbor Addiction Recovery Center');
});
afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

async function refusedWithin(token: string, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (errorCode(await ops.me(t, token)) === 'UNAUTHENTICATED') return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

async function mailTo(to: string, pattern: RegExp): Promise<ReceivedMail> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = smtp.received.find((m) => m.to === to && pattern.test(m.text));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no mail to ${to} matching ${pattern}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const browserSignIn = (email: string, password: string) =>
  fetch(`${t.url}/session/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-waypoint-csrf': '1' }, body: JSON.stringify({ email, password }) });

describe('deactivateUser and reactivateUser', () => {
  it('the directory lists deactivated accounts only when asked, so an admin can find them to reactivate', async () => {
    const leaver = await invited(t, w.admin, Role.STAFF, 'Lee Leaving');
    const names = async (deactivated?: boolean) =>
      expectData(await t.gql('query($d: Boolean) { users(first: 100, role: STAFF, deactivated: $d) { nodes { displayName } } }', { d: deactivated }, w.admin.token)).users.nodes.map(
        (u: { displayName: string }) => u.displayName,
      );
    expectData(await deactivate(t, w.admin.token, leaver.id));
    expect(await names()).not.toContain('Lee Leaving');
    expect(await names(true)).toContain('Lee Leaving');
    expectData(await reactivate(t, w.admin.token, leaver.id));
    expect(await names()).toContain('Lee Leaving');
    expect(await names(true)).not.toContain('Lee Leaving');
  });

  let member: Member;
  beforeAll(async () => {
    member = await invited(t, w.admin, Role.STAFF, 'Dana Departing');
  });

  it('ends every session at once, refuses sign-in with a clear message (GraphQL and browser), and keeps the records', async () => {
    const second = expectData(await ops.login(t, member.email, PASSWORD)).login;
    const done = expectData(await deactivate(t, w.admin.token, member.id, 'Left the program in March')).deactivateUser;
    expect(done).toMatchObject({ id: member.id, displayName: 'Dana Departing', deactivatedAt: expect.any(String) });

    expect(await refusedWithin(member.token, 2000)).toBe(true);
    expect(await refusedWithin(second.accessToken, 2000)).toBe(true);
    expect(errorCode(await ops.refreshSession(t, second.refreshToken))).toBe('UNAUTHENTICATED');

    const refused = await ops.login(t, member.email, PASSWORD);
    expect(errorCode(refused)).toBe('UNAUTHENTICATED');
    expect(refused.errors?.[0].message).toMatch(/deactivated/);
    // A wrong password learns nothing about the account's state.
    expect((await ops.login(t, member.email, 'not the password at all')).errors?.[0].message).not.toMatch(/deactivated/);
    const browser = await browserSignIn(member.email, PASSWORD);
    expect(browser.status).toBe(401);
    expect(((await browser.json()) as { errors: Array<{ message: string }> }).errors[0].message).toMatch(/deactivated/);

    const events = expectData(await ops.auditEvents(t, w.admin.token, { action: 'USER_DEACTIVATED' })).auditEvents.nodes;
    expect(events.some((e: { actorId: string }) => e.actorId === w.admin.id)).toBe(true);
    expect(errorCode(await deactivate(t, w.admin.token, member.id))).toBe('CONFLICT');

    expect(expectData(await reactivate(t, w.admin.token, member.id)).reactivateUser.deactivatedAt).toBeNull();
    expectData(await ops.login(t, member.email, PASSWORD));
  });

  it('needs a reason, an admin, and someone other than yourself', async () => {
    expect(errorCode(await deactivate(t, w.admin.token, member.id, '  '))).toBe('BAD_USER_INPUT');
    expect(errorCode(await deactivate(t, w.clinician.token, w.patient.id))).toBe('FORBIDDEN');
    expect(errorCode(await deactivate(t, w.admin.token, w.admin.id))).toBe('FORBIDDEN');
    expect(errorCode(await reactivate(t, w.admin.token, w.staff.id))).toBe('CONFLICT');
  });
});

describe('updateUser', () => {
  it('changes a display name for oneself or by an admin, never by the care team', async () => {
    expect(expectData(await updateUser(t, w.family.token, { id: w.family.id, displayName: '  Fay F. ' })).updateUser.displayName).toBe('Fay F.');
    expect(expectData(await updateUser(t, w.admin.token, { id: w.family.id, displayName: 'Fay Family' })).updateUser.displayName).toBe('Fay Family');
    expect(errorCode(await updateUser(t, w.clinician.token, { id: w.family.id, displayName: 'Someone Else' }))).toBe('FORBIDDEN');
    expect(errorCode(await updateUser(t, w.family.token, { id: w.family.id, displayName: '' }))).toBe('BAD_USER_INPUT');
  });

  it('changes an email address only once the new address confirms it, and tells the old one', async () => {
    const member = await invited(t, w.clinician, Role.PATIENT, 'Pat Moving');
    const newAddress = `moved-${process.pid}@mail.example.test`;
    const proposed = expectData(await updateUser(t, member.token, { id: member.id, email: newAddress.toUpperCase() })).updateUser;
    expect(proposed).toMatchObject({ email: member.email, pendingEmail: newAddress });

    const mail = await mailTo(newAddress, /confirm-email/);
    const token = new RegExp(`${BASE}/confirm-email/([A-Za-z0-9_-]+)`).exec(mail.text)![1];
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    for (const part of [mail.subject, mail.text.replaceAll('Pat Moving', 'Pat'), mail.fromName]) expect(forbiddenWordIn(part)).toBeNull();
    expect(mail.subject).toBe('Confirm your email address for Waypoint');
    // Until confirmed, the old address is the sign-in.
    expect(errorCode(await ops.login(t, newAddress, PASSWORD))).toBe('UNAUTHENTICATED');

    expect(expectData(await confirmEmail(t, token)).confirmEmailChange).toBe(true);
    expect(errorCode(await confirmEmail(t, token))).toBe('BAD_USER_INPUT');
    const me = expectData(await ops.me(t, expectData(await ops.login(t, newAddress, PASSWORD)).login.accessToken)).me;
    expect(me.email).toBe(newAddress);
    expect(errorCode(await ops.login(t, member.email, PASSWORD))).toBe('UNAUTHENTICATED');
    const notice = await mailTo(member.email, /email address of your account was changed/);
    expect(forbiddenWordIn(notice.subject)).toBeNull();
  });

  it('refuses at confirmation an address another account took meanwhile', async () => {
    const proposed = `taken-${process.pid}@mail.example.test`;
    expectData(await updateUser(t, w.staff.token, { id: w.staff.id, email: proposed }));
    const token = new RegExp(`${BASE}/confirm-email/([A-Za-z0-9_-]+)`).exec((await mailTo(proposed, /confirm-email/)).text)![1];
    await invitedAs(proposed);
    expect(errorCode(await confirmEmail(t, token))).toBe('CONFLICT');
  });

  it('changes roles among staff only, by an admin, and signs the person out', async () => {
    const member = await invited(t, w.admin, Role.STAFF, 'Sam Promoted');
    const promoted = expectData(await updateUser(t, w.admin.token, { id: member.id, role: Role.CLINICIAN })).updateUser;
    expect(promoted.role).toBe(Role.CLINICIAN);
    expect(await refusedWithin(member.token, 2000)).toBe(true);
    expect(expectData(await ops.login(t, member.email, PASSWORD)).login.user.role).toBe(Role.CLINICIAN);

    const clientToStaff = await updateUser(t, w.admin.token, { id: w.patient.id, role: Role.STAFF });
    expect(errorCode(clientToStaff)).toBe('BAD_USER_INPUT');
    expect(clientToStaff.errors?.[0].message).toMatch(/never becomes staff/);
    expect(errorCode(await updateUser(t, w.admin.token, { id: member.id, role: Role.PATIENT }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await updateUser(t, w.admin.token, { id: w.patient.id, role: Role.FAMILY }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await updateUser(t, w.admin.token, { id: w.admin.id, role: Role.STAFF }))).toBe('FORBIDDEN');
    expect(errorCode(await updateUser(t, w.staff.token, { id: w.staff.id, role: Role.ADMIN }))).toBe('FORBIDDEN');
    expect(expectData(await ops.me(t, w.patient.token)).me.role).toBe(Role.PATIENT);
  });
});

/** An account created with this address (by invitation) while a change to it waits. */
async function invitedAs(email: string): Promise<void> {
  const { code } = expectData(await ops.createInvite(t, w.admin.token, { role: Role.STAFF, email })).createInvite;
  expectData(await ops.acceptInvite(t, { code, email, password: PASSWORD, displayName: 'Quick Taker' }));
}


describe('dischargeClient', () => {
  const discharge = (token: string, id: string, reason = 'Completed the program') =>
    t.gql(`mutation($id: ID!, $r: String!) { dischargeClient(id: $id, reason: $r) { id dischargedAt deactivatedAt } }`, { id, r: reason }, token);

  it('ends open assignments, keeps history and the audit trail, and leaves the client their own records', async () => {
    await importCurriculum(t.app);
    const client = await invited(t, w.clinician, Role.PATIENT, 'Lee Leaving');
    expectData(await learning.assignCourse(t, w.clinician.token, { learnerId: client.id, courseSlug: 'relapse-prevention-skills' }));
    expect(expectData(await learning.myLearning(t, client.token)).myLearning).toHaveLength(1);

    expect(errorCode(await discharge(w.staff.token, client.id))).toBe('FORBIDDEN');
    expect(errorCode(await discharge(w.clinician.token, client.id, ' '))).toBe('BAD_USER_INPUT');
    expect(errorCode(await discharge(w.clinician.token, w.staff.id))).toBe('NOT_FOUND');
    const done = expectData(await discharge(w.clinician.token, client.id)).dischargeClient;
    expect(done).toMatchObject({ id: client.id, dischargedAt: expect.any(String), deactivatedAt: null });
    expect(errorCode(await discharge(w.admin.token, client.id))).toBe('CONFLICT');

    // The assignment ended; the client still signs in and reads their own records.
    const session = expectData(await ops.login(t, client.email, PASSWORD)).login;
    expect(expectData(await learning.myLearning(t, session.accessToken)).myLearning).toHaveLength(0);
    expectData(await credentials.myCompletionRecords(t, session.accessToken));
    expect(expectData(await ops.me(t, session.accessToken)).me.id).toBe(client.id);
    const events = expectData(await ops.auditEvents(t, w.admin.token, { action: 'CLIENT_DISCHARGED', patientId: client.id })).auditEvents.nodes;
    expect(events).toHaveLength(1);
  });
});
