import { Role } from '../../../src/auth/principal';
import { CredentialType } from '../schemas/completion-record.schema';
import { certificateWording, contactHoursPhrase, termsFor } from './credential-terms';

const approval = { approvingBody: 'NAADAC', providerNumber: '123456', statement: 'This course has been approved by NAADAC as a home study course.' };

describe('termsFor', () => {
  it('gives a staff learner CE credit only when the course has an approval', () => {
    expect(termsFor({ contactHours: 1.5, ceApproval: approval }, Role.STAFF)).toEqual({
      credentialType: CredentialType.CE_CREDIT,
      contactHours: 1.5,
      ceApproval: approval,
      verifiableByCode: true,
    });
    expect(termsFor({ contactHours: 1.5 }, Role.STAFF)).toEqual({
      credentialType: CredentialType.CERTIFICATE_OF_COMPLETION,
      contactHours: 1.5,
      ceApproval: undefined,
      verifiableByCode: true,
    });
  });

  it.each([Role.PATIENT, Role.FAMILY])('gives a %s a private certificate of completion without hours or CE', (role) => {
    expect(termsFor({ contactHours: 1, ceApproval: approval }, role)).toEqual({ credentialType: CredentialType.CERTIFICATE_OF_COMPLETION, verifiableByCode: false });
  });

  it.each([Role.ADMIN, Role.CLINICIAN])('treats a %s who completes a staff course as a professional', (role) => {
    expect(termsFor({ contactHours: 1 }, role)).toMatchObject({ contactHours: 1, verifiableByCode: true });
  });

  it('copies only the three approval fields', () => {
    const terms = termsFor({ contactHours: 1, ceApproval: { ...approval, extra: 'x' } as typeof approval }, Role.STAFF);
    expect(Object.keys(terms.ceApproval!).sort()).toEqual(['approvingBody', 'providerNumber', 'statement']);
  });
});

describe('certificate wording', () => {
  it.each([
    [1, '1 contact hour'],
    [1.5, '1.5 contact hours'],
    [0.25, '0.25 contact hours'],
    [2, '2 contact hours'],
  ])('%s hours reads "%s"', (hours, phrase) => {
    expect(contactHoursPhrase(hours)).toBe(phrase);
  });

  it('speaks of CE, the approving body and the statement only for a CE record', () => {
    const ce = certificateWording({ credentialType: CredentialType.CE_CREDIT, contactHours: 1.5, ceApproval: approval });
    expect(ce.title).toBe('Certificate of Continuing Education');
    expect(ce.hours).toBe('1.5 contact hours of continuing education (CE) credit');
    expect(ce.approval).toEqual(['Approved by NAADAC, provider number 123456.', approval.statement]);
  });

  it('is a certificate of completion with contact hours otherwise, and never mentions CE', () => {
    const plain = certificateWording({ credentialType: CredentialType.CERTIFICATE_OF_COMPLETION, contactHours: 1.5 });
    expect(plain).toEqual({ title: 'Certificate of Completion', hours: '1.5 contact hours', approval: [] });
    expect(JSON.stringify(plain)).not.toMatch(/\bCE\b|continuing education|CEU/i);
  });

  it('has no hours line for a patient or family record', () => {
    expect(certificateWording({ credentialType: CredentialType.CERTIFICATE_OF_COMPLETION })).toEqual({ title: 'Certificate of Completion', hours: undefined, approval: [] });
  });

  it('never says CEU, whatever the record', () => {
    for (const credentialType of Object.values(CredentialType)) {
      for (const contactHours of [undefined, 1, 10, 1.5]) {
        expect(JSON.stringify(certificateWording({ credentialType, contactHours, ceApproval: approval }))).not.toMatch(/CEU/);
      }
    }
  });
});
