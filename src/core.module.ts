import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ClsModule } from 'nestjs-cls';
import type { Logger } from 'pino';
import { CLOCK, systemClock, type Clock } from './common/clock';
import { RequestContext } from './common/request-context';
import { APP_CONFIG, type AppConfig } from './config/config';
import type { ResolvedDatabase } from './database/resolve-database';
import { LOGGER } from './logging/logger';

export const DATABASE_INFO = Symbol('DATABASE_INFO');
export type DatabaseInfo = Pick<ResolvedDatabase, 'backend' | 'reason'>;

/**
 * What people are told while the data lives only in this process's memory (the
 * embedded engine or mongodb-memory-server): at start, in /health, in every
 * sign-in response and at shutdown. Undefined when a real MongoDB keeps it.
 */
export function dataLossWarning(database: Pick<DatabaseInfo, 'backend'>): string | undefined {
  if (database.backend === 'uri') return undefined;
  return 'This Waypoint keeps its data in memory only: every account, enrollment, record and reflection is lost when the service stops. Set MONGODB_URI to keep data.';
}

/**
 * Process-wide values every module may inject: configuration, the logger, which database
 * is in use, the clock, and the request context. The context's middleware runs first on
 * every route, GraphQL included (under Fastify it receives the raw request, which Fastify
 * has already given the request's id and address).
 */
@Global()
@Module({})
export class CoreModule {
  static register(config: AppConfig, logger: Logger, database: DatabaseInfo, clock: Clock = systemClock): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ClsModule.forRoot({
          middleware: {
            mount: true,
            generateId: true,
            idGenerator: (req: FastifyRequest['raw'] & { id: string }) => req.id,
            setup: (cls, req: FastifyRequest['raw'] & { ip?: string }) => cls.set('ip', req.ip),
            // Neither proxy providers nor plugins are used; resolving them cost a require() per request.
            resolveProxyProviders: false,
            initializePlugins: false,
          },
        }),
      ],
      providers: [
        RequestContext,
        { provide: APP_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        { provide: DATABASE_INFO, useValue: { backend: database.backend, reason: database.reason } },
        { provide: CLOCK, useValue: clock },
      ],
      exports: [APP_CONFIG, LOGGER, DATABASE_INFO, CLOCK, RequestContext],
    };
  }
}
