import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';

/**
 * An in-app notification: the same events as mail, for the web app to list, keyed like
 * the outbox. Shares the `notifications` collection with the identity module's notices
 * (emergency access), which carry `text` instead of title and body.
 */
@Schema({ collection: 'notifications', versionKey: false })
export class InAppNotification {
  _id: Types.ObjectId;
  @Prop() key?: string;
  @Prop({ type: Types.ObjectId, required: true }) orgId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) userId: Types.ObjectId;
  @Prop({ required: true }) kind: string;
  @Prop() title?: string;
  @Prop() body?: string;
  /** Notices written by the identity module. */
  @Prop() text?: string;
  /** Where in the app the notification leads (a path under PUBLIC_BASE_URL). */
  @Prop() path?: string;
  @Prop({ required: true }) createdAt: Date;
  @Prop() readAt?: Date;
}
export type InAppNotificationDocument = HydratedDocument<InAppNotification>;
export const InAppNotificationSchema = SchemaFactory.createForClass(InAppNotification);
InAppNotificationSchema.index({ key: 1 }, { unique: true, partialFilterExpression: { key: { $exists: true } } });
InAppNotificationSchema.index({ userId: 1, _id: -1 });

/** What a person has chosen to receive. Security mail ignores it. */
@Schema({ collection: 'notificationPreferences' })
export class NotificationPreference {
  _id: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) userId: Types.ObjectId;
  @Prop({ required: true, default: true }) remindersEnabled: boolean;
  @Prop({ required: true, default: true }) digestEnabled: boolean;
  /** 0 = Sunday … 6 = Saturday, in the organization's time zone. */
  @Prop({ required: true, default: 1 }) digestDay: number;
}
export type NotificationPreferenceDocument = HydratedDocument<NotificationPreference>;
export const NotificationPreferenceSchema = SchemaFactory.createForClass(NotificationPreference);
NotificationPreferenceSchema.index({ userId: 1 }, { unique: true });
