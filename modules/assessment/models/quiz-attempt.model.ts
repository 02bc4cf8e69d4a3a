import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GRADING_METHODS, QuizQuestionModel, toLearnerQuestion, type GradingMethodName } from '../../curriculum';
import { quizStanding, type Standing } from '../grading/standing';
import { AttemptStatus, type QuizAttempt } from '../schemas/quiz-attempt.schema';

registerEnumType(AttemptStatus, { name: 'QuizAttemptStatus' });

/** The GraphQL face of the one definition (curriculum's GRADING_METHODS). */
export const GradingMethod = Object.fromEntries(GRADING_METHODS.map((m) => [m, m])) as { [M in GradingMethodName]: M };
export type GradingMethod = GradingMethodName;
registerEnumType(GradingMethod, { name: 'GradingMethod', description: "Which submitted attempts make up a learner's score for a quiz." });

@ObjectType('QuizAnswer')
export class QuizAnswerModel {
  @Field() questionId: string;
  @Field(() => [String]) optionIds: string[];
}

/** Exists only on submitted attempts of quizzes that show feedback. */
@ObjectType('QuestionFeedback')
export class QuestionFeedbackModel {
  @Field() questionId: string;
  @Field({ description: 'Full credit.' }) correct: boolean;
  @Field(() => Float, { description: 'Points earned, 0 to 1 (MULTIPLE_CHOICE can earn partial credit).' }) credit: number;
  @Field(() => [String]) chosenOptionIds: string[];
  @Field(() => [String]) correctOptionIds: string[];
  @Field({ description: 'Why the right answer is right.' }) rationale: string;
}

@ObjectType('QuizStanding')
export class QuizStandingModel {
  @Field(() => GradingMethod) gradingMethod: GradingMethod;
  @Field(() => Float, { nullable: true, description: 'Score for the quiz under its grading method (0 to 1); null before any submission.' }) score?: number | null;
  @Field({ description: 'The grading-method score reaches the passing score.' }) passed: boolean;
  @Field(() => Int) attemptsUsed: number;
  @Field(() => Int) attemptsAllowed: number;
  @Field(() => Int) attemptsRemaining: number;
  @Field({ description: 'Not passed and every allowed attempt used: only the care team can give another.' }) outOfAttempts: boolean;
}

@ObjectType('QuizAttempt')
export class QuizAttemptModel {
  @Field(() => ID) id: string;
  @Field(() => ID) quizId: string;
  @Field(() => ID) lessonId: string;
  @Field(() => ID) learnerId: string;
  @Field() courseSlug: string;
  @Field() lessonSlug: string;
  @Field(() => Int) number: number;
  @Field(() => AttemptStatus) status: AttemptStatus;
  @Field() startedAt: Date;
  @Field({ nullable: true }) submittedAt?: Date;
  @Field({ nullable: true, description: 'When answers were last saved.' }) savedAt?: Date;
  @Field(() => Float) passingScore: number;
  @Field(() => Int) maxAttempts: number;
  @Field({ description: 'Whether correctness and rationales are shown after submission.' }) showFeedback: boolean;
  @Field(() => [QuizQuestionModel], { description: "This attempt's questions in its own fixed order, options in order. Never the answers." })
  questions: QuizQuestionModel[];
  @Field(() => [QuizAnswerModel], { description: 'Work in progress (or, once submitted, the answers submitted).' }) savedAnswers: QuizAnswerModel[];
  @Field(() => Float, { nullable: true, description: 'This attempt, 0 to 1; after submission only.' }) score?: number;
  @Field({ nullable: true, description: 'This attempt reached the passing score; after submission only.' }) passed?: boolean;
  @Field(() => [QuestionFeedbackModel], { nullable: true, description: 'After submission, when the quiz shows feedback; null otherwise.' })
  feedback?: QuestionFeedbackModel[] | null;
  @Field(() => QuizStandingModel, { nullable: true, description: 'The quiz under its grading method as of this attempt; after submission only.' })
  standing?: QuizStandingModel | null;
}

@ObjectType('QuizAttemptHistory')
export class QuizAttemptHistoryModel {
  @Field(() => ID) quizId: string;
  @Field(() => ID) learnerId: string;
  @Field(() => QuizStandingModel) standing: QuizStandingModel;
  @Field({ nullable: true, description: 'When a waiting period applies: the earliest time the next attempt can start.' }) nextAttemptAvailableAt?: Date;
  @Field(() => [QuizAttemptModel], { description: 'Every attempt, oldest first (the quiz maximum plus any attempts granted).' }) attempts: QuizAttemptModel[];
  @Field({ nullable: true, description: 'When the learner is out of attempts: whom to ask for another, in words.' }) askForMoreAttempts?: string;
}

export function toStandingModel(standing: Standing): QuizStandingModel {
  return { ...standing, gradingMethod: standing.gradingMethod as GradingMethod };
}

/**
 * Built field by field from the stored attempt. Before submission nothing
 * derived from the key (`correct`, correct ids, rationale, credit) has a field
 * to go in: `feedback` and `standing` are null and options carry id and text only.
 */
export function toQuizAttemptModel(a: QuizAttempt): QuizAttemptModel {
  const submitted = a.status === AttemptStatus.SUBMITTED;
  return {
    id: a._id.toHexString(),
    quizId: a.quizId.toHexString(),
    lessonId: a.lessonId.toHexString(),
    learnerId: a.learnerId.toHexString(),
    courseSlug: a.courseSlug,
    lessonSlug: a.lessonSlug,
    number: a.number,
    status: a.status,
    startedAt: a.startedAt,
    submittedAt: a.submittedAt,
    savedAt: a.savedAt,
    passingScore: a.settings.passingScore,
    maxAttempts: a.settings.maxAttempts,
    showFeedback: a.settings.showFeedback,
    questions: a.questions.map(toLearnerQuestion),
    savedAnswers: (a.savedAnswers ?? []).map((s) => ({ questionId: s.questionId, optionIds: [...s.optionIds] })),
    score: submitted ? a.score : undefined,
    passed: submitted ? a.passed : undefined,
    feedback:
      submitted && a.settings.showFeedback && a.results
        ? a.results.map((r) => ({
            questionId: r.questionId,
            correct: r.correct,
            credit: r.credit,
            chosenOptionIds: r.chosenOptionIds,
            correctOptionIds: r.correctOptionIds,
            rationale: r.rationale,
          }))
        : null,
    standing: submitted && a.score !== undefined ? toStandingModel(standingAfter(a)) : null,
  };
}

/** The learner's standing on the quiz right after this (submitted) attempt. */
export function standingAfter(a: Pick<QuizAttempt, 'settings' | 'priorScores' | 'score' | 'number'>): Standing {
  return quizStanding(a.settings, [...a.priorScores, a.score ?? 0], a.number);
}

/** The grading-method score before this attempt (null for a first attempt). */
export function scoreBefore(a: Pick<QuizAttempt, 'settings' | 'priorScores' | 'number'>): number | null {
  return a.priorScores.length ? quizStanding(a.settings, a.priorScores, a.number - 1).score : null;
}
