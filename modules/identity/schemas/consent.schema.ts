import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';

export enum ConsentScope {
  /** Course enrollments, lesson progress, due dates. */
  PROGRESS = 'PROGRESS',
  /** Completion records (certificates). */
  COMPLETIONS = 'COMPLETIONS',
}

export enum ConsentMethod {
  IN_APP = 'IN_APP',
  RECORDED_FROM_PAPER = 'RECORDED_FROM_PAPER',
}

/**
 * A patient's written consent to disclose to a family member, holding what
 * 42 CFR §2.31 asks of one. Never edited except to record revocation: a new
 * consent is a new record, so history is kept.
 */
@Schema({ collection: 'consents', timestamps: true })
export class Consent {
  _id: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) orgId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) patientId: Types.ObjectId;
  /** The patient's name as it stood when the consent was given. */
  @Prop({ required: true }) patientName: string;
  /** Who may disclose: the program. */
  @Prop({ required: true }) discloserName: string;
  @Prop({ type: Types.ObjectId, required: true }) recipientId: Types.ObjectId;
  @Prop({ required: true }) recipientName: string;
  @Prop({ type: [String], enum: Object.values(ConsentScope), required: true }) scopes: ConsentScope[];
  @Prop({ required: true, maxlength: 500 }) purpose: string;
  @Prop() expiresAt?: Date;
  @Prop({ maxlength: 300 }) expiryEvent?: string;
  @Prop({ type: String, required: true, enum: Object.values(ConsentMethod) }) method: ConsentMethod;
  /** The patient, for in-app consent; the patient too for paper (recorded by a clinician). */
  @Prop({ required: true }) signedByName: string;
  @Prop({ required: true }) signedAt: Date;
  @Prop({ type: Types.ObjectId, required: true }) recordedBy: Types.ObjectId;
  @Prop({ maxlength: 300 }) paperReference?: string;
  @Prop({ required: true }) rightToRevokeStated: boolean;
  @Prop() revokedAt?: Date;
  @Prop({ type: Types.ObjectId }) revokedBy?: Types.ObjectId;
  createdAt: Date;
}
export type ConsentDocument = HydratedDocument<Consent>;
export const ConsentSchema = SchemaFactory.createForClass(Consent);
ConsentSchema.index({ orgId: 1, patientId: 1, recipientId: 1 });
ConsentSchema.index({ orgId: 1, recipientId: 1 });
