/**
 * The course completion rule (learning-path.ts `courseCompleted`) applied to an enrollment's
 * list of completed lessons, twice: as an aggregation expression, so that the write counting
 * a lesson also completes the course when the rule holds (one atomic write decides, and
 * whether it did is read back from the write, never recomputed), and in JavaScript, for
 * the paths that check lesson rows (learners without an enrollment, repairs).
 */
import type { CompletedLesson } from '../enrollment';
import { courseCompleted, type CompletionRule } from './learning-path';

export interface CourseRule {
  slug: string;
  version: number;
  lessons: ReadonlyArray<{ slug: string; required: boolean; hasQuiz: boolean }>;
  completion: CompletionRule;
}

/** The rule as an expression over `$$lessons` (CompletedLesson[]); `open`: the course's prerequisites are met. */
export function completionExpression(course: CourseRule, open: boolean): Record<string, unknown> {
  const required = course.lessons.filter((l) => l.required).map((l) => l.slug);
  if (!open || required.length === 0) return { $literal: false };
  const all = { $setIsSubset: [{ $literal: required }, '$$lessons.slug'] };
  const scored = course.lessons.filter((l) => l.required && l.hasQuiz).map((l) => l.slug);
  if (course.completion.minimumScore === undefined || scored.length === 0) return all;
  const scoreOf = (slug: string) => ({
    $ifNull: [{ $arrayElemAt: [{ $map: { input: { $filter: { input: '$$lessons', as: 'l', cond: { $eq: ['$$l.slug', slug] } } }, as: 'l', in: '$$l.score' } }, 0] }, 0],
  });
  return { $and: [all, { $gte: [{ $avg: scored.map(scoreOf) }, course.completion.minimumScore] }] };
}

/** The same rule in JavaScript, on the lessons as the write left them. */
export function completesCourse(course: CourseRule, open: boolean, lessons: readonly CompletedLesson[]): boolean {
  return open && courseCompleted(course, course.completion, progressOf(lessons));
}

/** The record's score: the mean quiz score of the required lessons with a quiz (0 for one without a score). */
export function courseScore(course: CourseRule, lessons: readonly CompletedLesson[]): number | undefined {
  const bySlug = progressOf(lessons);
  const scored = course.lessons.filter((l) => l.required && l.hasQuiz).map((l) => bySlug.get(l.slug)?.quizScore ?? 0);
  return scored.length ? scored.reduce((a, b) => a + b, 0) / scored.length : undefined;
}

function progressOf(lessons: readonly CompletedLesson[]) {
  return new Map(lessons.map((l) => [l.slug, { lessonSlug: l.slug, positionPercent: 100, completedAt: new Date(0), quizScore: l.score }]));
}
