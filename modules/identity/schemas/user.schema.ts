import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';
import { Role } from '../../../src/auth/principal';

@Schema({ collection: 'users', timestamps: true })
export class User {
  _id: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) orgId: Types.ObjectId;
  @Prop({ required: true, lowercase: true, trim: true }) email: string;
  @Prop({ type: String, required: true, enum: Object.values(Role) }) role: Role;
  @Prop({ required: true, trim: true, maxlength: 120 }) displayName: string;
  /** argon2id; never leaves the identity module. */
  @Prop({ required: true }) passwordHash: string;
  /** For patients and family members: the clinician who invited them (their caseload). */
  @Prop({ type: Types.ObjectId }) clinicianId?: Types.ObjectId;
  /** Staff: the hire date that relative due dates count from. */
  @Prop() hiredAt?: Date;
  @Prop() deactivatedAt?: Date;
  createdAt: Date;
}
export type UserDocument = HydratedDocument<User>;
export const UserSchema = SchemaFactory.createForClass(User);
UserSchema.index({ email: 1 }, { unique: true });
// Directory and dashboard pages: filter by organization and role (or clinician), ordered by id.
UserSchema.index({ orgId: 1, role: 1, _id: 1 });
UserSchema.index({ orgId: 1, clinicianId: 1, _id: 1 });
