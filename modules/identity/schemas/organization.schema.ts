import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';
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

/** When learners may be reminded, in the organization's time zone. */
@Schema({ _id: false })
export class ReminderPolicy {
  /** A due-soon reminder goes out this many hours before the due date. */
  @Prop({ required: true, default: 48 }) dueSoonHours: number;
  /** Quiet hours (HH:MM, local): no reminder is sent from start until end; may span midnight. */
  @Prop({ required: true, default: '21:00' }) quietHoursStart: string;
  @Prop({ required: true, default: '08:00' }) quietHoursEnd: string;
}
export const ReminderPolicySchema = SchemaFactory.createForClass(ReminderPolicy);

/**
 * Which training a clinician (and an admin, unless exempt) must hold, current, to read
 * client records. Absent on an organization means the default: on, gated by the
 * confidentiality course (valid 12 months), admins included.
 */
@Schema({ _id: false })
export class TrainingGateSettings {
  @Prop({ required: true, default: true }) enabled: boolean;
  /** Training requirements (the training module's) that gate; none named → the confidentiality course. */
  @Prop({ type: [Types.ObjectId], default: [] }) requirementIds: Types.ObjectId[];
  @Prop({ required: true, default: false }) exemptAdmins: boolean;
}
export const TrainingGateSettingsSchema = SchemaFactory.createForClass(TrainingGateSettings);

export const DEFAULT_TRAINING_GATE: TrainingGateSettings = { enabled: true, requirementIds: [], exemptAdmins: false };

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = { dueSoonHours: 48, quietHoursStart: '21:00', quietHoursEnd: '08:00' };

/**
 * An organization and its settings. Settings are plain optional fields set through
 * `updateOrganizationSettings`; a new setting is a new field here and in its input.
 */
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
  /** The name patients' and families' mail comes from; never the program's clinical name. */
  @Prop({ trim: true, maxlength: 60 }) discreetSenderName?: string;
  @Prop({ type: ReminderPolicySchema }) reminderPolicy?: ReminderPolicy;
  @Prop({ type: TrainingGateSettingsSchema }) trainingGate?: TrainingGateSettings;
  createdAt: Date;
}
export type OrganizationDocument = HydratedDocument<Organization>;
export const OrganizationSchema = SchemaFactory.createForClass(Organization);
OrganizationSchema.index({ slug: 1 }, { unique: true });
