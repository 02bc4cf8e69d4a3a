/**
 * Behaviour of the embedded engine itself, which a real MongoDB cannot be asked about
 * (raw protocol abuse, features it deliberately refuses). Each test file run starts
 * its own engine here, whatever backend the rest of the suite uses.
 */
import { stat } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { BSON, Long, MongoClient } from 'mongodb';

const { serialize, deserialize } = BSON;
import { type EmbeddedMongo, startEmbeddedMongo } from '../src';
import { type AnyDoc, errorOf } from './support';

const OP_REPLY = 1;
const OP_QUERY = 2004;
const OP_MSG = 2013;

let nextId = 1000;

function header(length: number, requestId: number, opCode: number): Buffer {
  const b = Buffer.alloc(16);
  b.writeInt32LE(length, 0);
  b.writeInt32LE(requestId, 4);
  b.writeInt32LE(0, 8);
  b.writeInt32LE(opCode, 12);
  return b;
}

function opMsg(body: object, options: { flags?: number; requestId?: number; sequence?: [string, object[]]; checksum?: boolean } = {}): Buffer {
  const requestId = options.requestId ?? nextId++;
  const parts: Buffer[] = [Buffer.from([0]), Buffer.from(serialize(body))];
  if (options.sequence) {
    const [identifier, docs] = options.sequence;
    const payload = Buffer.concat([Buffer.from(`${identifier}\0`, 'utf8'), ...docs.map((d) => Buffer.from(serialize(d)))]);
    const size = Buffer.alloc(4);
    size.writeInt32LE(payload.length + 4, 0);
    parts.push(Buffer.from([1]), size, payload);
  }
  const flags = Buffer.alloc(4);
  flags.writeUInt32LE((options.flags ?? 0) | (options.checksum ? 1 : 0), 0);
  const trailer = options.checksum ? [Buffer.from([0xde, 0xad, 0xbe, 0xef])] : [];
  const rest = Buffer.concat([flags, ...parts, ...trailer]);
  return Buffer.concat([header(16 + rest.length, requestId, OP_MSG), rest]);
}

function opQuery(collection: string, query: object): Buffer {
  const rest = Buffer.concat([Buffer.alloc(4), Buffer.from(`${collection}\0`, 'utf8'), Buffer.from([0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]), Buffer.from(serialize(query))]);
  return Buffer.concat([header(16 + rest.length, nextId++, OP_QUERY), rest]);
}

interface Reply {
  responseTo: number;
  opCode: number;
  doc: Record<string, unknown>;
}

/** A raw connection to an engine (its Unix socket, or its TCP port) that collects complete replies. */
class RawClient {
  readonly replies: Reply[] = [];
  closed = false;
  private buffer = Buffer.alloc(0);
  private readonly socket: net.Socket;
  private readonly ready: Promise<void>;

  constructor(engine: EmbeddedMongo) {
    this.socket = engine.socketPath ? net.connect(engine.socketPath) : net.connect(engine.port ?? 0, '127.0.0.1');
    this.ready = new Promise((resolve) => this.socket.once('connect', () => resolve()));
    this.socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      while (this.buffer.length >= 4 && this.buffer.length >= this.buffer.readInt32LE(0)) {
        const length = this.buffer.readInt32LE(0);
        const frame = this.buffer.subarray(0, length);
        this.buffer = this.buffer.subarray(length);
        const opCode = frame.readInt32LE(12);
        const docStart = opCode === OP_REPLY ? 36 : 21;
        this.replies.push({ responseTo: frame.readInt32LE(8), opCode, doc: deserialize(frame.subarray(docStart)) });
      }
    });
    this.socket.on('close', () => {
      this.closed = true;
    });
    this.socket.on('error', () => undefined);
  }

  async write(data: Buffer): Promise<void> {
    await this.ready;
    await new Promise<void>((resolve) => this.socket.write(data, () => resolve()));
  }

  async waitFor(predicate: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 3000;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  destroy(): void {
    this.socket.destroy();
  }
}

