import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKeyError, RateLimited } from '../../src/common/errors';
import { APP_CONFIG, type AppConfig } from '../../src/config/config';
import { describeWait } from '../../src/rate-limit/rate-limit';
import { LoginThrottle } from './schemas/login-throttle.schema';
import { hashSecret } from './secrets';

const HOUR = 3600_000;
const REMEMBER_FAILURES_MS = 24 * HOUR;
const CLAIM_RETRIES = 8;

/** A claimed sign-in attempt: say how it went. */
export interface SignInAttempt {
  succeeded(): Promise<void>;
  /** Starts the delay again from now: checking a password can take a while, and the wait is meant to follow the failure. */
  failed(): Promise<void>;
}

/**
 * Failed sign-ins, throttled per account *and* client (OWASP ASVS 2.2.1). Each
 * pair of address and client gets LOGIN_MAX_FAILURES attempts, then a delay
 * after every further failure that doubles from LOGIN_BASE_DELAY up to
 * LOGIN_LOCKOUT. Someone guessing from one network therefore slows only
 * themselves: the owner signing in from elsewhere is a different pair. Across
 * all clients an account takes LOGIN_ACCOUNT_MAX_FAILURES failures an hour, the
 * backstop against guessing from many networks at once.
 *
 * An attempt is claimed before the password is checked, with a compare-and-set
 * on the failure count, so parallel guesses cannot slip past the limit. During a
 * delay nothing is counted and no password is checked, so a correct password
 * never extends it. Keys are hashes of the address as typed, whether or not it
 * has an account, so the answers never tell which addresses exist.
 */
@Injectable()
export class SignInThrottleService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectModel(LoginThrottle.name) private readonly throttles: Model<LoginThrottle>,
  ) {}

  async claim(email: string, client: string): Promise<SignInAttempt> {
    const now = new Date();
    const pairKey = hashSecret(`login:${email}\u0000${client}`);
    const delaySeconds = await this.claimPair(pairKey, now);
    const accountKey = hashSecret(`login-account:${email}\u0000${Math.floor(now.getTime() / HOUR)}`);
    const account = await this.throttles
      .findOneAndUpdate(
        { keyHash: accountKey },
        { $inc: { failures: 1 }, $setOnInsert: { nextAllowedAt: new Date(0), expiresAt: new Date((Math.floor(now.getTime() / HOUR) + 1) * HOUR) } },
        { upsert: true, returnDocument: 'after' },
      )
      .lean();
    if (account!.failures > this.config.auth.loginAccountMaxFailures) {
      throw this.refusal(Math.ceil((account!.expiresAt.getTime() - now.getTime()) / 1000));
    }
    return {
      succeeded: async () => {
        await this.throttles.deleteOne({ keyHash: pairKey });
        await this.throttles.updateOne({ keyHash: accountKey }, { $inc: { failures: -1 } });
      },
      failed: async () => {
        if (delaySeconds > 0) await this.throttles.updateOne({ keyHash: pairKey }, { $max: { nextAllowedAt: new Date(Date.now() + delaySeconds * 1000) } });
      },
    };
  }

  /** Counts one attempt for this address and client, or refuses while a delay runs. */
  private async claimPair(keyHash: string, now: Date): Promise<number> {
    const { loginMaxFailures, loginBaseDelaySeconds, lockoutSeconds } = this.config.auth;
    for (let attempt = 0; attempt < CLAIM_RETRIES; attempt++) {
      const current = await this.throttles.findOne({ keyHash }, { failures: 1, nextAllowedAt: 1 }).lean();
      if (current && current.nextAllowedAt > now) throw this.refusal(Math.ceil((current.nextAllowedAt.getTime() - now.getTime()) / 1000));
      const failures = (current?.failures ?? 0) + 1;
      // From the LOGIN_MAX_FAILURES-th attempt on, each one starts a delay, doubling each time;
      // success deletes the record, so only failures are ever left to wait out.
      const delaySeconds = failures >= loginMaxFailures ? Math.min(lockoutSeconds, loginBaseDelaySeconds * 2 ** Math.min(30, failures - loginMaxFailures)) : 0;
      const set = { failures, nextAllowedAt: new Date(now.getTime() + delaySeconds * 1000), expiresAt: new Date(now.getTime() + REMEMBER_FAILURES_MS) };
      try {
        if (!current) {
          await this.throttles.create({ keyHash, ...set });
          return delaySeconds;
        }
        const claimed = await this.throttles.updateOne({ keyHash, failures: current.failures, nextAllowedAt: current.nextAllowedAt }, { $set: set });
        if (claimed.modifiedCount === 1) return delaySeconds;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      // Another attempt for the same pair got there first: look again.
    }
    throw this.refusal(1);
  }

  private refusal(seconds: number): RateLimited {
    const wait = Math.max(1, seconds);
    return new RateLimited(`Too many failed sign-in attempts. Wait ${describeWait(wait)} and try again.`, wait);
  }
}
