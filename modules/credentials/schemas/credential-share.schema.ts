import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';

/**
 * A learner's permission for whoever holds the share code to verify one
 * record until `expiresAt`. Only the code's hash is stored. Shares are kept
 * after they expire or are revoked: each is a disclosure on the record.
 */
@Schema({ collection: 'credentialShares', versionKey: false })
export class CredentialShare {
  _id: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) orgId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) recordId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) learnerId: Types.ObjectId;
  /** The record holder's role: a patient's or family member's shares are disclosures of client records. */
  @Prop({ type: String, required: true }) learnerRole: string;
  @Prop({ required: true }) tokenHash: string;
  @Prop({ required: true }) expiresAt: Date;
  @Prop({ required: true }) createdAt: Date;
  @Prop() revokedAt?: Date;
  @Prop({ type: Types.ObjectId }) revokedBy?: Types.ObjectId;
}
/** A share as it is read back: the code's hash never leaves the service. */
export type StoredCredentialShare = Omit<CredentialShare, 'tokenHash'>;
export type CredentialShareDocument = HydratedDocument<CredentialShare>;
export const CredentialShareSchema = SchemaFactory.createForClass(CredentialShare);
CredentialShareSchema.index({ tokenHash: 1 }, { unique: true });
CredentialShareSchema.index({ orgId: 1, recordId: 1, createdAt: -1 });
