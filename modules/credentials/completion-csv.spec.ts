import { Types } from 'mongoose';
import { csvChunk, csvRow, CSV_COLUMNS, neutralizeFormula, type CsvRecord } from './completion-csv';
import { CredentialType } from './schemas/completion-record.schema';

function aRow(overrides: Partial<CsvRecord> = {}): CsvRecord {
  return {
    _id: new Types.ObjectId('65f000000000000000000001'),
    learnerId: new Types.ObjectId('65f000000000000000000002'),
    learnerRole: 'STAFF',
    nameAsIssued: 'Stu Staff',
    courseSlug: 'staff-onboarding',
    courseVersion: 1,
    courseTitle: 'Staff Onboarding',
    credentialType: CredentialType.CERTIFICATE_OF_COMPLETION,
    contactHours: 1.5,
    ceApproval: undefined,
    completedAt: new Date('2026-03-05T14:00:00.000Z'),
    issuedAt: new Date('2026-03-05T14:00:01.000Z'),
    verificationCode: '7K3M-Q9XD-0A1B-CDEF-GHJK-MNPQ-RSTV',
    revokedAt: undefined,
    revokedReason: undefined,
    ...overrides,
  };
}

describe('completion records CSV', () => {
  it('has a header naming every column, then one line per record, CRLF-terminated', () => {
    const text = csvChunk([aRow()], true);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines[1]).toBe(
      '65f000000000000000000001,65f000000000000000000002,STAFF,Stu Staff,staff-onboarding,1,Staff Onboarding,CERTIFICATE_OF_COMPLETION,1.5,,,2026-03-05T14:00:00.000Z,2026-03-05T14:00:01.000Z,7K3M-Q9XD-0A1B-CDEF-GHJK-MNPQ-RSTV,VALID,,',
    );
    expect(lines[2]).toBe('');
    expect(csvChunk([aRow()], false).split('\r\n')[0]).toBe(lines[1]);
  });

  it('quotes commas, quotes and line breaks', () => {
    const text = csvChunk([aRow({ nameAsIssued: 'Smith, "Jo"', revokedAt: new Date('2026-04-01T00:00:00Z'), revokedReason: 'Issued in error\nsee ticket' })], false);
    expect(text).toContain('"Smith, ""Jo"""');
    expect(text).toContain('"Issued in error\nsee ticket"');
    expect(text).toContain(',REVOKED,2026-04-01T00:00:00.000Z,');
  });

  it.each(['=HYPERLINK("http://evil.example")', '+1+2', '-2', '@SUM(A1)', '\tx'])('keeps %j as text, not a formula', (name) => {
    expect(csvRow(aRow({ nameAsIssued: name }))[3]).toBe(`'${name}`);
  });

  it('leaves ordinary text alone, including a hyphen inside a name', () => {
    expect(neutralizeFormula('Mary-Kate O\'Neil')).toBe("Mary-Kate O'Neil");
  });

  it('lists the approving body and provider number of a CE record', () => {
    const row = csvRow(aRow({ credentialType: CredentialType.CE_CREDIT, ceApproval: { approvingBody: 'NAADAC', providerNumber: '123456', statement: 's' } }));
    expect(row[CSV_COLUMNS.indexOf('approvingBody')]).toBe('NAADAC');
    expect(row[CSV_COLUMNS.indexOf('providerNumber')]).toBe('123456');
  });
});
