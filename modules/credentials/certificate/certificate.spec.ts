import { pdfText } from '../../../test/support/credentials-operations';
import { CredentialType } from '../schemas/completion-record.schema';
import { certificateContent, formatDay, type CertificateRecord } from './certificate-content';
import { renderCertificatePdf } from './certificate-pdf';

const base = 'https://waypoint.example';
const staff: CertificateRecord = {
  nameAsIssued: 'Stu Staff',
  courseTitle: 'Staff Onboarding',
  courseVersion: 2,
  completedAt: new Date('2026-03-06T03:30:00.000Z'),
  contactHours: 1.5,
  ceApproval: undefined,
  credentialType: CredentialType.CERTIFICATE_OF_COMPLETION,
  issuerName: 'Harbor Recovery',
  timeZone: 'America/New_York',
  verificationCode: '7K3M-Q9XD-0A1B-CDEF-GHJK-MNPQ-RSTV',
  verifiableByCode: true,
  revokedAt: undefined,
};

describe('certificate content', () => {
  it('prints the completion day in the program time zone', () => {
    expect(formatDay(staff.completedAt, 'America/New_York')).toBe('March 5, 2026');
    expect(formatDay(staff.completedAt, 'UTC')).toBe('March 6, 2026');
    expect(formatDay(staff.completedAt, 'Not/AZone')).toBe('March 6, 2026');
  });

  it('points a staff QR code at the record itself', () => {
    const content = certificateContent(staff, base);
    expect(content.verifyUrl).toBe(`${base}/verify/7K3M-Q9XD-0A1B-CDEF-GHJK-MNPQ-RSTV`);
    expect(content.hours).toBe('1.5 contact hours');
  });

  it('points a private record at the verification page and explains shares', () => {
    const content = certificateContent({ ...staff, contactHours: undefined, verifiableByCode: false }, base);
    expect(content.verifyUrl).toBe(`${base}/verify`);
    expect(content.verifyHint).toMatch(/private.*share code/);
  });
});

describe('certificate PDF', () => {
  it('holds the name, course, date, hours, issuer and verification code as text', async () => {
    const pdf = await renderCertificatePdf(certificateContent(staff, base));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    for (const expected of ['Certificate of Completion', 'Stu Staff', 'Staff Onboarding', 'March 5, 2026', '1.5 contact hours', 'Harbor Recovery', '7K3M-Q9XD-0A1B-CDEF-GHJK-MNPQ-RSTV']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(/\bCE\b|continuing education|CEU/i);
  });

  it('shows a revocation', async () => {
    const text = await pdfText(await renderCertificatePdf(certificateContent({ ...staff, revokedAt: new Date('2026-04-01T12:00:00Z') }, base)));
    expect(text).toContain('REVOKED on April 1, 2026');
  });
});
