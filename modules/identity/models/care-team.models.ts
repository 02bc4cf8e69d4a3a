import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { PageInfo } from '../../../src/common/pagination';
import { ClientAccess } from '../policy/access-policy';
import type { EmergencyAccessGrant } from '../schemas/emergency-access-grant.schema';
import type { Organization } from '../schemas/organization.schema';

registerEnumType(ClientAccess, {
  name: 'ClientAccess',
  description: "CARE_TEAM: a clinician sees the clients on their care team (minimum necessary). ALL_CLINICIANS: every clinician sees every client.",
});

@ObjectType('EmergencyAccessGrant')
export class EmergencyAccessGrantModel {
  @Field(() => ID) id: string;
  @Field(() => ID) clinicianId: string;
  @Field(() => ID) clientId: string;
  @Field({ description: 'Why the clinician said they needed access.' }) reason: string;
  @Field() openedAt: Date;
  @Field() expiresAt: Date;
  @Field({ description: 'True while the window is open.' }) active: boolean;
}

export function toEmergencyAccessGrantModel(grant: EmergencyAccessGrant, now = new Date()): EmergencyAccessGrantModel {
  return {
    id: grant._id.toHexString(),
    clinicianId: grant.clinicianId.toHexString(),
    clientId: grant.clientId.toHexString(),
    reason: grant.reason,
    openedAt: grant.openedAt,
    expiresAt: grant.expiresAt,
    active: grant.expiresAt.getTime() > now.getTime(),
  };
}

@ObjectType('EmergencyAccessGrantConnection')
export class EmergencyAccessGrantConnection {
  @Field(() => [EmergencyAccessGrantModel]) nodes: EmergencyAccessGrantModel[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@ObjectType('OrganizationSettings')
export class OrganizationSettingsModel {
  @Field(() => ID) organizationId: string;
  @Field(() => ClientAccess) clientAccess: ClientAccess;
}

export function toOrganizationSettingsModel(org: Organization): OrganizationSettingsModel {
  return { organizationId: org._id.toHexString(), clientAccess: org.clientAccess ?? ClientAccess.CARE_TEAM };
}

@InputType()
export class OrganizationSettingsInput {
  @Field(() => ClientAccess, { nullable: true, description: 'Who among the clinicians sees a client.' })
  @IsOptional()
  @IsEnum(ClientAccess)
  clientAccess?: ClientAccess;
}
