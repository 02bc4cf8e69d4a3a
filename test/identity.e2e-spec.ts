import { JwtService } from '@nestjs/jwt';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { AuditService } from '../modules/audit/audit.service';
import { Consent } from '../modules/identity/schemas/consent.schema';
import { Invite } from '../modules/identity/schemas/invite.schema';
import { Role } from '../src/auth/principal';
import { errorCode, expectData, startTestApp, type TestApp } from './support/app';
import { buildWorld, consentInput, invited, ops, PASSWORD, type World } from './support/operations';
import { httpGet } from './support/credentials-operations';
import { localDateTime } from '../src/common/dates';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT: '15m' });
  w = await buildWorld(t);
});
afterAll(() => t?.close());

describe('sign-in', () => {
  it('returns tokens and the user, and the access token works', async () => {
    const payload = expectData(await ops.login(t, w.staff.email, PASSWORD)).login;
    expect(payload.user).toMatchObject({ id: w.staff.id, role: 'STAFF', email: w.staff.email });
    const me = expectData(await ops.me(t, payload.accessToken)).me;
    expect(me.id).toBe(w.staff.id);
  });

  it('accepts the email in any case', async () => {
    expect(expectData(await ops.login(t, w.staff.email.toUpperCase(), PASSWORD)).login.user.id).toBe(w.staff.id);
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const wrong = await ops.login(t, w.clinician.email, 'not the right password');
    const unknown = await ops.login(t, 'nobody-here@example.test', 'not the right password');
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0].message).toBe(unknown.errors?.[0].message);
    expect(errorCode(unknown)).toBe('UNAUTHENTICATED');
  });

  it('locks an address after repeated failures, the same way whether or not it has an account', async () => {
    const existing = w.family.email;
    const missing = 'no-account@example.test';
    for (const email of [existing, missing]) {
      for (let i = 0; i < 3; i++) expect(errorCode(await ops.login(t, email, 'wrong password, again'))).toBe('UNAUTHENTICATED');
    }
    const lockedExisting = await ops.login(t, existing, PASSWORD);
    const lockedMissing = await ops.login(t, missing, PASSWORD);
    expect(errorCode(lockedExisting)).toBe('RATE_LIMITED');
    expect(errorCode(lockedMissing)).toBe('RATE_LIMITED');
    expect(lockedExisting.errors?.[0].message).toBe(lockedMissing.errors?.[0].message);
    expect(lockedExisting.errors?.[0].message).toMatch(/Wait 1 minute/);
  });

  it('checks at most the allowed number of passwords when guesses arrive all at once', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => ops.login(t, w.admin.email, 'a parallel wrong guess')));
    const codes = results.map(errorCode);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(3);
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(17);
    expect(errorCode(await ops.login(t, w.admin.email, PASSWORD))).toBe('RATE_LIMITED');
  });

  it.each([
    ['no token', undefined],
    ['a malformed token', 'not-a-jwt'],
    ['a tampered token', 'TAMPER'],
    ['an expired token', 'EXPIRED'],
  ])('rejects %s with UNAUTHENTICATED', async (_label, kind) => {
    let token = kind;
    if (kind === 'TAMPER') {
      const [h, p, s] = w.staff.token.split('.');
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
      token = [h, Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN' })).toString('base64url'), s].join('.');
    }
    if (kind === 'EXPIRED') {
      token = new JwtService({ secret: t.config.auth.jwtSecret }).sign(
        { sub: w.staff.id, org: w.orgId, role: 'STAFF', exp: Math.floor(Date.now() / 1000) - 60 },
        { issuer: 'waypoint', audience: 'waypoint-api' },
      );
    }
    const res = await ops.me(t, token);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });
});

