import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import type { Logger } from 'pino';
import { CLOCK, type Clock } from '../../src/common/clock';
import { RequestContext } from '../../src/common/request-context';
import { APP_CONFIG, type AppConfig } from '../../src/config/config';
import { LOGGER } from '../../src/logging/logger';
import { MAIL_TRANSPORT, type MailTransport } from './mail-transport';
import { OutboxService } from './outbox.service';
import { OutboxMessage } from './schemas/outbox-message.schema';

/** How long an instance may hold a message while sending before another may take it over. */
export const LEASE_MS = 2 * 60 * 1000;
/** After this many failed tries (about a day with the backoff below) a message is marked FAILED. */
export const MAX_ATTEMPTS = 30;

/** 30 s, 1 min, 2 min, … capped at 1 hour. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, failedAttempts - 1), 60 * 60 * 1000);
}

/**
 * Sends what the outbox holds. Each message is claimed with a lease (one atomic
 * update), so with several instances on one database each message is sent by one
 * of them; a failure puts it back with a later `nextAttemptAt`.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  readonly instanceId = randomUUID();
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private again = false;
  private stopped = false;
  private unsubscribe?: () => void;

  constructor(
    @InjectModel(OutboxMessage.name) private readonly outbox: Model<OutboxMessage>,
    private readonly outboxService: OutboxService,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly context: RequestContext,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.drain(), this.config.polling.mailMs).unref();
    this.unsubscribe = this.outboxService.onEnqueued(() => void this.drain());
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.unsubscribe?.();
    await this.running?.catch(() => undefined);
    this.transport.close();
  }

  /** Sends every message that is due now; returns how many were sent. Tests call it to skip the poll. */
  drain(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    // Its own context: a drain started by a request's enqueue must not log under that request's id.
    this.running = this.context.run('delivery', async () => {
      let sent = 0;
      try {
        do {
          this.again = false;
          for (;;) {
            if (this.stopped) return sent;
            const message = await this.claim();
            if (!message) break;
            if (await this.deliver(message)) sent++;
          }
        } while (this.again);
      } catch (error) {
        // The database is unreachable or shutting down: the next poll tries again.
        if (!this.stopped) this.logger.warn({ err: error }, 'mail delivery paused: could not read the outbox');
      } finally {
        this.running = undefined;
      }
      return sent;
    });
    return this.running;
  }

  private claim(): Promise<OutboxMessage | null> {
    const now = this.clock.now();
    return this.outbox
      .findOneAndUpdate(
        { status: 'PENDING', nextAttemptAt: { $lte: now }, $or: [{ leaseUntil: { $exists: false } }, { leaseUntil: { $lte: now } }] },
        { $set: { leaseOwner: this.instanceId, leaseUntil: new Date(now.getTime() + LEASE_MS) }, $inc: { attempts: 1 } },
        { sort: { nextAttemptAt: 1 }, returnDocument: 'after' },
      )
      .lean();
  }

  private async deliver(message: OutboxMessage): Promise<boolean> {
    const mine = { _id: message._id, leaseOwner: this.instanceId };
    try {
      const result = await this.transport.send({
        from: { name: message.fromName, address: this.config.mail.fromAddress },
        to: message.to,
        subject: message.subject,
        text: message.text ?? '',
        html: message.html ?? '',
        headers: message.headers ?? {},
        messageId: `<${message._id.toHexString()}@waypoint>`,
      });
      const keepsBody = this.transport.name === 'capture';
      await this.outbox.updateOne(mine, {
        $set: { status: 'SENT', sentAt: this.clock.now(), transport: this.transport.name, providerMessageId: result.messageId },
        $unset: { leaseOwner: 1, leaseUntil: 1, lastError: 1, ...(!keepsBody && BODY) },
      });
      // One line per message and never its body: the recipient's address is masked too.
      this.logger.info(
        { mail: { id: message._id.toHexString(), kind: message.kind, to: maskAddress(message.to), attempts: message.attempts } },
        this.transport.name === 'capture' ? `mail captured for the development mailbox: ${message.kind} to ${maskAddress(message.to)}` : `mail sent: ${message.kind}`,
      );
      return true;
    } catch (error) {
      const reason = error instanceof Error ? error.message.slice(0, 500) : 'unknown error';
      const failed = message.attempts >= MAX_ATTEMPTS;
      await this.outbox.updateOne(mine, {
        $set: { status: failed ? 'FAILED' : 'PENDING', lastError: reason, nextAttemptAt: new Date(this.clock.now().getTime() + retryDelayMs(message.attempts)) },
        $unset: { leaseOwner: 1, leaseUntil: 1, ...(failed && BODY) },
      });
      this.logger[failed ? 'error' : 'warn'](
        { mail: { id: message._id.toHexString(), kind: message.kind, attempts: message.attempts } },
        failed ? `mail given up after ${message.attempts} attempts: ${reason}` : `mail not sent, will retry: ${reason}`,
      );
      return false;
    }
  }
}

/** What a sent (or abandoned) message no longer needs: its links would still work for whoever reads the row. */
const BODY = { text: 1, html: 1, headers: 1 } as const;

export function maskAddress(address: string): string {
  const [local, domain] = address.split('@');
  return `${local.slice(0, 1)}***@${domain ?? ''}`;
}
