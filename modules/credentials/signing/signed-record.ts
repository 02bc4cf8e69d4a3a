import canonicalize from 'canonicalize';
import type { CeApprovalSnapshot, CompletionRecord } from '../schemas/completion-record.schema';

/** Names the layout below; a change to the signed fields gets a new format name. */
export const SIGNED_RECORD_FORMAT = 'waypoint.completion-record.v1';

/**
 * Everything a certificate asserts. Absent optional values are `null`, not
 * missing, so the canonical form has one shape for every record.
 */
export interface SignedRecordFields {
  format: typeof SIGNED_RECORD_FORMAT;
  id: string;
  orgId: string;
  learnerId: string;
  learnerRole: string;
  nameAsIssued: string;
  issuerName: string;
  courseSlug: string;
  courseVersion: number;
  courseTitle: string;
  completedAt: string;
  issuedAt: string;
  score: number | null;
  contactHours: number | null;
  ceApproval: CeApprovalSnapshot | null;
  credentialType: string;
  verificationCode: string;
  verifiableByCode: boolean;
}

export type SignableRecord = Pick<
  CompletionRecord,
  | '_id'
  | 'orgId'
  | 'learnerId'
  | 'learnerRole'
  | 'nameAsIssued'
  | 'issuerName'
  | 'courseSlug'
  | 'courseVersion'
  | 'courseTitle'
  | 'completedAt'
  | 'issuedAt'
  | 'score'
  | 'contactHours'
  | 'ceApproval'
  | 'credentialType'
  | 'verificationCode'
  | 'verifiableByCode'
>;

/** The projection that loads exactly what verification needs. */
export const SIGNED_PROJECTION = {
  orgId: 1,
  learnerId: 1,
  learnerRole: 1,
  nameAsIssued: 1,
  issuerName: 1,
  courseSlug: 1,
  courseVersion: 1,
  courseTitle: 1,
  completedAt: 1,
  issuedAt: 1,
  score: 1,
  contactHours: 1,
  ceApproval: 1,
  credentialType: 1,
  verificationCode: 1,
  verifiableByCode: 1,
  signature: 1,
  kid: 1,
  revokedAt: 1,
} as const;

export function signedFieldsOf(record: SignableRecord): SignedRecordFields {
  return {
    format: SIGNED_RECORD_FORMAT,
    id: record._id.toHexString(),
    orgId: record.orgId.toHexString(),
    learnerId: record.learnerId.toHexString(),
    learnerRole: record.learnerRole,
    nameAsIssued: record.nameAsIssued,
    issuerName: record.issuerName,
    courseSlug: record.courseSlug,
    courseVersion: record.courseVersion,
    courseTitle: record.courseTitle,
    completedAt: record.completedAt.toISOString(),
    issuedAt: record.issuedAt.toISOString(),
    score: record.score ?? null,
    contactHours: record.contactHours ?? null,
    // Only the three known members: anything else stored beside them is not asserted.
    ceApproval: record.ceApproval
      ? { approvingBody: record.ceApproval.approvingBody, providerNumber: record.ceApproval.providerNumber, statement: record.ceApproval.statement }
      : null,
    credentialType: record.credentialType,
    verificationCode: record.verificationCode,
    verifiableByCode: record.verifiableByCode,
  };
}

/** RFC 8785 (JSON Canonicalization Scheme) bytes: what the signature covers. */
export function canonicalBytes(fields: SignedRecordFields): Buffer {
  return Buffer.from(canonicalize(fields)!, 'utf8');
}
