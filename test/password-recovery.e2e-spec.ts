import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { Role } from '../src/auth/principal';
import { ManualClock } from '../src/common/clock';
import { forbiddenWordIn } from '../src/common/discreet-wording';
import { errorCode, expectData, startTestApp, type TestApp } from './support/app';
import { buildWorld, ops, PASSWORD, type Member, type World } from './support/operations';
import { startSmtpServer, type ReceivedMail, type TestSmtp } from './support/smtp';

const BASE = 'https://portal.example.test';
const NEW_PASSWORD = 'a brand new passphrase for spring';

const requestReset = (t: TestApp, email: string) => t.gql(`mutation($e: String!) { requestPasswordReset(email: $e) }`, { e: email });
const resetPassword = (t: TestApp, token: string, newPassword: string) =>
  t.gql(`mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }`, { t: token, p: newPassword });
const changePassword = (t: TestApp, token: string, currentPassword: string, newPassword: string) =>
  t.gql(`mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`, { c: currentPassword, n: newPassword }, token);

let smtp: TestSmtp;
let t: TestApp;
let w: World;
const clock = new ManualClock();

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_BASE_URL: BASE }, { clock });
  w = await buildWorld(t, 'Harbor Addiction Recovery Center');
});
afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

/** Waits until `count` messages (invitations aside) have reached `to`, then a moment more to catch any duplicate. */
const mine = (to: string) => smtp.received.filter((m) => m.to === to && !m.text.includes('/invite/'));
async function mailsTo(to: string, count: number): Promise<ReceivedMail[]> {
  const deadline = Date.now() + 10_000;
  while (mine(to).length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  await new Promise((r) => setTimeout(r, 200));
  return mine(to);
}

/** Asks for a reset and returns the token from the link in the newest mail. */
async function resetToken(member: Member): Promise<string> {
  const before = mine(member.email).length;
  expect(expectData(await requestReset(t, member.email)).requestPasswordReset).toBe(true);
  const mails = await mailsTo(member.email, before + 1);
  const match = new RegExp(`${BASE}/reset-password/([A-Za-z0-9_-]+)`).exec(mails.at(-1)!.text);
  return match![1];
}

async function refusedWithin(token: string, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (errorCode(await ops.me(t, token)) === 'UNAUTHENTICATED') return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

it('answers the same for known and unknown addresses, and mails only the account holder, once, discreetly', async () => {
  const unknown = await requestReset(t, 'nobody-here@example.test');
  const known = await requestReset(t, w.patient.email.toUpperCase());
  expect(unknown).toEqual(known);
  expect(known).toEqual({ status: 200, data: { requestPasswordReset: true }, errors: undefined });

  const mails = await mailsTo(w.patient.email, 1);
  expect(mails).toHaveLength(1);
  expect(smtp.received.some((m) => m.to === 'nobody-here@example.test')).toBe(false);
  const [mail] = mails;
  const token = new RegExp(`${BASE}/reset-password/([A-Za-z0-9_-]+)`).exec(mail.text)![1];
  expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  expect(mail.html).toContain(`href="${BASE}/reset-password/${token}"`);
  expect(mail.subject).toBe('Your sign-in link from Waypoint');
  for (const part of [mail.subject, mail.text, mail.html, mail.fromName]) {
    // The greeting holds the test person's own name ("Pia Patient").
    expect(forbiddenWordIn(part.replaceAll('Pia Patient', 'Pia'))).toBeNull();
    expect(part).not.toContain('Harbor Addiction Recovery Center');
  }
  // Once SMTP has the message, the database keeps no working copy of the link.
  const outbox = t.app.get<Connection>(getConnectionToken()).db!.collection('outboxMessages');
  const sent = () => outbox.findOne({ to: w.patient.email, kind: { $not: /invite/i }, status: 'SENT' }, { sort: { _id: -1 } });
  const deadline = Date.now() + 5000;
  while (!(await sent()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  const row = await sent();
  expect(row).toMatchObject({ subject: mail.subject, transport: 'smtp' });
  expect(row).not.toHaveProperty('text');
  expect(row).not.toHaveProperty('html');
  expect(JSON.stringify(row)).not.toContain(token);
});

it('resetPassword sets the password, ends every session, works once, and sends a notice', async () => {
  const other = expectData(await ops.login(t, w.staff.email, PASSWORD)).login;
  const token = await resetToken(w.staff);
  expect(expectData(await resetPassword(t, token, NEW_PASSWORD)).resetPassword).toBe(true);

  expect(await refusedWithin(w.staff.token, 2000)).toBe(true);
  expect(await refusedWithin(other.accessToken, 2000)).toBe(true);
  expect(errorCode(await ops.refreshSession(t, other.refreshToken))).toBe('UNAUTHENTICATED');
  expect(errorCode(await ops.login(t, w.staff.email, PASSWORD))).toBe('UNAUTHENTICATED');
  expectData(await ops.login(t, w.staff.email, NEW_PASSWORD));

  const again = await resetPassword(t, token, 'yet another passphrase here');
  expect(errorCode(again)).toBe('BAD_USER_INPUT');
  expect(again.errors?.[0].message).toMatch(/expired or was already used/);
  const notices = (await mailsTo(w.staff.email, 2)).filter((m) => m.subject === 'Your Waypoint password was changed');
  expect(notices).toHaveLength(1);
});

it('a link stops working after 30 minutes, and a new request voids the last', async () => {
  const expired = await resetToken(w.clinician);
  clock.advance(31 * 60_000);
  expect(errorCode(await resetPassword(t, expired, NEW_PASSWORD))).toBe('BAD_USER_INPUT');

  const first = await resetToken(w.clinician);
  const second = await resetToken(w.clinician);
  expect(errorCode(await resetPassword(t, first, NEW_PASSWORD))).toBe('BAD_USER_INPUT');
  clock.advance(29 * 60_000);
  // A refused password leaves the link working.
  expect(errorCode(await resetPassword(t, second, 'short'))).toBe('BAD_USER_INPUT');
  expectData(await resetPassword(t, second, NEW_PASSWORD));
  expectData(await ops.login(t, w.clinician.email, NEW_PASSWORD));
});

it('changePassword checks the current password and ends the other sessions, keeping this one', async () => {
  const here = expectData(await ops.login(t, w.family.email, PASSWORD)).login;
  const elsewhere = expectData(await ops.login(t, w.family.email, PASSWORD)).login;

  const wrong = await changePassword(t, here.accessToken, 'not my password at all', NEW_PASSWORD);
  expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
  expect(wrong.errors?.[0].extensions?.field).toBe('currentPassword');
  expect(errorCode(await changePassword(t, here.accessToken, PASSWORD, 'short'))).toBe('BAD_USER_INPUT');

  expect(expectData(await changePassword(t, here.accessToken, PASSWORD, NEW_PASSWORD)).changePassword).toBe(true);
  expect(await refusedWithin(elsewhere.accessToken, 2000)).toBe(true);
  expect(errorCode(await ops.refreshSession(t, elsewhere.refreshToken))).toBe('UNAUTHENTICATED');
  expect(expectData(await ops.me(t, here.accessToken)).me.id).toBe(w.family.id);
  expectData(await ops.refreshSession(t, here.refreshToken));
  expectData(await ops.login(t, w.family.email, NEW_PASSWORD));

  const notice = (await mailsTo(w.family.email, 1)).at(-1)!;
  expect(notice.subject).toBe('Your account from Waypoint was updated');
  expect(forbiddenWordIn(`${notice.subject} ${notice.text}`)).toBeNull();
  expect(errorCode(await changePassword(t, '', PASSWORD, NEW_PASSWORD))).toBe('UNAUTHENTICATED');
});

it('a staff reset mail names Waypoint plainly; anonymous and signed-in roles alike may ask', async () => {
  const token = await resetToken({ ...w.admin, role: Role.ADMIN });
  const mail = (await mailsTo(w.admin.email, 1)).at(-1)!;
  expect(mail.subject).toBe('Reset your Waypoint password');
  expect(mail.text).toContain(`${BASE}/reset-password/${token}`);
});
