import { Test, type TestingModule } from '@nestjs/testing';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import pino from 'pino';
import { loadConfig } from '../../src/config/config';
import { CoreModule } from '../../src/core.module';
import { testDatabase } from './test-database';

export interface ServiceModule {
  ref: TestingModule;
  close(): Promise<void>;
}

/**
 * The middle tier: real modules and services, no HTTP and no GraphQL, on this test
 * file's own database (the same server the end-to-end tests use).
 */
export async function serviceModule(imports: NonNullable<Parameters<typeof Test.createTestingModule>[0]['imports']>): Promise<ServiceModule> {
  const { uri, dbName } = testDatabase();
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing', LOG_LEVEL: 'silent' });
  const ref = await Test.createTestingModule({
    imports: [
      CoreModule.register(config, pino({ level: 'silent' }), { backend: 'uri', reason: 'service test' }),
      MongooseModule.forRoot(uri, { dbName, autoIndex: true, serverSelectionTimeoutMS: 10000 }),
      ...imports,
    ],
  }).compile();
  await ref.init();
  return {
    ref,
    async close() {
      await ref.get<Connection>(getConnectionToken()).db?.dropDatabase().catch(() => undefined);
      await ref.close();
    },
  };
}
