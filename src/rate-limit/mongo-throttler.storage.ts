import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Collection, Connection } from 'mongoose';
import { isDuplicateKeyError } from '../common/errors';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Counter {
  _id: string;
  hits: number;
  expiresAt: Date;
}

/**
 * @nestjs/throttler's storage in MongoDB, so every instance of the service counts
 * against the same limits. Fixed windows: one counter document per key and
 * window, incremented atomically with one upsert and removed by a TTL index once
 * the window has passed. A caller over the limit waits for the window to end.
 */
export class MongoThrottlerStorage implements ThrottlerStorage {
  static readonly COLLECTION = 'rateLimits';
  private indexed?: Promise<unknown>;

  constructor(private readonly connection: Connection) {}

  private get counters(): Collection<Counter> {
    return this.connection.collection<Counter>(MongoThrottlerStorage.COLLECTION);
  }

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    this.indexed ??= this.counters.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 }).catch(() => (this.indexed = undefined));
    const now = Date.now();
    const windowStart = Math.floor(now / ttl) * ttl;
    const expiresAt = new Date(windowStart + ttl);
    const id = `${key}:${windowStart}`;
    const hits = await this.count(id, expiresAt);
    const timeToExpire = Math.max(1, Math.ceil((expiresAt.getTime() - now) / 1000));
    const isBlocked = hits > limit;
    return { totalHits: hits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0 };
  }

  private async count(id: string, expiresAt: Date): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      try {
        const counter = await this.counters.findOneAndUpdate({ _id: id }, { $inc: { hits: 1 }, $setOnInsert: { expiresAt } }, { upsert: true, returnDocument: 'after' });
        return counter?.hits ?? 1;
      } catch (error) {
        // Two first hits of a window can race to insert; the loser increments the winner's counter.
        if (!isDuplicateKeyError(error) || attempt > 2) throw error;
      }
    }
  }
}
