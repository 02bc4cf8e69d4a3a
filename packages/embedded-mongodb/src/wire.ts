/**
 * MongoDB wire protocol framing: OP_MSG for everything, OP_QUERY only for the
 * legacy handshake, OP_REPLY to answer it.
 * https://www.mongodb.com/docs/manual/reference/mongodb-wire-protocol/
 */
import { deserialize, serialize } from 'bson';
import type { Doc } from './values';

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_COMPRESSED = 2012;
export const OP_MSG = 2013;

const HEADER_SIZE = 16;

const FLAG_CHECKSUM_PRESENT = 1 << 0;
const FLAG_MORE_TO_COME = 1 << 1;
const FLAG_EXHAUST_ALLOWED = 1 << 16;
const KNOWN_FLAGS = FLAG_CHECKSUM_PRESENT | FLAG_MORE_TO_COME | FLAG_EXHAUST_ALLOWED;

/** Framing or decoding failure: the connection that sent it is closed. */
export class WireProtocolError extends Error {
  override name = 'WireProtocolError';
}

/**
 * Keeps Int64 as Long (a Long must read back as a Long, at full precision) while
 * Int32/Double become JS numbers, which is what mingo's expressions understand.
 */
const DESERIALIZE_OPTIONS = { promoteLongs: false, promoteValues: true, promoteBuffers: false, bsonRegExp: false } as const;

/**
 * The encoded size of each document that arrived in a document sequence (an insert's
 * `documents`, say), so an insert need not measure it again. Decoding can change the
 * size: doubles holding integers shrink to int32, and the deprecated DBPointer comes
 * back as a DBRef, 15 bytes longer on a value of at least 20; so stored size is under
 * 1.75 × wire size, and `assertDocumentSize` trusts only half the limit.
 */
export const wireSizes = new WeakMap<Doc, number>();

function decodeDocument(buffer: Buffer, offset: number, end: number): { doc: Doc; next: number } {
  if (offset + 5 > end) throw new WireProtocolError('truncated BSON document');
  const size = buffer.readInt32LE(offset);
  if (size < 5 || offset + size > end) throw new WireProtocolError(`invalid BSON document length ${size}`);
  try {
    const doc = deserialize(buffer.subarray(offset, offset + size), DESERIALIZE_OPTIONS) as Doc;
    return { doc, next: offset + size };
  } catch (error) {
    throw new WireProtocolError(`unparseable BSON: ${(error as Error).message}`);
  }
}

function readCString(buffer: Buffer, offset: number, end: number): { value: string; next: number } {
  const zero = buffer.indexOf(0, offset);
  if (zero === -1 || zero >= end) throw new WireProtocolError('unterminated C string');
  return { value: buffer.toString('utf8', offset, zero), next: zero + 1 };
}

export interface Frame {
  requestId: number;
  responseTo: number;
  opCode: number;
  /** The whole message, header included. */
  data: Buffer;
}

/** Splits a TCP byte stream into messages; copes with partial frames and several messages per chunk. */
export class FrameDecoder {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly maxMessageSize: number) {}

  /** Bytes held of messages not yet complete. */
  get buffered(): number {
    return this.pendingBytes;
  }

  push(chunk: Buffer): Frame[] {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    const frames: Frame[] = [];
    while (this.pendingBytes >= 4) {
      const head = this.peek(4);
      const length = head.readInt32LE(0);
      if (length < HEADER_SIZE || length > this.maxMessageSize) {
        throw new WireProtocolError(`invalid message length ${length} (must be between ${HEADER_SIZE} and ${this.maxMessageSize})`);
      }
      if (this.pendingBytes < length) break;
      const data = this.take(length);
      frames.push({ requestId: data.readInt32LE(4), responseTo: data.readInt32LE(8), opCode: data.readInt32LE(12), data });
    }
    return frames;
  }

  private peek(n: number): Buffer {
    if (this.pending[0].length >= n) return this.pending[0];
    const joined = Buffer.concat(this.pending);
    this.pending = [joined];
    return joined;
  }

  private take(n: number): Buffer {
    const joined = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
    const data = joined.subarray(0, n);
    const rest = joined.subarray(n);
    this.pending = rest.length > 0 ? [rest] : [];
    this.pendingBytes = rest.length;
    return data;
  }
}

