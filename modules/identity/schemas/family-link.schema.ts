import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';

/** A family member linked to a patient. A link alone discloses nothing: consent does. */
@Schema({ collection: 'familyLinks', timestamps: true })
export class FamilyLink {
  _id: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) orgId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) patientId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) familyMemberId: Types.ObjectId;
  @Prop({ trim: true, maxlength: 60 }) relationship?: string;
}
export type FamilyLinkDocument = HydratedDocument<FamilyLink>;
export const FamilyLinkSchema = SchemaFactory.createForClass(FamilyLink);
FamilyLinkSchema.index({ patientId: 1, familyMemberId: 1 }, { unique: true });
FamilyLinkSchema.index({ orgId: 1, familyMemberId: 1 });
