import { createHash, randomBytes } from 'node:crypto';

/**
 * Where a test file's data lives. Jest's global setup resolves one server for the
 * whole run (MONGODB_URI, else mongodb-memory-server, else the embedded engine; see
 * src/database/resolve-database.ts) and publishes its URI; each test file then gets
 * a database of its own, so files never see each other's data.
 */
export interface TestDatabase {
  uri: string;
  dbName: string;
}

export function testDatabase(): TestDatabase {
  const uri = process.env.WAYPOINT_TEST_MONGODB_URI;
  if (!uri) {
    throw new Error('WAYPOINT_TEST_MONGODB_URI is not set: run the tests through Jest (npm test), whose global setup resolves the database.');
  }
  const file = expect.getState().testPath ?? 'unknown';
  const tag = createHash('sha1').update(file).digest('hex').slice(0, 8);
  return { uri, dbName: `test_${tag}_${randomBytes(3).toString('hex')}` };
}