describe('embedded engine: protocol robustness and refusals', () => {
  let engine: EmbeddedMongo;
  let client: MongoClient;
  const logged: string[] = [];

  beforeAll(async () => {
    engine = await startEmbeddedMongo({ logger: { info: () => undefined, warn: (m) => logged.push(m), error: (m) => logged.push(m) } });
    client = await MongoClient.connect(engine.uri);
    await client.db('raw').collection('c').insertOne({ _id: 'kept' as never, v: 1 });
  });

  afterAll(async () => {
    await client?.close();
    await engine?.stop();
  });

  async function stillServes(): Promise<void> {
    expect(await client.db('raw').collection('c').findOne({ _id: 'kept' as never })).toEqual({ _id: 'kept', v: 1 });
  }

  it.each([
    ['a length below the header size', Buffer.from([5, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])],
    ['a length over 48 MB', header(60_000_000, 1, OP_MSG)],
    ['an unknown opcode', Buffer.concat([header(20, 1, 4242), Buffer.alloc(4)])],
    ['unparseable BSON', Buffer.concat([header(30, 1, OP_MSG), Buffer.alloc(4), Buffer.from([0]), Buffer.from([9, 0, 0, 0, 0x7f, 0x41, 0, 0, 0])])],
  ])('closes a connection that sends %s, logs it, and keeps serving others', async (_what, garbage) => {
    const before = logged.length;
    const raw = new RawClient(engine);
    await raw.write(garbage);
    await raw.waitFor(() => raw.closed, 'the server to close the connection');
    expect(raw.replies).toHaveLength(0);
    expect(logged.length).toBeGreaterThan(before);
    expect(logged[logged.length - 1]).toMatch(/closing connection/);
    await stillServes();
  });

  it('reassembles partial frames and answers several messages sent in one chunk', async () => {
    const raw = new RawClient(engine);
    const ping = opMsg({ ping: 1, $db: 'admin' }, { requestId: 7001 });
    for (let i = 0; i < ping.length; i += 7) await raw.write(ping.subarray(i, i + 7));
    await raw.waitFor(() => raw.replies.length === 1, 'the reply to a fragmented ping');
    expect(raw.replies[0]).toMatchObject({ responseTo: 7001, opCode: OP_MSG, doc: { ok: 1 } });
    await raw.write(Buffer.concat([opMsg({ ping: 1, $db: 'admin' }, { requestId: 7002 }), opMsg({ ping: 1, $db: 'admin' }, { requestId: 7003 })]));
    await raw.waitFor(() => raw.replies.length === 3, 'two replies');
    expect(raw.replies.slice(1).map((r) => r.responseTo)).toEqual([7002, 7003]);
    raw.destroy();
  });

  it('merges document sequences, ignores checksums and sends nothing for moreToCome', async () => {
    const raw = new RawClient(engine);
    await raw.write(opMsg({ insert: 'seq', $db: 'raw' }, { requestId: 7101, sequence: ['documents', [{ _id: 1 }, { _id: 2 }]], checksum: true }));
    await raw.waitFor(() => raw.replies.length === 1, 'the insert reply');
    expect(raw.replies[0].doc).toMatchObject({ n: 2, ok: 1 });
    await raw.write(opMsg({ insert: 'seq', $db: 'raw', documents: [{ _id: 3 }] }, { requestId: 7102, flags: 2 }));
    await raw.write(opMsg({ count: 'seq', $db: 'raw' }, { requestId: 7103 }));
    await raw.waitFor(() => raw.replies.length === 2, 'the count reply');
    expect(raw.replies[1]).toMatchObject({ responseTo: 7103, doc: { n: 3, ok: 1 } });
    raw.destroy();
  });

  it('answers the legacy OP_QUERY handshake and refuses other OP_QUERY commands', async () => {
    const raw = new RawClient(engine);
    await raw.write(opQuery('admin.$cmd', { isMaster: 1, helloOk: true }));
    await raw.waitFor(() => raw.replies.length === 1, 'the handshake reply');
    expect(raw.replies[0].opCode).toBe(OP_REPLY);
    expect(raw.replies[0].doc).toMatchObject({ ismaster: true, helloOk: true, maxWireVersion: 21, ok: 1 });
    expect(raw.replies[0].doc).not.toHaveProperty('topologyVersion');
    expect(raw.replies[0].doc).not.toHaveProperty('setName');
    expect(raw.replies[0].doc).not.toHaveProperty('compression');
    await raw.write(opQuery('raw.$cmd', { find: 'c' }));
    await raw.waitFor(() => raw.replies.length === 2, 'the refusal');
    expect(raw.replies[1].doc).toMatchObject({ ok: 0, code: 352 });
    raw.destroy();
  });

  it('identifies itself in buildInfo', async () => {
    const info = await client.db('admin').command({ buildInfo: 1 });
    expect(info).toMatchObject({ version: '7.0.0', waypointEmbedded: true });
  });

  it('refuses unsupported features with errors that name them', async () => {
    const db = client.db('raw');
    const out = await errorOf(() => db.collection('c').aggregate([{ $out: 'copy' }]).toArray());
    expect(out.message).toContain('$out');
    expect(out.codeName).toBe('NotImplemented');
    const merge = await errorOf(() => db.collection('c').aggregate([{ $merge: { into: 'copy' } }]).toArray());
    expect(merge.message).toContain('$merge');
    const text = await errorOf(() => db.collection('c').find({ $text: { $search: 'x' } }).toArray());
    expect(text.message).toContain('$text');
    const where = await errorOf(() => db.collection('c').find({ $where: 'true' }).toArray());
    expect(where.message).toContain('$where');
    const collation = await errorOf(() => db.collection('c').find({}, { collation: { locale: 'fr' } }).toArray());
    expect(collation.message).toMatch(/collation/i);
    const capped = await errorOf(() => db.createCollection('capped', { capped: true, size: 1024 }));
    expect(capped.message).toContain('capped');
    const textIndex = await errorOf(() => db.collection('c').createIndex({ body: 'text' }));
    expect(textIndex.message).toContain('text');
    const txn = await errorOf(() =>
      db.command({ insert: 'c', documents: [{ a: 1 }], lsid: { id: new Long(1) }, txnNumber: Long.fromNumber(1), startTransaction: true, autocommit: false }),
    );
    expect(txn.code).toBe(20);
    expect(txn.message).toMatch(/transactions/);
    expect(await db.collection('c').countDocuments({ a: 1 })).toBe(0);
  });

  it('stops cleanly and frees its TCP port', async () => {
    const other = await startEmbeddedMongo({ listen: 'tcp', logger: { info: () => undefined, warn: () => undefined, error: () => undefined } });
    const c = await MongoClient.connect(other.uri, { serverSelectionTimeoutMS: 500 });
    await c.db('x').collection('y').insertOne({ a: 1 });
    await other.stop();
    await expect(c.db('x').command({ ping: 1 })).rejects.toThrow();
    await c.close();
    const again = await startEmbeddedMongo({ listen: 'tcp', port: other.port, logger: { info: () => undefined, warn: () => undefined, error: () => undefined } });
    expect(again.port).toBe(other.port);
    await again.stop();
  });
});

