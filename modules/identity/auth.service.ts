import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectModel } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import { Types, type Model } from 'mongoose';
import type { AccessTokenClaims } from '../../src/auth/principal';
import { Unauthenticated } from '../../src/common/errors';
import { APP_CONFIG, type AppConfig } from '../../src/config/config';
import { DATABASE_INFO, dataLossWarning, type DatabaseInfo } from '../../src/core.module';
import { toUserModel, type AuthPayload } from './models/user.model';
import { hashPassword, verifyPassword } from './passwords';
import { RefreshToken } from './schemas/refresh-token.schema';
import type { User } from './schemas/user.schema';
import type { UserSummary } from './views';
import { hashSecret, newSecret } from './secrets';
import { SessionsService } from './sessions.service';
import { SignInThrottleService } from './sign-in-throttle.service';
import { normalizeEmail, UsersService } from './users.service';

const SIGN_IN_FAILED = 'That email and password do not match an account. Check both and try again.';
const DEACTIVATED = 'This account has been deactivated, so it cannot sign in. If you think that is a mistake, contact your program.';

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so both paths take the same time. */
  private readonly decoyHash: Promise<string>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_INFO) private readonly database: DatabaseInfo,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
    @InjectModel(RefreshToken.name) private readonly refreshTokens: Model<RefreshToken>,
    private readonly signInThrottle: SignInThrottleService,
    private readonly sessions: SessionsService,
  ) {
    this.decoyHash = hashPassword(newSecret(16));
  }

  /**
   * Email and password → the user, or a refusal that says nothing about whether
   * the address has an account. The attempt is claimed from the sign-in throttle
   * (per address and client) before the password is checked.
   */
  async verifyCredentials(email: string, password: string, client: string): Promise<User> {
    const attempt = await this.signInThrottle.claim(normalizeEmail(email), client);
    const user = await this.users.findForLogin(email);
    const ok = await verifyPassword(user?.passwordHash ?? (await this.decoyHash), password);
    if (!user || !ok) {
      await attempt.failed();
      throw new Unauthenticated(SIGN_IN_FAILED);
    }
    await attempt.succeeded();
    // Said only to someone who knows the password, so it confirms nothing to a guesser.
    if (user.deactivatedAt) throw new Unauthenticated(DEACTIVATED);
    return user;
  }

  /** A new sign-in: a fresh refresh-token chain. */
  startSession(user: Pick<UserSummary, '_id' | 'orgId' | 'role' | 'displayName' | 'email' | 'careTeam'>): Promise<AuthPayload> {
    return this.issue(user, randomUUID());
  }

  /**
   * Rotation: each refresh token works once. Presenting one that was already
   * used (or revoked) means it leaked, so the whole chain is revoked.
   */
  async refresh(refreshToken: string): Promise<AuthPayload> {
    const tokenHash = hashSecret(refreshToken);
    const now = new Date();
    const claimed = await this.refreshTokens.findOneAndUpdate(
      { tokenHash, rotatedAt: { $exists: false }, revokedAt: { $exists: false }, expiresAt: { $gt: now } },
      { $set: { rotatedAt: now } },
      { returnDocument: 'after' },
    );
    if (!claimed) {
      const known = await this.refreshTokens.findOne({ tokenHash }, { chainId: 1, rotatedAt: 1, revokedAt: 1 }).lean();
      if (known && (known.rotatedAt || known.revokedAt)) {
        await this.sessions.revoke(known.chainId, 'reuse detected');
        throw new Unauthenticated('This session was signed out because its refresh token was used twice. Sign in again.');
      }
      throw new Unauthenticated('This session has expired. Sign in again.');
    }
    const user = await this.users.findById(claimed.userId);
    if (!user || user.deactivatedAt) {
      await this.sessions.revoke(claimed.chainId, 'user gone');
      throw new Unauthenticated('This account is no longer active.');
    }
    return this.issue(user, claimed.chainId);
  }

  /** Ends the session the refresh token belongs to. Unknown tokens are ignored: logging out twice is fine. */
  async logout(refreshToken: string): Promise<void> {
    const known = await this.refreshTokens.findOne({ tokenHash: hashSecret(refreshToken) }, { chainId: 1 }).lean();
    if (known) await this.sessions.revoke(known.chainId, 'logout');
  }

  /** Ends every session of the account the refresh token belongs to ("sign out everywhere"). */
  async logoutEverywhere(refreshToken: string): Promise<void> {
    const known = await this.refreshTokens.findOne({ tokenHash: hashSecret(refreshToken) }, { userId: 1 }).lean();
    if (known) await this.sessions.revokeAll(known.userId, 'logout everywhere');
  }

  private async issue(user: Pick<UserSummary, '_id' | 'orgId' | 'role' | 'displayName' | 'email' | 'careTeam'>, chainId: string): Promise<AuthPayload> {
    const now = Date.now();
    const { accessTtlSeconds, refreshTtlSeconds } = this.config.auth;
    const claims: AccessTokenClaims = { sub: user._id.toHexString(), org: user.orgId.toHexString(), role: user.role, sid: chainId };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: accessTtlSeconds,
      issuer: 'waypoint',
      audience: 'waypoint-api',
      algorithm: 'HS256',
    });
    const refreshToken = newSecret();
    const refreshTokenExpiresAt = new Date(now + refreshTtlSeconds * 1000);
    await this.refreshTokens.create({
      tokenHash: hashSecret(refreshToken),
      chainId,
      userId: user._id,
      orgId: new Types.ObjectId(user.orgId),
      issuedAt: new Date(now),
      expiresAt: refreshTokenExpiresAt,
    });
    return {
      accessToken,
      accessTokenExpiresAt: new Date(now + accessTtlSeconds * 1000),
      refreshToken,
      refreshTokenExpiresAt,
      user: toUserModel(user, true),
      storageWarning: dataLossWarning(this.database),
    };
  }
}
