import { createHash, randomBytes } from 'node:crypto';
import { type Collection, type Db, MongoClient, type MongoClientOptions } from 'mongodb';

/**
 * Test documents use all sorts of `_id` types and shapes, which the driver's schema
 * typing (ObjectId `_id`, typed update operators) would reject at compile time.
 */
export type AnyDoc = any;

export interface Conn {
  client: MongoClient;
  db: Db;
  uri: string;
  dbName: string;
  coll(name: string): Collection<AnyDoc>;
}

/** Where a test file's data lives: the run's server (test/global-setup.ts), a database of its own. */
export function testDatabase(): { uri: string; dbName: string } {
  const uri = process.env.EMBEDDED_MONGODB_TEST_URI;
  if (!uri) throw new Error('EMBEDDED_MONGODB_TEST_URI is not set: run the tests through Jest, whose global setup starts the server.');
  const file = expect.getState().testPath ?? 'unknown';
  const tag = createHash('sha1').update(file).digest('hex').slice(0, 8);
  return { uri, dbName: `test_${tag}_${randomBytes(3).toString('hex')}` };
}

/**
 * One client and one database per test file (dropped afterwards), against the run's
 * server: the embedded engine, or a real MongoDB when MONGODB_URI names one.
 */
export function useDatabase(options: MongoClientOptions = {}): Conn {
  const conn = { coll: (name: string) => conn.db.collection<AnyDoc>(name) } as Conn;
  beforeAll(async () => {
    const { uri, dbName } = testDatabase();
    conn.uri = uri;
    conn.dbName = dbName;
    conn.client = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 5000, ...options });
    conn.db = conn.client.db(dbName);
  });
  afterAll(async () => {
    if (!conn.client) return;
    await conn.db.dropDatabase();
    await conn.client.close();
  });
  return conn;
}

/** Runs `fn` and returns what it threw (failing the test when it did not throw). */
export async function errorOf(fn: () => Promise<unknown>): Promise<Record<string, unknown> & Error> {
  try {
    await fn();
  } catch (error) {
    return error as Record<string, unknown> & Error;
  }
  throw new Error('expected the operation to fail, but it succeeded');
}
