import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import type { Clock } from './common/clock';
import { servedBaseUrl, type AppConfig } from './config/config';
import type { ResolvedDatabase } from './database/resolve-database';
import { acceptJsonBodiesOnly, frameworkErrors } from './http/json-body';
import { trackRoutes } from './http/routes';
import { serveWebApp } from './http/web-app';
import { PinoNestLogger } from './logging/logger';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Builds the HTTP application on Fastify (see docs/decisions.md). Used by the
 * start command, the tests and the benchmarks, so all three run the same stack.
 */
export async function createApp(
  config: AppConfig,
  logger: Logger,
  database: ResolvedDatabase,
  dbName?: string,
  /** Runs before the app initializes (global interceptors must be registered by then); the benchmark's G0 floor uses it. */
  beforeInit?: (app: NestFastifyApplication) => void,
  /** The time as the service sees it; tests pass a ManualClock. */
  clock?: Clock,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // A caller's X-Request-Id is kept when it looks like one, so logs can be joined across services.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: config.httpBodyLimit,
    // request.ip is the socket's address unless the connection comes from a proxy named here.
    trustProxy: config.trustProxy,
    frameworkErrors: frameworkErrors as never,
  });
  trackRoutes(adapter.getInstance());
  acceptJsonBodiesOnly(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config, logger, database, dbName, clock), adapter, {
    logger: new PinoNestLogger(logger),
    bufferLogs: false,
    abortOnError: false,
    // Fastify's own parser, replaced by ours above (json-body.ts), reads JSON bodies.
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Without PUBLIC_BASE_URL, links (certificates, verify pages, badge ids) use the address
  // actually served, so PORT=0 or PORT=8080 never leaves them pointing at port 3000.
  fastify.addHook('onListen', async () => {
    const address = fastify.server.address();
    if (config.publicBaseUrlFromServer && address && typeof address === 'object') config.publicBaseUrl = servedBaseUrl(address.address, address.port);
  });
  // Signed-out browsers hold only the refresh cookie (modules/identity/session.controller.ts).
  await app.register(fastifyCookie);
  if (!(await serveWebApp(fastify, config.webRoot)) && !config.isProduction) {
    logger.debug(`no built web app at ${config.webRoot}: serving the API only`);
  }
  beforeInit?.(app);
  await app.init();
  return app;
}
