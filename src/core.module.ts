import { Global, Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CLS_ID, ClsService, ClsServiceManager } from 'nestjs-cls';
import type { Logger } from 'pino';
import { CLOCK, systemClock, type Clock } from './common/clock';
import { RequestContext, type RequestStore } from './common/request-context';
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

/** Every route, in the path syntax of Nest 11 on Fastify 5 (the root included). */
const EVERY_ROUTE = '{*path}';

/**
 * Process-wide values every module may inject: configuration, the logger, which database
 * is in use, the clock, and the request context. The context's middleware runs first on
 * every route, GraphQL included (under Fastify it receives the raw request, which Fastify
 * has already given the request's id and address).
 *
 * The context is nestjs-cls's ClsService, opened by the small middleware below rather than
 * by `ClsModule.forRoot`: the module always registers a global guard and a global
 * interceptor (no-ops unless mounted), and any global interceptor makes Nest run every
 * resolver call through RxJS (docs/decisions.md).
 */
@Global()
@Module({})
export class CoreModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    const cls = ClsServiceManager.getClsService<RequestStore>();
    consumer
      .apply((req: FastifyRequest['raw'] & { id: string; ip?: string }, _res: unknown, next: () => void) =>
        cls.run(() => {
          cls.set(CLS_ID, req.id);
          cls.set('ip', req.ip);
          next();
        }),
      )
      .forRoutes(EVERY_ROUTE);
  }

  static register(config: AppConfig, logger: Logger, database: DatabaseInfo, clock: Clock = systemClock): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: ClsService, useValue: ClsServiceManager.getClsService() },
        RequestContext,
        { provide: APP_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        { provide: DATABASE_INFO, useValue: { backend: database.backend, reason: database.reason } },
        { provide: CLOCK, useValue: clock },
      ],
      exports: [APP_CONFIG, LOGGER, DATABASE_INFO, CLOCK, ClsService, RequestContext],
    };
  }
}
