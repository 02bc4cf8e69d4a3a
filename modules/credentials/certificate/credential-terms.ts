import type { Role } from '../../../src/auth/principal';
import { isClientRole } from '../../identity';
import { CredentialType, type CeApprovalSnapshot } from '../schemas/completion-record.schema';

export interface CourseCreditFacts {
  contactHours?: number | null;
  ceApproval?: CeApprovalSnapshot | null;
}

export interface IssuedTerms {
  credentialType: CredentialType;
  contactHours?: number;
  ceApproval?: CeApprovalSnapshot;
  /** Staff records verify by their code; patients' and family members' only through a share they create. */
  verifiableByCode: boolean;
}

/**
 * What a completion earns (CURRICULUM.md, "Continuing education on
 * certificates"). Contact hours are a professional measure: patients and family
 * members get a certificate of completion without them, even for a course that
 * staff also take. CE credit only when the course names an approving body.
 */
export function termsFor(course: CourseCreditFacts, learnerRole: Role): IssuedTerms {
  if (isClientRole(learnerRole)) return { credentialType: CredentialType.CERTIFICATE_OF_COMPLETION, verifiableByCode: false };
  const contactHours = course.contactHours ?? undefined;
  const ceApproval =
    course.ceApproval && contactHours
      ? { approvingBody: course.ceApproval.approvingBody, providerNumber: course.ceApproval.providerNumber, statement: course.ceApproval.statement }
      : undefined;
  return {
    credentialType: ceApproval ? CredentialType.CE_CREDIT : CredentialType.CERTIFICATE_OF_COMPLETION,
    contactHours,
    ceApproval,
    verifiableByCode: true,
  };
}

export interface CertificateWording {
  title: string;
  /** e.g. "1.5 contact hours"; absent for patients and family members. */
  hours?: string;
  /** Approving body, provider number and the approval statement; empty without CE approval. */
  approval: string[];
}

/** "1 contact hour", "1.5 contact hours". Never CEUs (1 CEU is 10 contact hours). */
export function contactHoursPhrase(hours: number): string {
  const shown = Number(hours.toFixed(2)).toString();
  return `${shown} contact hour${hours === 1 ? '' : 's'}`;
}

/** The words a certificate uses. Only a CE_CREDIT record speaks of continuing education. */
export function certificateWording(record: { credentialType: CredentialType | string; contactHours?: number | null; ceApproval?: CeApprovalSnapshot | null }): CertificateWording {
  const hours = record.contactHours ? contactHoursPhrase(record.contactHours) : undefined;
  if (record.credentialType === CredentialType.CE_CREDIT && record.ceApproval && hours) {
    return {
      title: 'Certificate of Continuing Education',
      hours: `${hours} of continuing education (CE) credit`,
      approval: [`Approved by ${record.ceApproval.approvingBody}, provider number ${record.ceApproval.providerNumber}.`, record.ceApproval.statement],
    };
  }
  return { title: 'Certificate of Completion', hours, approval: [] };
}
