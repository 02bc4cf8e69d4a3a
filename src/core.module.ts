import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from './config/config';
import type { ResolvedDatabase } from './database/resolve-database';
import { LOGGER } from './logging/logger';

export const DATABASE_INFO = Symbol('DATABASE_INFO');
export type DatabaseInfo = Pick<ResolvedDatabase, 'backend' | 'reason'>;

/** Process-wide values every module may inject: configuration, the logger, which database is in use. */
@Global()
@Module({})
export class CoreModule {
  static register(config: AppConfig, logger: Logger, database: DatabaseInfo): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        { provide: DATABASE_INFO, useValue: { backend: database.backend, reason: database.reason } },
      ],
      exports: [APP_CONFIG, LOGGER, DATABASE_INFO],
    };
  }
}
