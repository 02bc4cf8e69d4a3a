import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsDate, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsObjectId } from '../../../src/common/validation';

export enum DueFrom {
  ASSIGNMENT = 'ASSIGNMENT',
  HIRE = 'HIRE',
}
registerEnumType(DueFrom, { name: 'DueFrom', description: 'What a relative due date (dueInDays) counts from.' });

@InputType({ isAbstract: true })
class AssignmentTermsInput {
  @Field() @IsString() @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'courseSlug must be a course slug such as "relapse-prevention-skills"' }) courseSlug: string;
  @Field(() => [String], { nullable: true, description: 'Assign only these lessons of the course (homework); all required lessons when left out.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  lessonSlugs?: string[];
  @Field({ nullable: true, description: 'A fixed due date.' }) @IsOptional() @IsDate() dueAt?: Date;
  @Field(() => Int, { nullable: true, description: 'A relative due date: this many days after dueFrom.' }) @IsOptional() @IsInt() @Min(1) @Max(365) dueInDays?: number;
  @Field(() => DueFrom, { nullable: true, defaultValue: DueFrom.ASSIGNMENT }) @IsOptional() @IsEnum(DueFrom) dueFrom?: DueFrom;
  @Field({ nullable: true, description: 'A note for the learner, shown with the assignment.' }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

@InputType()
export class AssignCourseInput extends AssignmentTermsInput {
  @Field(() => ID) @IsObjectId({ message: 'learnerId must be a user id' }) learnerId: string;
}

@InputType()
export class AssignCohortInput extends AssignmentTermsInput {
  @Field(() => ID) @IsObjectId({ message: 'cohortId must be a cohort id' }) cohortId: string;
}

@InputType()
export class CreateCohortInput {
  @Field() @IsString() @MinLength(1) @MaxLength(120) name: string;
  @Field(() => [ID], { defaultValue: [] }) @ArrayMaxSize(500) @ArrayUnique() @IsObjectId({ each: true }) memberIds: string[];
}
