import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { CLOCK, systemClock, type Clock } from './common/clock';
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

/** Process-wide values every module may inject: configuration, the logger, which database is in use, the clock. */
@Global()
@Module({})
export class CoreModule {
  static register(config: AppConfig, logger: Logger, database: DatabaseInfo, clock: Clock = systemClock): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        { provide: DATABASE_INFO, useValue: { backend: database.backend, reason: database.reason } },
        { provide: CLOCK, useValue: clock },
      ],
      exports: [APP_CONFIG, LOGGER, DATABASE_INFO, CLOCK],
    };
  }
}
