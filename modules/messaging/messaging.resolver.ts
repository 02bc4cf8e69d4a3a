import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { CurrentUser, Roles } from '../../src/auth/decorators';
import { Role, type Principal } from '../../src/auth/principal';
import { NotFound } from '../../src/common/errors';
import { PageArgs } from '../../src/common/pagination';
import { APP_CONFIG, type AppConfig } from '../../src/config/config';
import {
  DevMailboxMessageModel,
  MarkNotificationsReadInput,
  NotificationConnection,
  NotificationPreferencesModel,
  toDevMailboxMessage,
  UpdateNotificationPreferencesInput,
} from './models/messaging.models';
import { NotificationsService } from './notifications.service';
import { OutboxService } from './outbox.service';

const EVERYONE = Object.values(Role);

@Resolver()
export class MessagingResolver {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly notifications: NotificationsService,
  ) {}

  @Roles(Role.ADMIN)
  @Query(() => [DevMailboxMessageModel], {
    description: 'Development only (NODE_ENV=development without SMTP_URL): the mail that would have been sent, newest first. Admins, own organization.',
  })
  async devMailbox(
    @CurrentUser() admin: Principal,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
  ): Promise<DevMailboxMessageModel[]> {
    if (this.config.nodeEnv !== 'development') throw new NotFound('The development mailbox (it exists only when NODE_ENV=development)');
    const rows = await this.outbox.captured(admin.orgId, Math.min(Math.max(first, 1), 200));
    return rows.map(toDevMailboxMessage);
  }

  @Roles(...EVERYONE)
  @Query(() => NotificationConnection, { description: 'Your notifications, newest first: the same events as your mail.' })
  myNotifications(@CurrentUser() viewer: Principal, @Args() page: PageArgs): Promise<NotificationConnection> {
    return this.notifications.list(viewer, page.first, page.after);
  }

  @Roles(...EVERYONE)
  @Mutation(() => Int, { description: 'Marks your notifications read; returns how many changed. Ids that are not yours are ignored.' })
  markNotificationsRead(@CurrentUser() viewer: Principal, @Args('input') input: MarkNotificationsReadInput): Promise<number> {
    return this.notifications.markRead(viewer, input.ids);
  }

  @Roles(...EVERYONE)
  @Query(() => NotificationPreferencesModel, { description: 'What mail you receive. Security mail cannot be switched off.' })
  myNotificationPreferences(@CurrentUser() viewer: Principal): Promise<NotificationPreferencesModel> {
    return this.notifications.preferencesOf(viewer.userId);
  }

  @Roles(...EVERYONE)
  @Mutation(() => NotificationPreferencesModel, { description: 'Reminders on or off, the weekly summary and its day. Security mail cannot be switched off.' })
  updateNotificationPreferences(@CurrentUser() viewer: Principal, @Args('input') input: UpdateNotificationPreferencesInput): Promise<NotificationPreferencesModel> {
    return this.notifications.updatePreferences(viewer, input);
  }
}

