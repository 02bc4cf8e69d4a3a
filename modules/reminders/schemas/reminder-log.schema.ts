import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';

/**
 * A reminder or digest the jobs have dealt with (sent, or skipped because the person
 * switched that mail off), so a later run knows what an assignment or a clinician has
 * had and on which local day. `key` names it (`DUE_SOON:<enrollment>:<due time>`,
 * `OVERDUE:<enrollment>:<due time>:<week>`, `DIGEST:<clinician>:<day>`); `subjectId` is
 * the enrollment or the clinician.
 */
@Schema({ collection: 'reminderLog', versionKey: false })
export class ReminderLog {
  _id: Types.ObjectId;
  @Prop({ required: true }) key: string;
  @Prop({ type: Types.ObjectId, required: true }) subjectId: Types.ObjectId;
  @Prop({ required: true }) kind: string;
  /** YYYY-MM-DD in the organization's time zone: at most one reminder per assignment per day. */
  @Prop({ required: true }) day: string;
  @Prop({ required: true }) at: Date;
}
export type ReminderLogDocument = HydratedDocument<ReminderLog>;
export const ReminderLogSchema = SchemaFactory.createForClass(ReminderLog);
ReminderLogSchema.index({ key: 1 }, { unique: true });
ReminderLogSchema.index({ subjectId: 1, day: 1 });
