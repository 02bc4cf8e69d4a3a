import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { Public } from '../auth/decorators';
import { DATABASE_INFO, dataLossWarning, type DatabaseInfo } from '../core.module';

/** Liveness and readiness in one: the service is up and its database answers a ping. */
@Controller('health')
export class HealthController {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @Inject(DATABASE_INFO) private readonly database: DatabaseInfo,
  ) {}

  @Public()
  @Get()
  async health() {
    const started = process.hrtime.bigint();
    try {
      await this.connection.db!.admin().command({ ping: 1 });
    } catch {
      throw new ServiceUnavailableException({ status: 'unavailable', database: { backend: this.database.backend, ok: false } });
    }
    return {
      status: 'ok',
      database: {
        backend: this.database.backend,
        reason: this.database.reason,
        ok: true,
        pingMs: Number(process.hrtime.bigint() - started) / 1e6,
        inMemory: this.database.backend !== 'uri',
      },
      ...(dataLossWarning(this.database) ? { warning: dataLossWarning(this.database) } : {}),
    };
  }
}
