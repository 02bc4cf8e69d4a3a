import { stat } from 'node:fs/promises';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { resolveDatabase } from './resolve-database';

describe('resolveDatabase: the embedded engine', () => {
  it('is reached through a Unix socket only this user can open, not a TCP port', async () => {
    const warnings: string[] = [];
    const database = await resolveDatabase({ mode: 'embedded', logger: { info: () => undefined, warn: (m) => warnings.push(m), error: () => undefined } });
    try {
      const socketPath = decodeURIComponent(database.uri.slice('mongodb://'.length));
      expect(socketPath).toMatch(/\.sock$/);
      expect((await stat(path.dirname(socketPath))).mode & 0o777).toBe(0o700);
      expect(warnings.join('\n')).toContain(`private socket ${socketPath}`);
      const client = await MongoClient.connect(database.uri, { serverSelectionTimeoutMS: 2000 });
      expect(await client.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
      await client.close();
    } finally {
      await database.stop();
    }
  });
});
