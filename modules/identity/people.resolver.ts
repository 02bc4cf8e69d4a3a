import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles } from '../../src/auth/decorators';
import { Role, type Principal } from '../../src/auth/principal';
import { BadInput } from '../../src/common/errors';
import { PageArgs } from '../../src/common/pagination';
import { cursorObjectId, decodeCursor, encodeCursor } from '../../src/common/pagination';
import type { GraphQLContext } from '../../src/graphql/context';
import { AuditService } from '../audit/audit.service';
import { AccessService } from './access.service';
import { ConsentsService } from './consents.service';
import { CreateInviteInput, GrantFamilyConsentInput } from './dto/identity.inputs';
import { InvitesService } from './invites.service';
import { ConsentList, ConsentModel, InviteCreated, PatientOverview, toConsentModel, UserConnection } from './models/identity.models';
import { toUserModel } from './models/user.model';
import { RecordPart, isClientRole } from './policy/patient-access';
import { UsersService } from './users.service';

@Resolver()
export class PeopleResolver {
  constructor(
    private readonly invites: InvitesService,
    private readonly consents: ConsentsService,
    private readonly access: AccessService,
    private readonly usersService: UsersService,
    private readonly audit: AuditService,
  ) {}

  @Roles(Role.ADMIN, Role.CLINICIAN)
  @Mutation(() => InviteCreated, { description: 'Admins invite admins, clinicians and staff; clinicians invite patients and family members.' })
  createInvite(@CurrentUser() user: Principal, @Args('input') input: CreateInviteInput): Promise<InviteCreated> {
    return this.invites.create(user, input);
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
    @Context() ctx: GraphQLContext,
    @Args('patientId', { type: () => ID, nullable: true }) patientId?: string,
  ): Promise<ConsentList> {
    const { consents, redisclosureNotice } = await this.consents.list(user, patientId, String(ctx.req.id));
    return { nodes: consents.map((c) => toConsentModel(c)), redisclosureNotice };
  }

  @Roles(Role.ADMIN, Role.CLINICIAN)
  @Query(() => UserConnection, { description: 'People in your organization. Clinicians see patients and family members.' })
  async users(
    @CurrentUser() viewer: Principal,
    @Context() ctx: GraphQLContext,
    @Args() page: PageArgs,
    @Args('role', { type: () => Role, nullable: true }) role?: Role,
  ): Promise<UserConnection> {
    const visible = viewer.role === Role.ADMIN ? Object.values(Role) : [Role.PATIENT, Role.FAMILY];
    if (role && !visible.includes(role)) throw new BadInput(`You can list ${visible.join(', ')} only.`, { field: 'role' });
    const after = page.after ? cursorObjectId(decodeCursor(page.after, 1)[0]).toHexString() : undefined;
    const rows = await this.usersService.listInOrg(viewer.orgId, role ? [role] : visible, { first: page.first + 1, after });
    const nodes = rows.slice(0, page.first);
    const clients = nodes.filter((u) => isClientRole(u.role));
    // A directory of people in treatment is itself a patient record: one event per client listed (one insert).
    await this.audit.recordMany(
      clients.map((c) => ({ actor: viewer, action: 'CLIENT_DIRECTORY_READ', subjectType: 'PROFILE', subjectId: c._id.toHexString(), patientId: c._id.toHexString(), requestId: String(ctx.req.id) })),
    );
    return {
      nodes: nodes.map((u) => toUserModel(u, true)),
      pageInfo: { hasNextPage: rows.length > page.first, endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1]._id.toHexString()) : undefined },
    };
  }

  @Roles(Role.ADMIN, Role.CLINICIAN, Role.PATIENT, Role.FAMILY)
  @Query(() => PatientOverview, { description: 'A patient and their linked family members, as far as you may see them.' })
  async patient(
    @CurrentUser() viewer: Principal,
    @Context() ctx: GraphQLContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PatientOverview> {
    const granted = await this.access.require(viewer, id, RecordPart.PROFILE, 'PATIENT_PROFILE_READ', String(ctx.req.id));
    const showFamily = granted.decision.relation === 'SELF' || granted.decision.relation === 'CARE_TEAM';
    const familyIds = showFamily ? await this.consents.familyMemberIds(granted.subject._id) : [];
    const family = familyIds.length ? await this.usersService.findManyInOrg(viewer.orgId, familyIds.map((f) => f.toHexString())) : [];
    if (granted.decision.relation === 'CARE_TEAM') {
      // Family members are clients too: listing them is a read of their records.
      await this.audit.recordMany(
        family.map((f) => ({ actor: viewer, action: 'CLIENT_PROFILE_READ', subjectType: 'PROFILE', subjectId: f._id.toHexString(), patientId: f._id.toHexString(), requestId: String(ctx.req.id) })),
      );
    }
    return {
      patient: toUserModel(granted.subject, showFamily),
      familyMembers: family.map((f) => toUserModel(f, true)),
      redisclosureNotice: granted.redisclosureNotice,
    };
  }
}
