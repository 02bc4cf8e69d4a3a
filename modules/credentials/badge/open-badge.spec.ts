import { Types } from 'mongoose';
import { CredentialType } from '../schemas/completion-record.schema';
import { criteriaNarrative, OB_CONTEXT, openBadgeCredential, type BadgeRecord } from './open-badge';

const base = 'https://waypoint.example';
const record: BadgeRecord = {
  _id: new Types.ObjectId('65f000000000000000000001'),
  orgId: new Types.ObjectId('65f0000000000000000000aa'),
  nameAsIssued: 'Stu Staff',
  issuerName: 'Harbor Recovery',
  courseSlug: 'staff-onboarding',
  courseVersion: 2,
  courseTitle: 'Staff Onboarding',
  completedAt: new Date('2026-03-05T14:00:00.000Z'),
  issuedAt: new Date('2026-03-05T14:00:01.700Z'),
  contactHours: 1.5,
  ceApproval: undefined,
  credentialType: CredentialType.CERTIFICATE_OF_COMPLETION,
};

describe('OpenBadgeCredential', () => {
  const badge = openBadgeCredential(record, base, { requiredLessons: 'ALL_REQUIRED', requirePassedQuizzes: true });

  it('is a VC 2.0 OpenBadgeCredential with the OB 3.0 context', () => {
    expect(badge['@context']).toEqual(OB_CONTEXT);
    expect(badge.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(badge.issuer).toEqual({ id: `${base}/issuers/65f0000000000000000000aa`, type: ['Profile'], name: 'Harbor Recovery' });
    expect(badge.validFrom).toBe('2026-03-05T14:00:01.700Z');
  });

  it('names the learner and the achievement with its criteria', () => {
    expect(badge.credentialSubject.identifier).toEqual([{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Stu Staff' }]);
    expect(badge.credentialSubject.achievement).toMatchObject({
      id: `${base}/achievements/staff-onboarding/2`,
      type: ['Achievement'],
      name: 'Staff Onboarding',
      version: '2',
      criteria: { narrative: "Complete every required lesson of the course and pass each required lesson's quiz." },
    });
    expect(badge.credentialSubject.achievement.description).toBe('Certificate of Completion: "Staff Onboarding" (version 2). 1.5 contact hours.');
  });

  it('maps the registered JWT claims from the credential (iss, jti, nbf)', () => {
    expect(badge.iss).toBe(badge.issuer.id);
    expect(badge.jti).toBe(badge.id);
    expect(badge.nbf).toBe(Math.floor(Date.parse('2026-03-05T14:00:01.700Z') / 1000));
  });

  it('speaks of CE only for a CE record, with the approval statement', () => {
    const ce = openBadgeCredential(
      { ...record, credentialType: CredentialType.CE_CREDIT, ceApproval: { approvingBody: 'NAADAC', providerNumber: '123456', statement: 'Approved by NAADAC.' } },
      base,
      undefined,
    );
    expect(ce.credentialSubject.achievement.description).toBe(
      'Certificate of Continuing Education: "Staff Onboarding" (version 2). 1.5 contact hours of continuing education (CE) credit. Approved by NAADAC, provider number 123456. Approved by NAADAC.',
    );
    expect(JSON.stringify(badge)).not.toMatch(/\bCE\b|continuing education|CEU/i);
  });
});

describe('criteriaNarrative', () => {
  it.each([
    [{ requiredLessons: 'ALL_REQUIRED', requirePassedQuizzes: false }, 'Complete every required lesson of the course.'],
    [{ requiredLessons: 'ALL_REQUIRED', requirePassedQuizzes: true, minimumScore: 0.8 }, "Complete every required lesson of the course and pass each required lesson's quiz, with an average quiz score of at least 80%."],
  ])('describes %j', (rule, text) => {
    expect(criteriaNarrative(rule)).toBe(text);
  });
});
