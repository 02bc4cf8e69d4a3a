import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '../../../src/auth/principal';
import { PageInfo } from '../../../src/common/pagination';
import { ConsentMethod, ConsentScope, type Consent } from '../schemas/consent.schema';
import { UserModel } from './user.model';

// The API names of stored enums are given here, beside the API types, not in the schema.
registerEnumType(ConsentScope, { name: 'ConsentScope', description: 'What a consent lets the program disclose. Reflection text is never disclosable.' });
registerEnumType(ConsentMethod, { name: 'ConsentMethod' });

@ObjectType('InviteCreated')
export class InviteCreated {
  @Field(() => ID, { description: 'For resendInvite and revokeInvite.' }) id: string;
  @Field({ description: 'The invitation was written to the outbox and goes out by mail to the address.' }) emailSent: boolean;
  @Field({ description: 'Shown once. Give it to the person; it works once and expires.' }) code: string;
  @Field() expiresAt: Date;
  @Field(() => Role) role: Role;
  @Field() email: string;
}

@ObjectType('FamilyConsent')
export class ConsentModel {
  @Field(() => ID) id: string;
  @Field(() => ID) patientId: string;
  @Field() patientName: string;
  @Field({ description: 'Who may disclose: the program.' }) discloserName: string;
  @Field(() => ID) recipientId: string;
  @Field() recipientName: string;
  @Field(() => [ConsentScope]) scopes: ConsentScope[];
  @Field() purpose: string;
  @Field({ nullable: true }) expiresAt?: Date;
  @Field({ nullable: true }) expiryEvent?: string;
  @Field(() => ConsentMethod) method: ConsentMethod;
  @Field() signedByName: string;
  @Field() signedAt: Date;
  @Field(() => ID) recordedBy: string;
  @Field({ nullable: true }) paperReference?: string;
  @Field({ description: 'The patient may revoke this consent at any time; revoking does not undo disclosures already made.' })
  rightToRevoke: string;
  @Field({ nullable: true }) revokedAt?: Date;
  @Field({ description: 'True while the consent is neither revoked nor expired.' }) active: boolean;
  @Field() createdAt: Date;
}

export const RIGHT_TO_REVOKE =
  'You may revoke this consent at any time, in the app or by telling your program. Revoking stops future sharing; it does not undo what was already shared.';

export function toConsentModel(c: Consent, now = new Date()): ConsentModel {
  return {
    id: c._id.toHexString(),
    patientId: c.patientId.toHexString(),
    patientName: c.patientName,
    discloserName: c.discloserName,
    recipientId: c.recipientId.toHexString(),
    recipientName: c.recipientName,
    scopes: c.scopes,
    purpose: c.purpose,
    expiresAt: c.expiresAt,
    expiryEvent: c.expiryEvent,
    method: c.method,
    signedByName: c.signedByName,
    signedAt: c.signedAt,
    recordedBy: c.recordedBy.toHexString(),
    paperReference: c.paperReference,
    rightToRevoke: RIGHT_TO_REVOKE,
    revokedAt: c.revokedAt,
    active: !c.revokedAt && (!c.expiresAt || c.expiresAt > now),
    createdAt: c.createdAt,
  };
}

@ObjectType('FamilyConsentList')
export class ConsentList {
  @Field(() => [ConsentModel]) nodes: ConsentModel[];
  @Field({ nullable: true, description: '42 CFR §2.32 notice, present when the reader is a family member.' }) redisclosureNotice?: string;
}

@ObjectType('UserConnection')
export class UserConnection {
  @Field(() => [UserModel]) nodes: UserModel[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@ObjectType('PatientOverview')
export class PatientOverview {
  @Field(() => UserModel) patient: UserModel;
  @Field(() => [UserModel], { description: 'Linked family members (care team and the patient only).' }) familyMembers: UserModel[];
  @Field({ nullable: true, description: '42 CFR §2.32 notice, present when the reader is a family member.' }) redisclosureNotice?: string;
}
