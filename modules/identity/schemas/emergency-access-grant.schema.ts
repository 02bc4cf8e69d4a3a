import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';

/**
 * One emergency ("break the glass") opening of a client's records by a clinician
 * off their care team. Kept for the admins' review; the window itself is checked
 * from the client's `emergencyAccess` entry.
 */
@Schema({ collection: 'emergencyAccessGrants', versionKey: false })
export class EmergencyAccessGrant {
  _id: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) orgId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) clinicianId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) clientId: Types.ObjectId;
  @Prop({ required: true, maxlength: 500 }) reason: string;
  @Prop({ required: true }) openedAt: Date;
  @Prop({ required: true }) expiresAt: Date;
}
export type EmergencyAccessGrantDocument = HydratedDocument<EmergencyAccessGrant>;
export const EmergencyAccessGrantSchema = SchemaFactory.createForClass(EmergencyAccessGrant);
EmergencyAccessGrantSchema.index({ orgId: 1, openedAt: -1, _id: -1 });
