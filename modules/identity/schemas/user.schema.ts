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
  /**
   * Patients and family members: the clinicians on their care team, the inviting
   * clinician first. (Before care teams this was a single `clinicianId`; start-up
   * moves it here, see UsersService.migrateCareTeams.)
   */
  @Prop({ type: [Types.ObjectId], default: undefined }) careTeam?: Types.ObjectId[];
  /**
   * Clinicians off the care team with an open emergency-access window: clinician id →
   * window end. Kept on the client so the access check reads it with the person, at no
   * extra query; the history of grants is in `emergencyAccessGrants`.
   */
  @Prop({ type: Object }) emergencyAccess?: Record<string, Date>;
  /** Staff: the hire date that relative due dates count from. */
  @Prop() hiredAt?: Date;
  /** Set while the account is deactivated: no sign-in, no sessions; every record kept. */
  @Prop() deactivatedAt?: Date;
  @Prop({ maxlength: 500 }) deactivationReason?: string;
  @Prop({ type: Types.ObjectId }) deactivatedBy?: Types.ObjectId;
  /** Clients: care ended (dischargeClient). The account stays open for the client's own records and certificates. */
  @Prop() dischargedAt?: Date;
  @Prop({ maxlength: 500 }) dischargeReason?: string;
  @Prop({ type: Types.ObjectId }) dischargedBy?: Types.ObjectId;
  /** A new address waiting for its owner to confirm it (the link mailed to it); sign-in keeps the old one until then. */
  @Prop({ lowercase: true, trim: true }) pendingEmail?: string;
  @Prop() emailChangeTokenHash?: string;
  @Prop() emailChangeExpiresAt?: Date;
  createdAt: Date;
}
export type UserDocument = HydratedDocument<User>;
export const UserSchema = SchemaFactory.createForClass(User);
UserSchema.index({ email: 1 }, { unique: true });
UserSchema.index({ emailChangeTokenHash: 1 }, { sparse: true });
// Directory and dashboard pages: filter by organization and role (or care-team member), ordered by id.
UserSchema.index({ orgId: 1, role: 1, _id: 1 });
UserSchema.index({ orgId: 1, careTeam: 1, _id: 1 });
