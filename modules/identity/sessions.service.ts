import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../../src/config/config';
import { LOGGER } from '../../src/logging/logger';
import { RefreshToken } from './schemas/refresh-token.schema';
import { RevokedSession } from './schemas/revoked-session.schema';

/** How often each instance reads new revocations: the bound on how long an ended session keeps working. */
export const REFRESH_EVERY_MS = 400;
/** Revocations are re-read for this long, so clocks that differ between instances cannot hide one. */
const OVERLAP_MS = 60_000;
/** A cache older than this is not trusted: each request then asks the database. */
const STALE_AFTER_MS = 2_000;

/**
 * Ends sessions at once on every instance. An access token names its session
 * (`sid`, the refresh-token chain). Ending a session revokes its refresh tokens
 * and records the chain in `revokedSessions` until its last access token has
 * expired; every instance keeps those ids in memory, refreshed every
 * REFRESH_EVERY_MS, so checking a request costs a set lookup and no database
 * command (bench/RESULTS.md). If the refresh stalls, requests are checked against
 * the database instead of trusting an old list.
 *
 * Other modules end sessions through `revoke` (one session) and `revokeAll`
 * (everything a person is signed in to: deactivation, password change or reset).
 */
@Injectable()
export class SessionsService implements OnModuleInit, OnModuleDestroy {
  private readonly revoked = new Map<string, number>();
  private lastRefreshOk = 0;
  private refreshing?: Promise<void>;
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @InjectModel(RevokedSession.name) private readonly sessions: Model<RevokedSession>,
    @InjectModel(RefreshToken.name) private readonly refreshTokens: Model<RefreshToken>,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.refresh(0);
    this.timer = setInterval(() => void this.refresh(Date.now() - OVERLAP_MS), REFRESH_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Whether an access token's session is still open. No database command while the cache is fresh. */
  async isActive(sessionId: string): Promise<boolean> {
    const now = Date.now();
    if (now - this.lastRefreshOk <= STALE_AFTER_MS) return !this.isListed(sessionId, now);
    const found = await this.sessions.exists({ _id: sessionId, expiresAt: { $gt: new Date(now) } });
    return !found;
  }

  /** Ends one session: its refresh tokens stop at once, its access tokens within REFRESH_EVERY_MS everywhere. */
  async revoke(sessionId: string, reason: string): Promise<void> {
    await this.revokeChains([sessionId], reason);
  }

  /** Ends every session the person has open, or every one but `except` (a password change keeps the changer's). */
  async revokeAll(userId: string | Types.ObjectId, reason: string, options: { except?: string } = {}): Promise<void> {
    const chains = (await this.refreshTokens.distinct('chainId', { userId: new Types.ObjectId(userId), expiresAt: { $gt: new Date() } })) as string[];
    await this.revokeChains(
      chains.filter((id) => id !== options.except),
      reason,
    );
  }

  private async revokeChains(chainIds: string[], reason: string): Promise<void> {
    if (!chainIds.length) return;
    const now = new Date();
    // Access tokens live at most this long (plus a minute for clock differences); after that the entry is moot.
    const expiresAt = new Date(now.getTime() + (this.config.auth.accessTtlSeconds + 60) * 1000);
    await this.sessions.bulkWrite(
      chainIds.map((id) => ({ updateOne: { filter: { _id: id }, update: { $set: { revokedAt: now, expiresAt } }, upsert: true } })),
      { ordered: false },
    );
    await this.refreshTokens.updateMany({ chainId: { $in: chainIds }, revokedAt: { $exists: false } }, { $set: { revokedAt: now, revokedReason: reason } });
    for (const id of chainIds) this.revoked.set(id, expiresAt.getTime());
  }

  private isListed(sessionId: string, now: number): boolean {
    const until = this.revoked.get(sessionId);
    return until !== undefined && until > now;
  }

  private refresh(sinceMs: number): Promise<void> {
    this.refreshing ??= (async () => {
      const started = Date.now();
      try {
        const rows = await this.sessions.find({ revokedAt: { $gte: new Date(sinceMs) } }, { _id: 1, expiresAt: 1 }).lean();
        for (const row of rows) this.revoked.set(row._id, row.expiresAt.getTime());
        for (const [id, until] of this.revoked) if (until <= started) this.revoked.delete(id);
        this.lastRefreshOk = started;
      } catch (error) {
        this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not refresh the list of ended sessions; checking each request against the database');
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }
}
