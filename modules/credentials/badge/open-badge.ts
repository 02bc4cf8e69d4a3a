import { certificateWording } from '../certificate/credential-terms';
import type { CompletionRecord } from '../schemas/completion-record.schema';
import type { BitstringStatusListEntry } from './status-list';

/** Open Badges 3.0 (1EdTech) on the W3C Verifiable Credentials 2.0 data model. */
export const OB_CONTEXT = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'] as const;

export interface IssuerProfile {
  id: string;
  type: ['Profile'];
  name: string;
}

export interface OpenBadgeCredential {
  '@context': typeof OB_CONTEXT;
  id: string;
  /** Where a verifier checks whether the issuer has revoked it (W3C Bitstring Status List). */
  credentialStatus?: BitstringStatusListEntry;
  type: ['VerifiableCredential', 'OpenBadgeCredential'];
  issuer: IssuerProfile;
  name: string;
  validFrom: string;
  credentialSubject: {
    type: ['AchievementSubject'];
    identifier: Array<{ type: 'IdentityObject'; identityType: 'name'; hashed: false; identityHash: string }>;
    activityEndDate: string;
    achievement: {
      id: string;
      type: ['Achievement'];
      achievementType: 'CertificateOfCompletion';
      name: string;
      version: string;
      description: string;
      criteria: { narrative: string };
    };
  };
}

/** The VC-JWT payload: the credential itself plus the registered claims OB 3.0 maps from it. */
export type OpenBadgeJwtPayload = OpenBadgeCredential & { iss: string; jti: string; nbf: number };

export type BadgeRecord = Pick<
  CompletionRecord,
  '_id' | 'orgId' | 'nameAsIssued' | 'issuerName' | 'courseSlug' | 'courseVersion' | 'courseTitle' | 'completedAt' | 'issuedAt' | 'contactHours' | 'ceApproval' | 'credentialType'
>;

export interface CompletionRule {
  requiredLessons: string;
  requirePassedQuizzes: boolean;
  minimumScore?: number;
}

export function issuerProfileUrl(baseUrl: string, orgId: string): string {
  return `${baseUrl}/issuers/${orgId}`;
}

export function issuerProfile(baseUrl: string, orgId: string, name: string): IssuerProfile & { '@context': typeof OB_CONTEXT } {
  return { '@context': OB_CONTEXT, id: issuerProfileUrl(baseUrl, orgId), type: ['Profile'], name };
}

/** What a learner had to do, in words, from the course version's completion rule. */
export function criteriaNarrative(rule: CompletionRule | undefined): string {
  const parts = ['Complete every required lesson of the course'];
  if (!rule || rule.requirePassedQuizzes) parts.push("pass each required lesson's quiz");
  let text = parts.join(' and ');
  if (rule?.minimumScore !== undefined) text += `, with an average quiz score of at least ${Math.round(rule.minimumScore * 100)}%`;
  return `${text}.`;
}

export function achievementUrl(baseUrl: string, courseSlug: string, courseVersion: number): string {
  return `${baseUrl}/achievements/${courseSlug}/${courseVersion}`;
}

export function credentialUrl(baseUrl: string, recordId: string): string {
  return `${baseUrl}/completion-records/${recordId}`;
}

/** The Achievement an `achievement.id` resolves to: the course version and what completing it took. */
export function achievement(baseUrl: string, course: { slug: string; version: number; title: string; summary?: string }, rule: CompletionRule | undefined) {
  return {
    '@context': OB_CONTEXT,
    id: achievementUrl(baseUrl, course.slug, course.version),
    type: ['Achievement'] as const,
    achievementType: 'CertificateOfCompletion' as const,
    name: course.title,
    version: String(course.version),
    description: course.summary ?? course.title,
    criteria: { narrative: criteriaNarrative(rule) },
  };
}

export function openBadgeCredential(record: BadgeRecord, baseUrl: string, rule: CompletionRule | undefined, status?: BitstringStatusListEntry): OpenBadgeJwtPayload {
  const wording = certificateWording(record);
  const issuer: IssuerProfile = { id: issuerProfileUrl(baseUrl, record.orgId.toHexString()), type: ['Profile'], name: record.issuerName };
  const id = credentialUrl(baseUrl, record._id.toHexString());
  const description = [`${wording.title}: "${record.courseTitle}" (version ${record.courseVersion}).`, wording.hours && `${capitalize(wording.hours)}.`, ...wording.approval]
    .filter(Boolean)
    .join(' ');
  const credential: OpenBadgeCredential = {
    '@context': OB_CONTEXT,
    id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    ...(status && { credentialStatus: status }),
    issuer,
    name: `${wording.title}: ${record.courseTitle}`,
    validFrom: record.issuedAt.toISOString(),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: record.nameAsIssued }],
      activityEndDate: record.completedAt.toISOString(),
      achievement: {
        id: achievementUrl(baseUrl, record.courseSlug, record.courseVersion),
        type: ['Achievement'],
        achievementType: 'CertificateOfCompletion',
        name: record.courseTitle,
        version: String(record.courseVersion),
        description,
        criteria: { narrative: criteriaNarrative(rule) },
      },
    },
  };
  return { ...credential, iss: issuer.id, jti: id, nbf: Math.floor(record.issuedAt.getTime() / 1000) };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
