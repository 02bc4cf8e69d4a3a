import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '../../../src/auth/principal';
import { Int } from '@nestjs/graphql';
import { DEFAULT_DISCREET_SENDER } from '../../../src/common/discreet-wording';
import { ClientAccess } from '../policy/access-policy';
import { DEFAULT_REMINDER_POLICY, type Organization } from '../schemas/organization.schema';
import type { UserSummary } from '../views';

@ObjectType('ReminderPolicy')
export class ReminderPolicyModel {
  @Field(() => Int, { description: 'Hours before the due date that a due-soon reminder goes out.' }) dueSoonHours: number;
  @Field({ description: 'Start of quiet hours (HH:MM, organization time zone): no reminders until quietHoursEnd.' }) quietHoursStart: string;
  @Field() quietHoursEnd: string;
}

@ObjectType('Organization')
export class OrganizationModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() slug: string;
  @Field({ description: 'IANA time zone (e.g. America/Chicago): quiet hours, due dates and digests follow it.' }) timeZone: string;
  @Field({ nullable: true, description: "The program's own crisis or after-hours line." }) crisisLine?: string;
  @Field({ description: 'The sender name on mail to patients and family members. Says nothing about care.' }) discreetSenderName: string;
  @Field(() => ReminderPolicyModel) reminderPolicy: ReminderPolicyModel;
  @Field(() => ClientAccess, { description: 'Who among the clinicians sees a client: the care team only, or every clinician.' }) clientAccess: ClientAccess;
}

export function toOrganizationModel(org: Organization): OrganizationModel {
  return {
    id: org._id.toHexString(),
    name: org.name,
    slug: org.slug,
    timeZone: org.timeZone,
    crisisLine: org.crisisLine,
    discreetSenderName: org.discreetSenderName ?? DEFAULT_DISCREET_SENDER,
    reminderPolicy: { ...DEFAULT_REMINDER_POLICY, ...org.reminderPolicy },
    clientAccess: org.clientAccess ?? ClientAccess.CARE_TEAM,
  };
}

@ObjectType('User')
export class UserModel {
  @Field(() => ID) id: string;
  @Field(() => Role) role: Role;
  @Field() displayName: string;
  @Field({ nullable: true, description: 'Shown to the person and to the care team only.' }) email?: string;
  @Field(() => ID) organizationId: string;
  @Field(() => ID, { nullable: true, description: 'Patients and family members: the first clinician on their care team.' })
  clinicianId?: string;
  @Field(() => [ID], { nullable: true, description: 'Patients and family members: the clinicians on their care team. Shown to the care team and admins.' })
  careTeam?: string[];
  @Field({ nullable: true, description: 'Set while the account is deactivated: the person cannot sign in; their records are kept.' }) deactivatedAt?: Date;
  @Field({ nullable: true, description: 'Clients: when their care ended (dischargeClient). They keep access to their own records and certificates.' }) dischargedAt?: Date;
  @Field({ nullable: true, description: 'A new email address waiting to be confirmed from the link mailed to it. Shown where the email is.' }) pendingEmail?: string;
}

/** The API shape of a user; the password hash cannot leak because it is never copied. */
export function toUserModel(user: Pick<UserSummary, '_id' | 'role' | 'displayName' | 'email' | 'orgId' | 'careTeam'> & Partial<Pick<UserSummary, 'deactivatedAt' | 'pendingEmail' | 'dischargedAt'>>, showEmail: boolean): UserModel {
  return {
    id: user._id.toHexString(),
    role: user.role,
    displayName: user.displayName,
    email: showEmail ? user.email : undefined,
    organizationId: user.orgId.toHexString(),
    clinicianId: user.careTeam?.[0]?.toHexString(),
    careTeam: user.careTeam?.map((id) => id.toHexString()),
    deactivatedAt: user.deactivatedAt,
    dischargedAt: user.dischargedAt,
    pendingEmail: showEmail ? user.pendingEmail : undefined,
  };
}

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <accessToken>`.' }) accessToken: string;
  @Field() accessTokenExpiresAt: Date;
  @Field({ description: 'Single use: exchange it with refreshSession for a new pair.' }) refreshToken: string;
  @Field() refreshTokenExpiresAt: Date;
  @Field(() => UserModel) user: UserModel;
  @Field(() => String, {
    nullable: true,
    description: 'Set when this service keeps data in memory only (a demo or development start): show it, because everything is lost when the service stops.',
  })
  storageWarning?: string;
}
