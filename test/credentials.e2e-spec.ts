import { getConnectionToken } from '@nestjs/mongoose';
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import type { Connection } from 'mongoose';
import { Types } from 'mongoose';
import { createPublicKey, verify } from 'node:crypto';
import { importCurriculum } from '../modules/curriculum/import-curriculum';
import { CompletionRecordsService } from '../modules/credentials/completion-records.service';
import { canonicalBytes, signedFieldsOf } from '../modules/credentials/signing/signed-record';
import { REDISCLOSURE_NOTICE } from '../modules/identity/policy/access-policy';
import { Role } from '../src/auth/principal';
import { errorCode, expectData, type TestApp } from './support/app';
import { commandShapes, credentialOps as ops, daysFromNow, httpGet, pdfText, rawVerify } from './support/credentials-operations';
import { startClinic, buildWorld, consentInput, invited, ops as identityOps, type World } from './support/operations';

let t: TestApp;
let w: World;
let service: CompletionRecordsService;
let records: ReturnType<Connection['collection']>;

const completedAt = new Date('2026-03-05T15:30:00.000Z');

beforeAll(async () => {
  ({ t, w } = await startClinic());
  service = t.app.get(CompletionRecordsService);
  records = t.app.get<Connection>(getConnectionToken()).collection('completionRecords');
}, 60000);
afterAll(() => t?.close());

const issue = (learnerId: string, courseSlug: string, extra: { score?: number; orgId?: string } = {}) =>
  service.issue({ orgId: extra.orgId ?? w.orgId, learnerId, courseSlug, courseVersion: 1, completedAt, score: extra.score });

describe('issuance', () => {
  it('issues one record for a staff learner, with the name, course, version, dates, contact hours and a code', async () => {
    const first = await issue(w.staff.id, 'staff-onboarding', { score: 0.9 });
    expect(first.created).toBe(true);
    expect(first.verificationCode).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);
    const [record] = expectData(await ops.myCompletionRecords(t, w.staff.token)).myCompletionRecords.nodes;
    expect(record).toMatchObject({
      id: first.id,
      learnerId: w.staff.id,
      learnerRole: 'STAFF',
      nameAsIssued: 'Stu Staff',
      courseSlug: 'staff-onboarding',
      courseVersion: 1,
      courseTitle: expect.stringMatching(/^Staff Onboarding/),
      completedAt: completedAt.toISOString(),
      score: 0.9,
      contactHours: 1.5,
      ceApproval: null,
      credentialType: 'CERTIFICATE_OF_COMPLETION',
      verificationCode: first.verificationCode,
      verifiableByCode: true,
      certificateUrl: `${t.config.publicBaseUrl}/certificates/${first.verificationCode}.pdf`,
      status: 'VALID',
    });
    expect(Date.parse(record.issuedAt)).toBeGreaterThanOrEqual(completedAt.getTime());
  });

  it('returns the existing record on a retry', async () => {
    const learner = await invited(t, w.admin, Role.STAFF, 'Terry Twice');
    const first = await issue(learner.id, 'staff-onboarding');
    const again = await issue(learner.id, 'staff-onboarding');
    expect(again).toEqual({ id: first.id, verificationCode: first.verificationCode, created: false });
    expect(expectData(await ops.myCompletionRecords(t, learner.token)).myCompletionRecords.nodes).toHaveLength(1);
  });

  it('at start-up, records from before renewal cycles become cycle 1; one that duplicates a cycle-1 record is left alone, and the service still starts', async () => {
    const learner = await invited(t, w.admin, Role.STAFF, 'Lee Legacy');
    const current = await issue(learner.id, 'staff-onboarding');
    const original = await records.findOne({ _id: new Types.ObjectId(current.id) });
    const copy = (courseSlug: string) => {
      const { _id, cycle, verificationCode, statusListIndex, ...rest } = original!;
      void _id, void cycle, void verificationCode, void statusListIndex;
      return { ...rest, _id: new Types.ObjectId(), courseSlug, verificationCode: `LEGACY${Math.random().toString(36).slice(2, 10)}` };
    };
    const duplicate = copy('staff-onboarding'); // the same learner, course and version as a cycle-1 record
    const alone = copy('continuum-of-care');
    await records.insertMany([duplicate, alone]);

    await expect(service.onModuleInit()).resolves.toBeUndefined();
    expect(await records.findOne({ _id: alone._id })).toMatchObject({ cycle: 1 });
    expect(await records.findOne({ _id: duplicate._id })).not.toHaveProperty('cycle');
    await records.deleteMany({ _id: { $in: [duplicate._id, alone._id] } });
  });

  it('issues exactly one record under 20 concurrent triggers, and every trigger gets its code', async () => {
    const learner = await invited(t, w.admin, Role.STAFF, 'Casey Concurrent');
    const results = await Promise.all(Array.from({ length: 20 }, () => issue(learner.id, 'understanding-addiction')));
    const stored = await records.find({ learnerId: new Types.ObjectId(learner.id) }).toArray();
    expect(stored).toHaveLength(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.verificationCode))).toEqual(new Set([stored[0].verificationCode]));
    expect(new Set(results.map((r) => r.id))).toEqual(new Set([stored[0]._id.toHexString()]));
  });

  it('gives a patient a private certificate of completion without contact hours', async () => {
    await issue(w.patient.id, 'understanding-addiction');
    const [record] = expectData(await ops.myCompletionRecords(t, w.patient.token)).myCompletionRecords.nodes;
    expect(record).toMatchObject({ learnerRole: 'PATIENT', nameAsIssued: 'Pia Patient', contactHours: null, credentialType: 'CERTIFICATE_OF_COMPLETION', verifiableByCode: false });
  });

  it.each([
    ['a course version that does not exist', () => service.issue({ orgId: w.orgId, learnerId: w.staff.id, courseSlug: 'staff-onboarding', courseVersion: 99, completedAt }), 'NOT_FOUND'],
    ['a learner of another organization', () => issue(w.staff.id, 'staff-onboarding', { orgId: new Types.ObjectId().toHexString() }), 'NOT_FOUND'],
    ['a score above 1', () => issue(w.clinician.id, 'staff-onboarding', { score: 1.5 }), 'BAD_USER_INPUT'],
  ])('refuses %s', async (_label, call, code) => {
    await expect(call()).rejects.toMatchObject({ code });
  });

  it('keeps the name as issued when the person later changes their name', async () => {
    const learner = await invited(t, w.admin, Role.STAFF, 'Robin Before');
    await issue(learner.id, 'staff-onboarding');
    await t.app.get<Connection>(getConnectionToken()).collection('users').updateOne({ _id: new Types.ObjectId(learner.id) }, { $set: { displayName: 'Robin After' } });
    const [record] = expectData(await ops.myCompletionRecords(t, learner.token)).myCompletionRecords.nodes;
    expect(record.nameAsIssued).toBe('Robin Before');
    expect(expectData(await ops.verifyCompletion(t, record.verificationCode)).verifyCompletion).toMatchObject({ status: 'VALID', nameAsIssued: 'Robin Before' });
  });
});

