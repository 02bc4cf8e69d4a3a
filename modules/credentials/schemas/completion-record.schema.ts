import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';

export enum CredentialType {
  /** The course carries an approving body's CE approval and the learner is a professional. */
  CE_CREDIT = 'CE_CREDIT',
  /** Everything else: a certificate of completion (with contact hours for staff). Never "CE", never "CEUs". */
  CERTIFICATE_OF_COMPLETION = 'CERTIFICATE_OF_COMPLETION',
}

export interface CeApprovalSnapshot {
  approvingBody: string;
  providerNumber: string;
  statement: string;
}

/**
 * One learner's completion of one course version (docs/architecture.md invariant 2). What
 * the certificate says is copied in at issue time and signed, so later edits to
 * the course, the organization or the person's name change nothing already issued.
 * Only the revocation fields ever change.
 */
@Schema({ collection: 'completionRecords', versionKey: false })
export class CompletionRecord {
  _id: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) orgId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) learnerId: Types.ObjectId;
  @Prop({ type: String, required: true }) learnerRole: string;
  @Prop({ required: true }) nameAsIssued: string;
  /** The organization's name when the record was issued: the provider on the certificate. */
  @Prop({ required: true }) issuerName: string;
  /** The organization's time zone, for printing dates as the program sees them (not signed). */
  @Prop({ required: true }) timeZone: string;
  @Prop({ required: true }) courseSlug: string;
  @Prop({ required: true }) courseVersion: number;
  @Prop({ required: true }) courseTitle: string;
  @Prop({ required: true }) completedAt: Date;
  /** Which completion cycle of the course this is: 1, then one more per renewal. */
  @Prop({ required: true, default: 1 }) cycle: number;
  /** The last moment the completion counts, when a training requirement limits it; absent → it does not expire. */
  @Prop() validUntil?: Date;
  @Prop({ required: true }) issuedAt: Date;
  /** The course's average graded quiz score (0..1), when progress reports one. */
  @Prop() score?: number;
  /** Staff learners only. */
  @Prop() contactHours?: number;
  @Prop({ type: Object }) ceApproval?: CeApprovalSnapshot;
  @Prop({ type: String, required: true }) credentialType: CredentialType;
  @Prop({ required: true }) verificationCode: string;
  /** Staff records verify by their code; patient and family records only through a share. */
  @Prop({ required: true }) verifiableByCode: boolean;
  /** Ed25519 over the canonical JSON of the signed fields (see signing/signed-record.ts). */
  @Prop({ required: true }) signature: string;
  /** Which key signed: the RFC 7638 thumbprint of its public JWK. */
  @Prop({ required: true }) kid: string;
  /** This record's bit in its organization's revocation status list, given when its first badge is made (not signed). */
  @Prop() statusListIndex?: number;
  @Prop() revokedAt?: Date;
  @Prop() revokedReason?: string;
  @Prop({ type: Types.ObjectId }) revokedBy?: Types.ObjectId;
}
export const COMPLETION_CYCLE_INDEX = 'one_record_per_completion_cycle';
/** The index before cycles existed; dropped at start-up so a second cycle can be issued. */
export const LEGACY_COMPLETION_INDEX = 'orgId_1_learnerId_1_courseSlug_1_courseVersion_1';

/** A record as lists, certificates and badges read it: without the signature. */
export type StoredCompletionRecord = Omit<CompletionRecord, 'signature' | 'revokedBy'>;
export type CompletionRecordDocument = HydratedDocument<CompletionRecord>;
export const CompletionRecordSchema = SchemaFactory.createForClass(CompletionRecord);
// Invariant 2: one record per learner, course and version. orgId leads so the index
// stays valid when the collection is sharded by organization.
// A recurring training requirement renews by completing the course again: each completion
// cycle (the assignment's cycle, 1 for a course taken once) is its own record, and history stays.
CompletionRecordSchema.index({ orgId: 1, learnerId: 1, courseSlug: 1, courseVersion: 1, cycle: 1 }, { unique: true, name: COMPLETION_CYCLE_INDEX });
// Public verification has no organization to scope by: codes are globally unique.
CompletionRecordSchema.index({ verificationCode: 1 }, { unique: true });
CompletionRecordSchema.index({ orgId: 1, issuedAt: -1, _id: -1 });
CompletionRecordSchema.index({ orgId: 1, courseSlug: 1, issuedAt: -1, _id: -1 });
// Each index names one record in its organization's status list.
CompletionRecordSchema.index({ orgId: 1, statusListIndex: 1 }, { unique: true, partialFilterExpression: { statusListIndex: { $exists: true } } });
