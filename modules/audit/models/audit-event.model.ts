import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { PageArgs, PageInfo } from '../../../src/common/pagination';
import { IsObjectId } from '../../../src/common/validation';

@ObjectType('AuditEvent')
export class AuditEventModel {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true }) actorId?: string;
  @Field({ nullable: true }) actorRole?: string;
  @Field() action: string;
  @Field() subjectType: string;
  @Field({ nullable: true }) subjectId?: string;
  @Field(() => ID, { nullable: true }) patientId?: string;
  @Field() at: Date;
  @Field({ nullable: true }) requestId?: string;
  @Field({ nullable: true, description: 'The reason the actor gave, for acts that need one (emergency access, revocations).' }) reason?: string;
}

@ObjectType('AuditEventConnection')
export class AuditEventConnection {
  @Field(() => [AuditEventModel]) nodes: AuditEventModel[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@InputType()
export class AuditEventFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsObjectId() actorId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsObjectId() patientId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(60) action?: string;
  // @Type: the CSV route reads these from a query string.
  @Field({ nullable: true }) @IsOptional() @Type(() => Date) @IsDate() from?: Date;
  @Field({ nullable: true }) @IsOptional() @Type(() => Date) @IsDate() to?: Date;
}

@ArgsType()
export class AuditEventsArgs extends PageArgs {
  @Field(() => AuditEventFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => AuditEventFilter) filter?: AuditEventFilter;
}