describe('verification of a staff record', () => {
  let code: string;
  beforeAll(async () => {
    code = (await issue(w.staff.id, 'staff-onboarding')).verificationCode;
  });

  it('needs no login and tells only name, course, date, hours and status', async () => {
    const result = expectData(await ops.verifyCompletion(t, code)).verifyCompletion;
    expect(result).toEqual({
      status: 'VALID',
      nameAsIssued: 'Stu Staff',
      courseTitle: expect.stringMatching(/^Staff Onboarding/),
      completedAt: completedAt.toISOString(),
      contactHours: 1.5,
      credentialType: 'CERTIFICATE_OF_COMPLETION',
      redisclosureNotice: null,
    });
  });

  it('accepts the code as a person might type it', async () => {
    const typed = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
    expect(expectData(await ops.verifyCompletion(t, typed)).verifyCompletion.status).toBe('VALID');
  });

  it('answers the QR code link over HTTP with the same result', async () => {
    const res = await httpGet(t, `/verify/${code}`);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString())).toMatchObject({ status: 'VALID', nameAsIssued: 'Stu Staff', contactHours: 1.5 });
  });

  it.each([
    ['nameAsIssued', 'Someone Else'],
    ['courseTitle', 'A Course Never Taken'],
    ['courseVersion', 2],
    ['completedAt', new Date('2020-01-01T00:00:00Z')],
    ['issuedAt', new Date('2020-01-01T00:00:00Z')],
    ['contactHours', 40],
    ['credentialType', 'CE_CREDIT'],
    ['ceApproval', { approvingBody: 'NAADAC', providerNumber: '1', statement: 'Approved.' }],
    ['issuerName', 'Another Program'],
    ['learnerRole', 'ADMIN'],
    ['score', 1],
  ])('reports TAMPERED when %s is changed in the database, and VALID again once restored', async (field, value) => {
    const before = await records.findOne({ verificationCode: code });
    await records.updateOne({ _id: before!._id }, { $set: { [field]: value } });
    try {
      expect(expectData(await ops.verifyCompletion(t, code)).verifyCompletion).toEqual({
        status: 'TAMPERED',
        nameAsIssued: null,
        courseTitle: null,
        completedAt: null,
        contactHours: null,
        credentialType: null,
        redisclosureNotice: null,
      });
    } finally {
      await records.replaceOne({ _id: before!._id }, before!);
    }
    expect(expectData(await ops.verifyCompletion(t, code)).verifyCompletion.status).toBe('VALID');
  });

  it('reports TAMPERED when the signature itself is altered', async () => {
    const before = await records.findOne({ verificationCode: code });
    const sig = before!.signature as string;
    await records.updateOne({ _id: before!._id }, { $set: { signature: (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1) } });
    try {
      expect(expectData(await ops.verifyCompletion(t, code)).verifyCompletion.status).toBe('TAMPERED');
    } finally {
      await records.replaceOne({ _id: before!._id }, before!);
    }
  });

  it('publishes the public key, with which anyone can check a stored record offline', async () => {
    const key = JSON.parse((await httpGet(t, '/.well-known/waypoint-signing-key')).body.toString());
    expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: expect.any(String), publicKeyPem: expect.stringContaining('BEGIN PUBLIC KEY') });
    const stored = (await records.findOne({ verificationCode: code }))!;
    expect(stored.kid).toBe(key.kid);
    const bytes = canonicalBytes(signedFieldsOf(stored as never));
    expect(verify(null, bytes, createPublicKey(key.publicKeyPem), Buffer.from(stored.signature, 'base64url'))).toBe(true);
    expect(verify(null, bytes, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.x }, format: 'jwk' }), Buffer.from(stored.signature, 'base64url'))).toBe(true);
  });
});

