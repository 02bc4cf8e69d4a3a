import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument, Types } from 'mongoose';
import { ClientAccess } from '../policy/access-policy';

/**
 * What a clinic says about itself in the "About our program" lesson (plain text,
 * each optional; the lesson shows a default for any left empty). The setter is
 * `updateOrganizationSettings`; the after-hours line is `crisisLine`.
 */
@Schema({ _id: false })
export class ProgramInfoSettings {
  @Prop({ trim: true, maxlength: 2000 }) hours?: string;
  @Prop({ trim: true, maxlength: 2000 }) whatToBring?: string;
  @Prop({ trim: true, maxlength: 2000 }) familySessionTimes?: string;
  @Prop({ trim: true, maxlength: 4000 }) houseRules?: string;
}
const ProgramInfoSettingsSchema = SchemaFactory.createForClass(ProgramInfoSettings);

@Schema({ collection: 'organizations', timestamps: true })
export class Organization {
  _id: Types.ObjectId;
  @Prop({ required: true, trim: true, maxlength: 200 }) name: string;
  @Prop({ required: true, lowercase: true, trim: true }) slug: string;
  @Prop({ default: 'America/New_York' }) timeZone: string;
  /** The clinic's own crisis or after-hours line, shown beside the national ones. */
  @Prop() crisisLine?: string;
  /** Who among the clinicians sees a client: their care team (the default) or every clinician. */
  @Prop({ type: String, enum: Object.values(ClientAccess), default: ClientAccess.CARE_TEAM }) clientAccess: ClientAccess;
  @Prop({ type: ProgramInfoSettingsSchema }) programInfo?: ProgramInfoSettings;
  createdAt: Date;
}
export type OrganizationDocument = HydratedDocument<Organization>;
export const OrganizationSchema = SchemaFactory.createForClass(Organization);
OrganizationSchema.index({ slug: 1 }, { unique: true });
