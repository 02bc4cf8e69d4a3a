import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageArgs } from '../../../src/common/pagination';
import { IsObjectId } from '../../../src/common/validation';

/** Longest reflection kept, in characters (about two pages). */
export const MAX_REFLECTION_LENGTH = 5000;
export const MAX_REVIEW_COMMENT_LENGTH = 2000;

@InputType()
export class QuizAnswerInput {
  @Field() @IsString() @Length(1, 100) questionId: string;
  @Field(() => [String], { description: 'Chosen option ids; empty leaves the question unanswered.' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  optionIds: string[];
}

@ArgsType()
export class SaveQuizAnswersArgs {
  @Field(() => ID) @IsObjectId({ message: 'attemptId must be a quiz attempt id' }) attemptId: string;
  @Field(() => [QuizAnswerInput], { description: 'Every answer so far: this replaces what was saved before.' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => QuizAnswerInput)
  answers: QuizAnswerInput[];
}

@ArgsType()
export class SubmitQuizAttemptArgs extends SaveQuizAnswersArgs {
  @Field({ description: 'Chosen by the client once per submission (e.g. a UUID); resending it returns the same result.' })
  @Matches(/^[A-Za-z0-9_.:-]{8,128}$/, { message: 'idempotencyKey must be 8 to 128 letters, digits or _ . : -' })
  idempotencyKey: string;
}

@InputType()
export class SubmitReflectionInput {
  @Field(() => ID) @IsObjectId({ message: 'lessonId must be a lesson id' }) lessonId: string;
  @Field() @IsString() @Length(1, 100) promptId: string;
  @Field({ description: `Up to ${MAX_REFLECTION_LENGTH} characters.` })
  @IsString()
  @MaxLength(MAX_REFLECTION_LENGTH, { message: `text can be at most ${MAX_REFLECTION_LENGTH} characters` })
  text: string;
}

@ArgsType()
export class ReviewReflectionArgs {
  @Field(() => ID) @IsObjectId({ message: 'id must be a reflection id' }) id: string;
  @Field()
  @IsString()
  @MaxLength(MAX_REVIEW_COMMENT_LENGTH, { message: `comment can be at most ${MAX_REVIEW_COMMENT_LENGTH} characters` })
  comment: string;
}

@ArgsType()
export class ReflectionsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Care team: whose reflections. Learners leave it out (their own)." })
  @IsOptional()
  @IsObjectId({ message: 'learnerId must be a user id' })
  learnerId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) courseSlug?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) lessonSlug?: string;
}

/** Most extra attempts one grant can give; a learner who needs more is better served by a conversation. */
export const MAX_EXTRA_ATTEMPTS = 5;

@ArgsType()
export class GrantQuizAttemptsArgs {
  @Field(() => ID) @IsObjectId({ message: 'learnerId must be a user id' }) learnerId: string;
  @Field(() => ID) @IsObjectId({ message: 'quizId must be a quiz id' }) quizId: string;
  @Field(() => Int, { description: `How many more attempts, 1-${MAX_EXTRA_ATTEMPTS}.` })
  @IsInt()
  @Min(1, { message: 'extra must be at least 1' })
  @Max(MAX_EXTRA_ATTEMPTS, { message: `extra can be at most ${MAX_EXTRA_ATTEMPTS} per grant` })
  extra: number;
  @Field({ description: 'Why, for the audit trail (kept with the grant; not shown to the learner).' })
  @IsString()
  @Matches(/\S/, { message: 'reason must say why' })
  @MaxLength(500)
  reason: string;
}
