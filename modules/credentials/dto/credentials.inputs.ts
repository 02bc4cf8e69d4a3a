import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDate, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { PageArgs } from '../../../src/common/pagination';
import { IsObjectId } from '../../../src/common/validation';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

@InputType()
export class CompletionRecordFilter {
  @Field({ nullable: true }) @IsOptional() @Matches(SLUG, { message: 'courseSlug must be a course slug' }) @MaxLength(100) courseSlug?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsObjectId({ message: 'learnerId must be a user id' }) learnerId?: string;
  @Field({ nullable: true, description: 'Issued at or after this time.' }) @IsOptional() @Type(() => Date) @IsDate() from?: Date;
  @Field({ nullable: true, description: 'Issued before this time.' }) @IsOptional() @Type(() => Date) @IsDate() to?: Date;
  @Field({ defaultValue: false, description: 'Include revoked records.' })
  @IsOptional()
  // Query strings arrive as text: "true" and "false" are what the CSV link carries.
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeRevoked?: boolean;
}

@ArgsType()
export class CompletionRecordsArgs extends PageArgs {
  @Field(() => CompletionRecordFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => CompletionRecordFilter) filter?: CompletionRecordFilter;
}

@ArgsType()
export class LearnerCompletionRecordsArgs extends PageArgs {
  @Field(() => ID) @IsObjectId({ message: 'learnerId must be a user id' }) learnerId: string;
}

@ArgsType()
export class VerifyCompletionArgs {
  @Field({ description: 'A verification code (staff records) or a share code, as printed: case, spaces and hyphens do not matter.' })
  @IsString()
  @MaxLength(100)
  code: string;
}

@ArgsType()
export class RevokeCompletionRecordArgs {
  @Field(() => ID) @IsObjectId({ message: 'id must be a completion record id' }) id: string;
  @Field({ description: 'Why the record is revoked; kept in the audit trail and shown to the learner.' })
  @IsString()
  @MinLength(3, { message: 'reason must say why the record is revoked' })
  @MaxLength(500)
  reason: string;
}

@InputType()
export class CreateCompletionShareInput {
  @Field(() => ID) @IsObjectId({ message: 'recordId must be a completion record id' }) recordId: string;
  @Field({ description: 'When the share stops working: in the future, at most a year ahead.' }) @Type(() => Date) @IsDate() expiresAt: Date;
}
