import { Role } from '../src/auth/principal';
import { ManualClock } from '../src/common/clock';
import { forbiddenWordIn } from '../src/common/discreet-wording';
import { DeliveryWorker } from '../modules/messaging/delivery.worker';
import { OutboxService } from '../modules/messaging/outbox.service';
import { importCurriculum } from '../modules/curriculum/import-curriculum';
import { errorCode, expectData, startTestApp, type TestApp } from './support/app';
import { UsersService } from '../modules/identity/users.service';
import { buildWorld, ops, PASSWORD, signIn, type World } from './support/operations';
import { freePort, startSmtpServer, type TestSmtp } from './support/smtp';

const BASE = 'https://portal.example.test';
const settings = (t: TestApp, token: string, input: Record<string, unknown>) =>
  t.gql(
    `mutation($input: OrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { timeZone crisisLine discreetSenderName reminderPolicy { dueSoonHours quietHoursStart quietHoursEnd } } }`,
    { input },
    token,
  );
const invite = (t: TestApp, token: string, input: Record<string, unknown>) =>
  t.gql(`mutation($input: CreateInviteInput!) { createInvite(input: $input) { id code expiresAt emailSent } }`, { input }, token);
const resend = (t: TestApp, token: string, id: string) => t.gql(`mutation($id: ID!) { resendInvite(id: $id) { id code expiresAt } }`, { id }, token);
const revoke = (t: TestApp, token: string, id: string) => t.gql(`mutation($id: ID!) { revokeInvite(id: $id) }`, { id }, token);

let seq = 0;
const address = (label: string) => `${label}-${process.pid}-${++seq}@mail.example.test`;

