import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import pino from 'pino';
import { createApp } from '../bootstrap';
import { loadConfig } from '../config/config';
import { resolveDatabase } from '../database/resolve-database';
import { renderSchema, SCHEMA_FILE } from './schema-file';

/** `npm run schema`: writes schema.gql. A test fails while the committed file is stale. */
async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false' });
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const database = await resolveDatabase({ mode: 'embedded', logger: silent });
  const app = await createApp(config, pino({ level: 'silent' }), database);
  writeFileSync(SCHEMA_FILE, renderSchema(app));
  await app.close();
  await database.stop();
  console.log(`wrote ${SCHEMA_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
