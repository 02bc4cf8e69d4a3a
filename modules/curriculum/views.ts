import type { Types } from 'mongoose';
import type { Course, Lesson, Quiz } from './schemas/curriculum.schemas';

/**
 * What other modules see of the curriculum: plain, read-only values copied field by field
 * from the stored documents, so the collections' shapes can change without another module
 * noticing, and nothing a caller does to a view can reach a document. Ids stay ObjectIds
 * under their stored names (`_id`, `lessonId`): the callers store and query by them.
 */
export interface LessonRefView {
  readonly slug: string;
  readonly lessonId: Types.ObjectId;
  readonly title: string;
  readonly required: boolean;
  readonly estimatedMinutes: number;
  readonly quizId?: Types.ObjectId;
}

/** One version of a course. */
export interface CourseView {
  readonly _id: Types.ObjectId;
  readonly slug: string;
  readonly version: number;
  readonly title: string;
  readonly summary: string;
  readonly audiences: readonly string[];
  readonly locale: string;
  readonly estimatedMinutes: number;
  readonly contactHours?: number;
  readonly ceApproval?: Readonly<{ approvingBody: string; providerNumber: string; statement: string }>;
  readonly prerequisites: readonly string[];
  readonly sequence: string;
  readonly completion: Readonly<{ requiredLessons: string; requirePassedQuizzes: boolean; minimumScore?: number }>;
  readonly lessons: readonly LessonRefView[];
}

/** A lesson version without its body: what progress and assessment need to place it. */
export interface LessonView {
  readonly _id: Types.ObjectId;
  readonly courseSlug: string;
  readonly slug: string;
  readonly title: string;
  readonly required: boolean;
  readonly reflectionPrompts: ReadonlyArray<Readonly<{ id: string; prompt: string }>>;
  readonly quizId?: Types.ObjectId;
}

export interface QuizQuestionView {
  readonly id: string;
  readonly kind: 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE' | 'TRUE_FALSE';
  readonly prompt: string;
  readonly options: ReadonlyArray<Readonly<{ id: string; text: string; correct: boolean }>>;
  readonly rationale: string;
}

/**
 * A quiz WITH its answer key and rationales, for server-side grading only (the assessment
 * module). Never mapped into an API type before an attempt is submitted.
 */
export interface QuizView {
  readonly _id: Types.ObjectId;
  readonly lessonId: Types.ObjectId;
  readonly courseSlug: string;
  readonly lessonSlug: string;
  readonly settings: Readonly<{ passingScore: number; maxAttempts: number; shuffle: boolean; gradingMethod: string; cooldownMinutes: number; drawCount?: number; showFeedback: boolean }>;
  readonly questions: readonly QuizQuestionView[];
}

export function toCourseView(c: Course): CourseView {
  return {
    _id: c._id,
    slug: c.slug,
    version: c.version,
    title: c.title,
    summary: c.summary,
    audiences: [...c.audiences],
    locale: c.locale,
    estimatedMinutes: c.estimatedMinutes,
    contactHours: c.contactHours,
    ceApproval: c.ceApproval && { ...c.ceApproval },
    prerequisites: [...(c.prerequisites ?? [])],
    sequence: c.sequence,
    completion: { ...c.completion },
    lessons: c.lessons.map((l) => ({ slug: l.slug, lessonId: l.lessonId, title: l.title, required: l.required, estimatedMinutes: l.estimatedMinutes, quizId: l.quizId ?? undefined })),
  };
}

export function toLessonView(l: Lesson): LessonView {
  return {
    _id: l._id,
    courseSlug: l.courseSlug,
    slug: l.slug,
    title: l.title,
    required: l.required,
    reflectionPrompts: l.reflectionPrompts.map((p) => ({ id: p.id, prompt: p.prompt })),
    quizId: l.quizId ?? undefined,
  };
}

export function toQuizView(q: Quiz): QuizView {
  return {
    _id: q._id,
    lessonId: q.lessonId,
    courseSlug: q.courseSlug,
    lessonSlug: q.lessonSlug,
    settings: { ...q.settings },
    questions: q.questions.map((question) => ({
      id: question.id,
      kind: question.kind,
      prompt: question.prompt,
      options: question.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct })),
      rationale: question.rationale,
    })),
  };
}
