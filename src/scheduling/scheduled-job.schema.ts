import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument, Types } from 'mongoose';

/** One recurring job: when it runs next, and which instance holds it while it runs. */
@Schema({ collection: 'scheduledJobs' })
export class ScheduledJob {
  _id: Types.ObjectId;
  @Prop({ required: true }) name: string;
  @Prop({ required: true }) intervalMs: number;
  @Prop({ required: true }) nextRunAt: Date;
  @Prop() leaseOwner?: string;
  @Prop() leaseUntil?: Date;
  @Prop() lastRunAt?: Date;
  @Prop() lastFinishedAt?: Date;
  @Prop({ maxlength: 500 }) lastError?: string;
}
export type ScheduledJobDocument = HydratedDocument<ScheduledJob>;
export const ScheduledJobSchema = SchemaFactory.createForClass(ScheduledJob);
ScheduledJobSchema.index({ name: 1 }, { unique: true });