describe('refresh tokens', () => {
  it('rotate: each works once, and reusing an old one revokes the whole chain', async () => {
    const first = expectData(await ops.login(t, w.clinician.email, PASSWORD)).login;
    const second = expectData(await ops.refreshSession(t, first.refreshToken)).refreshSession;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const third = expectData(await ops.refreshSession(t, second.refreshToken)).refreshSession;

    const reuse = await ops.refreshSession(t, first.refreshToken);
    expect(errorCode(reuse)).toBe('UNAUTHENTICATED');
    expect(reuse.errors?.[0].message).toMatch(/used twice/);
    // The newest token of the chain is dead too: the thief and the owner both sign in again.
    expect(errorCode(await ops.refreshSession(t, third.refreshToken))).toBe('UNAUTHENTICATED');
  });

  it('logout revokes the session', async () => {
    const session = expectData(await ops.login(t, w.clinician.email, PASSWORD)).login;
    expect(expectData(await ops.logout(t, session.refreshToken)).logout).toBe(true);
    expect(errorCode(await ops.refreshSession(t, session.refreshToken))).toBe('UNAUTHENTICATED');
  });
});

describe('invites', () => {
  it('are single use', async () => {
    const email = 'single-use@example.test';
    const { code } = expectData(await ops.createInvite(t, w.admin.token, { role: Role.STAFF, email })).createInvite;
    expectData(await ops.acceptInvite(t, { code, email, password: PASSWORD, displayName: 'First' }));
    const again = await ops.acceptInvite(t, { code, email, password: PASSWORD, displayName: 'Second' });
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    expect(again.errors?.[0].message).toMatch(/already been used/);
  });

  it('expire', async () => {
    const email = 'late@example.test';
    const { code } = expectData(await ops.createInvite(t, w.admin.token, { role: Role.STAFF, email })).createInvite;
    await t.app.get<Model<Invite>>(getModelToken(Invite.name)).updateMany({ email }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await ops.acceptInvite(t, { code, email, password: PASSWORD, displayName: 'Late' });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/expired/);
  });

  it('are stored hashed, never as the code', async () => {
    const email = 'hashed@example.test';
    const { code } = expectData(await ops.createInvite(t, w.admin.token, { role: Role.STAFF, email })).createInvite;
    const stored = await t.app.get<Model<Invite>>(getModelToken(Invite.name)).findOne({ email }).lean();
    expect(JSON.stringify(stored)).not.toContain(code);
  });

  it('enforce the password policy with a message a person can act on, and leave the invite usable', async () => {
    const email = 'weak@example.test';
    const { code } = expectData(await ops.createInvite(t, w.admin.token, { role: Role.STAFF, email })).createInvite;
    const weak = await ops.acceptInvite(t, { code, email, password: 'short', displayName: 'Weak' });
    expect(errorCode(weak)).toBe('BAD_USER_INPUT');
    expect(weak.errors?.[0].message).toMatch(/at least 12 characters/);
    expectData(await ops.acceptInvite(t, { code, email, password: PASSWORD, displayName: 'Strong' }));
  });

  it.each([
    ['a family invite without a patient', Role.FAMILY, undefined, 'BAD_USER_INPUT'],
    ['an email that is not an email', Role.PATIENT, undefined, 'BAD_USER_INPUT', 'not-an-email'],
  ])('refuse %s', async (_label, role, patientId, code, email = 'x@example.test') => {
    expect(errorCode(await ops.createInvite(t, w.clinician.token, { role, email, patientId }))).toBe(code);
  });

  it('must be accepted with the invited email address', async () => {
    const { code } = expectData(await ops.createInvite(t, w.admin.token, { role: Role.STAFF, email: 'right@example.test' })).createInvite;
    const res = await ops.acceptInvite(t, { code, email: 'wrong@example.test', password: PASSWORD, displayName: 'X' });
    expect(res.errors?.[0].message).toMatch(/address the invite was sent to/);
  });
});

