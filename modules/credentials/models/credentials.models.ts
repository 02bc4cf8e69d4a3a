import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '../../../src/auth/principal';
import { PageInfo } from '../../../src/common/pagination';
import { CeApprovalModel } from '../../curriculum';
import { CredentialType, type StoredCompletionRecord } from '../schemas/completion-record.schema';
import type { StoredCredentialShare } from '../schemas/credential-share.schema';

registerEnumType(CredentialType, {
  name: 'CredentialType',
  description: 'CE_CREDIT only for a course with an approving body\'s CE approval; otherwise a certificate of completion (with contact hours for staff).',
});

export enum CompletionRecordStatus {
  VALID = 'VALID',
  REVOKED = 'REVOKED',
}
registerEnumType(CompletionRecordStatus, { name: 'CompletionRecordStatus' });

export enum VerificationStatus {
  VALID = 'VALID',
  REVOKED = 'REVOKED',
  /** No record answers to this code, or it is private and not (or no longer) shared: the two are indistinguishable by design. */
  UNKNOWN = 'UNKNOWN',
  /** The stored record no longer matches its signature. */
  TAMPERED = 'TAMPERED',
}
registerEnumType(VerificationStatus, { name: 'VerificationStatus' });

@ObjectType('CompletionRecord')
export class CompletionRecordModel {
  @Field(() => ID) id: string;
  @Field(() => ID) learnerId: string;
  @Field(() => Role) learnerRole: Role;
  @Field({ description: "The learner's name as it was when the record was issued." }) nameAsIssued: string;
  @Field({ description: 'The program that issued the record.' }) issuerName: string;
  @Field() courseSlug: string;
  @Field(() => Int, { description: 'The course version completed.' }) courseVersion: number;
  @Field() courseTitle: string;
  @Field() completedAt: Date;
  @Field(() => Int, { description: 'Which completion of this course it is: 1, then one more each time a training requirement renews it.' }) cycle: number;
  @Field({ nullable: true, description: 'Staff training: the last moment this completion counts toward a requirement. Absent: it does not expire.' }) validUntil?: Date;
  @Field() issuedAt: Date;
  @Field(() => Float, { nullable: true, description: 'Average graded quiz score (0..1), when the course has one.' }) score?: number;
  @Field(() => Float, { nullable: true, description: 'Staff records: contact hours (1 contact hour = 60 minutes). Not CEUs.' }) contactHours?: number;
  @Field(() => CeApprovalModel, { nullable: true, description: 'Present only on CE_CREDIT records.' }) ceApproval?: CeApprovalModel;
  @Field(() => CredentialType) credentialType: CredentialType;
  @Field({ nullable: true, description: 'Shown to the learner and to admins only.' }) verificationCode?: string;
  @Field({ description: 'Staff records verify by their code. Patient and family records are private: they verify only through a share the learner creates.' })
  verifiableByCode: boolean;
  @Field({ nullable: true, description: 'The certificate PDF (send the same Authorization header). Learner and admins only.' }) certificateUrl?: string;
  @Field(() => CompletionRecordStatus) status: CompletionRecordStatus;
  @Field({ nullable: true }) revokedAt?: Date;
  @Field({ nullable: true }) revokedReason?: string;
}

@ObjectType('CompletionRecordConnection')
export class CompletionRecordConnection {
  @Field(() => [CompletionRecordModel]) nodes: CompletionRecordModel[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field({ nullable: true, description: '42 CFR §2.32 notice, present when a family member reads a patient\'s records with consent.' }) redisclosureNotice?: string;
}

@ObjectType('CompletionVerification', {
  description: 'What anyone may learn from a verification or share code, and nothing more.',
})
export class CompletionVerificationModel {
  @Field(() => VerificationStatus) status: VerificationStatus;
  @Field({ nullable: true }) nameAsIssued?: string;
  @Field({ nullable: true }) courseTitle?: string;
  @Field({ nullable: true }) completedAt?: Date;
  @Field(() => Float, { nullable: true }) contactHours?: number;
  @Field(() => CredentialType, { nullable: true }) credentialType?: CredentialType;
  @Field({ nullable: true, description: '42 CFR §2.32 notice: present when the record belongs to a patient or family member.' }) redisclosureNotice?: string;
}

@ObjectType('CompletionShare')
export class CompletionShareModel {
  @Field(() => ID) id: string;
  @Field(() => ID) recordId: string;
  @Field() createdAt: Date;
  @Field() expiresAt: Date;
  @Field({ nullable: true }) revokedAt?: Date;
  @Field({ description: 'True until the share expires or is revoked.' }) active: boolean;
}

@ObjectType('CompletionShareCreated')
export class CompletionShareCreated {
  @Field(() => CompletionShareModel) share: CompletionShareModel;
  @Field({ description: 'Shown once. Whoever holds it can verify this one record until the share expires or is revoked.' }) shareCode: string;
  @Field() verifyUrl: string;
}

@ObjectType('CompletionBadge', { description: 'An Open Badges 3.0 OpenBadgeCredential, signed as a VC-JWT (EdDSA).' })
export class CompletionBadgeModel {
  @Field({ description: 'Compact JWS; the payload is the credential.' }) jwt: string;
  @Field({ description: "URL of the issuer's public key (JWK) that verifies the signature." }) keyUrl: string;
}

export interface RecordView {
  /** The learner or an admin: may see the code and fetch the certificate. */
  showCode: boolean;
  /** The score comes from quiz attempts, which family members never see, whatever their consent. */
  showScore: boolean;
  baseUrl: string;
}

export function toCompletionRecordModel(r: StoredCompletionRecord, view: RecordView): CompletionRecordModel {
  return {
    id: r._id.toHexString(),
    learnerId: r.learnerId.toHexString(),
    learnerRole: r.learnerRole as Role,
    nameAsIssued: r.nameAsIssued,
    issuerName: r.issuerName,
    courseSlug: r.courseSlug,
    courseVersion: r.courseVersion,
    courseTitle: r.courseTitle,
    completedAt: r.completedAt,
    cycle: r.cycle ?? 1,
    validUntil: r.validUntil,
    issuedAt: r.issuedAt,
    score: view.showScore ? r.score : undefined,
    contactHours: r.contactHours,
    ceApproval: r.ceApproval
      ? { approvingBody: r.ceApproval.approvingBody, providerNumber: r.ceApproval.providerNumber, statement: r.ceApproval.statement }
      : undefined,
    credentialType: r.credentialType,
    verificationCode: view.showCode ? r.verificationCode : undefined,
    verifiableByCode: r.verifiableByCode,
    certificateUrl: view.showCode ? `${view.baseUrl}/certificates/${r.verificationCode}.pdf` : undefined,
    status: r.revokedAt ? CompletionRecordStatus.REVOKED : CompletionRecordStatus.VALID,
    revokedAt: r.revokedAt,
    revokedReason: r.revokedReason,
  };
}

export function toCompletionShareModel(s: StoredCredentialShare, now = new Date()): CompletionShareModel {
  return {
    id: s._id.toHexString(),
    recordId: s.recordId.toHexString(),
    createdAt: s.createdAt,
    expiresAt: s.expiresAt,
    revokedAt: s.revokedAt,
    active: !s.revokedAt && s.expiresAt.getTime() > now.getTime(),
  };
}
