import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsBoolean, IsEnum, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsObjectId } from '../../../src/common/validation';
import { ReminderPolicyInput } from '../dto/identity.inputs';
import { ReminderPolicyModel, toOrganizationModel } from './user.model';
import { PageInfo } from '../../../src/common/pagination';
import { ClientAccess } from '../policy/access-policy';
import type { EmergencyAccessGrant } from '../schemas/emergency-access-grant.schema';
import { DEFAULT_TRAINING_GATE, type Organization } from '../schemas/organization.schema';

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

@ObjectType('TrainingGateSettings')
export class TrainingGateSettingsModel {
  @Field({ description: 'On: clinicians (and admins, unless exempt) need current gating training to read client records. On by default.' }) enabled: boolean;
  @Field(() => [ID], { description: 'The training requirements that gate. Empty: the confidentiality course, valid 12 months.' }) requirementIds: string[];
  @Field({ description: 'Admins read client records without the gating training.' }) exemptAdmins: boolean;
}

@InputType()
export class TrainingGateSettingsInput {
  @Field({ nullable: true }) @IsOptional() @IsBoolean() enabled?: boolean;
  @Field(() => [ID], { nullable: true, description: 'Requirement ids (trainingRequirements); an empty list means the confidentiality course.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsObjectId({ each: true, message: 'requirementIds must be training requirement ids' })
  requirementIds?: string[];
  @Field({ nullable: true }) @IsOptional() @IsBoolean() exemptAdmins?: boolean;
}

@InputType()
export class ProgramInfoInput {
  @Field({ nullable: true, description: 'When groups and sessions meet. An empty string goes back to the default text.' }) @IsOptional() @IsString() @MaxLength(2000) hours?: string;
  @Field({ nullable: true, description: 'What to bring to the first day.' }) @IsOptional() @IsString() @MaxLength(2000) whatToBring?: string;
  @Field({ nullable: true, description: 'When family sessions meet and how to join.' }) @IsOptional() @IsString() @MaxLength(2000) familySessionTimes?: string;
  @Field({ nullable: true, description: 'House rules; line breaks are kept.' }) @IsOptional() @IsString() @MaxLength(4000) houseRules?: string;
}

@ObjectType('ProgramInfo', {
  description: 'What the "About our program" lesson shows ({{program.*}}); a field left unset shows the default text. The after-hours line is crisisLine.',
})
export class ProgramInfoModel {
  @Field({ nullable: true }) hours?: string;
  @Field({ nullable: true }) whatToBring?: string;
  @Field({ nullable: true }) familySessionTimes?: string;
  @Field({ nullable: true }) houseRules?: string;
}

@ObjectType('OrganizationSettings')
export class OrganizationSettingsModel {
  @Field(() => ID) organizationId: string;
  @Field(() => ClientAccess) clientAccess: ClientAccess;
  @Field({ description: 'IANA time zone: quiet hours, due dates and digests follow it.' }) timeZone: string;
  @Field({ nullable: true, description: "The program's own crisis or after-hours line, shown with every lesson's crisis resources." }) crisisLine?: string;
  @Field({ description: 'The sender name on mail to patients and family members. Says nothing about care.' }) discreetSenderName: string;
  @Field(() => ReminderPolicyModel) reminderPolicy: ReminderPolicyModel;
  @Field(() => TrainingGateSettingsModel, { description: 'Training required to read client records.' }) trainingGate: TrainingGateSettingsModel;
  @Field(() => ProgramInfoModel, { description: 'The program\'s own text for the "About our program" lesson, as set (unset fields show defaults).' }) programInfo: ProgramInfoModel;
}

export function toOrganizationSettingsModel(org: Organization): OrganizationSettingsModel {
  const shown = toOrganizationModel(org);
  return {
    organizationId: org._id.toHexString(),
    clientAccess: org.clientAccess ?? ClientAccess.CARE_TEAM,
    timeZone: shown.timeZone,
    crisisLine: shown.crisisLine,
    discreetSenderName: shown.discreetSenderName,
    reminderPolicy: shown.reminderPolicy,
    trainingGate: toTrainingGateModel(org),
    programInfo: { ...org.programInfo },
  };
}

function toTrainingGateModel(org: Organization): TrainingGateSettingsModel {
  const gate = { ...DEFAULT_TRAINING_GATE, ...org.trainingGate };
  return { enabled: gate.enabled, requirementIds: gate.requirementIds.map((id) => id.toHexString()), exemptAdmins: gate.exemptAdmins };
}

@InputType()
export class OrganizationSettingsInput {
  @Field(() => ClientAccess, { nullable: true, description: 'Who among the clinicians sees a client.' })
  @IsOptional()
  @IsEnum(ClientAccess)
  clientAccess?: ClientAccess;
  @Field({ nullable: true, description: "The program's own crisis or after-hours line, shown with every lesson's crisis resources. An empty string removes it." })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  crisisLine?: string;
  @Field({ nullable: true, description: 'IANA time zone, e.g. America/Chicago.' }) @IsOptional() @IsString() @MaxLength(64) timeZone?: string;
  @Field({ nullable: true, description: 'The sender name on mail to patients and family members; must not reveal care (checked against the forbidden-word list).' })
  @IsOptional()
  @IsString()
  @MinLength(2, { message: 'discreetSenderName must be at least 2 characters' })
  @MaxLength(60)
  discreetSenderName?: string;
  @Field(() => ReminderPolicyInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ReminderPolicyInput) reminderPolicy?: ReminderPolicyInput;
  @Field(() => TrainingGateSettingsInput, { nullable: true, description: 'Fields left out stay as they are.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TrainingGateSettingsInput)
  trainingGate?: TrainingGateSettingsInput;
  @Field(() => ProgramInfoInput, { nullable: true, description: 'The "About our program" lesson\'s text; fields left out stay as they are.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProgramInfoInput)
  programInfo?: ProgramInfoInput;
}
