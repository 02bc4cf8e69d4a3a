import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { CLOCK, type Clock } from '../../src/common/clock';
import { isDuplicateKeyError } from '../../src/common/errors';
import { OutboxMessage } from './schemas/outbox-message.schema';

export interface NewOutboxMessage {
  key: string;
  kind: string;
  orgId?: Types.ObjectId | string;
  recipientId?: Types.ObjectId | string;
  recipientRole: string;
  to: string;
  fromName: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

/** Writes messages into the outbox. Delivery is the worker's job (delivery.worker.ts). */
@Injectable()
export class OutboxService {
  private readonly listeners = new Set<() => void>();

  constructor(
    @InjectModel(OutboxMessage.name) private readonly outbox: Model<OutboxMessage>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Adds a message unless one with the same key exists (the event already produced it).
   * Returns whether this call added it.
   */
  async enqueue(message: NewOutboxMessage): Promise<boolean> {
    try {
      await this.outbox.create({
        ...message,
        orgId: message.orgId ? new Types.ObjectId(message.orgId) : undefined,
        recipientId: message.recipientId ? new Types.ObjectId(message.recipientId) : undefined,
        headers: message.headers ?? {},
        status: 'PENDING',
        attempts: 0,
        nextAttemptAt: this.clock.now(),
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
    for (const listener of this.listeners) listener();
    return true;
  }

  /** The worker listens, so a new message goes out at once rather than at the next poll. */
  onEnqueued(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The development mailbox: captured messages, newest first. */
  captured(orgId: string, first: number): Promise<OutboxMessage[]> {
    return this.outbox
      .find({ orgId: new Types.ObjectId(orgId), transport: 'capture', status: 'SENT' })
      .sort({ sentAt: -1, _id: -1 })
      .limit(first)
      .lean();
  }
}