describe('revocation', () => {
  it('is for admins, is audited, and makes the record verify as REVOKED', async () => {
    const learner = await invited(t, w.admin, Role.STAFF, 'Riley Revoked');
    const { id, verificationCode } = await issue(learner.id, 'staff-onboarding');
    expect(errorCode(await ops.revokeCompletionRecord(t, learner.token, id, 'Not me'))).toBe('FORBIDDEN');
    expect(errorCode(await ops.revokeCompletionRecord(t, w.clinician.token, id, 'Not me'))).toBe('FORBIDDEN');
    expect(errorCode(await ops.revokeCompletionRecord(t, w.admin.token, id, 'no'))).toBe('BAD_USER_INPUT');

    const revoked = expectData(await ops.revokeCompletionRecord(t, w.admin.token, id, 'Issued in error')).revokeCompletionRecord;
    expect(revoked).toMatchObject({ id, status: 'REVOKED', revokedReason: 'Issued in error', revokedAt: expect.any(String) });
    expect(expectData(await ops.verifyCompletion(t, verificationCode)).verifyCompletion).toMatchObject({ status: 'REVOKED', nameAsIssued: 'Riley Revoked' });

    const again = expectData(await ops.revokeCompletionRecord(t, w.admin.token, id, 'Second thoughts')).revokeCompletionRecord;
    expect(again).toMatchObject({ revokedReason: 'Issued in error', revokedAt: revoked.revokedAt });
    const events = expectData(await identityOps.auditEvents(t, w.admin.token, { action: 'COMPLETION_RECORD_REVOKED' })).auditEvents.nodes;
    expect(events.filter((e: { subjectType: string }) => e.subjectType === 'COMPLETION_RECORD')).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: w.admin.id, patientId: null });
  });

  it('answers NOT_FOUND for a record of another organization', async () => {
    const other = await buildWorld(t, 'Elsewhere');
    const { id } = await service.issue({ orgId: other.orgId, learnerId: other.staff.id, courseSlug: 'staff-onboarding', courseVersion: 1, completedAt });
    expect(errorCode(await ops.revokeCompletionRecord(t, w.admin.token, id, 'Not ours'))).toBe('NOT_FOUND');
  });
});

