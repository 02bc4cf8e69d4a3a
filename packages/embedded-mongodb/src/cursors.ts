/**
 * Server-side cursors for find, aggregate, listCollections and listIndexes.
 * A cursor holds the complete result (references to immutable stored documents,
 * or documents produced for this query) and hands it out in batches.
 */
import { calculateObjectSize, Long } from 'bson';
import { MongoCommandError } from './errors';
import type { Projector } from './projection';
import type { Doc } from './values';

/** Leaves headroom under the 16 MiB document limit for the reply envelope. */
const MAX_BATCH_BYTES = 16 * 1024 * 1024 - 16 * 1024;
const DEFAULT_FIRST_BATCH = 101;
/** MongoDB reaps idle cursors after 10 minutes; doing the same keeps abandoned cursors from leaking. */
const IDLE_TIMEOUT_MS = 10 * 60 * 1000;

interface Cursor {
  id: Long;
  ns: string;
  docs: Doc[];
  position: number;
  project?: Projector;
  lastUsed: number;
}

export interface OpenCursorOptions {
  ns: string;
  docs: Doc[];
  project?: Projector;
  /** Size of the first batch (default 101). */
  batchSize?: number;
  /** Close the cursor after the first batch. */
  singleBatch?: boolean;
}

export interface CursorReply {
  id: Long;
  ns: string;
  firstBatch?: Doc[];
  nextBatch?: Doc[];
}

export class CursorRegistry {
  private readonly cursors = new Map<string, Cursor>();
  private readonly sweeper: NodeJS.Timeout;

  constructor() {
    this.sweeper = setInterval(() => this.reapIdle(), 60_000);
    this.sweeper.unref();
  }

  open(options: OpenCursorOptions): { cursor: CursorReply } {
    const cursor: Cursor = { id: Long.ZERO, ns: options.ns, docs: options.docs, position: 0, project: options.project, lastUsed: Date.now() };
    const firstBatch = this.batch(cursor, options.batchSize ?? DEFAULT_FIRST_BATCH);
    if (cursor.position < cursor.docs.length && !options.singleBatch) {
      cursor.id = newCursorId();
      this.cursors.set(cursor.id.toString(), cursor);
    }
    return { cursor: { id: cursor.id, ns: cursor.ns, firstBatch } };
  }

  getMore(id: Long, ns: string, batchSize: number | undefined): { cursor: CursorReply } {
    const cursor = this.cursors.get(id.toString());
    if (!cursor) throw new MongoCommandError('CursorNotFound', `cursor id ${id.toString()} not found`);
    if (cursor.ns !== ns) {
      throw new MongoCommandError('Unauthorized', `Requested getMore on namespace '${ns}', but cursor ${id.toString()} belongs to a different namespace ${cursor.ns}`);
    }
    cursor.lastUsed = Date.now();
    const nextBatch = this.batch(cursor, batchSize ?? Number.POSITIVE_INFINITY);
    let replyId = cursor.id;
    if (cursor.position >= cursor.docs.length) {
      this.cursors.delete(id.toString());
      replyId = Long.ZERO;
    }
    return { cursor: { id: replyId, ns: cursor.ns, nextBatch } };
  }

  kill(ids: Long[]): { killed: Long[]; notFound: Long[] } {
    const killed: Long[] = [];
    const notFound: Long[] = [];
    for (const id of ids) (this.cursors.delete(id.toString()) ? killed : notFound).push(id);
    return { killed, notFound };
  }

  get openCount(): number {
    return this.cursors.size;
  }

  close(): void {
    clearInterval(this.sweeper);
    this.cursors.clear();
  }

  private batch(cursor: Cursor, size: number): Doc[] {
    const out: Doc[] = [];
    let bytes = 0;
    while (out.length < size && cursor.position < cursor.docs.length) {
      const raw = cursor.docs[cursor.position];
      const doc = cursor.project ? cursor.project(raw) : raw;
      const docBytes = calculateObjectSize(doc);
      // Always make progress, even with a single huge document.
      if (out.length > 0 && bytes + docBytes > MAX_BATCH_BYTES) break;
      bytes += docBytes;
      out.push(doc);
      cursor.position++;
    }
    if (cursor.position >= cursor.docs.length) cursor.docs = [];
    return out;
  }

  private reapIdle(): void {
    const cutoff = Date.now() - IDLE_TIMEOUT_MS;
    for (const [key, cursor] of this.cursors) if (cursor.lastUsed < cutoff) this.cursors.delete(key);
  }
}

function newCursorId(): Long {
  // Positive, non-zero, and unpredictable enough that ids are not reused by accident.
  const high = Math.floor(Math.random() * 0x7fffffff);
  const low = Math.floor(Math.random() * 0xffffffff) | 0;
  const id = new Long(low, high);
  return id.isZero() ? Long.ONE : id;
}