describe('mail over real SMTP', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Ignored Name <no-reply@portal.example.test>', PUBLIC_BASE_URL: BASE });
    await importCurriculum(t.app);
    w = await buildWorld(t, 'Harbor Addiction Recovery Center');
    await smtp.waitFor(4); // the world's own four invitations
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('sends a patient invitation once, from the discreet sender name, with a working link and nothing that reveals care', async () => {
    expectData(await settings(t, w.admin.token, { discreetSenderName: 'Harbor Health Portal' }));
    const before = smtp.received.length;
    const email = address('newpatient');
    const created = expectData(await invite(t, w.clinician.token, { role: Role.PATIENT, email, displayName: 'Nia New' })).createInvite;
    expect(created.emailSent).toBe(true);
    await smtp.waitFor(before + 1);
    await new Promise((r) => setTimeout(r, 300));
    const mails = smtp.received.filter((m) => m.to === email);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.fromName).toBe('Harbor Health Portal');
    expect(mail.fromAddress).toBe('no-reply@portal.example.test');
    expect(mail.subject).toBe('You have a new update from Harbor Health Portal');
    const link = `${BASE}/invite/${created.code}`;
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link}"`);
    for (const part of [mail.subject, mail.text, mail.html, mail.fromName]) {
      expect(forbiddenWordIn(part)).toBeNull();
      expect(part).not.toContain('Harbor Addiction Recovery Center');
    }
    // The link's code works.
    expectData(await ops.acceptInvite(t, { code: created.code, email, password: PASSWORD, displayName: 'Nia New' }));
  });

  it('resendInvite mails a new code and voids the old one; revokeInvite stops the code at once', async () => {
    const email = address('staffer');
    const first = expectData(await invite(t, w.admin.token, { role: Role.STAFF, email })).createInvite;
    const again = expectData(await resend(t, w.admin.token, first.id)).resendInvite;
    expect(again.code).not.toBe(first.code);
    const mails = await waitForMailsTo(smtp, email, 2);
    expect(mails.map((m) => m.text.includes(`${BASE}/invite/${again.code}`))).toEqual([false, true]);
    expect(mails[1].subject).toBe('Your invitation from Harbor Health Portal');

    const old = await ops.acceptInvite(t, { code: first.code, email, password: PASSWORD, displayName: 'Sam' });
    expect(errorCode(old)).toBe('BAD_USER_INPUT');
    expect(expectData(await revoke(t, w.admin.token, first.id)).revokeInvite).toBe(true);
    const revoked = await ops.acceptInvite(t, { code: again.code, email, password: PASSWORD, displayName: 'Sam' });
    expect(errorCode(revoked)).toBe('BAD_USER_INPUT');
    expect(errorCode(await resend(t, w.admin.token, first.id))).toBe('CONFLICT');
    // A clinician cannot manage an admin's staff invitation, nor can anyone see another organization's.
    expect(errorCode(await revoke(t, w.clinician.token, first.id))).toBe('NOT_FOUND');
  });

  it('has no development mailbox outside development', async () => {
    expect(errorCode(await t.gql(`{ devMailbox { subject } }`, {}, w.admin.token))).toBe('NOT_FOUND');
  });

  it('updateOrganizationSettings: admins only, refuses a sender name that reveals care, and the crisis line reaches every lesson', async () => {
    expect(errorCode(await settings(t, w.clinician.token, { crisisLine: '555-0100' }))).toBe('FORBIDDEN');
    const revealing = await settings(t, w.admin.token, { discreetSenderName: 'Harbor Recovery' });
    expect(errorCode(revealing)).toBe('BAD_USER_INPUT');
    expect(revealing.errors?.[0].message).toMatch(/Recovery/);
    expect(errorCode(await settings(t, w.admin.token, { timeZone: 'Mars/Olympus' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await settings(t, w.admin.token, { reminderPolicy: { quietHoursStart: '25:00' } }))).toBe('BAD_USER_INPUT');

    const updated = expectData(await settings(t, w.admin.token, { crisisLine: '1-555-0100', timeZone: 'America/Chicago', reminderPolicy: { dueSoonHours: 24 } }));
    expect(updated.updateOrganizationSettings).toEqual({
      timeZone: 'America/Chicago',
      crisisLine: '1-555-0100',
      discreetSenderName: 'Harbor Health Portal',
      reminderPolicy: { dueSoonHours: 24, quietHoursStart: '21:00', quietHoursEnd: '08:00' },
    });
    const lesson = expectData(
      await t.gql(`{ lessonBySlug(courseSlug: "continuum-of-care", lessonSlug: "what-iop-is") { crisisResources { name contact } } }`, {}, w.patient.token),
    ).lessonBySlug;
    expect(lesson.crisisResources.map((r: { contact: string }) => r.contact)).toEqual(['911', '1-555-0100', '988', '1-800-662-4357']);
  });
});

