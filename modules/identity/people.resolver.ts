import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles } from '../../src/auth/decorators';
import { Role, type Principal } from '../../src/auth/principal';
import { PageArgs } from '../../src/common/pagination';
import { AuditAction } from '../audit';
import { AccessService } from './access.service';
import { ConsentsService } from './consents.service';
import { CreateInviteInput, GrantFamilyConsentInput } from './dto/identity.inputs';
import { InvitesService } from './invites.service';
import { UsersService, type UserSummary } from './users.service';
import { ConsentList, ConsentModel, InviteCreated, PatientOverview, toConsentModel, UserConnection } from './models/identity.models';
import { toUserModel } from './models/user.model';
import { Permission } from './policy/access-policy';
import { CareTeamService } from './care-team.service';

@Resolver()
export class PeopleResolver {
  constructor(
    private readonly invites: InvitesService,
    private readonly consents: ConsentsService,
    private readonly access: AccessService,
    private readonly careTeams: CareTeamService,
    private readonly usersService: UsersService,
  ) {}

  @Roles(Role.ADMIN, Role.CLINICIAN)
  @Mutation(() => InviteCreated, { description: 'Admins invite admins, clinicians and staff; clinicians invite patients and family members.' })
  createInvite(@CurrentUser() user: Principal, @Args('input') input: CreateInviteInput): Promise<InviteCreated> {
    return this.invites.create(user, input);
  }

  @Roles(Role.ADMIN, Role.CLINICIAN)
  @Mutation(() => InviteCreated, { description: 'Sends the invitation again with a new code; the old code stops working and the expiry restarts.' })
  resendInvite(@CurrentUser() user: Principal, @Args('id', { type: () => ID }) id: string): Promise<InviteCreated> {
    return this.invites.resend(user, id);
  }

  @Roles(Role.ADMIN, Role.CLINICIAN)
  @Mutation(() => Boolean, { description: 'Withdraws an invitation that has not been accepted; its code stops working at once.' })
  revokeInvite(@CurrentUser() user: Principal, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.invites.revoke(user, id);
  }

  @Roles(Role.PATIENT, Role.CLINICIAN, Role.ADMIN)
  @Mutation(() => ConsentModel, {
    description: 'A patient lets a linked family member see parts of their records; a clinician or admin records a consent the patient signed on paper.',
  })
  async grantFamilyConsent(@CurrentUser() user: Principal, @Args('input') input: GrantFamilyConsentInput): Promise<ConsentModel> {
    return toConsentModel(await this.consents.grant(user, input));
  }

  @Roles(Role.PATIENT, Role.CLINICIAN, Role.ADMIN)
  @Mutation(() => ConsentModel, { description: 'Ends a consent now. Sharing stops at once; the record is kept.' })
  async revokeFamilyConsent(@CurrentUser() user: Principal, @Args('id', { type: () => ID }) id: string): Promise<ConsentModel> {
    return toConsentModel(await this.consents.revoke(user, id));
  }

  @Roles(Role.PATIENT, Role.FAMILY, Role.CLINICIAN, Role.ADMIN)
  @Query(() => ConsentList, { description: 'Patients: their consents. Family: consents naming them. Care team: a patient\'s consents (patientId).' })
  async familyConsents(
    @CurrentUser() user: Principal,
    @Args('patientId', { type: () => ID, nullable: true }) patientId?: string,
  ): Promise<ConsentList> {
    const { consents, redisclosureNotice } = await this.consents.list(user, patientId);
    return { nodes: consents.map((c) => toConsentModel(c)), redisclosureNotice };
  }

  @Roles(Role.ADMIN, Role.CLINICIAN)
  @Query(() => UserConnection, { description: 'People in your organization. Clinicians see the patients and family members on their care team.' })
  async users(
    @CurrentUser() viewer: Principal,
    @Args() page: PageArgs,
    @Args('role', { type: () => Role, nullable: true }) role?: Role,
    @Args('search', { type: () => String, nullable: true, description: 'Part of a name or email address, any case.' }) search?: string,
    @Args('deactivated', { type: () => Boolean, nullable: true, description: 'Only deactivated accounts (to reactivate them); active ones when left out.' }) deactivated?: boolean,
  ): Promise<UserConnection> {
    const { nodes, hasNextPage, endCursor } = await this.careTeams.directory(viewer, role, { ...page, search, deactivated });
    return { nodes: nodes.map((u) => toUserModel(u, true)), pageInfo: { hasNextPage, endCursor } };
  }

  @Roles(Role.ADMIN, Role.CLINICIAN, Role.PATIENT, Role.FAMILY)
  @Query(() => PatientOverview, { description: 'A patient and their linked family members, as far as you may see them.' })
  async patient(
    @CurrentUser() viewer: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PatientOverview> {
    const granted = await this.access.requireOne(viewer, Permission.READ_PROFILE, id);
    const showFamily = granted.decision.relation !== 'FAMILY';
    const familyIds = showFamily ? await this.consents.familyMemberIds(granted.subject._id) : [];
    // Family members are clients too: listing them is a read of their records (audited by the policy).
    // The patient sees who they are linked to (to grant or revoke consent): names they already know, so not a read of anyone's records.
    const ownLinks = granted.subject._id.toHexString() === viewer.userId;
    const family = !familyIds.length
      ? []
      : ownLinks
        ? (await Promise.all(familyIds.map((f) => this.usersService.findById(f)))).filter((u): u is UserSummary => u !== null)
        : (await this.access.require(viewer, Permission.READ_PROFILE, familyIds.map((f) => f.toHexString()), { action: AuditAction.CLIENT_PROFILE_READ, onlyAllowed: true })).map((g) => g.subject);
    return {
      patient: toUserModel(granted.subject, showFamily),
      familyMembers: family.map((f) => toUserModel(f, true)),
      redisclosureNotice: granted.redisclosureNotice,
    };
  }
}
