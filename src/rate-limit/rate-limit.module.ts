import { Global, Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Connection } from 'mongoose';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { MongoThrottlerStorage } from './mongo-throttler.storage';
import { RATE_LIMIT_BUCKETS, RateLimitGuard } from './rate-limit';

/** Per-client rate limits kept in MongoDB (docs/decisions.md: limits across instances). */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, getConnectionToken()],
      useFactory: (config: AppConfig, connection: Connection) => ({
        throttlers: RATE_LIMIT_BUCKETS.map((name) => ({ name, limit: config.rateLimits.limits[name], ttl: config.rateLimits.windowSeconds * 1000 })),
        storage: new MongoThrottlerStorage(connection),
        // request.ip is the socket's address, or the client's as named by a proxy listed in TRUST_PROXY.
        getTracker: (req: Record<string, any>) => String(req.ip ?? 'unknown'),
        setHeaders: false,
      }),
    }),
  ],
  providers: [RateLimitGuard],
  exports: [ThrottlerModule, RateLimitGuard],
})
export class RateLimitModule {}
