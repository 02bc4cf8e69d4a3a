import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';
import { Role } from '../../../src/auth/principal';

@Schema({ collection: 'invites', timestamps: true })
export class Invite {
  _id: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) orgId: Types.ObjectId;
  /** SHA-256 of the code; the code itself is shown once, to the inviter. */
  @Prop({ required: true }) codeHash: string;
  @Prop({ type: String, required: true, enum: Object.values(Role) }) role: Role;
  @Prop({ required: true, lowercase: true, trim: true }) email: string;
  @Prop({ trim: true }) displayName?: string;
  /** Family invites: the patient the new family member will be linked to. */
  @Prop({ type: Types.ObjectId }) patientId?: Types.ObjectId;
  @Prop({ trim: true, maxlength: 60 }) relationship?: string;
  @Prop({ type: Types.ObjectId, required: true }) invitedBy: Types.ObjectId;
  @Prop({ required: true }) expiresAt: Date;
  @Prop() acceptedAt?: Date;
  @Prop() revokedAt?: Date;
  /** How many times the invitation was re-sent; each re-send has a new code and its own mail. */
  @Prop({ default: 0 }) sendCount?: number;
  @Prop({ type: Types.ObjectId }) acceptedUserId?: Types.ObjectId;
}
export type InviteDocument = HydratedDocument<Invite>;
export const InviteSchema = SchemaFactory.createForClass(Invite);
InviteSchema.index({ codeHash: 1 }, { unique: true });
// Expired invites are removed a day after expiry; until then they answer "expired", not "unknown".
InviteSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 86400 });
