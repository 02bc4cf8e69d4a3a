import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Principal } from '../../src/auth/principal';
import { BadInput, Conflict, Forbidden, NotFound } from '../../src/common/errors';
import { CLOCK, type Clock } from '../../src/common/clock';
import { formatDate } from '../../src/common/dates';
import { APP_CONFIG, type AppConfig } from '../../src/config/config';
import { AuditAction } from '../audit';
import { AuditService } from '../audit';
import { AccessService } from './access.service';
import { MessagingService } from '../messaging';
import { MessageKind } from '../messaging';
import type { AcceptInviteInput, CreateInviteInput } from './dto/identity.inputs';
import type { InviteCreated } from './models/identity.models';
import { assertPasswordAllowed } from './passwords';
import { INVITE_PERMISSION, invitableRoles, Permission, roleMay } from './policy/access-policy';
import { hasHireDate, invitesLinkToPatient, startsOnInvitersCareTeam } from './policy/roles';
import { FamilyLink } from './schemas/family-link.schema';
import { Invite } from './schemas/invite.schema';
import type { User } from './schemas/user.schema';
import { hashSecret, newSecret } from './secrets';
import { normalizeEmail, UsersService } from './users.service';

const INVITE_NOT_VALID = 'That invite code and email address do not match an open invite. Check both (use the address the invite was sent to), or ask for a new invite.';

