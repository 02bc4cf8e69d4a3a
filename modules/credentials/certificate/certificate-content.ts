import type { CompletionRecord } from '../schemas/completion-record.schema';
import { certificateWording } from './credential-terms';

export interface CertificateContent {
  title: string;
  nameAsIssued: string;
  courseTitle: string;
  courseVersion: number;
  completedOn: string;
  hours?: string;
  approval: string[];
  issuerName: string;
  verificationCode: string;
  /** What the QR code encodes. */
  verifyUrl: string;
  /** How a reader verifies this certificate. */
  verifyHint: string;
  revokedOn?: string;
}

export type CertificateRecord = Pick<
  CompletionRecord,
  | 'nameAsIssued'
  | 'courseTitle'
  | 'courseVersion'
  | 'completedAt'
  | 'contactHours'
  | 'ceApproval'
  | 'credentialType'
  | 'issuerName'
  | 'timeZone'
  | 'verificationCode'
  | 'verifiableByCode'
  | 'revokedAt'
>;

/** "March 5, 2026" in the program's time zone (a completion at 11 pm is still that day where it happened). */
export function formatDay(date: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }
}

export function verifyUrl(baseUrl: string, code: string): string {
  return `${baseUrl}/verify/${code}`;
}

/**
 * What a certificate says. A staff certificate's QR code verifies it directly.
 * A patient's or family member's record is private: its code alone verifies as
 * unknown, so the QR code leads to the verification page and the text says the
 * holder gives a share code.
 */
export function certificateContent(record: CertificateRecord, baseUrl: string): CertificateContent {
  const wording = certificateWording(record);
  return {
    title: wording.title,
    nameAsIssued: record.nameAsIssued,
    courseTitle: record.courseTitle,
    courseVersion: record.courseVersion,
    completedOn: formatDay(record.completedAt, record.timeZone),
    hours: wording.hours,
    approval: wording.approval,
    issuerName: record.issuerName,
    verificationCode: record.verificationCode,
    verifyUrl: record.verifiableByCode ? verifyUrl(baseUrl, record.verificationCode) : `${baseUrl}/verify`,
    verifyHint: record.verifiableByCode
      ? `Verify this certificate at ${verifyUrl(baseUrl, record.verificationCode)} or by scanning the QR code.`
      : `This record is private. To let someone verify it, create a share code in Waypoint and give it to them; they enter it at ${baseUrl}/verify.`,
    revokedOn: record.revokedAt ? formatDay(record.revokedAt, record.timeZone) : undefined,
  };
}
