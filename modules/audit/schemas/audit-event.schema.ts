import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';

/** Append-only: written once, never changed or deleted by the application. */
@Schema({ collection: 'auditEvents', versionKey: false })
export class AuditEvent {
  _id: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) orgId: Types.ObjectId;
  @Prop({ type: Types.ObjectId }) actorId?: Types.ObjectId;
  @Prop() actorRole?: string;
  @Prop({ required: true }) action: string;
  @Prop({ required: true }) subjectType: string;
  @Prop() subjectId?: string;
  /** Set when the event concerns a patient's or family member's records. */
  @Prop({ type: Types.ObjectId }) patientId?: Types.ObjectId;
  @Prop({ required: true }) at: Date;
  @Prop() requestId?: string;
  /** Small, non-sensitive context (counts, ids, reasons); never record contents. */
  @Prop({ type: Object }) detail?: Record<string, unknown>;
}
export type AuditEventDocument = HydratedDocument<AuditEvent>;
export const AuditEventSchema = SchemaFactory.createForClass(AuditEvent);
AuditEventSchema.index({ orgId: 1, at: -1, _id: -1 });
AuditEventSchema.index({ orgId: 1, patientId: 1, at: -1 });
AuditEventSchema.index({ orgId: 1, actorId: 1, at: -1 });

const refuse = () => {
  throw new Error('audit events are append-only');
};
for (const op of ['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne', 'deleteOne', 'deleteMany', 'findOneAndDelete', 'findOneAndReplace'] as const) {
  AuditEventSchema.pre(op, refuse);
}