@Injectable()
export class InvitesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectModel(Invite.name) private readonly invites: Model<Invite>,
    @InjectModel(FamilyLink.name) private readonly links: Model<FamilyLink>,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly messaging: MessagingService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(inviter: Principal, input: CreateInviteInput): Promise<InviteCreated> {
    // Who may invite whom is the access policy's (admins: staff and clinicians; clinicians: clients).
    if (!roleMay(inviter, INVITE_PERMISSION[input.role])) {
      const allowed = invitableRoles(inviter);
      throw new Forbidden(allowed.length ? `As ${inviter.role.toLowerCase()} you can invite ${allowed.join(', ')} only.` : 'Your role cannot invite people.');
    }
    const email = normalizeEmail(input.email);
    let patientId: Types.ObjectId | undefined;
    if (invitesLinkToPatient(input.role)) {
      if (!input.patientId) throw new BadInput('A family invite must name the patient (patientId) the family member is linked to.', { field: 'patientId' });
      const { subject: patient } = await this.access.requireOne(inviter, Permission.INVITE_FAMILY_MEMBER, input.patientId);
      patientId = patient._id;
    } else if (input.patientId) {
      throw new BadInput('patientId belongs on FAMILY invites only.', { field: 'patientId' });
    }
    // Only this organization's accounts are mentioned: whether an address has an account
    // elsewhere (perhaps as a patient) is not the inviter's to learn. A collision with
    // another organization surfaces to the code holder at acceptInvite.
    const existing = await this.users.findByEmail(email);
    if (existing?.orgId.equals(inviter.orgId)) throw new Conflict('Someone in your organization already has an account with that email address.');

    const code = newSecret(18);
    const expiresAt = new Date(this.clock.now().getTime() + this.config.auth.inviteTtlSeconds * 1000);
    const invite = await this.invites.create({
      orgId: new Types.ObjectId(inviter.orgId),
      codeHash: hashSecret(code),
      role: input.role,
      email,
      displayName: input.displayName?.trim(),
      patientId,
      relationship: input.relationship,
      invitedBy: new Types.ObjectId(inviter.userId),
      expiresAt,
    });
    await this.audit.record({
      actor: inviter,
      action: AuditAction.INVITE_CREATED,
      subjectType: 'INVITE',
      subjectId: invite._id.toHexString(),
      patientId: patientId?.toHexString(),
      detail: { role: input.role },
    });
    await this.mailInvite(invite, code);
    return { id: invite._id.toHexString(), code, expiresAt, role: input.role, email, emailSent: true };
  }

  /**
   * Sends the invitation again with a new code (only the code's hash is stored, so the
   * old one cannot be re-sent), which voids the old code and restarts the expiry.
   */
  async resend(inviter: Principal, inviteId: string): Promise<InviteCreated> {
    const invite = await this.manageable(inviter, inviteId);
    const code = newSecret(18);
    const expiresAt = new Date(this.clock.now().getTime() + this.config.auth.inviteTtlSeconds * 1000);
    const updated = await this.invites.findOneAndUpdate(
      { _id: invite._id, acceptedAt: { $exists: false }, revokedAt: { $exists: false } },
      { $set: { codeHash: hashSecret(code), expiresAt }, $inc: { sendCount: 1 } },
      { returnDocument: 'after' },
    );
    if (!updated) throw new Conflict('That invite was accepted or revoked meanwhile.');
    await this.audit.record({ actor: inviter, action: AuditAction.INVITE_RESENT, subjectType: 'INVITE', subjectId: inviteId, patientId: invite.patientId?.toHexString() });
    await this.mailInvite(updated, code);
    return { id: inviteId, code, expiresAt, role: updated.role, email: updated.email, emailSent: true };
  }

  /** The code stops working at once; the record stays. */
  async revoke(inviter: Principal, inviteId: string): Promise<boolean> {
    const invite = await this.manageable(inviter, inviteId);
    const now = this.clock.now();
    const updated = await this.invites.updateOne({ _id: invite._id, acceptedAt: { $exists: false }, revokedAt: { $exists: false } }, { $set: { revokedAt: now } });
    if (updated.modifiedCount === 0) throw new Conflict('That invite was accepted or revoked meanwhile.');
    await this.audit.record({ actor: inviter, action: AuditAction.INVITE_REVOKED, subjectType: 'INVITE', subjectId: inviteId, patientId: invite.patientId?.toHexString() });
    return true;
  }

  /** An open invite in the inviter's organization, of a role they may invite (admins may manage any). */
  private async manageable(inviter: Principal, inviteId: string): Promise<Invite> {
    const invite = Types.ObjectId.isValid(inviteId) ? await this.invites.findById(inviteId).lean() : null;
    if (!invite || !invite.orgId.equals(inviter.orgId)) throw new NotFound('That invite');
    if (!roleMay(inviter, INVITE_PERMISSION[invite.role])) throw new NotFound('That invite');
    if (invite.acceptedAt) throw new Conflict('That invite has already been accepted.');
    if (invite.revokedAt) throw new Conflict('That invite was revoked. Create a new one.');
    return invite;
  }

  private async mailInvite(invite: Invite, code: string): Promise<void> {
    const org = await this.users.organization(invite.orgId);
    await this.messaging.send({
      kind: MessageKind.INVITE,
      recipient: { orgId: invite.orgId, role: invite.role, email: invite.email, displayName: invite.displayName },
      key: `invite:${invite._id.toHexString()}:${invite.sendCount ?? 0}`,
      path: `/invite/${code}`,
      params: { expiresOn: formatDate(invite.expiresAt, org.timeZone) },
      org,
    });
  }

  /**
   * Claims the invite atomically, then creates the account. If anything after
   * the claim fails, the claim and any partial account are undone, so a retry works.
   */
  async accept(input: AcceptInviteInput): Promise<User> {
    const email = normalizeEmail(input.email);
    assertPasswordAllowed(input.password, email);
    const codeHash = hashSecret(input.code.trim());
    const now = this.clock.now();
    const invite = await this.invites.findOneAndUpdate(
      { codeHash, acceptedAt: { $exists: false }, revokedAt: { $exists: false }, expiresAt: { $gt: now }, email },
      { $set: { acceptedAt: now } },
      { returnDocument: 'after' },
    );
    if (!invite) throw new BadInput(await this.whyNotAccepted(codeHash, email, now), { field: 'code' });

    let user: User | undefined;
    try {
      user = await this.users.create({
        orgId: invite.orgId,
        email,
        role: invite.role,
        displayName: input.displayName,
        password: input.password,
        careTeam: startsOnInvitersCareTeam(invite.role) ? [invite.invitedBy] : undefined,
        hiredAt: hasHireDate(invite.role) ? now : undefined,
      });
      if (invitesLinkToPatient(invite.role) && invite.patientId) {
        await this.links.create({ orgId: invite.orgId, patientId: invite.patientId, familyMemberId: user._id, relationship: invite.relationship });
      }
      await this.invites.updateOne({ _id: invite._id }, { $set: { acceptedUserId: user._id } });
      return user;
    } catch (error) {
      if (user) await this.users.deleteById(user._id);
      await this.invites.updateOne({ _id: invite._id }, { $unset: { acceptedAt: 1 } });
      throw error;
    }
  }

  /**
   * Says why only to someone who holds both the code and the address it was sent to.
   * A wrong address and a wrong code answer alike, so neither can be confirmed by guessing the other.
   */
  private async whyNotAccepted(codeHash: string, email: string, now: Date): Promise<string> {
    const invite = await this.invites.findOne({ codeHash }, { acceptedAt: 1, expiresAt: 1, email: 1, revokedAt: 1 }).lean();
    if (!invite || invite.email !== email || invite.revokedAt) return INVITE_NOT_VALID;
    if (invite.acceptedAt) return 'That invite has already been used. Sign in instead, or ask for a new invite.';
    if (invite.expiresAt <= now) return 'That invite has expired. Ask for a new one.';
    return 'That invite cannot be accepted. Ask for a new one.';
  }
}
