import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsMongoId, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageArgs, PageInfo } from '../../../src/common/pagination';

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
  @Field(() => ID, { nullable: true }) @IsOptional() @IsMongoId() actorId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsMongoId() patientId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(60) action?: string;
  @Field({ nullable: true }) @IsOptional() from?: Date;
  @Field({ nullable: true }) @IsOptional() to?: Date;
}

@ArgsType()
export class AuditEventsArgs extends PageArgs {
  @Field(() => AuditEventFilter, { nullable: true }) @IsOptional() filter?: AuditEventFilter;
}
