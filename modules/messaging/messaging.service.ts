import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Role } from '../../src/auth/principal';
import { CLOCK, type Clock } from '../../src/common/clock';
import { DEFAULT_DISCREET_SENDER } from '../../src/common/discreet-wording';
import { APP_CONFIG, type AppConfig } from '../../src/config/config';
import { OutboxService } from './outbox.service';
import { InAppNotification, NotificationPreference } from './schemas/notification.schema';
import { MessageKind, renderMessage, SECURITY_KINDS, type MessageParams } from './templates/templates';
import { unsubscribeToken, type UnsubscribeTopic } from './unsubscribe-token';

export interface Recipient {
  /** Absent only for someone without an account yet (an invitee, a new address being confirmed). */
  id?: Types.ObjectId | string;
  orgId: Types.ObjectId | string;
  role: Role;
  email: string;
  displayName?: string;
}

export interface MessageRequest {
  kind: MessageKind;
  recipient: Recipient;
  /** The event this message is about, so writing it twice sends it once (e.g. `invite:<id>:<n>`). */
  key: string;
  /** The path under PUBLIC_BASE_URL the message links to. */
  path: string;
  params?: Omit<MessageParams, 'sender' | 'url' | 'unsubscribeUrl' | 'name'>;
  /** Also list it in the app (myNotifications). */
  inApp?: boolean;
  /** The recipient's organization (for its discreet sender name). */
  org: { discreetSenderName?: string };
}

const TOPIC_OF: Partial<Record<MessageKind, UnsubscribeTopic>> = {
  [MessageKind.DUE_SOON]: 'reminders',
  [MessageKind.OVERDUE]: 'reminders',
  [MessageKind.CLINICIAN_DIGEST]: 'digest',
};

/**
 * The one way a message leaves the service: it checks preferences (security mail
 * ignores them), words it for the recipient's role, and writes it to the outbox
 * (and the in-app list) under the causing event's key.
 */
@Injectable()
export class MessagingService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly outbox: OutboxService,
    @InjectModel(InAppNotification.name) private readonly notifications: Model<InAppNotification>,
    @InjectModel(NotificationPreference.name) private readonly preferences: Model<NotificationPreference>,
  ) {}

  /** Returns whether a message was written now (false: switched off, or already written for this event). */
  async send(request: MessageRequest): Promise<boolean> {
    const { kind, recipient } = request;
    const topic = TOPIC_OF[kind];
    if (topic && recipient.id && !SECURITY_KINDS.has(kind)) {
      const prefs = await this.preferencesOf(recipient.id);
      if (topic === 'reminders' && !prefs.remindersEnabled) return false;
      if (topic === 'digest' && !prefs.digestEnabled) return false;
    }
    const sender = request.org.discreetSenderName ?? DEFAULT_DISCREET_SENDER;
    const base = this.config.publicBaseUrl;
    const unsubscribeUrl = topic && recipient.id ? `${base}/unsubscribe/${unsubscribeToken(this.config.auth.jwtSecret, String(recipient.id), topic)}` : undefined;
    const rendered = renderMessage(kind, recipient.role, {
      ...request.params,
      sender,
      name: recipient.displayName,
      url: `${base}${request.path}`,
      unsubscribeUrl,
    });
    const headers: Record<string, string> = unsubscribeUrl ? { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {};
    const written = await this.outbox.enqueue({
      key: request.key,
      kind,
      orgId: recipient.orgId,
      recipientId: recipient.id,
      recipientRole: recipient.role,
      to: recipient.email,
      fromName: sender,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      headers,
    });
    if (request.inApp && recipient.id) {
      await this.notifications
        .updateOne(
          { key: request.key },
          {
            $setOnInsert: {
              orgId: new Types.ObjectId(recipient.orgId),
              userId: new Types.ObjectId(recipient.id),
              kind,
              title: rendered.subject,
              body: rendered.text.split('\n').filter(Boolean)[1] ?? rendered.subject,
              path: request.path,
              createdAt: this.clock.now(),
            },
          },
          { upsert: true },
        )
        .catch((error: unknown) => {
          // Two instances raced on the same event: the other wrote it.
          if ((error as { code?: number }).code !== 11000) throw error;
        });
    }
    return written;
  }

  async preferencesOf(userId: Types.ObjectId | string): Promise<Pick<NotificationPreference, 'remindersEnabled' | 'digestEnabled' | 'digestDay'>> {
    const found = await this.preferences.findOne({ userId: new Types.ObjectId(userId) }).lean();
    return { remindersEnabled: found?.remindersEnabled ?? true, digestEnabled: found?.digestEnabled ?? true, digestDay: found?.digestDay ?? 1 };
  }
}