describe('embedded engine: private and bounded', () => {
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

  it('listens by default on a Unix socket in a fresh directory only this user can open, removed at stop', async () => {
    const engine = await startEmbeddedMongo({ logger: quiet });
    const socketPath = engine.socketPath!;
    expect(engine.uri).toBe(`mongodb://${encodeURIComponent(socketPath)}`);
    expect(engine.port).toBeUndefined();
    const dir = await stat(path.dirname(socketPath));
    expect(dir.mode & 0o777).toBe(0o700);
    expect(dir.uid).toBe(process.getuid!());
    expect((await stat(socketPath)).isSocket()).toBe(true);
    const client = await MongoClient.connect(engine.uri, { serverSelectionTimeoutMS: 2000 });
    await client.db('private').collection('c').insertOne({ a: 1 });
    expect(await client.db('private').collection('c').countDocuments()).toBe(1);
    await client.close();
    await engine.stop();
    await expect(stat(path.dirname(socketPath))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('closes a connection that stalls in the middle of a message, not one that is merely idle', async () => {
    const logged: string[] = [];
    const engine = await startEmbeddedMongo({ limits: { partialMessageIdleMs: 150 }, logger: { ...quiet, error: (m) => logged.push(m) } });
    const stalled = new RawClient(engine);
    const idle = new RawClient(engine);
    await idle.write(opMsg({ ping: 1, $db: 'admin' }));
    const ping = opMsg({ ping: 1, $db: 'admin' });
    await stalled.write(ping.subarray(0, 10));
    await stalled.waitFor(() => stalled.closed, 'the stalled connection to be closed');
    expect(logged.join('\n')).toMatch(/no data for 150 ms in the middle of a message/);
    await new Promise((r) => setTimeout(r, 300));
    expect(idle.closed).toBe(false);
    await idle.write(opMsg({ ping: 1, $db: 'admin' }));
    await idle.waitFor(() => idle.replies.length === 2, 'the idle connection to be answered');
    idle.destroy();
    await engine.stop();
  });

  it('caps the bytes of unfinished messages held across all connections', async () => {
    const logged: string[] = [];
    const engine = await startEmbeddedMongo({ limits: { maxBufferedBytes: 100_000 }, logger: { ...quiet, error: (m) => logged.push(m) } });
    // Each announces a 1 MB message and sends 60 KB of it: the second pushes the total past 100 KB.
    const partial = Buffer.concat([header(1_000_000, 1, OP_MSG), Buffer.alloc(60_000)]);
    const first = new RawClient(engine);
    await first.write(partial);
    const second = new RawClient(engine);
    await second.write(partial);
    await second.waitFor(() => second.closed, 'the connection past the cap to be closed');
    expect(first.closed).toBe(false);
    expect(logged.join('\n')).toMatch(/limit 100000/);
    first.destroy();
    await first.waitFor(() => first.closed, 'the first connection to close');
    // With the held bytes released, a new client is served normally.
    const client = await MongoClient.connect(engine.uri, { serverSelectionTimeoutMS: 2000 });
    expect(await client.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
    await client.close();
    await engine.stop();
  });

  it('matches $regex in linear time: a catastrophic pattern does not stall other connections', async () => {
    const engine = await startEmbeddedMongo({ logger: quiet });
    const client = await MongoClient.connect(engine.uri);
    const other = await MongoClient.connect(engine.uri);
    const c = client.db('re').collection('c');
    await c.insertMany([{ s: `${'a'.repeat(25)}!` }, { s: 'aaa' }]);
    const started = Date.now();
    const [matched, ping] = await Promise.all([
      c.find({ s: { $regex: '^(a+)+$' } }, { projection: { _id: 0 } }).toArray(),
      other.db('admin').command({ ping: 1 }),
    ]);
    // JavaScript's backtracking RegExp needs tens of seconds for this input.
    expect(Date.now() - started).toBeLessThan(2000);
    expect(matched).toEqual([{ s: 'aaa' }]);
    expect(ping).toMatchObject({ ok: 1 });
    const inPipeline = Date.now();
    const flags = await c.aggregate([{ $project: { _id: 0, m: { $regexMatch: { input: '$s', regex: '^(a+)+$' } } } }]).toArray();
    expect(Date.now() - inPipeline).toBeLessThan(2000);
    expect(flags).toEqual([{ m: false }, { m: true }]);
    const backreference = await errorOf(() => c.find({ s: { $regex: '(a)\\1' } }).toArray());
    expect(backreference).toMatchObject({ code: 2 });
    expect(backreference.message).toMatch(/Regular expression is invalid.*linear time/);
    await client.close();
    await other.close();
    await engine.stop();
  });

  it('expires documents through TTL indexes, on the monitor interval', async () => {
    const engine = await startEmbeddedMongo({ ttlMonitorIntervalMs: 100, logger: quiet });
    const client = await MongoClient.connect(engine.uri);
    const c = client.db('ttl').collection<AnyDoc>('c');
    await c.createIndex({ at: 1 }, { expireAfterSeconds: 60 });
    await c.createIndex({ other: 1, at2: 1 }, { expireAfterSeconds: 0 });
    const old = new Date(Date.now() - 120_000);
    await c.insertMany([
      { _id: 'old', at: old },
      { _id: 'fresh', at: new Date() },
      { _id: 'not-a-date', at: old.toISOString() },
      { _id: 'array', at: [new Date(Date.now() + 3_600_000), old] },
      { _id: 'compound-ttl-ignored', other: 1, at2: old },
    ]);
    const remaining = async () => (await c.find({}, { sort: { _id: 1 } }).toArray()).map((d) => d._id);
    const deadline = Date.now() + 3000;
    while ((await remaining()).includes('old') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await remaining()).toEqual(['compound-ttl-ignored', 'fresh', 'not-a-date']);
    await client.close();
    await engine.stop();
  });
});
