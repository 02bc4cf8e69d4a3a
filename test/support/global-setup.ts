import type { ResolvedDatabase } from '../../src/database/resolve-database';
import { resolveDatabase } from '../../src/database/resolve-database';

declare global {
  var __WAYPOINT_TEST_DB__: ResolvedDatabase | undefined;
}

/**
 * One database server for the whole run, chosen exactly as the service chooses
 * (MONGODB_URI, else mongodb-memory-server, else the embedded engine). Each test
 * file then works in a database of its own (test/support/test-database.ts).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.WAYPOINT_TEST_MONGODB_URI) return;
  const quiet = { info: () => undefined, warn: () => undefined, error: (m: string) => console.error(m) };
  const mode = (process.env.DATABASE_MODE as 'auto' | 'uri' | 'memory-server' | 'embedded' | undefined) ?? 'auto';
  const database = await resolveDatabase({ mode, uri: process.env.MONGODB_URI, logger: quiet });
  globalThis.__WAYPOINT_TEST_DB__ = database;
  process.env.WAYPOINT_TEST_MONGODB_URI = database.uri;
  process.env.WAYPOINT_TEST_DB_BACKEND = database.backend;
  console.log(`\ntest database: ${database.backend} (${database.reason})`);
}
