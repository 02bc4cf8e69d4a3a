import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Principal } from '../../src/auth/principal';
import { BadInput, Conflict, Forbidden } from '../../src/common/errors';
import { APP_CONFIG, type AppConfig } from '../../src/config/config';
import { AuditAction } from '../audit';
import { AuditService } from '../audit';
import { AccessService } from './access.service';
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
    const expiresAt = new Date(Date.now() + this.config.auth.inviteTtlSeconds * 1000);
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
    return { code, expiresAt, role: input.role, email };
  }

  /**
   * Claims the invite atomically, then creates the account. If anything after
   * the claim fails, the claim and any partial account are undone, so a retry works.
   */
  async accept(input: AcceptInviteInput): Promise<User> {
    const email = normalizeEmail(input.email);
    assertPasswordAllowed(input.password, email);
    const codeHash = hashSecret(input.code.trim());
    const now = new Date();
    const invite = await this.invites.findOneAndUpdate(
      { codeHash, acceptedAt: { $exists: false }, expiresAt: { $gt: now }, email },
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
    const invite = await this.invites.findOne({ codeHash }, { acceptedAt: 1, expiresAt: 1, email: 1 }).lean();
    if (!invite || invite.email !== email) return INVITE_NOT_VALID;
    if (invite.acceptedAt) return 'That invite has already been used. Sign in instead, or ask for a new invite.';
    if (invite.expiresAt <= now) return 'That invite has expired. Ask for a new one.';
    return 'That invite cannot be accepted. Ask for a new one.';
  }
}
