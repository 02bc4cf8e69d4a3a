import { getConnectionToken } from '@nestjs/mongoose';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Connection } from 'mongoose';
import pino, { type Logger } from 'pino';
import { createApp } from '../../src/bootstrap';
import type { Clock } from '../../src/common/clock';
import { loadConfig, type AppConfig } from '../../src/config/config';
import type { DatabaseBackend } from '../../src/database/resolve-database';
import { testDatabase } from './test-database';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; [key: string]: unknown }; path?: string[] }>;
}

export interface TestApp {
  app: NestFastifyApplication;
  url: string;
  config: AppConfig;
  dbName: string;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** A clock tests move by hand; several instances may share one. */
  clock?: Clock;
  /** Where the service logs (default: silent, or TEST_LOG_LEVEL). */
  logger?: Logger;
  /** The backend the service believes it runs on; the data is in the test database either way. */
  backend?: DatabaseBackend;
  /** Another instance's database, to run two instances against the same data. */
  dbName?: string;
}

/** The real service on a random port, against this test file's own database. */
export async function startTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const { uri, dbName: ownDb } = testDatabase();
  const dbName = options.dbName ?? ownDb;
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    LOG_LEVEL: 'silent',
    // Every test signs in from 127.0.0.1; the per-client limits have tests of their own (test/throttling.e2e-spec.ts).
    RATE_LIMIT_LOGIN: '10000',
    RATE_LIMIT_PUBLIC: '10000',
    RATE_LIMIT_PASSWORD_RESET: '10000',
    // Scheduled jobs (reminders, the digest) run when a test calls Scheduler.runDue(), not in the
    // background, where their reads would land in other tests' command counts.
    SCHEDULER_POLL_MS: '600000',
    // Tests count the database commands a request makes (countCommands).
    MONGODB_MONITOR_COMMANDS: 'true',
    ...env,
  });
  const logger = options.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const app = await createApp(config, logger, { backend: options.backend ?? 'uri', uri, reason: 'test harness', stop: async () => undefined }, dbName, undefined, options.clock);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  return {
    app,
    url,
    config,
    dbName,
    async gql(query, variables, token) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as GraphQLResponse<any>;
      return { status: res.status, data: body.data, errors: body.errors };
    },
    async close() {
      const connection = app.get<Connection>(getConnectionToken());
      await connection.db?.dropDatabase().catch(() => undefined);
      await app.close();
    },
  };
}

/** The first error's code, or undefined: most assertions are about which code a person got. */
export function errorCode(res: GraphQLResponse): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}

export function expectData<T>(res: GraphQLResponse<T>): T {
  if (res.errors?.length || !res.data) {
    throw new Error(`expected data, got errors: ${JSON.stringify(res.errors)}`);
  }
  return res.data;
}