describe('privacy of patient and family records', () => {
  let patientRecord: { id: string; verificationCode: string };
  let familyRecord: { id: string; verificationCode: string };
  const randomCode = 'ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ';

  beforeAll(async () => {
    patientRecord = await issue(w.patient.id, 'relapse-prevention-skills');
    familyRecord = await issue(w.family.id, 'family-dynamics-and-recovery');
  });

  it('an unshared patient or family code answers byte for byte like a code that does not exist', async () => {
    const unknown = await rawVerify(t, randomCode);
    expect(JSON.parse(unknown)).toEqual({ data: { verifyCompletion: { status: 'UNKNOWN', nameAsIssued: null, courseTitle: null, completedAt: null, contactHours: null, credentialType: null, redisclosureNotice: null } } });
    expect(await rawVerify(t, patientRecord.verificationCode)).toBe(unknown);
    expect(await rawVerify(t, familyRecord.verificationCode)).toBe(unknown);
    const http = await Promise.all([randomCode, patientRecord.verificationCode].map((c) => httpGet(t, `/verify/${c}`)));
    expect(http[1].status).toBe(http[0].status);
    expect(http[1].body.equals(http[0].body)).toBe(true);
  });

  it('an unshared patient code costs the same database commands as an unknown code', async () => {
    const unknown = await commandShapes(t, () => rawVerify(t, randomCode));
    const unshared = await commandShapes(t, () => rawVerify(t, patientRecord.verificationCode));
    // The per-client rate-limit counter, the share look-up and the record look-up.
    expect(unknown).toHaveLength(3);
    expect(unshared).toEqual(unknown);
  });

  it('a share makes one record verifiable, with the §2.32 notice, and is recorded as a disclosure', async () => {
    expect(errorCode(await ops.createCompletionShare(t, w.clinician.token, patientRecord.id, daysFromNow(30)))).toBe('NOT_FOUND');
    expect(errorCode(await ops.createCompletionShare(t, w.family.token, patientRecord.id, daysFromNow(30)))).toBe('NOT_FOUND');
    const created = expectData(await ops.createCompletionShare(t, w.patient.token, patientRecord.id, daysFromNow(30))).createCompletionShare;
    expect(created.shareCode).not.toBe(patientRecord.verificationCode);
    expect(created.verifyUrl).toBe(`${t.config.publicBaseUrl}/verify/${created.shareCode}`);
    expect(created.share).toMatchObject({ recordId: patientRecord.id, active: true, revokedAt: null });

    const result = expectData(await ops.verifyCompletion(t, created.shareCode)).verifyCompletion;
    expect(result).toEqual({
      status: 'VALID',
      nameAsIssued: 'Pia Patient',
      courseTitle: 'Relapse Prevention Skills',
      completedAt: completedAt.toISOString(),
      contactHours: null,
      credentialType: 'CERTIFICATE_OF_COMPLETION',
      redisclosureNotice: REDISCLOSURE_NOTICE,
    });
    // The record's own code stays private.
    expect(expectData(await ops.verifyCompletion(t, patientRecord.verificationCode)).verifyCompletion.status).toBe('UNKNOWN');

    const events = expectData(await identityOps.auditEvents(t, w.admin.token, { patientId: w.patient.id })).auditEvents.nodes as Array<{ action: string; actorId: string | null }>;
    expect(events.find((e) => e.action === 'COMPLETION_SHARE_CREATED')).toMatchObject({ actorId: w.patient.id });
    expect(events.find((e) => e.action === 'COMPLETION_VERIFIED_WITH_SHARE')).toMatchObject({ actorId: null });
  });

  it('a revoked or expired share answers exactly like an unknown code, with the same database commands', async () => {
    const unknown = await rawVerify(t, randomCode);
    const unknownWork = await commandShapes(t, () => rawVerify(t, randomCode));

    const revokedShare = expectData(await ops.createCompletionShare(t, w.family.token, familyRecord.id, daysFromNow(7))).createCompletionShare;
    expect(expectData(await ops.verifyCompletion(t, revokedShare.shareCode)).verifyCompletion).toMatchObject({ status: 'VALID', nameAsIssued: 'Fay Family', redisclosureNotice: REDISCLOSURE_NOTICE });
    expect(errorCode(await ops.revokeCompletionShare(t, w.staff.token, revokedShare.share.id))).toBe('NOT_FOUND');
    expect(expectData(await ops.revokeCompletionShare(t, w.family.token, revokedShare.share.id)).revokeCompletionShare).toMatchObject({ active: false, revokedAt: expect.any(String) });
    expect(await rawVerify(t, revokedShare.shareCode)).toBe(unknown);
    expect(await commandShapes(t, () => rawVerify(t, revokedShare.shareCode))).toEqual(unknownWork);

    const expiring = expectData(await ops.createCompletionShare(t, w.family.token, familyRecord.id, daysFromNow(7))).createCompletionShare;
    await t.app.get<Connection>(getConnectionToken()).collection('credentialShares').updateOne({ _id: new Types.ObjectId(expiring.share.id) }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await rawVerify(t, expiring.shareCode)).toBe(unknown);
    expect(await commandShapes(t, () => rawVerify(t, expiring.shareCode))).toEqual(unknownWork);

    const listed = expectData(await ops.completionShares(t, w.family.token, familyRecord.id)).completionShares;
    expect(listed.map((s: { active: boolean }) => s.active)).toEqual([false, false]);
  });

  it.each([
    ['in the past', () => daysFromNow(-1)],
    ['more than a year ahead', () => daysFromNow(400)],
  ])('refuses a share that expires %s', async (_label, expiresAt) => {
    expect(errorCode(await ops.createCompletionShare(t, w.patient.token, patientRecord.id, expiresAt()))).toBe('BAD_USER_INPUT');
  });

  it('a revoked record cannot be shared, and its share verifies as REVOKED', async () => {
    const learner = await invited(t, w.clinician, Role.PATIENT, 'Quinn Shared');
    const { id } = await issue(learner.id, 'understanding-addiction');
    const share = expectData(await ops.createCompletionShare(t, learner.token, id, daysFromNow(10))).createCompletionShare;
    expectData(await ops.revokeCompletionRecord(t, w.admin.token, id, 'Completed by someone else'));
    expect(expectData(await ops.verifyCompletion(t, share.shareCode)).verifyCompletion).toMatchObject({ status: 'REVOKED', redisclosureNotice: REDISCLOSURE_NOTICE });
    expect(errorCode(await ops.createCompletionShare(t, learner.token, id, daysFromNow(10)))).toBe('CONFLICT');
    const events = expectData(await identityOps.auditEvents(t, w.admin.token, { patientId: learner.id, action: 'COMPLETION_RECORD_REVOKED' })).auditEvents.nodes;
    expect(events).toHaveLength(1);
  });
});

