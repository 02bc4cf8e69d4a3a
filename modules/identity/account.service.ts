import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../../src/auth/principal';
import { CLOCK, type Clock } from '../../src/common/clock';
import { BadInput, Conflict } from '../../src/common/errors';
import { AuditAction, AuditService } from '../audit';
import { MessageKind, MessagingService } from '../messaging';
import { AccessService } from './access.service';
import type { UpdateUserInput } from './dto/identity.inputs';
import { Permission } from './policy/access-policy';
import { isClientRole, isRoleChange, roleChangeProblem } from './policy/roles';
import { hashSecret, newSecret } from './secrets';
import { SessionsService } from './sessions.service';
import { normalizeEmail, UsersService, type UserSummary } from './users.service';

/** How long the link confirming a new email address works (the mail says 24 hours). */
export const EMAIL_CHANGE_TTL_MS = 24 * 3600_000;
const REASON_MAX = 500;
const LINK_NOT_VALID = 'This link has expired or was already used. Change the address again in your account to get a new one.';

/**
 * An account's lifecycle: deactivation (sessions end at once, sign-in is refused,
 * every record is kept) and reactivation; the display name; an email change,
 * which takes effect only once the new address confirms it; and role changes
 * among staff roles.
 */
@Injectable()
export class AccountService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly users: UsersService,
    private readonly access: AccessService,
    private readonly sessions: SessionsService,
    private readonly messaging: MessagingService,
    private readonly audit: AuditService,
  ) {}

  async deactivate(admin: Principal, id: string, reason: string): Promise<UserSummary> {
    const why = reason.trim();
    if (why.length < 3) throw new BadInput('Say why the account is deactivated; the reason is kept in the audit trail.', { field: 'reason' });
    if (why.length > REASON_MAX) throw new BadInput(`Keep the reason under ${REASON_MAX} characters.`, { field: 'reason' });
    const { subject } = await this.access.requireOne(admin, Permission.MANAGE_ACCOUNT_STATUS, id);
    if (subject.deactivatedAt) throw new Conflict(`${subject.displayName}'s account is already deactivated.`);
    const at = this.clock.now();
    const changed = await this.users.setDeactivated(subject._id, { at, reason: why, by: admin.userId });
    if (!changed) throw new Conflict(`${subject.displayName}'s account is already deactivated.`);
    await this.sessions.revokeAll(subject._id, 'deactivated');
    await this.audit.record({ actor: admin, action: AuditAction.USER_DEACTIVATED, subjectType: 'USER', subjectId: id, patientId: clientId(subject), detail: { reason: why } });
    return { ...subject, deactivatedAt: at };
  }

  async reactivate(admin: Principal, id: string): Promise<UserSummary> {
    const { subject } = await this.access.requireOne(admin, Permission.MANAGE_ACCOUNT_STATUS, id);
    if (!subject.deactivatedAt) throw new Conflict(`${subject.displayName}'s account is active.`);
    await this.users.setDeactivated(subject._id, null);
    await this.audit.record({ actor: admin, action: AuditAction.USER_REACTIVATED, subjectType: 'USER', subjectId: id, patientId: clientId(subject) });
    return { ...subject, deactivatedAt: undefined };
  }

  /**
   * Name and role change at once; a new email address is only proposed: it takes
   * effect when the link mailed to it is opened (confirmEmailChange).
   */
  async update(viewer: Principal, input: UpdateUserInput): Promise<UserSummary> {
    const { subject } = await this.access.requireOne(viewer, Permission.UPDATE_PROFILE, input.id);
    const changed: string[] = [];
    const set: { displayName?: string; role?: UserSummary['role'] } = {};
    if (input.displayName !== undefined) {
      const name = input.displayName.trim();
      if (!name) throw new BadInput('The display name cannot be empty.', { field: 'displayName' });
      if (name !== subject.displayName) set.displayName = name;
    }
    if (input.role && isRoleChange(subject.role, input.role)) {
      await this.access.requireOne(viewer, Permission.CHANGE_ROLE, input.id, { known: [subject] });
      const problem = roleChangeProblem(subject.role, input.role);
      if (problem) throw new BadInput(problem, { field: 'role' });
      set.role = input.role;
    }
    const email = input.email === undefined ? undefined : normalizeEmail(input.email);
    if (email !== undefined && email !== subject.email) await this.proposeEmail(subject, email);
    if (email !== undefined && email !== subject.email) changed.push('email (waiting for confirmation)');
    changed.push(...Object.keys(set));
    const updated = Object.keys(set).length ? await this.users.updateProfile(subject._id, set) : await this.users.findById(subject._id);
    // An access token states the role: tokens issued under the old one must stop now.
    if (set.role) await this.sessions.revokeAll(subject._id, 'role changed');
    if (changed.length) {
      await this.audit.record({
        actor: viewer,
        action: AuditAction.USER_UPDATED,
        subjectType: 'USER',
        subjectId: input.id,
        patientId: clientId(subject),
        detail: { changed, ...(set.role && { fromRole: subject.role, toRole: set.role }) },
      });
    }
    return updated ?? subject;
  }

  /** Whoever holds the new address's mailbox confirms it; until then sign-in and mail use the old one. */
  async confirmEmailChange(token: string): Promise<void> {
    const tokenHash = hashSecret(token.trim());
    const pending = await this.users.findByEmailChangeToken(tokenHash, this.clock.now());
    if (!pending?.pendingEmail) throw new BadInput(LINK_NOT_VALID, { field: 'token' });
    const confirmed = await this.users.applyEmailChange(pending._id, tokenHash, pending.pendingEmail);
    if (!confirmed) throw new BadInput(LINK_NOT_VALID, { field: 'token' });
    const actor = { userId: pending._id.toHexString(), orgId: pending.orgId.toHexString(), role: pending.role };
    await this.audit.record({ actor, action: AuditAction.EMAIL_CHANGED, subjectType: 'USER', subjectId: actor.userId, patientId: clientId(pending) });
    // The old address hears of it, so a takeover does not go unnoticed.
    const org = await this.users.organization(pending.orgId);
    await this.messaging.send({
      kind: MessageKind.EMAIL_CHANGED,
      recipient: { id: pending._id, orgId: pending.orgId, role: pending.role, email: pending.email, displayName: pending.displayName },
      key: `email-changed:${tokenHash}`,
      path: '/',
      org,
    });
  }

  private async proposeEmail(subject: UserSummary, email: string): Promise<void> {
    if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new BadInput('email must be a valid email address', { field: 'email' });
    const token = newSecret(32);
    const tokenHash = hashSecret(token);
    await this.users.proposeEmail(subject._id, email, tokenHash, new Date(this.clock.now().getTime() + EMAIL_CHANGE_TTL_MS));
    const org = await this.users.organization(subject.orgId);
    await this.messaging.send({
      kind: MessageKind.EMAIL_CHANGE_CONFIRM,
      // The new address has no account of its own yet: no id, so nothing lands in the in-app list.
      recipient: { orgId: subject.orgId, role: subject.role, email, displayName: subject.displayName },
      key: `email-change:${tokenHash}`,
      path: `/confirm-email/${token}`,
      org,
    });
  }
}

/** Audit events name a patient only when the person is a client. */
function clientId(user: Pick<UserSummary, '_id' | 'role'>): string | undefined {
  return isClientRole(user.role) ? user._id.toHexString() : undefined;
}
