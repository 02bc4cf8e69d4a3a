/**
 * The learning-path rules as pure functions: what a learner's enrollment looks
 * like given the course, their lesson progress and the clock. Every dashboard
 * (myLearning, learnerProgress, caseload, staffCompliance) uses these, so one
 * rule has one definition.
 */

export type PathStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED' | 'OVERDUE';
export type LessonState = 'NOT_STARTED' | 'IN_PROGRESS' | 'AWAITING_QUIZ' | 'COMPLETED';

export interface PathCourse {
  slug: string;
  title: string;
  sequence: string;
  prerequisites: readonly string[];
  lessons: ReadonlyArray<{ slug: string; title: string; required: boolean; lessonId: string; hasQuiz: boolean; quizId?: string }>;
}

export interface PathProgress {
  lessonSlug: string;
  positionPercent: number;
  readCompletedAt?: Date | null;
  quizPassed?: boolean;
  completedAt?: Date | null;
  quizAttemptsExhausted?: boolean | null;
}

export interface PathEnrollment {
  courseSlug: string;
  /** Chosen lessons of an assignment; empty means the course's required lessons. */
  lessonSlugs: readonly string[];
  dueAt?: Date | null;
}

export interface LessonView {
  slug: string;
  title: string;
  lessonId: string;
  required: boolean;
  assigned: boolean;
  state: LessonState;
  positionPercent: number;
  locked: boolean;
  lockReason?: string;
  quizId?: string;
  /** Every allowed attempt at the quiz used without passing: only the care team can unblock it. */
  outOfAttempts: boolean;
}

export interface PathView {
  status: PathStatus;
  percent: number;
  completedLessons: number;
  totalLessons: number;
  nextLesson?: LessonView;
  lessons: LessonView[];
  /** Courses that must be completed first, by title; empty when the course is open. */
  blockedBy: string[];
  /**
   * When the assigned lessons were all complete: the last of their completion times.
   * Work finished before it was assigned keeps its real date this way.
   */
  completedAt?: Date;
}

export function lessonState(progress: PathProgress | undefined): LessonState {
  if (!progress) return 'NOT_STARTED';
  if (progress.completedAt) return 'COMPLETED';
  if (progress.readCompletedAt) return 'AWAITING_QUIZ';
  return 'IN_PROGRESS';
}

/**
 * `completedCourses` are the slugs the learner has completed (for prerequisites);
 * `courseTitles` names prerequisite courses in lock reasons.
 */
export function describePath(
  enrollment: PathEnrollment,
  course: PathCourse,
  progress: ReadonlyMap<string, PathProgress>,
  completedCourses: ReadonlySet<string>,
  courseTitles: ReadonlyMap<string, string>,
  now: Date,
): PathView {
  const blockedBy = course.prerequisites.filter((slug) => !completedCourses.has(slug)).map((slug) => courseTitles.get(slug) ?? slug);
  const chosen = new Set(enrollment.lessonSlugs);
  const assigned = (l: PathCourse['lessons'][number]) => (chosen.size > 0 ? chosen.has(l.slug) : l.required);

  let previousRequiredIncomplete: string | undefined;
  const lessons: LessonView[] = course.lessons.map((lesson) => {
    const p = progress.get(lesson.slug);
    const state = lessonState(p);
    let lockReason: string | undefined;
    if (blockedBy.length > 0) lockReason = `Complete ${blockedBy.join(' and ')} first.`;
    else if (course.sequence === 'IN_ORDER' && previousRequiredIncomplete) lockReason = `Finish "${previousRequiredIncomplete}" first.`;
    if (state === 'COMPLETED') lockReason = undefined; // finished work never locks again
    if (lesson.required && state !== 'COMPLETED' && !previousRequiredIncomplete) previousRequiredIncomplete = lesson.title;
    return {
      slug: lesson.slug,
      title: lesson.title,
      lessonId: lesson.lessonId,
      required: lesson.required,
      assigned: assigned(lesson),
      state,
      positionPercent: p?.positionPercent ?? 0,
      locked: lockReason !== undefined,
      lockReason,
      quizId: lesson.quizId,
      outOfAttempts: state !== 'COMPLETED' && Boolean(p?.quizAttemptsExhausted),
    };
  });

  const counted = lessons.filter((l) => l.assigned);
  const completedLessons = counted.filter((l) => l.state === 'COMPLETED').length;
  const totalLessons = counted.length;
  const percent = totalLessons === 0 ? 0 : Math.round((completedLessons / totalLessons) * 100);
  const started = counted.some((l) => l.state !== 'NOT_STARTED');
  let status: PathStatus = completedLessons === totalLessons && totalLessons > 0 ? 'COMPLETED' : started ? 'IN_PROGRESS' : 'NOT_STARTED';
  if (status !== 'COMPLETED' && enrollment.dueAt && enrollment.dueAt.getTime() < now.getTime()) status = 'OVERDUE';
  const nextLesson = counted.find((l) => l.state !== 'COMPLETED' && !l.locked);
  const completedAt = status === 'COMPLETED' ? latest(counted.map((l) => progress.get(l.slug)?.completedAt)) : undefined;
  return { status, percent, completedLessons, totalLessons, nextLesson, lessons, blockedBy, completedAt };
}

function latest(dates: ReadonlyArray<Date | null | undefined>): Date | undefined {
  let result: Date | undefined;
  for (const d of dates) if (d && (!result || d.getTime() > result.getTime())) result = d;
  return result;
}

export interface CompletionRule {
  requirePassedQuizzes: boolean;
  minimumScore?: number;
}

/**
 * The course completion rule: every required lesson complete (a lesson with a
 * quiz completes only when its quiz is passed, if the course says so), and the
 * average quiz score of required lessons at least the minimum, when one is set.
 */
export function courseCompleted(
  course: { lessons: ReadonlyArray<Pick<PathCourse['lessons'][number], 'slug' | 'required' | 'hasQuiz'>> },
  rule: CompletionRule,
  progress: ReadonlyMap<string, PathProgress & { quizScore?: number }>,
): boolean {
  const required = course.lessons.filter((l) => l.required);
  if (required.length === 0) return false;
  if (!required.every((l) => progress.get(l.slug)?.completedAt)) return false;
  if (rule.minimumScore !== undefined) {
    const scores = required.filter((l) => l.hasQuiz).map((l) => progress.get(l.slug)?.quizScore ?? 0);
    if (scores.length > 0 && scores.reduce((a, b) => a + b, 0) / scores.length < rule.minimumScore) return false;
  }
  return true;
}

/** Whether a lesson that has been read is complete: its quiz must be passed when the course requires it. */
export function lessonCompletes(hasQuiz: boolean, requirePassedQuizzes: boolean, read: boolean, quizPassed: boolean): boolean {
  if (hasQuiz && requirePassedQuizzes) return quizPassed;
  return read || quizPassed;
}

/** No single event may claim more time than this; a tab left open overnight is not study time. */
export const MAX_SECONDS_PER_EVENT = 15 * 60;

export function cappedSeconds(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds < 0) return 0;
  return Math.min(Math.floor(seconds), MAX_SECONDS_PER_EVENT);
}
