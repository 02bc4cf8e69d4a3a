import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';

/** The next free status-list index of one organization (its revocation list). */
@Schema({ collection: 'statusListCounters', versionKey: false })
export class StatusListCounter {
  /** The organization's id. */
  @Prop({ type: Types.ObjectId, required: true }) _id: Types.ObjectId;
  @Prop({ required: true, default: 0 }) next: number;
}
export type StatusListCounterDocument = HydratedDocument<StatusListCounter>;
export const StatusListCounterSchema = SchemaFactory.createForClass(StatusListCounter);
