import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../../../src/common/pagination';

export enum DisclosureRecipient {
  FAMILY_MEMBER = 'FAMILY_MEMBER',
  SHARE_CODE_HOLDER = 'SHARE_CODE_HOLDER',
}
registerEnumType(DisclosureRecipient, {
  name: 'DisclosureRecipient',
  description: 'FAMILY_MEMBER: a linked family member under your consent. SHARE_CODE_HOLDER: someone you gave a certificate share code to.',
});

export enum DisclosedRecords {
  PROGRESS = 'PROGRESS',
  COMPLETIONS = 'COMPLETIONS',
  PROFILE = 'PROFILE',
  CONSENTS = 'CONSENTS',
  QUIZ_RESULTS = 'QUIZ_RESULTS',
}
registerEnumType(DisclosedRecords, { name: 'DisclosedRecords' });

@ObjectType('Disclosure', { description: 'One time someone outside your care team saw your records.' })
export class DisclosureModel {
  @Field(() => ID) id: string;
  @Field() at: Date;
  @Field(() => DisclosureRecipient) recipient: DisclosureRecipient;
  @Field({ nullable: true, description: 'The family member, by name; absent for a share-code holder (who is not known to the program).' }) recipientName?: string;
  @Field(() => DisclosedRecords) records: DisclosedRecords;
}

@ObjectType('DisclosureConnection')
export class DisclosureConnection {
  @Field(() => [DisclosureModel]) nodes: DisclosureModel[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

const RECORDS_BY_ACTION: Record<string, DisclosedRecords> = {
  PROGRESS_READ: DisclosedRecords.PROGRESS,
  COMPLETION_RECORDS_READ: DisclosedRecords.COMPLETIONS,
  CERTIFICATE_READ: DisclosedRecords.COMPLETIONS,
  COMPLETION_BADGE_READ: DisclosedRecords.COMPLETIONS,
  COMPLETION_VERIFIED_WITH_SHARE: DisclosedRecords.COMPLETIONS,
  PATIENT_PROFILE_READ: DisclosedRecords.PROFILE,
  CLIENT_PROFILE_READ: DisclosedRecords.PROFILE,
  CONSENTS_READ: DisclosedRecords.CONSENTS,
  QUIZ_ATTEMPTS_READ: DisclosedRecords.QUIZ_RESULTS,
  QUIZ_ATTEMPT_READ: DisclosedRecords.QUIZ_RESULTS,
};

export function disclosedRecords(action: string): DisclosedRecords {
  return RECORDS_BY_ACTION[action] ?? DisclosedRecords.PROFILE;
}
