import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles } from '../../src/auth/decorators';
import { Role, type Principal } from '../../src/auth/principal';
import { PageArgs } from '../../src/common/pagination';
import { CareTeamService } from './care-team.service';
import {
  EmergencyAccessGrantConnection,
  EmergencyAccessGrantModel,
  OrganizationSettingsInput,
  OrganizationSettingsModel,
  toEmergencyAccessGrantModel,
  toOrganizationSettingsModel,
} from './models/care-team.models';
import { toUserModel, UserModel } from './models/user.model';

@Resolver()
export class CareTeamResolver {
  constructor(private readonly careTeams: CareTeamService) {}

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel, { description: 'Adds a clinician to a client’s care team.' })
  async addToCareTeam(@CurrentUser() admin: Principal, @Args('clientId', { type: () => ID }) clientId: string, @Args('clinicianId', { type: () => ID }) clinicianId: string): Promise<UserModel> {
    return toUserModel(await this.careTeams.addToCareTeam(admin, clientId, clinicianId), true);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel, { description: 'Takes a clinician off a client’s care team.' })
  async removeFromCareTeam(@CurrentUser() admin: Principal, @Args('clientId', { type: () => ID }) clientId: string, @Args('clinicianId', { type: () => ID }) clinicianId: string): Promise<UserModel> {
    return toUserModel(await this.careTeams.removeFromCareTeam(admin, clientId, clinicianId), true);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel, { description: 'Moves a client to another clinician: the care team becomes that clinician alone.' })
  async transferClient(@CurrentUser() admin: Principal, @Args('clientId', { type: () => ID }) clientId: string, @Args('toClinicianId', { type: () => ID }) toClinicianId: string): Promise<UserModel> {
    return toUserModel(await this.careTeams.transferClient(admin, clientId, toClinicianId), true);
  }

  @Roles(Role.CLINICIAN)
  @Mutation(() => EmergencyAccessGrantModel, {
    description: 'Break the glass: see a client outside your care team for a short window (EMERGENCY_ACCESS_TTL, 60 minutes by default). The reason is audited and the care team is told.',
  })
  async openEmergencyAccess(
    @CurrentUser() clinician: Principal,
    @Args('clientId', { type: () => ID }) clientId: string,
    @Args('reason') reason: string,
  ): Promise<EmergencyAccessGrantModel> {
    return toEmergencyAccessGrantModel(await this.careTeams.openEmergencyAccess(clinician, clientId, reason));
  }

  @Roles(Role.ADMIN)
  @Query(() => EmergencyAccessGrantConnection, { description: 'Every emergency-access opening in your organization, newest first.' })
  async emergencyAccessGrants(@CurrentUser() admin: Principal, @Args() page: PageArgs): Promise<EmergencyAccessGrantConnection> {
    const result = await this.careTeams.emergencyAccessGrants(admin, page.first, page.after);
    const now = new Date();
    return { nodes: result.nodes.map((g) => toEmergencyAccessGrantModel(g, now)), pageInfo: { hasNextPage: result.hasNextPage, endCursor: result.endCursor } };
  }

  @Roles(Role.ADMIN)
  @Mutation(() => OrganizationSettingsModel, { description: 'Changes your organization’s settings; fields left out stay as they are.' })
  async updateOrganizationSettings(@CurrentUser() admin: Principal, @Args('input') input: OrganizationSettingsInput): Promise<OrganizationSettingsModel> {
    return toOrganizationSettingsModel(await this.careTeams.updateSettings(admin, input));
  }
}
