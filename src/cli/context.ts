import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MongooseModule } from '@nestjs/mongoose';
import pino from 'pino';
import { loadConfig } from '../config/config';
import { RequestContext } from '../common/request-context';
import { CoreModule } from '../core.module';
import { resolveDatabase, type ResolvedDatabase } from '../database/resolve-database';

@Module({})
class CliModule {
  static register(imports: DynamicModule['imports']): DynamicModule {
    return { module: CliModule, imports };
  }
}

/**
 * Runs `work` with the service's modules wired to the configured database, as
 * the server would be, but without HTTP. Warns when the database is in memory,
 * because then nothing the command writes outlives it.
 */
export async function withCliContext<T>(modules: NonNullable<DynamicModule['imports']>, work: (app: INestApplicationContext, database: ResolvedDatabase) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const database = await resolveDatabase({
    mode: config.database.mode,
    uri: config.database.uri,
    logger: { info: () => undefined, warn: () => undefined, error: (m) => logger.error(m) },
  });
  if (database.backend !== 'uri') {
    console.error(
      `warning: no MONGODB_URI, so this command used a ${database.backend} database that disappears when it exits.\n` +
        '         Point MONGODB_URI at your MongoDB (or at `npm run db:embedded`) to keep the result.',
    );
  }
  const app = await NestFactory.createApplicationContext(
    CliModule.register([CoreModule.register(config, logger, database), MongooseModule.forRoot(database.uri, { dbName: config.database.dbName }), ...modules]),
    { logger: false },
  );
  try {
    // What a command audits carries one id for the whole command.
    return await app.get(RequestContext).run('cli', () => work(app, database));
  } finally {
    await app.close();
    await database.stop();
  }
}

