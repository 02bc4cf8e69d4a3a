import { calculateJwkThumbprint } from 'jose';
import { generateKeyPairSync } from 'node:crypto';
import { Types } from 'mongoose';
import { CredentialType } from '../schemas/completion-record.schema';
import { canonicalBytes, signedFieldsOf, type SignableRecord, type SignedRecordFields } from './signed-record';
import { jwkThumbprint, signBytes, signingKeyFromPem, verifyBytes } from './signing-key';

const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const key = signingKeyFromPem(pem);

function aRecord(overrides: Partial<SignableRecord> = {}): SignableRecord {
  return {
    _id: new Types.ObjectId(),
    orgId: new Types.ObjectId(),
    learnerId: new Types.ObjectId(),
    learnerRole: 'STAFF',
    nameAsIssued: 'Stu Staff',
    issuerName: 'Harbor Recovery',
    courseSlug: 'staff-onboarding',
    courseVersion: 2,
    courseTitle: 'Staff Onboarding',
    completedAt: new Date('2026-03-05T14:00:00.000Z'),
    issuedAt: new Date('2026-03-05T14:00:01.250Z'),
    score: 0.9,
    contactHours: 1.5,
    ceApproval: { approvingBody: 'NAADAC', providerNumber: '123456', statement: 'Approved.' },
    credentialType: CredentialType.CE_CREDIT,
    verificationCode: '7K3M-Q9XD-0A1B-CDEF-GHJK-MNPQ-RSTV',
    verifiableByCode: true,
    ...overrides,
  };
}

describe('canonical form', () => {
  it('is RFC 8785 JSON: sorted keys, no whitespace, shortest numbers', () => {
    const fields = signedFieldsOf(aRecord({ contactHours: 1.5, score: 1 }));
    const text = canonicalBytes(fields).toString('utf8');
    expect(text.startsWith('{"ceApproval":{"approvingBody":"NAADAC","providerNumber":"123456","statement":"Approved."},"completedAt":"2026-03-05T14:00:00.000Z","contactHours":1.5,')).toBe(true);
    expect(text).toContain('"score":1,');
    expect(text).not.toMatch(/\s(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  });

  it('does not depend on the order fields were set in', () => {
    const fields = signedFieldsOf(aRecord());
    const reversed = Object.fromEntries(Object.entries(fields).reverse()) as unknown as SignedRecordFields;
    expect(canonicalBytes(reversed).equals(canonicalBytes(fields))).toBe(true);
  });

  it('writes absent optional values as null, so every record has one shape', () => {
    const fields = signedFieldsOf(aRecord({ score: undefined, contactHours: undefined, ceApproval: undefined, credentialType: CredentialType.CERTIFICATE_OF_COMPLETION }));
    expect(fields).toMatchObject({ score: null, contactHours: null, ceApproval: null });
    expect(Object.keys(fields)).toHaveLength(18);
  });
});

describe('record signatures', () => {
  const record = aRecord();
  const signature = signBytes(canonicalBytes(signedFieldsOf(record)), key.privateKey);

  it('verify with the public key', () => {
    expect(verifyBytes(canonicalBytes(signedFieldsOf(record)), signature, key.publicKey)).toBe(true);
  });

  const changes: Array<[keyof SignedRecordFields, unknown]> = [
    ['format', 'waypoint.completion-record.v2'],
    ['id', new Types.ObjectId().toHexString()],
    ['orgId', new Types.ObjectId().toHexString()],
    ['learnerId', new Types.ObjectId().toHexString()],
    ['learnerRole', 'ADMIN'],
    ['nameAsIssued', 'Stu Staffer'],
    ['issuerName', 'Another Program'],
    ['courseSlug', 'understanding-addiction'],
    ['courseVersion', 3],
    ['courseTitle', 'Staff Onboarding II'],
    ['completedAt', '2026-03-04T14:00:00.000Z'],
    ['issuedAt', '2026-03-05T14:00:01.251Z'],
    ['score', 0.95],
    ['contactHours', 15],
    ['ceApproval', { approvingBody: 'NBCC', providerNumber: '123456', statement: 'Approved.' }],
    ['credentialType', CredentialType.CERTIFICATE_OF_COMPLETION],
    ['verificationCode', '7K3M-Q9XD-0A1B-CDEF-GHJK-MNPQ-RSTW'],
    ['verifiableByCode', false],
  ];

  it('cover every signed field (this table lists them all)', () => {
    expect(changes.map(([field]) => field).sort()).toEqual(Object.keys(signedFieldsOf(record)).sort());
  });

  it.each(changes)('fail when %s changes', (field, value) => {
    const altered = { ...signedFieldsOf(record), [field]: value } as SignedRecordFields;
    expect(verifyBytes(canonicalBytes(altered), signature, key.publicKey)).toBe(false);
  });

  it('fail with another key, and for a damaged signature', () => {
    const other = signingKeyFromPem(generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
    const bytes = canonicalBytes(signedFieldsOf(record));
    expect(verifyBytes(bytes, signature, other.publicKey)).toBe(false);
    expect(verifyBytes(bytes, signature.slice(0, -4) + 'AAAA', key.publicKey)).toBe(false);
    expect(verifyBytes(bytes, 'not base64url at all!', key.publicKey)).toBe(false);
  });
});

describe('signing key', () => {
  it('derives kid as the RFC 7638 thumbprint (RFC 8037 appendix A.3 vector)', () => {
    expect(jwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' })).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
  });

  it('agrees with jose on the thumbprint of its own public JWK', async () => {
    expect(await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: key.publicJwk.x })).toBe(key.kid);
    expect(key.publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: key.kid });
  });

  it('refuses a key that is not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(() => signingKeyFromPem(rsa)).toThrow(/Ed25519/);
  });
});
