import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum Audience {
  FAMILY = 'FAMILY',
  PATIENT = 'PATIENT',
  STAFF = 'STAFF',
}
registerEnumType(Audience, { name: 'Audience' });

export enum QuestionKind {
  SINGLE_CHOICE = 'SINGLE_CHOICE',
  MULTIPLE_CHOICE = 'MULTIPLE_CHOICE',
  TRUE_FALSE = 'TRUE_FALSE',
}
registerEnumType(QuestionKind, { name: 'QuestionKind' });

@ObjectType()
export class CeApprovalModel {
  @Field() approvingBody: string;
  @Field() providerNumber: string;
  @Field() statement: string;
}

@ObjectType('LessonSummary')
export class LessonSummaryModel {
  @Field(() => ID) id: string;
  @Field({ description: 'Stable across course versions.' }) slug: string;
  @Field() title: string;
  @Field() required: boolean;
  @Field(() => Int) estimatedMinutes: number;
  @Field(() => ID, { nullable: true }) quizId?: string;
}

@ObjectType('Course')
export class CourseModel {
  @Field(() => ID) id: string;
  @Field() slug: string;
  @Field(() => Int) version: number;
  @Field() title: string;
  @Field() summary: string;
  @Field(() => [Audience]) audiences: Audience[];
  @Field() locale: string;
  @Field(() => Int) estimatedMinutes: number;
  @Field(() => Float, { nullable: true, description: 'Staff courses: contact hours (1 contact hour = 60 minutes). Not CEUs.' }) contactHours?: number;
  @Field(() => CeApprovalModel, { nullable: true, description: 'Present only when an approving body has approved the course for CE.' }) ceApproval?: CeApprovalModel;
  @Field(() => [String]) prerequisites: string[];
  @Field({ description: 'IN_ORDER: a lesson unlocks when the previous required one is complete; FREE: any order.' }) sequence: string;
  @Field(() => [LessonSummaryModel]) lessons: LessonSummaryModel[];
}

@ObjectType('CrisisResource')
export class CrisisResourceModel {
  @Field() name: string;
  @Field() contact: string;
  @Field() when: string;
  @Field() details: string;
}

@ObjectType('Source')
export class SourceModel {
  @Field() title: string;
  @Field() url: string;
}

@ObjectType('ReflectionPrompt')
export class ReflectionPromptModel {
  @Field() id: string;
  @Field() prompt: string;
  @Field({ description: 'Shown where learners write: answers are read later, not watched in real time.' }) notice: string;
}

/** An answer option as a learner sees it: no correctness flag exists on this type. */
@ObjectType('QuizOption')
export class QuizOptionModel {
  @Field() id: string;
  @Field() text: string;
}

/** A question as a learner sees it before grading: no answer key, no rationale. */
@ObjectType('QuizQuestion')
export class QuizQuestionModel {
  @Field() id: string;
  @Field(() => QuestionKind) kind: QuestionKind;
  @Field() prompt: string;
  @Field(() => [QuizOptionModel]) options: QuizOptionModel[];
}

/**
 * The one place a stored question becomes what a learner sees: id, kind, prompt and
 * option texts. The answer key and rationale have no field to go in (docs/architecture.md invariant 1).
 */
export function toLearnerQuestion(q: { id: string; kind: string; prompt: string; options: ReadonlyArray<{ id: string; text: string }> }): QuizQuestionModel {
  return { id: q.id, kind: q.kind as QuestionKind, prompt: q.prompt, options: q.options.map((o) => ({ id: o.id, text: o.text })) };
}

@ObjectType('Quiz')
export class QuizModel {
  @Field(() => ID) id: string;
  @Field(() => Float, { description: 'Fraction of points needed to pass (0 to 1).' }) passingScore: number;
  @Field(() => Int) maxAttempts: number;
  @Field() shuffle: boolean;
  @Field() gradingMethod: string;
  @Field(() => Int, { nullable: true, description: 'Questions drawn from the pool for each attempt; absent when all are asked.' }) drawCount?: number;
  @Field(() => Int, { description: 'Questions in the pool.' }) questionCount: number;
  @Field(() => [QuizQuestionModel], { description: 'The pool in authored order. Attempts fix their own order and draw.' }) questions: QuizQuestionModel[];
}

@ObjectType('Lesson')
export class LessonModel {
  @Field(() => ID) id: string;
  @Field() courseSlug: string;
  @Field() slug: string;
  @Field() title: string;
  @Field(() => [String]) objectives: string[];
  @Field(() => Int) estimatedMinutes: number;
  @Field() required: boolean;
  @Field({ nullable: true, description: 'Shown before sensitive material.' }) contentNote?: string;
  @Field() bodyMarkdown: string;
  @Field({ description: 'Sanitized HTML, safe to insert into a page.' }) bodyHtml: string;
  @Field(() => [SourceModel]) sources: SourceModel[];
  @Field(() => [ReflectionPromptModel]) reflectionPrompts: ReflectionPromptModel[];
  @Field(() => QuizModel, { nullable: true }) quiz?: QuizModel;
  @Field(() => [CrisisResourceModel]) crisisResources: CrisisResourceModel[];
  @Field() disclaimer: string;
}
