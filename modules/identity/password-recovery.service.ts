import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { Logger } from 'pino';
import type { Principal } from '../../src/auth/principal';
import { CLOCK, type Clock } from '../../src/common/clock';
import { BadInput, NotFound } from '../../src/common/errors';
import { LOGGER } from '../../src/logging/logger';
import { AuditAction, AuditService } from '../audit';
import { MessageKind, MessagingService } from '../messaging';
import { assertPasswordAllowed, hashPassword, verifyPassword } from './passwords';
import { PasswordReset } from './schemas/password-reset.schema';
import { hashSecret, newSecret } from './secrets';
import { SessionsService } from './sessions.service';
import { SignInThrottleService } from './sign-in-throttle.service';
import { normalizeEmail, UsersService, type UserSummary } from './users.service';

/** How long a reset link works. */
export const RESET_TTL_MS = 30 * 60_000;
const LINK_NOT_VALID = 'This link has expired or was already used. Ask for a new one on the sign-in page ("Forgot your password?").';

/**
 * Password recovery and change. A reset link is 32 random bytes; only its hash is
 * stored, it works once, for 30 minutes, and each new request voids the last.
 * Asking for one answers the same, after the same work, whether or not the address
 * has an account (docs/decisions.md, "Password recovery").
 */
@Injectable()
export class PasswordRecoveryService {
  constructor(
    @InjectModel(PasswordReset.name) private readonly resets: Model<PasswordReset>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly signInThrottle: SignInThrottleService,
    private readonly messaging: MessagingService,
    private readonly audit: AuditService,
  ) {}

  async request(email: string): Promise<void> {
    const address = normalizeEmail(email);
    const user = await this.users.findByEmail(address);
    const account = user && !user.deactivatedAt ? user : undefined;
    const token = newSecret(32);
    const now = this.clock.now();
    // Written either way, so a known and an unknown address cost the same; a row without
    // userId can never be used.
    const set = { tokenHash: hashSecret(token), requestedAt: now, expiresAt: new Date(now.getTime() + RESET_TTL_MS) };
    await this.resets.updateOne({ _id: hashSecret(address) }, account ? { $set: { ...set, userId: account._id } } : { $set: set, $unset: { userId: 1 } }, { upsert: true });
    // The mail goes into the outbox after the answer, so its cost does not tell the asker the address is known.
    if (account) {
      void this.mail(MessageKind.PASSWORD_RESET, account, `password-reset:${hashSecret(token)}`, `/reset-password/${token}`).catch((error: unknown) =>
        this.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'could not queue a password-reset mail'),
      );
    }
  }

  /** Sets the password from a reset link and ends every session of the account. */
  async reset(token: string, newPassword: string): Promise<void> {
    const tokenHash = hashSecret(token.trim());
    const now = this.clock.now();
    const open = await this.resets.findOne({ tokenHash, expiresAt: { $gt: now }, userId: { $exists: true } }).lean();
    const user = open?.userId ? await this.users.findById(open.userId) : null;
    if (!open || !user || user.deactivatedAt) throw new BadInput(LINK_NOT_VALID, { field: 'token' });
    // Checked before the link is used up, so a refused password leaves the link working.
    assertPasswordAllowed(newPassword, user.email);
    const claimed = await this.resets.findOneAndDelete({ _id: open._id, tokenHash, expiresAt: { $gt: now } });
    if (!claimed) throw new BadInput(LINK_NOT_VALID, { field: 'token' });
    await this.users.setPasswordHash(user._id, await hashPassword(newPassword));
    await this.sessions.revokeAll(user._id, 'password reset');
    const actor = { userId: user._id.toHexString(), orgId: user.orgId.toHexString(), role: user.role };
    await this.audit.record({ actor, action: AuditAction.PASSWORD_RESET, subjectType: 'USER', subjectId: actor.userId });
    await this.mail(MessageKind.PASSWORD_CHANGED, user, `password-changed:${claimed._id}:${now.getTime()}`, '/');
  }

  /** Changes the signed-in person's password; their other sessions end, this one stays. */
  async change(viewer: Principal, currentPassword: string, newPassword: string, client: string): Promise<void> {
    const user = await this.users.findById(viewer.userId);
    if (!user) throw new NotFound('Your account');
    const attempt = await this.signInThrottle.claim(user.email, client);
    const hash = await this.users.passwordHashOf(user._id);
    if (!hash || !(await verifyPassword(hash, currentPassword))) {
      await attempt.failed();
      throw new BadInput('Your current password is not right. Check it and try again.', { field: 'currentPassword' });
    }
    await attempt.succeeded();
    assertPasswordAllowed(newPassword, user.email);
    if (newPassword === currentPassword) throw new BadInput('Choose a new password different from your current one.', { field: 'newPassword' });
    await this.users.setPasswordHash(user._id, await hashPassword(newPassword));
    await this.sessions.revokeAll(user._id, 'password changed', { except: viewer.sessionId });
    await this.audit.record({ actor: viewer, action: AuditAction.PASSWORD_CHANGED, subjectType: 'USER', subjectId: viewer.userId });
    await this.mail(MessageKind.PASSWORD_CHANGED, user, `password-changed:${user._id.toHexString()}:${this.clock.now().getTime()}`, '/');
  }

  private async mail(kind: MessageKind, user: UserSummary, key: string, path: string): Promise<void> {
    const org = await this.users.organization(user.orgId);
    await this.messaging.send({ kind, recipient: { id: user._id, orgId: user.orgId, role: user.role, email: user.email, displayName: user.displayName }, key, path, org });
  }
}