describe('family consent (42 CFR Part 2)', () => {
  it('a family member without consent sees nothing of the patient', async () => {
    const res = await ops.patient(t, w.family.token, w.patient.id);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(res.data).toBeNull();
  });

  it('grants, discloses with the redisclosure notice, and stops at revocation', async () => {
    const consent = expectData(await ops.grantFamilyConsent(t, w.patient.token, consentInput(w.family.id))).grantFamilyConsent;
    expect(consent).toMatchObject({ active: true, method: 'IN_APP', scopes: ['PROGRESS'], patientName: 'Pia Patient', recipientName: 'Fay Family' });
    expect(consent.discloserName).toMatch(/Harbor Recovery/);
    expect(consent.rightToRevoke).toMatch(/revoke/);

    const seen = expectData(await ops.patient(t, w.family.token, w.patient.id)).patient;
    expect(seen.patient.displayName).toBe('Pia Patient');
    expect(seen.patient.email).toBeNull();
    expect(seen.familyMembers).toEqual([]);
    expect(seen.redisclosureNotice).toMatch(/42 CFR part 2 prohibits unauthorized use or disclosure/);

    expectData(await ops.revokeFamilyConsent(t, w.patient.token, consent.id));
    expect(errorCode(await ops.patient(t, w.family.token, w.patient.id))).toBe('FORBIDDEN');
  });

  it('an expired consent grants nothing', async () => {
    const consent = expectData(await ops.grantFamilyConsent(t, w.patient.token, consentInput(w.family.id))).grantFamilyConsent;
    await t.app.get<Model<Consent>>(getModelToken(Consent.name)).updateOne({ _id: consent.id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    expect(errorCode(await ops.patient(t, w.family.token, w.patient.id))).toBe('FORBIDDEN');
    const list = expectData(await ops.familyConsents(t, w.patient.token)).familyConsents;
    expect(list.nodes.find((n: { id: string }) => n.id === consent.id).active).toBe(false);
  });

  it('a clinician records a paper consent as such', async () => {
    const res = await ops.grantFamilyConsent(t, w.clinician.token, consentInput(w.family.id, { patientId: w.patient.id, signedAt: '2026-11-01T15:00:00.000Z', expiresAt: undefined, expiryEvent: 'discharge' }));
    const consent = expectData(res).grantFamilyConsent;
    expect(consent).toMatchObject({ method: 'RECORDED_FROM_PAPER', signedAt: '2026-11-01T15:00:00.000Z', expiryEvent: 'discharge' });
    expectData(await ops.revokeFamilyConsent(t, w.clinician.token, consent.id));
  });

  it.each([
    ['no end date or event', { expiresAt: undefined }, /expiry date/],
    ['no acknowledgement of the right to revoke', { rightToRevokeAcknowledged: false }, /revoke/],
    ['an expiry in the past', { expiresAt: '2020-01-01T00:00:00Z' }, /future/],
    ['no scope', { scopes: [] }, /scopes/],
  ])('refuses a consent with %s', async (_label, extra, message) => {
    const res = await ops.grantFamilyConsent(t, w.patient.token, consentInput(w.family.id, extra));
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(message);
  });
});

describe('pagination', () => {
  const forged = (...parts: string[]) => Buffer.from(parts.join('|')).toString('base64url');
  it.each([
    ['users', () => t.gql('query($a: String) { users(first: 5, after: $a) { nodes { id } } }', { a: forged('not-an-id') }, w.admin.token)],
    ['auditEvents (bad time)', () => t.gql('query($a: String) { auditEvents(first: 5, after: $a) { nodes { id } } }', { a: forged('yesterday', '0123456789abcdef01234567') }, w.admin.token)],
    ['auditEvents (bad id)', () => t.gql('query($a: String) { auditEvents(first: 5, after: $a) { nodes { id } } }', { a: forged('2026-01-01T00:00:00.000Z', 'zzz') }, w.admin.token)],
    ['caseload', () => t.gql('query($a: String) { caseload(first: 5, after: $a) { nodes { learner { id } } } }', { a: forged('../../etc') }, w.clinician.token)],
  ])('a forged cursor for %s is bad input, not an internal error', async (_label, call) => {
    const res = await call();
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/cursor is not valid/);
  });
});

describe('people search', () => {
  const search = (token: string, text: string) => t.gql('query($s: String) { users(first: 20, search: $s) { nodes { displayName } } }', { s: text }, token);

  it('finds people by part of the name or address, any case, and reads special characters literally', async () => {
    const names = (res: Awaited<ReturnType<typeof search>>) => expectData(res).users.nodes.map((u: { displayName: string }) => u.displayName).sort();
    expect(names(await search(w.admin.token, 'cLeO'))).toEqual(['Cleo Clinician']);
    expect(names(await search(w.admin.token, w.staff.email.slice(0, 12).toUpperCase()))).toEqual(['Stu Staff']);
    expect(names(await search(w.admin.token, '.*'))).toEqual([]);
    // A clinician's search stays within their care team's clients.
    expect(names(await search(w.clinician.token, 'pia p'))).toEqual(['Pia Patient']);
    expect(names(await search(w.clinician.token, 'ada'))).toEqual([]);
  });
});

describe('audit', () => {
  it("records a clinician's read of a patient's records, visible to admins", async () => {
    expectData(await ops.patient(t, w.clinician.token, w.patient.id));
    const events = expectData(await ops.auditEvents(t, w.admin.token, { patientId: w.patient.id, action: 'PATIENT_PROFILE_READ' })).auditEvents;
    expect(events.nodes.some((e: { actorId: string }) => e.actorId === w.clinician.id)).toBe(true);
  });

  it("does not audit a patient reading their own records", async () => {
    expectData(await ops.patient(t, w.patient.token, w.patient.id));
    const events = expectData(await ops.auditEvents(t, w.admin.token, { actorId: w.patient.id, action: 'PATIENT_PROFILE_READ' })).auditEvents;
    expect(events.nodes).toHaveLength(0);
  });

  it('exports the trail as CSV for admins: filtered, formula cells neutralized, dates in the organization time zone, and the export itself audited', async () => {
    expectData(await t.gql('mutation { updateOrganizationSettings(input: { timeZone: "America/Chicago" }) { timeZone } }', {}, w.admin.token));
    const outsider = await invited(t, w.admin, Role.CLINICIAN, 'Otto Outside');
    expectData(await t.gql('mutation($c: ID!, $r: String!) { openEmergencyAccess(clientId: $c, reason: $r) { id } }', { c: w.patient.id, r: '=HYPERLINK("http://x.example") client in crisis' }, outsider.token));
    const [event] = expectData(await ops.auditEvents(t, w.admin.token, { actorId: outsider.id, action: 'EMERGENCY_ACCESS_OPENED' })).auditEvents.nodes;

    const res = await httpGet(t, `/audit-events.csv?actorId=${outsider.id}&action=EMERGENCY_ACCESS_OPENED`, w.admin.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const lines = res.body.toString('utf8').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('eventId,at,action,actorId,actorRole,subjectType,subjectId,patientId,reason,requestId');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${event.id},${localDateTime(new Date(event.at), 'America/Chicago')},EMERGENCY_ACCESS_OPENED,${outsider.id},CLINICIAN`);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x.example"") client in crisis"`);

    const exported = expectData(await ops.auditEvents(t, w.admin.token, { actorId: w.admin.id, action: 'AUDIT_TRAIL_EXPORTED' })).auditEvents.nodes;
    expect(exported).toHaveLength(1);
    expect((await httpGet(t, '/audit-events.csv', w.clinician.token)).status).toBe(403);
  });

  it('fails the read when the audit event cannot be written', async () => {
    const spy = jest.spyOn(t.app.get(AuditService), 'recordMany').mockRejectedValueOnce(new Error('disk full'));
    try {
      const res = await ops.patient(t, w.clinician.token, w.patient.id);
      expect(errorCode(res)).toBe('INTERNAL');
      expect(res.data).toBeNull();
      expect(JSON.stringify(res.errors)).not.toContain('disk full');
    } finally {
      spy.mockRestore();
    }
  });
});
