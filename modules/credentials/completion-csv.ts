import { stringify } from 'csv-stringify/sync';
import type { CompletionRecord } from './schemas/completion-record.schema';

export const CSV_COLUMNS = [
  'recordId',
  'learnerId',
  'learnerRole',
  'nameAsIssued',
  'courseSlug',
  'courseVersion',
  'courseTitle',
  'credentialType',
  'contactHours',
  'approvingBody',
  'providerNumber',
  'completedAt',
  'issuedAt',
  'verificationCode',
  'status',
  'revokedAt',
  'revokedReason',
] as const;

export type CsvRecord = Pick<
  CompletionRecord,
  | '_id'
  | 'learnerId'
  | 'learnerRole'
  | 'nameAsIssued'
  | 'courseSlug'
  | 'courseVersion'
  | 'courseTitle'
  | 'credentialType'
  | 'contactHours'
  | 'ceApproval'
  | 'completedAt'
  | 'issuedAt'
  | 'verificationCode'
  | 'revokedAt'
  | 'revokedReason'
>;

/**
 * A spreadsheet treats a cell starting with = + - @ (or a tab or carriage
 * return) as a formula; a name such as "=HYPERLINK(...)" must stay text
 * (OWASP "CSV injection"). A leading apostrophe keeps it text.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvRow(r: CsvRecord): string[] {
  const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
    recordId: r._id.toHexString(),
    learnerId: r.learnerId.toHexString(),
    learnerRole: r.learnerRole,
    nameAsIssued: r.nameAsIssued,
    courseSlug: r.courseSlug,
    courseVersion: String(r.courseVersion),
    courseTitle: r.courseTitle,
    credentialType: r.credentialType,
    contactHours: r.contactHours === undefined || r.contactHours === null ? '' : String(r.contactHours),
    approvingBody: r.ceApproval?.approvingBody ?? '',
    providerNumber: r.ceApproval?.providerNumber ?? '',
    completedAt: r.completedAt.toISOString(),
    issuedAt: r.issuedAt.toISOString(),
    verificationCode: r.verificationCode,
    status: r.revokedAt ? 'REVOKED' : 'VALID',
    revokedAt: r.revokedAt ? r.revokedAt.toISOString() : '',
    revokedReason: r.revokedReason ?? '',
  };
  return CSV_COLUMNS.map((column) => neutralizeFormula(cells[column]));
}

/** RFC 4180 text (CRLF line ends, quotes doubled) for a batch of rows, with the header when asked. */
export function csvChunk(records: readonly CsvRecord[], withHeader: boolean): string {
  const rows = records.map(csvRow);
  // csv-stringify quotes only the record delimiter itself; a bare LF or CR inside a cell must be quoted too.
  return stringify(withHeader ? [[...CSV_COLUMNS], ...rows] : rows, { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}
