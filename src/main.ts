import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config';
import { resolveDatabase } from './database/resolve-database';
import { createApp } from './bootstrap';
import { dataLossWarning } from './core.module';
import { createLogger } from './logging/logger';
import { DEMO_PASSWORD, seedDemoOrganization } from '../modules/identity/demo-seed';
import { describeImport, importCurriculum } from '../modules/curriculum/import-curriculum';
import { seedDemoTraining } from '../modules/training/demo-training';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  if (config.auth.jwtSecretGenerated) {
    logger.warn('JWT_SECRET is not set: using a random development secret; sessions end when the process restarts.');
  }
  const database = await resolveDatabase({ mode: config.database.mode, uri: config.database.uri, logger: wrap(logger) });
  logger.info({ backend: database.backend, reason: database.reason }, `database backend: ${database.backend} (${database.reason})`);

  const app = await createApp(config, logger, database);
  if (config.importCurriculum) {
    const summary = await importCurriculum(app);
    logger.info(`curriculum: ${describeImport(summary).replace(/\n/g, '; ')}`);
  }
  if (config.seedDemo) {
    const { created, accounts } = await seedDemoOrganization(app);
    await seedDemoTraining(app);
    const lines = accounts.map((a) => `  ${a.role.padEnd(9)} ${a.email.padEnd(36)} id ${a.id}${a.note ? ` (${a.note})` : ''}`);
    console.log(`\nDemo organization ${created ? 'created' : 'already present'} (development only). Password for every account: ${DEMO_PASSWORD}\n${lines.join('\n')}\n`);
  }
  await app.listen({ port: config.port, host: config.host });
  // The port actually bound (PORT=0 picks a free one, as the browser tests do).
  const address = app.getHttpServer().address();
  const url = `http://${config.host}:${typeof address === 'object' && address ? address.port : config.port}`;
  console.log(`Waypoint is ready: the app at ${url}/, GraphQL at ${url}/graphql, health at ${url}/health (database: ${database.backend})`);
  const warning = dataLossWarning(database);
  if (warning) {
    const rule = '!'.repeat(78);
    console.log(`\n${rule}\n  DATA IS NOT KEPT. ${warning}\n${rule}\n`);
    logger.warn({ backend: database.backend }, warning);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: finishing in-flight requests, then stopping`);
    const force = setTimeout(() => process.exit(1), 10000).unref();
    await app.close();
    await database.stop();
    if (warning) logger.warn({ backend: database.backend }, 'stopped: the in-memory database and everything in it are gone (set MONGODB_URI to keep data)');
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

function wrap(logger: ReturnType<typeof createLogger>) {
  return { info: (m: string) => logger.info(m), warn: (m: string) => logger.warn(m), error: (m: string) => logger.error(m) };
}

main().catch((error: unknown) => {
  console.error('Waypoint failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
