import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayNotEmpty, ArrayUnique, IsBoolean, IsEmail, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Role } from '../../../src/auth/principal';
import { ConsentScope } from '../schemas/consent.schema';
import { IsObjectId } from '../../../src/common/validation';

@InputType()
export class CreateInviteInput {
  @Field(() => Role) @IsEnum(Role) role: Role;
  @Field() @IsEmail({}, { message: 'email must be a valid email address' }) @MaxLength(254) email: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(120) displayName?: string;
  @Field(() => ID, { nullable: true, description: 'Required for a FAMILY invite: the patient the family member is linked to.' })
  @IsOptional()
  @IsObjectId({ message: 'patientId must be a patient id' })
  patientId?: string;
  @Field({ nullable: true, description: 'FAMILY invites: how the family member relates to the patient (e.g. "mother").' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  relationship?: string;
}

@InputType()
export class UpdateUserInput {
  @Field(() => ID) @IsObjectId({ message: 'id must be a user id' }) id: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MinLength(1, { message: 'displayName must not be empty' }) @MaxLength(120) displayName?: string;
  @Field({ nullable: true, description: 'A new address: it takes effect once the link mailed to it is opened (confirmEmailChange).' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email?: string;
  @Field(() => Role, { nullable: true, description: 'Admins only, among ADMIN, CLINICIAN and STAFF. The person is signed out everywhere.' })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;
}

@InputType()
export class AcceptInviteInput {
  @Field() @IsString() @MinLength(10) @MaxLength(200) code: string;
  @Field() @IsEmail({}, { message: 'email must be a valid email address' }) @MaxLength(254) email: string;
  @Field() @IsString() @MaxLength(1024) password: string;
  @Field() @IsString() @MinLength(1, { message: 'displayName must not be empty' }) @MaxLength(120) displayName: string;
}

@InputType()
export class GrantFamilyConsentInput {
  @Field(() => ID, { description: 'The linked family member who may receive the information.' })
  @IsObjectId({ message: 'familyMemberId must be a user id' })
  familyMemberId: string;

  @Field(() => ID, { nullable: true, description: 'Clinicians and admins recording a paper consent: the patient who signed it. Patients leave it out.' })
  @IsOptional()
  @IsObjectId({ message: 'patientId must be a patient id' })
  patientId?: string;

  @Field(() => [ConsentScope]) @ArrayNotEmpty() @ArrayUnique() @IsEnum(ConsentScope, { each: true }) scopes: ConsentScope[];

  @Field({ description: 'Why the information is shared, in the patient\'s words (e.g. "to support my recovery at home").' })
  @IsString()
  @MinLength(3, { message: 'purpose must say why the information is shared' })
  @MaxLength(500)
  purpose: string;

  @Field({ nullable: true, description: 'When the consent ends. Give this, or expiryEvent, or both.' }) @IsOptional() expiresAt?: Date;
  @Field({ nullable: true, description: 'An event that ends the consent (e.g. "when I leave the program").' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  expiryEvent?: string;

  @Field({ description: 'The patient has been told they may revoke this consent at any time, and that revoking does not undo past disclosures.' })
  @IsBoolean()
  rightToRevokeAcknowledged: boolean;

  @Field({ nullable: true, description: 'Paper consents: when the patient signed.' }) @IsOptional() signedAt?: Date;
  @Field({ nullable: true, description: 'Paper consents: where the signed form is kept.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  paperReference?: string;
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

@InputType()
export class ReminderPolicyInput {
  @Field(() => Int, { nullable: true, description: 'Hours before the due date for the due-soon reminder (1 to 336).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(336)
  dueSoonHours?: number;
  @Field({ nullable: true, description: 'HH:MM, 24-hour, organization time zone.' })
  @IsOptional()
  @Matches(HH_MM, { message: 'quietHoursStart must be a time such as 21:00' })
  quietHoursStart?: string;
  @Field({ nullable: true, description: 'HH:MM, 24-hour, organization time zone.' })
  @IsOptional()
  @Matches(HH_MM, { message: 'quietHoursEnd must be a time such as 08:00' })
  quietHoursEnd?: string;
}
