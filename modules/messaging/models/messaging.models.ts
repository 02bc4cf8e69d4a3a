import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayNotEmpty, IsBoolean, IsEnum, IsMongoId, IsOptional } from 'class-validator';
import { PageInfo } from '../../../src/common/pagination';
import type { InAppNotification } from '../schemas/notification.schema';
import type { OutboxMessage } from '../schemas/outbox-message.schema';

export enum Weekday {
  SUNDAY = 'SUNDAY',
  MONDAY = 'MONDAY',
  TUESDAY = 'TUESDAY',
  WEDNESDAY = 'WEDNESDAY',
  THURSDAY = 'THURSDAY',
  FRIDAY = 'FRIDAY',
  SATURDAY = 'SATURDAY',
}
registerEnumType(Weekday, { name: 'Weekday' });
export const WEEKDAYS = Object.values(Weekday);

@ObjectType('DevMailboxMessage', { description: 'A message captured instead of sent (development without SMTP_URL).' })
export class DevMailboxMessageModel {
  @Field(() => ID) id: string;
  @Field() kind: string;
  @Field() to: string;
  @Field() fromName: string;
  @Field() subject: string;
  @Field() text: string;
  @Field() html: string;
  @Field({ nullable: true }) listUnsubscribe?: string;
  @Field() sentAt: Date;
}

export function toDevMailboxMessage(m: OutboxMessage): DevMailboxMessageModel {
  return {
    id: m._id.toHexString(),
    kind: m.kind,
    to: m.to,
    fromName: m.fromName,
    subject: m.subject,
    text: m.text ?? '',
    html: m.html ?? '',
    listUnsubscribe: m.headers?.['List-Unsubscribe'],
    sentAt: m.sentAt!,
  };
}

@ObjectType('Notification')
export class NotificationModel {
  @Field(() => ID) id: string;
  @Field() kind: string;
  @Field() title: string;
  @Field() body: string;
  @Field({ description: 'Where in the app it leads (a path).' }) path: string;
  @Field() createdAt: Date;
  @Field({ nullable: true }) readAt?: Date;
}

export function toNotificationModel(n: InAppNotification): NotificationModel {
  return { id: n._id.toHexString(), kind: n.kind, title: n.title ?? n.text ?? '', body: n.body ?? n.text ?? '', path: n.path ?? '/', createdAt: n.createdAt, readAt: n.readAt };
}

@ObjectType('NotificationConnection')
export class NotificationConnection {
  @Field(() => [NotificationModel]) nodes: NotificationModel[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) unreadCount: number;
}

@ObjectType('NotificationPreferences')
export class NotificationPreferencesModel {
  @Field({ description: 'Due-soon and overdue reminders (mail and in-app).' }) remindersEnabled: boolean;
  @Field({ description: 'Clinicians and admins: the weekly summary.' }) digestEnabled: boolean;
  @Field(() => Weekday, { description: 'The day the weekly summary comes (organization time zone).' }) digestDay: Weekday;
  @Field({ description: 'Password and sign-in mail always goes out; it cannot be switched off.' }) securityMailAlwaysOn: boolean;
}

@InputType()
export class UpdateNotificationPreferencesInput {
  @Field({ nullable: true }) @IsOptional() @IsBoolean() remindersEnabled?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() digestEnabled?: boolean;
  @Field(() => Weekday, { nullable: true }) @IsOptional() @IsEnum(Weekday) digestDay?: Weekday;
}

@InputType()
export class MarkNotificationsReadInput {
  @Field(() => [ID]) @ArrayNotEmpty() @ArrayMaxSize(100) @IsMongoId({ each: true, message: 'ids must be notification ids' }) ids: string[];
}