describe('delivery when SMTP is down, and with two instances', () => {
  it('keeps a message while the server is down and sends it once when it returns', async () => {
    const port = await freePort();
    const clock = new ManualClock('2026-03-02T15:00:00Z');
    const t = await startTestApp({ SMTP_URL: `smtp://mailer:mail-secret@127.0.0.1:${port}`, PUBLIC_BASE_URL: BASE }, { clock });
    const worker = t.app.get(DeliveryWorker);
    const recipients = ['one@mail.example.test', 'two@mail.example.test'];
    for (const to of recipients) {
      await t.app.get(OutboxService).enqueue({ key: `down:${to}`, kind: 'INVITE', recipientRole: 'STAFF', to, fromName: 'Waypoint', subject: 'Hello', text: 'x', html: '<p>x</p>' });
    }
    // Nothing listens: every message failed once and waits for its retry.
    await expect(worker.drain()).resolves.toBe(0);
    const smtp = await startSmtpServer(port);
    try {
      await expect(worker.drain()).resolves.toBe(0); // not yet due
      clock.advance(31_000);
      const sent = await worker.drain();
      expect(sent).toBe(2);
      await smtp.waitFor(2);
      clock.advance(24 * 3600_000);
      await expect(worker.drain()).resolves.toBe(0);
      expect(smtp.received.map((m) => m.to).sort()).toEqual(recipients);
    } finally {
      await t.close();
      await smtp.stop();
    }
  });

  it('two services on one database send each message exactly once', async () => {
    const smtp = await startSmtpServer();
    const clock = new ManualClock();
    const a = await startTestApp({ SMTP_URL: smtp.url }, { clock });
    const b = await startTestApp({ SMTP_URL: smtp.url }, { clock, dbName: a.dbName });
    try {
      const outbox = a.app.get(OutboxService);
      const count = 12;
      await Promise.all(
        Array.from({ length: count }, (_, i) =>
          outbox.enqueue({ key: `race:${i}`, kind: 'INVITE', recipientRole: 'STAFF', to: `r${i}@mail.example.test`, fromName: 'Waypoint', subject: `m${i}`, text: 'x', html: '<p>x</p>' }),
        ),
      );
      // The same events again (a retried request): nothing new.
      const repeats = await Promise.all(
        Array.from({ length: count }, (_, i) =>
          b.app.get(OutboxService).enqueue({ key: `race:${i}`, kind: 'INVITE', recipientRole: 'STAFF', to: `r${i}@mail.example.test`, fromName: 'Waypoint', subject: `m${i}`, text: 'x', html: '<p>x</p>' }),
        ),
      );
      expect(repeats.every((added) => !added)).toBe(true);
      await Promise.all([a.app.get(DeliveryWorker).drain(), b.app.get(DeliveryWorker).drain(), a.app.get(DeliveryWorker).drain(), b.app.get(DeliveryWorker).drain()]);
      await smtp.waitFor(count);
      await new Promise((r) => setTimeout(r, 1500)); // both workers poll once more
      expect(smtp.received).toHaveLength(count);
      expect(new Set(smtp.received.map((m) => m.subject)).size).toBe(count);
    } finally {
      await b.close();
      await a.close();
      await smtp.stop();
    }
  });
});

describe('development mailbox', () => {
  it('captures mail when SMTP_URL is unset in development; admins read it with devMailbox; elsewhere it does not exist', async () => {
    const dev = await startTestApp({ NODE_ENV: 'development', SEED_DEMO: 'false', IMPORT_CURRICULUM: 'false' });
    try {
      const users = dev.app.get(UsersService);
      const org = await users.createOrganization('Dev Clinic');
      const adminEmail = address('devadmin');
      await users.create({ orgId: org._id, email: adminEmail, role: Role.ADMIN, displayName: 'Dev Admin', password: PASSWORD });
      const admin = await signIn(dev, adminEmail, Role.ADMIN);
      const email = address('devstaff');
      const { code } = expectData(await invite(dev, admin.token, { role: Role.STAFF, email })).createInvite;
      await dev.app.get(DeliveryWorker).drain();
      const query = `{ devMailbox(first: 10) { kind to fromName subject text html } }`;
      const box = expectData(await dev.gql(query, {}, admin.token)).devMailbox;
      expect(box).toEqual([expect.objectContaining({ kind: 'INVITE', to: email, fromName: 'Waypoint', subject: 'Your invitation from Waypoint' })]);
      expect(box[0].text).toContain(`/invite/${code}`);
      const staff = expectData(await ops.acceptInvite(dev, { code, email, password: PASSWORD, displayName: 'Dev Staff' })).acceptInvite;
      expect(errorCode(await dev.gql(query, {}, staff.accessToken))).toBe('FORBIDDEN');
    } finally {
      await dev.close();
    }
  });
});

async function waitForMailsTo(smtp: TestSmtp, to: string, count: number): Promise<TestSmtp['received']> {
  const deadline = Date.now() + 10000;
  for (;;) {
    const mails = smtp.received.filter((m) => m.to === to);
    if (mails.length >= count) return mails;
    if (Date.now() > deadline) throw new Error(`expected ${count} mails to ${to}, got ${mails.length}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
