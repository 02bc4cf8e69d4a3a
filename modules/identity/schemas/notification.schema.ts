import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';

/**
 * An in-app notice for one person. Text is written for its reader and never
 * names treatment for a client; staff-facing notices name ids, not contents.
 */
@Schema({ collection: 'notifications', versionKey: false })
export class Notification {
  _id: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) orgId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) userId: Types.ObjectId;
  @Prop({ required: true }) kind: string;
  @Prop({ required: true, maxlength: 300 }) text: string;
  /** Ids the reader may open (never record contents). */
  @Prop({ type: Object }) detail?: Record<string, unknown>;
  @Prop({ required: true }) createdAt: Date;
  @Prop() readAt?: Date;
}
export type NotificationDocument = HydratedDocument<Notification>;
export const NotificationSchema = SchemaFactory.createForClass(Notification);
NotificationSchema.index({ orgId: 1, userId: 1, createdAt: -1, _id: -1 });
