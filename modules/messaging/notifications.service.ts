import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Principal } from '../../src/auth/principal';
import { CLOCK, type Clock } from '../../src/common/clock';
import { cursorObjectId, decodeCursor, encodeCursor } from '../../src/common/pagination';
import { WEEKDAYS, type NotificationConnection, type NotificationPreferencesModel, toNotificationModel, type UpdateNotificationPreferencesInput } from './models/messaging.models';
import { InAppNotification, NotificationPreference } from './schemas/notification.schema';

/** The in-app list and each person's preferences. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectModel(InAppNotification.name) private readonly notifications: Model<InAppNotification>,
    @InjectModel(NotificationPreference.name) private readonly preferences: Model<NotificationPreference>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(viewer: Principal, first: number, after?: string): Promise<NotificationConnection> {
    const userId = new Types.ObjectId(viewer.userId);
    const filter: Record<string, unknown> = { userId };
    if (after) filter._id = { $lt: cursorObjectId(decodeCursor(after, 1)[0]) };
    const [rows, unreadCount] = await Promise.all([
      this.notifications.find(filter).sort({ _id: -1 }).limit(first + 1).lean(),
      this.notifications.countDocuments({ userId, readAt: { $exists: false } }),
    ]);
    const nodes = rows.slice(0, first);
    return {
      nodes: nodes.map(toNotificationModel),
      pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1]._id.toHexString()) : undefined },
      unreadCount,
    };
  }

  /** Marks the viewer's own notifications read; ids of anyone else's are ignored. Returns how many changed. */
  async markRead(viewer: Principal, ids: readonly string[]): Promise<number> {
    const result = await this.notifications.updateMany(
      { userId: new Types.ObjectId(viewer.userId), _id: { $in: ids.map((id) => new Types.ObjectId(id)) }, readAt: { $exists: false } },
      { $set: { readAt: this.clock.now() } },
    );
    return result.modifiedCount;
  }

  async preferencesOf(userId: string): Promise<NotificationPreferencesModel> {
    const found = await this.preferences.findOne({ userId: new Types.ObjectId(userId) }).lean();
    return toPreferencesModel(found);
  }

  async updatePreferences(viewer: Principal, input: UpdateNotificationPreferencesInput): Promise<NotificationPreferencesModel> {
    return this.setPreferences(viewer.userId, {
      ...(input.remindersEnabled !== undefined && { remindersEnabled: input.remindersEnabled }),
      ...(input.digestEnabled !== undefined && { digestEnabled: input.digestEnabled }),
      ...(input.digestDay !== undefined && { digestDay: WEEKDAYS.indexOf(input.digestDay) }),
    });
  }

  async setPreferences(userId: string, set: Partial<Pick<NotificationPreference, 'remindersEnabled' | 'digestEnabled' | 'digestDay'>>): Promise<NotificationPreferencesModel> {
    const updated = await this.preferences
      .findOneAndUpdate(
        { userId: new Types.ObjectId(userId) },
        { $set: set },
        { upsert: true, returnDocument: 'after', setDefaultsOnInsert: true },
      )
      .lean();
    return toPreferencesModel(updated);
  }
}

function toPreferencesModel(p: Pick<NotificationPreference, 'remindersEnabled' | 'digestEnabled' | 'digestDay'> | null): NotificationPreferencesModel {
  return {
    remindersEnabled: p?.remindersEnabled ?? true,
    digestEnabled: p?.digestEnabled ?? true,
    digestDay: WEEKDAYS[p?.digestDay ?? 1],
    securityMailAlwaysOn: true,
  };
}