describe('management', () => {
  beforeAll(async () => {
    await issue(w.patient.id, 'understanding-addiction');
    await issue(w.family.id, 'family-dynamics-and-recovery');
    await issue(w.staff.id, 'staff-onboarding');
    const learner = await invited(t, w.admin, Role.STAFF, 'Morgan Mistaken');
    const { id } = await issue(learner.id, 'staff-onboarding');
    expectData(await ops.revokeCompletionRecord(t, w.admin.token, id, 'Entered for the wrong person'));
  });

  it('myCompletionRecords shows only your own records', async () => {
    const mine = expectData(await ops.myCompletionRecords(t, w.family.token)).myCompletionRecords.nodes;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r: { learnerId: string }) => r.learnerId === w.family.id)).toBe(true);
  });

  it('completionRecords is for admins only', async () => {
    for (const member of [w.clinician, w.staff, w.patient, w.family]) {
      expect(errorCode(await ops.completionRecords(t, member.token))).toBe('FORBIDDEN');
    }
    expect(errorCode(await ops.completionRecords(t, ''))).toBe('UNAUTHENTICATED');
  });

  it('filters by course, learner, dates and revocation, and pages with a cursor', async () => {
    const all = expectData(await ops.completionRecords(t, w.admin.token, { includeRevoked: true }, 100)).completionRecords.nodes as Array<Record<string, any>>;
    expect(all.some((r) => r.status === 'REVOKED')).toBe(true);
    const active = expectData(await ops.completionRecords(t, w.admin.token, undefined, 100)).completionRecords.nodes as Array<Record<string, any>>;
    expect(active.every((r) => r.status === 'VALID')).toBe(true);
    expect(active.length).toBe(all.filter((r) => r.status === 'VALID').length);

    const byCourse = expectData(await ops.completionRecords(t, w.admin.token, { courseSlug: 'staff-onboarding' }, 100)).completionRecords.nodes;
    expect(byCourse.length).toBeGreaterThan(0);
    expect(byCourse.every((r: { courseSlug: string }) => r.courseSlug === 'staff-onboarding')).toBe(true);
    const byLearner = expectData(await ops.completionRecords(t, w.admin.token, { learnerId: w.staff.id })).completionRecords.nodes;
    expect(byLearner.map((r: { learnerId: string }) => r.learnerId)).toEqual([w.staff.id]);
    const none = expectData(await ops.completionRecords(t, w.admin.token, { to: '2000-01-01T00:00:00Z' })).completionRecords.nodes;
    expect(none).toEqual([]);

    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = expectData(await ops.completionRecords(t, w.admin.token, { includeRevoked: true }, 2, after)).completionRecords;
      seen.push(...page.nodes.map((r: { id: string }) => r.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
    } while (after);
    expect(seen).toEqual(all.map((r) => r.id));
  });

  it("audits an admin's reading of clients' records, but not of staff records", async () => {
    const before = expectData(await identityOps.auditEvents(t, w.admin.token, { action: 'COMPLETION_RECORDS_READ', patientId: w.patient.id })).auditEvents.nodes.length;
    expectData(await ops.completionRecords(t, w.admin.token, { learnerId: w.patient.id }));
    const after = expectData(await identityOps.auditEvents(t, w.admin.token, { action: 'COMPLETION_RECORDS_READ', patientId: w.patient.id })).auditEvents.nodes.length;
    expect(after).toBe(before + 1);
    const staffReads = expectData(await identityOps.auditEvents(t, w.admin.token, { action: 'COMPLETION_RECORDS_READ', actorId: w.admin.id })).auditEvents.nodes;
    expectData(await ops.completionRecords(t, w.admin.token, { learnerId: w.staff.id }));
    expect(expectData(await identityOps.auditEvents(t, w.admin.token, { action: 'COMPLETION_RECORDS_READ', actorId: w.admin.id })).auditEvents.nodes).toHaveLength(staffReads.length);
  });

  it("lets the care team, and a family member only under a COMPLETIONS consent, read a patient's records", async () => {
    await issue(w.patient.id, 'continuum-of-care', { score: 0.85 });
    const byClinician = expectData(await ops.learnerCompletionRecords(t, w.clinician.token, w.patient.id)).learnerCompletionRecords;
    expect(byClinician.nodes.length).toBeGreaterThan(0);
    expect(byClinician.nodes[0].verificationCode).toBeNull();
    expect(errorCode(await ops.learnerCompletionRecords(t, w.family.token, w.patient.id))).toBe('FORBIDDEN');
    expectData(await identityOps.grantFamilyConsent(t, w.patient.token, consentInput(w.family.id, { scopes: ['COMPLETIONS'] })));
    const byFamily = expectData(await ops.learnerCompletionRecords(t, w.family.token, w.patient.id)).learnerCompletionRecords;
    expect(byFamily.redisclosureNotice).toBe(REDISCLOSURE_NOTICE);
    // The score comes from quiz attempts, which family never see: the care team does, family does not.
    expect(byClinician.nodes.find((r: { courseSlug: string }) => r.courseSlug === 'continuum-of-care').score).toBe(0.85);
    expect(byFamily.nodes.every((r: { score: number | null }) => r.score === null)).toBe(true);
    expect(byFamily.nodes.map((r: { learnerId: string; verificationCode: string | null; certificateUrl: string | null }) => [r.learnerId, r.verificationCode, r.certificateUrl])).toEqual(
      byClinician.nodes.map(() => [w.patient.id, null, null]),
    );
  });

  const tokenOf: Record<string, () => Promise<string>> = {
    anonymous: async () => '',
    staff: async () => w.staff.token,
    patient: async () => w.patient.token,
    otherOrgAdmin: async () => (await buildWorld(t, 'Far Away')).admin.token,
  };
  it.each([
    ['anonymous', 'UNAUTHENTICATED'],
    ['staff', 'FORBIDDEN'],
    ['patient', 'FORBIDDEN'],
    ['otherOrgAdmin', 'NOT_FOUND'],
  ])("refuses learnerCompletionRecords of a patient to %s", async (who, code) => {
    expect(errorCode(await ops.learnerCompletionRecords(t, await tokenOf[who](), w.patient.id))).toBe(code);
  });

  it('exports CSV for admins, with proper quoting and spreadsheet formulas neutralized', async () => {
    const odd = await invited(t, w.admin, Role.STAFF, '=HYPERLINK("http://x.example","Smith, Jo")');
    await issue(odd.id, 'staff-onboarding');
    const res = await httpGet(t, '/completion-records.csv?courseSlug=staff-onboarding&includeRevoked=true', w.admin.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const lines = res.body.toString('utf8').split('\r\n');
    expect(lines[0]).toMatch(/^recordId,learnerId,learnerRole,nameAsIssued,courseSlug,courseVersion,courseTitle,credentialType,contactHours/);
    expect(lines.find((l) => l.includes(odd.id))).toContain(`"'=HYPERLINK(""http://x.example"",""Smith, Jo"")"`);
    expect(lines.slice(1).filter(Boolean).every((l) => l.includes(',staff-onboarding,'))).toBe(true);
    expect(lines.some((l) => l.includes(',REVOKED,'))).toBe(true);
  });

  it.each([
    ['without a token', undefined, 401, 'UNAUTHENTICATED'],
    ['for a clinician', 'clinician', 403, 'FORBIDDEN'],
    ['for a patient', 'patient', 403, 'FORBIDDEN'],
  ] as const)('refuses the CSV %s', async (_label, who, status, code) => {
    const res = await httpGet(t, '/completion-records.csv', who ? w[who].token : undefined);
    expect(res.status).toBe(status);
    expect(JSON.parse(res.body.toString()).errors[0].extensions.code).toBe(code);
  });

  it('refuses a malformed CSV filter with 400 and the same error shape as everything else', async () => {
    const res = await httpGet(t, '/completion-records.csv?from=yesterday', w.admin.token);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body.toString()).errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/from/) });
  });
});

