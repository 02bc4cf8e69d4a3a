import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument, Types } from 'mongoose';
import { ClientAccess } from '../policy/access-policy';

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
  createdAt: Date;
}
export type OrganizationDocument = HydratedDocument<Organization>;
export const OrganizationSchema = SchemaFactory.createForClass(Organization);
OrganizationSchema.index({ slug: 1 }, { unique: true });
