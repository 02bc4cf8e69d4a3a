/**
 * How much the engine accepts. The first two are MongoDB's own (announced in `hello`,
 * so the driver splits batches to fit); the other two are this engine's, because one
 * Node.js process holds every connection's unfinished messages in its own memory.
 */
import { calculateObjectSize } from 'bson';
import { MongoCommandError } from './errors';
import { type Doc, formatValue } from './values';

export interface EngineLimits {
  /** Largest document stored (MongoDB: 16 MiB); larger → 10334 BSONObjectTooLarge. */
  maxBsonObjectSize: number;
  /** Largest wire message (MongoDB: 48,000,000 bytes); larger → the connection is closed. */
  maxMessageSizeBytes: number;
  /** A connection that stops sending in the middle of a message is closed after this long. */
  partialMessageIdleMs: number;
  /** Bytes of unfinished messages held across all connections; past it, the connection adding more is closed. */
  maxBufferedBytes: number;
}

export const DEFAULT_LIMITS: EngineLimits = Object.freeze({
  maxBsonObjectSize: 16 * 1024 * 1024,
  maxMessageSizeBytes: 48_000_000,
  partialMessageIdleMs: 30_000,
  maxBufferedBytes: 128 * 1024 * 1024,
});

/** MongoDB's refusal of an oversized document, with its wording (`what` names the write). */
/**
 * `wireSize`: the document's size as it arrived (see `wireSizes`), when known; under
 * half the limit the stored document is certainly within it and is not measured.
 */
export function assertDocumentSize(doc: Doc, limits: EngineLimits, what: 'insert' | 'update', wireSize?: number): void {
  if (wireSize !== undefined && wireSize * 2 <= limits.maxBsonObjectSize) return;
  const size = calculateObjectSize(doc);
  if (size <= limits.maxBsonObjectSize) return;
  const message =
    what === 'update'
      ? `Resulting document after update is larger than ${limits.maxBsonObjectSize}`
      : `BSONObj size: ${size} (0x${size.toString(16).toUpperCase()}) is invalid. Size must be between 0 and ${limits.maxBsonObjectSize}(16MB) First element: _id: ${formatValue(doc._id)}`;
  throw new MongoCommandError('BSONObjectTooLarge', message);
}