describe('certificate PDF', () => {
  it('is served to the owner with the name, course, date, hours and verification code', async () => {
    const { verificationCode } = await issue(w.staff.id, 'staff-onboarding');
    const res = await httpGet(t, `/certificates/${verificationCode}.pdf`, w.staff.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toContain('no-store');
    const text = await pdfText(res.body);
    for (const expected of ['Certificate of Completion', 'Stu Staff', 'Staff Onboarding', 'March 5, 2026', '1.5 contact hours', verificationCode]) expect(text).toContain(expected);
    expect(text).not.toMatch(/\bCE\b|continuing education|CEU/i);
  });

  it("is served to an admin (a client's certificate read is audited), and is NOT_FOUND for everyone else", async () => {
    const { verificationCode } = await issue(w.patient.id, 'relapse-prevention-skills');
    expect((await httpGet(t, `/certificates/${verificationCode}.pdf`, w.patient.token)).status).toBe(200);
    const patientText = await pdfText((await httpGet(t, `/certificates/${verificationCode}.pdf`, w.admin.token)).body);
    expect(patientText).toContain('Pia Patient');
    expect(patientText).toContain(verificationCode);
    expect(patientText).toMatch(/private/);
    expect(patientText).not.toMatch(/contact hour/);
    const events = expectData(await identityOps.auditEvents(t, w.admin.token, { action: 'CERTIFICATE_READ', patientId: w.patient.id })).auditEvents.nodes;
    expect(events).toHaveLength(1);
    for (const other of [w.clinician, w.staff, w.family]) {
      expect((await httpGet(t, `/certificates/${verificationCode}.pdf`, other.token)).status).toBe(404);
    }
    expect((await httpGet(t, `/certificates/${verificationCode}.pdf`)).status).toBe(401);
    expect((await httpGet(t, `/certificates/${verificationCode}`, w.patient.token)).status).toBe(404);
    expect((await httpGet(t, '/certificates/not-a-code.pdf', w.admin.token)).status).toBe(404);
  });
});

describe('Open Badges 3.0', () => {
  async function publishedKey() {
    const jwk = JSON.parse((await httpGet(t, '/.well-known/waypoint-signing-key')).body.toString());
    return importJWK({ kty: jwk.kty, crv: jwk.crv, x: jwk.x }, 'EdDSA');
  }

  it('exports a record as an OpenBadgeCredential JWT that verifies with the published key', async () => {
    const { id } = await issue(w.staff.id, 'staff-onboarding');
    const badge = expectData(await ops.completionBadge(t, w.staff.token, id)).completionBadge;
    const header = decodeProtectedHeader(badge.jwt);
    expect(header).toMatchObject({ alg: 'EdDSA', typ: 'JWT', jwk: { kty: 'OKP', crv: 'Ed25519' } });
    expect(header.kid).toBe(badge.keyUrl);
    expect(new URL(badge.keyUrl).pathname).toBe('/.well-known/waypoint-signing-key');

    const { payload } = await jwtVerify(badge.jwt, await publishedKey(), { algorithms: ['EdDSA'] });
    expect(payload['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
    expect(payload.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    const issuer = payload.issuer as { id: string; type: string[]; name: string };
    expect(issuer).toEqual({ id: `${t.config.publicBaseUrl}/issuers/${w.orgId}`, type: ['Profile'], name: expect.stringMatching(/^Harbor Recovery/) });
    expect(payload.iss).toBe(issuer.id);
    expect(payload.jti).toBe(payload.id);
    expect(typeof payload.validFrom).toBe('string');
    expect(payload.nbf).toBe(Math.floor(Date.parse(payload.validFrom as string) / 1000));
    const subject = payload.credentialSubject as Record<string, any>;
    expect(subject.type).toEqual(['AchievementSubject']);
    expect(subject.identifier).toEqual([{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Stu Staff' }]);
    expect(subject.achievement).toMatchObject({
      id: `${t.config.publicBaseUrl}/achievements/staff-onboarding/1`,
      type: ['Achievement'],
      name: expect.stringMatching(/^Staff Onboarding/),
      description: expect.stringContaining('1.5 contact hours'),
      criteria: { narrative: expect.stringContaining('required lesson') },
    });

    const issuerProfile = JSON.parse((await httpGet(t, new URL(issuer.id).pathname)).body.toString());
    expect(issuerProfile).toMatchObject({ id: issuer.id, type: ['Profile'], name: issuer.name });
  });

  it('fails verification when the payload is altered', async () => {
    const { id } = await issue(w.staff.id, 'staff-onboarding');
    const [h, p, s] = expectData(await ops.completionBadge(t, w.staff.token, id)).completionBadge.jwt.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    claims.credentialSubject.identifier[0].identityHash = 'Mallory';
    const forged = [h, Buffer.from(JSON.stringify(claims)).toString('base64url'), s].join('.');
    await expect(jwtVerify(forged, await publishedKey())).rejects.toThrow(/signature/i);
  });

  it('is for the owner and admins only, and not for a revoked record', async () => {
    const { id } = await issue(w.family.id, 'family-dynamics-and-recovery');
    expect(expectData(await ops.completionBadge(t, w.admin.token, id)).completionBadge.jwt).toMatch(/^ey/);
    for (const other of [w.clinician, w.staff, w.patient]) expect(errorCode(await ops.completionBadge(t, other.token, id))).toBe('NOT_FOUND');
    const learner = await invited(t, w.admin, Role.STAFF, 'Rene Revoked');
    const revokedId = (await issue(learner.id, 'staff-onboarding')).id;
    expectData(await ops.revokeCompletionRecord(t, w.admin.token, revokedId, 'Duplicate account'));
    expect(errorCode(await ops.completionBadge(t, learner.token, revokedId))).toBe('CONFLICT');
  });
});

describe('a course with CE approval (test/fixtures/curriculum-ce)', () => {
  let code: string;
  let id: string;
  beforeAll(async () => {
    await importCurriculum(t.app, 'test/fixtures/curriculum-ce', { content: false, retireMissing: false });
    ({ id, verificationCode: code } = await issue(w.staff.id, 'ce-naloxone-basics'));
  });

  it('issues CE credit with the approval snapshot for a staff learner', async () => {
    const record = expectData(await ops.myCompletionRecords(t, w.staff.token, 100)).myCompletionRecords.nodes.find((r: { id: string }) => r.id === id);
    expect(record).toMatchObject({
      credentialType: 'CE_CREDIT',
      contactHours: 1,
      ceApproval: { approvingBody: 'NAADAC', providerNumber: '987654', statement: expect.stringContaining('approved by NAADAC') },
    });
    expect(expectData(await ops.verifyCompletion(t, code)).verifyCompletion).toMatchObject({ status: 'VALID', credentialType: 'CE_CREDIT', contactHours: 1 });
  });

  it('prints the CE wording, approving body, provider number and approval statement on the certificate', async () => {
    const text = (await pdfText((await httpGet(t, `/certificates/${code}.pdf`, w.staff.token)).body)).replace(/\s+/g, ' ');
    for (const expected of ['Certificate of Continuing Education', '1 contact hour of continuing education (CE) credit', 'Approved by NAADAC, provider number 987654.', 'This course has been approved by NAADAC as a home study course', code]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(/CEU/);
  });

  it('says so in the badge', async () => {
    const { jwt } = expectData(await ops.completionBadge(t, w.staff.token, id)).completionBadge;
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());
    expect(payload.credentialSubject.achievement.description).toContain('Approved by NAADAC, provider number 987654.');
  });
});
