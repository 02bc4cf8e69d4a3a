import { getModelToken } from '@nestjs/mongoose';
import { decodeJwt, importJWK, jwtVerify } from 'jose';
import { gunzipSync } from 'node:zlib';
import { Types, type Model } from 'mongoose';
import { CompletionRecordsService } from '../modules/credentials/completion-records.service';
import { CredentialShare } from '../modules/credentials/schemas/credential-share.schema';
import { expectData, type TestApp } from './support/app';
import { credentialOps as ops, daysFromNow } from './support/credentials-operations';
import { startClinic, type World } from './support/operations';

/** The page a certificate's QR code opens, as a person with a browser and as a script see it. */
let t: TestApp;
let w: World;
const completedAt = new Date('2026-03-05T15:30:00.000Z');
const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
/** Words that would tell an onlooker what kind of program this is. */
const CLINICAL = /treatment|addict|recover|patient|substance|clinic|relapse|rehab|sober|drug|alcohol|opioid|42 CFR|therap|counsel|diagnos|disorder/i;

beforeAll(async () => {
  ({ t, w } = await startClinic('Harbor Recovery'));
}, 60000);
afterAll(() => t?.close());

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.url}${path}`, { headers });
  return { status: res.status, type: res.headers.get('content-type') ?? '', headers: res.headers, body: await res.text() };
}

const issue = (learnerId: string, courseSlug: string) => t.app.get(CompletionRecordsService).issue({ orgId: w.orgId, learnerId, courseSlug, courseVersion: 1, completedAt });

describe('GET /verify', () => {
  it('a browser gets an accessible page with a labelled field for the share code', async () => {
    const page = await get('/verify', HTML);
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html; charset=utf-8/);
    expect(page.body).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(page.body).toContain('<label for="code">Share code</label>');
    expect(page.body).toMatch(/<input id="code" name="code"[^>]* required/);
    expect(page.body).toContain('<form method="get" action="/verify">');
    expect(page.body).toContain('<button type="submit">Check</button>');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
  });

  it('the page is neutral: no clinical words, even for a program whose own name has them', async () => {
    expect((await get('/verify', HTML)).body).not.toMatch(CLINICAL);
    expect((await get('/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ', HTML)).body).not.toMatch(CLINICAL);
  });

  it('a script gets JSON', async () => {
    const res = await get('/verify', { accept: 'application/json' });
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^application\/json/);
    expect(JSON.parse(res.body).message).toMatch(/GET \/verify\/<code>/);
    expect(JSON.parse((await get('/verify/ZZZZ-ZZZZ')).body)).toEqual({ status: 'UNKNOWN' });
  });
});

describe('checking a code on the page', () => {
  it('a public staff code shows the record, by link and by the form', async () => {
    const { verificationCode } = await issue(w.staff.id, 'staff-onboarding');
    for (const path of [`/verify/${verificationCode}`, `/verify?code=${encodeURIComponent(verificationCode.toLowerCase())}`]) {
      const page = await get(path, HTML);
      expect(page.status).toBe(200);
      expect(page.body).toContain('This certificate is valid');
      expect(page.body).toContain('<dt>Name</dt><dd>Stu Staff</dd>');
      expect(page.body).toContain('<dt>Completed</dt><dd>2026-03-05</dd>');
      expect(page.body).not.toContain(verificationCode);
    }
  });

  it('a shared patient record shows, with the redisclosure notice', async () => {
    const { id } = await issue(w.patient.id, 'relapse-prevention-skills');
    const { shareCode } = expectData(await ops.createCompletionShare(t, w.patient.token, id, daysFromNow(7))).createCompletionShare;
    const page = await get(`/verify/${shareCode}`, HTML);
    expect(page.body).toContain('This certificate is valid');
    expect(page.body).toContain('<dd>Pia Patient</dd>');
    expect(page.body).toMatch(/42 CFR part 2 prohibits/);
  });

  it('unknown, private, expired and revoked codes get byte-identical answers, as the page and as JSON', async () => {
    const { id, verificationCode: privateCode } = await issue(w.patient.id, 'understanding-addiction');
    const share = async () => expectData(await ops.createCompletionShare(t, w.patient.token, id, daysFromNow(7))).createCompletionShare;
    const expired = await share();
    await t.app.get<Model<CredentialShare>>(getModelToken(CredentialShare.name)).updateOne({ _id: new Types.ObjectId(expired.share.id) }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const revoked = await share();
    expectData(await ops.revokeCompletionShare(t, w.patient.token, revoked.share.id));
    const codes = ['ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ', privateCode, expired.shareCode, revoked.shareCode];

    for (const headers of [HTML, { accept: 'application/json' }, {}]) {
      const answers = await Promise.all(codes.flatMap((code) => [get(`/verify/${code}`, headers), get(`/verify?code=${code}`, headers)]));
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        expect(answer.body).toBe(answers[0].body);
        expect(answer.type).toBe(answers[0].type);
      }
    }
    expect((await get(`/verify/${privateCode}`, HTML)).body).toContain('No certificate to show for this code');
  });
});

describe('Open Badges revocation status and resolvable ids', () => {
  const bitAt = (encodedList: string, index: number) => {
    const bytes = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
    return (bytes[index >> 3] >> (7 - (index & 7))) & 1;
  };

  it('a badge names its status list entry; the signed list flips its bit when the record is revoked', async () => {
    const { id } = await issue(w.staff.id, 'understanding-addiction');
    const badge = expectData(await ops.completionBadge(t, w.staff.token, id)).completionBadge;
    const payload = decodeJwt(badge.jwt) as Record<string, any>;
    expect(payload.credentialStatus).toEqual({
      id: `${t.url}/status-lists/${w.orgId}/revocation#${payload.credentialStatus.statusListIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: expect.stringMatching(/^\d+$/),
      statusListCredential: `${t.url}/status-lists/${w.orgId}/revocation`,
    });
    const index = Number(payload.credentialStatus.statusListIndex);
    // The same record keeps its index.
    expect((decodeJwt(expectData(await ops.completionBadge(t, w.staff.token, id)).completionBadge.jwt) as any).credentialStatus.statusListIndex).toBe(String(index));

    const key = await importJWK(JSON.parse((await get('/.well-known/waypoint-signing-key')).body), 'EdDSA');
    const list = async () => {
      const res = await get(`/status-lists/${w.orgId}/revocation`);
      expect(res.status).toBe(200);
      expect(res.type).toMatch(/^application\/vc\+jwt/);
      const { payload: credential } = await jwtVerify(res.body, key);
      expect(credential).toMatchObject({ type: ['VerifiableCredential', 'BitstringStatusListCredential'], credentialSubject: { type: 'BitstringStatusList', statusPurpose: 'revocation' } });
      return (credential as any).credentialSubject.encodedList as string;
    };
    expect(bitAt(await list(), index)).toBe(0);
    expectData(await ops.revokeCompletionRecord(t, w.admin.token, id, 'Issued in error'));
    expect(bitAt(await list(), index)).toBe(1);
  });

  it('credential and achievement ids resolve to JSON', async () => {
    const { id } = await issue(w.staff.id, 'staff-onboarding');
    const payload = decodeJwt(expectData(await ops.completionBadge(t, w.staff.token, id)).completionBadge.jwt) as Record<string, any>;
    const credential = await get(new URL(payload.id).pathname);
    expect(credential.status).toBe(200);
    expect(JSON.parse(credential.body)).toMatchObject({ id: payload.id, type: ['VerifiableCredential', 'OpenBadgeCredential'] });
    const achievement = await get(new URL(payload.credentialSubject.achievement.id).pathname);
    expect(achievement.status).toBe(200);
    expect(JSON.parse(achievement.body)).toMatchObject({ id: payload.credentialSubject.achievement.id, type: ['Achievement'], name: payload.credentialSubject.achievement.name });
    // The credential id answers alike for a record that does not exist: it confirms nothing.
    const other = JSON.parse((await get(`/completion-records/${'0'.repeat(24)}`)).body);
    expect(Object.keys(other)).toEqual(Object.keys(JSON.parse(credential.body)));
  });
});