export interface OpMsgRequest {
  command: Doc;
  /** The client expects no reply (fire-and-forget). */
  moreToCome: boolean;
}

export function parseOpMsg(frame: Frame): OpMsgRequest {
  const { data } = frame;
  if (data.length < HEADER_SIZE + 5) throw new WireProtocolError('OP_MSG too short');
  const flags = data.readUInt32LE(HEADER_SIZE);
  if ((flags & ~KNOWN_FLAGS & 0xffff) !== 0) throw new WireProtocolError(`OP_MSG has unknown required flag bits ${flags.toString(2)}`);
  // The CRC32C trailer, when present, is not verified: TCP on loopback already guards integrity.
  const end = flags & FLAG_CHECKSUM_PRESENT ? data.length - 4 : data.length;
  let offset = HEADER_SIZE + 4;
  let body: Doc | undefined;
  const sequences: [string, Doc[]][] = [];
  while (offset < end) {
    const kind = data[offset];
    offset += 1;
    if (kind === 0) {
      if (body) throw new WireProtocolError('OP_MSG has more than one body section');
      const decoded = decodeDocument(data, offset, end);
      body = decoded.doc;
      offset = decoded.next;
    } else if (kind === 1) {
      if (offset + 4 > end) throw new WireProtocolError('truncated document sequence');
      const size = data.readInt32LE(offset);
      const sectionEnd = offset + size;
      if (size < 5 || sectionEnd > end) throw new WireProtocolError(`invalid document sequence length ${size}`);
      const identifier = readCString(data, offset + 4, sectionEnd);
      let cursor = identifier.next;
      const docs: Doc[] = [];
      while (cursor < sectionEnd) {
        const decoded = decodeDocument(data, cursor, sectionEnd);
        wireSizes.set(decoded.doc, decoded.next - cursor);
        docs.push(decoded.doc);
        cursor = decoded.next;
      }
      sequences.push([identifier.value, docs]);
      offset = sectionEnd;
    } else {
      throw new WireProtocolError(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (!body) throw new WireProtocolError('OP_MSG without a body section');
  for (const [identifier, docs] of sequences) {
    const existing = body[identifier];
    body[identifier] = Array.isArray(existing) ? [...existing, ...docs] : docs;
  }
  return { command: body, moreToCome: (flags & FLAG_MORE_TO_COME) !== 0 };
}

export interface OpQueryRequest {
  collection: string;
  query: Doc;
}

export function parseOpQuery(frame: Frame): OpQueryRequest {
  const { data } = frame;
  let offset = HEADER_SIZE + 4; // flags
  const name = readCString(data, offset, data.length);
  offset = name.next + 8; // numberToSkip, numberToReturn
  const query = decodeDocument(data, offset, data.length);
  return { collection: name.value, query: query.doc };
}

let nextRequestId = 1;

function header(length: number, responseTo: number, opCode: number): Buffer {
  const buffer = Buffer.alloc(HEADER_SIZE);
  buffer.writeInt32LE(length, 0);
  buffer.writeInt32LE(nextRequestId++ & 0x7fffffff, 4);
  buffer.writeInt32LE(responseTo, 8);
  buffer.writeInt32LE(opCode, 12);
  return buffer;
}

export function encodeOpMsg(responseTo: number, reply: Doc): Buffer {
  const body = serialize(reply);
  const prefix = Buffer.alloc(5); // flagBits = 0, section kind 0
  return Buffer.concat([header(HEADER_SIZE + prefix.length + body.length, responseTo, OP_MSG), prefix, body]);
}

export function encodeOpReply(responseTo: number, reply: Doc): Buffer {
  const body = serialize(reply);
  const fields = Buffer.alloc(20); // responseFlags, cursorID (int64), startingFrom, numberReturned
  fields.writeInt32LE(1, 16);
  return Buffer.concat([header(HEADER_SIZE + fields.length + body.length, responseTo, OP_REPLY), fields, body]);
}
