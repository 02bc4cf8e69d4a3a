import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';

export type OutboxStatus = 'PENDING' | 'SENT' | 'FAILED';

/**
 * A message waiting to be sent, or sent. Rendered when it is written, so what went
 * out is what was decided at the time; `key` names the event that caused it (unique),
 * so writing it again after a retry changes nothing.
 */
@Schema({ collection: 'outboxMessages', timestamps: true })
export class OutboxMessage {
  _id: Types.ObjectId;
  @Prop({ required: true }) key: string;
  @Prop({ required: true }) kind: string;
  @Prop({ type: Types.ObjectId }) orgId?: Types.ObjectId;
  @Prop({ type: Types.ObjectId }) recipientId?: Types.ObjectId;
  @Prop({ required: true }) recipientRole: string;
  @Prop({ required: true }) to: string;
  @Prop({ required: true }) fromName: string;
  @Prop({ required: true }) subject: string;
  /**
   * The body and headers, until the message has left for its recipient: links in them
   * (password resets, email confirmations, invitations, unsubscribes) work for whoever reads
   * the row, so they are removed once SMTP accepts or gives up on the message. Captured mail
   * (the development mailbox) keeps them: there the row is the mailbox.
   */
  @Prop() text?: string;
  @Prop() html?: string;
  @Prop({ type: Object }) headers?: Record<string, string>;
  @Prop({ type: String, required: true, default: 'PENDING' }) status: OutboxStatus;
  @Prop({ required: true, default: 0 }) attempts: number;
  @Prop({ required: true }) nextAttemptAt: Date;
  /** Which instance holds the message while it sends, and until when (a crashed holder's lease runs out). */
  @Prop() leaseOwner?: string;
  @Prop() leaseUntil?: Date;
  @Prop() sentAt?: Date;
  /** `smtp` or `capture` (development mailbox). */
  @Prop() transport?: string;
  @Prop() providerMessageId?: string;
  @Prop({ maxlength: 500 }) lastError?: string;
  createdAt: Date;
}
export type OutboxMessageDocument = HydratedDocument<OutboxMessage>;
export const OutboxMessageSchema = SchemaFactory.createForClass(OutboxMessage);
OutboxMessageSchema.index({ key: 1 }, { unique: true });
OutboxMessageSchema.index({ status: 1, nextAttemptAt: 1 });
OutboxMessageSchema.index({ transport: 1, sentAt: -1 });
