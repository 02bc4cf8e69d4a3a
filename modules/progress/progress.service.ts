import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../../src/common/clock';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection } from 'mongodb';
import { Types, type Model } from 'mongoose';
import type { Principal } from '../../src/auth/principal';
import { COMPLETION_ISSUER, type CompletionIssuer } from '../credentials';
import { BadInput, isDuplicateKeyError, NotFound } from '../../src/common/errors';
import { CoursesService, learnerAudienceOf } from '../curriculum';
import { EnrollmentService, type CompletedLesson } from '../enrollment';
import { completesCourse, completionExpression, courseScore, type CourseRule } from './course-completion';
import { LessonCatalog, type LessonMeta } from './lesson-catalog';
import { PrerequisitesIncomplete } from './progress.errors';
import { cappedSeconds, lessonCompletes } from './learning-path';
import { LessonProgress } from './schemas/lesson-progress.schema';

export type ProgressEvent = 'STARTED' | 'PROGRESS' | 'COMPLETED';

export interface ProgressEventInput {
  lessonId: string;
  event: ProgressEvent;
  positionPercent?: number;
  secondsSpent?: number;
  clientEventId: string;
}

export interface QuizResultInput {
  learner: Principal;
  lessonId: string;
  passed: boolean;
  /** The learner's score for the quiz under its grading method, 0..1. */
  score: number;
  /** Not passed, and no attempt left: the lesson is stuck until the care team grants more. */
  outOfAttempts?: boolean;
  /** Whether the grading-method score differs from before this attempt (unknown: assumed so). */
  scoreChanged?: boolean;
  /** A repeat of a submit (same idempotency key): heals a course check that failed part-way. */
  retry?: boolean;
}


const RECENT_EVENTS = 50;

/** Progress as read back: the event-id log stays in the database. */
export type ProgressRow = Omit<LessonProgress, 'eventIds'>;
const PROJECTION = { eventIds: 0 } as const;

/**
 * Lesson progress: idempotent by client event id, monotonic in every field
 * (docs/architecture.md invariant 3). An ordinary event is one upsert; completing a lesson
 * adds the completion step and, when the course is done, issuance.
 */
@Injectable()
export class ProgressService {
  constructor(
    @InjectModel(LessonProgress.name) private readonly progress: Model<LessonProgress>,
    private readonly catalog: LessonCatalog,
    private readonly courses: CoursesService,
    private readonly enrollments: EnrollmentService,
    @Inject(COMPLETION_ISSUER) private readonly issuer: CompletionIssuer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The driver's collection behind the model, typed by the documents it holds. */
  private stored(): Collection<LessonProgress> {
    return this.progress.collection as unknown as Collection<LessonProgress>;
  }

  async record(learner: Principal, input: ProgressEventInput): Promise<{ progress: ProgressRow; duplicate: boolean }> {
    const meta = await this.lessonFor(learner, input.lessonId);
    // Any event would start a course that is not open yet, so every event waits for the prerequisites.
    await this.assertPrerequisitesMet(learner, meta.prerequisites);
    if (input.event === 'COMPLETED' && meta.sequence === 'IN_ORDER' && meta.requiredBefore.length > 0) {
      await this.assertUnlocked(learner, meta);
    }
    const now = new Date();
    const key = learnerKey(learner, meta);
    const position = input.event === 'COMPLETED' ? 100 : clampPercent(input.positionPercent);
    const update = {
      $setOnInsert: { quizPassed: false },
      $set: { lessonId: new Types.ObjectId(meta.lessonId), updatedAt: now },
      $min: { startedAt: now, ...(input.event === 'COMPLETED' && { readCompletedAt: now }) },
      $max: { positionPercent: position },
      $inc: { secondsSpent: cappedSeconds(input.secondsSpent ?? 0) },
      $push: { eventIds: { $each: [input.clientEventId], $slice: -RECENT_EVENTS } },
    };

    let doc: ProgressRow | null = null;
    for (let attempt = 0; attempt < 2 && !doc; attempt++) {
      try {
        // Through the driver: every value above already has its stored type and the update names
        // every field with a default, so Mongoose's casting and defaults would change nothing
        // but cost as much CPU as the rest of the request's own work (bench/RESULTS.md).
        doc = await this.stored().findOneAndUpdate({ ...key, eventIds: { $ne: input.clientEventId } }, update, {
          upsert: true,
          returnDocument: 'after',
          projection: PROJECTION,
        });
      } catch (error) {
        // Either two first events raced to create the row (retry once), or this
        // event id was already applied: the filter missed and the upsert collided.
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    const settle = input.event === 'COMPLETED';
    if (!doc) {
      const current = (await this.progress.findOne(key, PROJECTION).lean<ProgressRow>())!;
      // A retried completing event heals a completion whose first attempt failed part-way.
      if (settle && current.completedAt) await this.settleCourse(learner, meta.courseSlug, current, true);
      return { progress: current, duplicate: true };
    }
    // A completing event on a lesson already complete may be the retry of one whose course check failed part-way.
    return { progress: await this.completeIfDue(learner, meta, doc, settle, true), duplicate: false };
  }

  /**
   * Called by the assessment module after grading. Passing is monotonic: a later failed attempt
   * does not un-pass the quiz. A pass completes the lesson in the same write (a passed quiz
   * always completes its lesson, `lessonCompletes`), and the course check that follows is one
   * write on the enrollment: three commands with the graded attempt, however many lessons
   * the course has. A result on a lesson already complete that leaves its score as it was
   * skips the enrollment (two commands); a repeated submit (`retry`) never skips it.
   */
  async recordQuizResult(input: QuizResultInput): Promise<ProgressRow> {
    const meta = await this.lessonFor(input.learner, input.lessonId);
    // An in-order lesson completes only once the lessons before it are done (one read, for those lessons only).
    const completes = input.passed && (meta.sequence !== 'IN_ORDER' || meta.requiredBefore.length === 0 || (await this.unlocked(input.learner, meta)));
    const now = this.clock.now();
    const doc = await this.progress.findOneAndUpdate(
      learnerKey(input.learner, meta),
      {
        $setOnInsert: { positionPercent: 0, secondsSpent: 0, eventIds: [] },
        // The score is the quiz's grading-method score (highest, average, first or last), so it is stored as given;
        // passing, like completion, only moves forward.
        $set: {
          updatedAt: new Date(),
          lessonId: new Types.ObjectId(meta.lessonId),
          quizScore: input.score,
          quizAttemptsExhausted: Boolean(input.outOfAttempts) && !input.passed,
          ...(input.passed && { quizPassed: true }),
        },
        $min: { startedAt: new Date(), ...(completes && { completedAt: now }) },
      },
      { upsert: true, returnDocument: 'after', projection: PROJECTION },
    ).lean<ProgressRow>();
    // A lesson complete before this result, with its score unchanged: nothing the course counts moved.
    const alreadyCounted = doc!.completedAt && doc!.completedAt.getTime() < now.getTime() && input.scoreChanged === false && !input.retry;
    if (alreadyCounted) return doc!;
    // Only a pass can complete anything. A result on a lesson already complete still updates the
    // score the course counts (a later attempt can change it under some grading methods).
    return this.completeIfDue(input.learner, meta, doc!, input.passed || Boolean(doc!.completedAt), Boolean(input.retry));
  }

  /** The care team gave more attempts: the lesson is no longer stuck. */
  async attemptsGranted(learner: Principal, lessonId: string): Promise<void> {
    const meta = await this.lessonFor(learner, lessonId);
    await this.progress.updateOne({ ...learnerKey(learner, meta), quizAttemptsExhausted: true }, { $set: { quizAttemptsExhausted: false, updatedAt: new Date() } });
  }

  /** Learners with a stuck lesson (quiz failed, no attempt left), one row per lesson: the weekly digest's count. */
  outOfAttempts(orgId: Types.ObjectId | string): Promise<Array<Pick<ProgressRow, '_id' | 'learnerId'>>> {
    return this.progress.find({ orgId: new Types.ObjectId(orgId), quizAttemptsExhausted: true }, { learnerId: 1 }).lean();
  }

  /** Every progress row of one learner, for the record export (the caller has asked the access policy). */
  ofLearner(orgId: string, learnerId: Types.ObjectId): Promise<ProgressRow[]> {
    return this.progress.find({ orgId: new Types.ObjectId(orgId), learnerId }, PROJECTION).sort({ courseSlug: 1, lessonSlug: 1 }).lean<ProgressRow[]>();
  }

  /** Progress rows for many learners and courses, in one query. */
  forLearners(orgId: string, learnerIds: readonly Types.ObjectId[], courseSlugs: readonly string[]): Promise<ProgressRow[]> {
    if (learnerIds.length === 0 || courseSlugs.length === 0) return Promise.resolve([]);
    return this.stored()
      .find<ProgressRow>({ orgId: new Types.ObjectId(orgId), learnerId: { $in: [...learnerIds] }, courseSlug: { $in: [...new Set(courseSlugs)] } }, { projection: PROJECTION })
      .batchSize(10_000) // a page's rows in one round trip
      .toArray();
  }

  private async lessonFor(learner: Principal, lessonId: string): Promise<LessonMeta> {
    const meta = await this.catalog.get(lessonId);
    const audience = learnerAudienceOf(learner.role);
    if (!meta || !audience || !meta.audiences.includes(audience)) throw new NotFound('That lesson');
    return meta;
  }

  /** The first required lesson before this one that is not complete, for IN_ORDER courses. */
  private async blockingLesson(learner: Principal, meta: LessonMeta): Promise<{ slug: string; title: string } | undefined> {
    if (meta.sequence !== 'IN_ORDER' || meta.requiredBefore.length === 0) return undefined;
    const done = await this.progress
      .find({ ...learnerKey(learner, meta), lessonSlug: { $in: meta.requiredBefore.map((l) => l.slug) }, completedAt: { $exists: true } }, { lessonSlug: 1 })
      .lean();
    const completed = new Set(done.map((d) => d.lessonSlug));
    return meta.requiredBefore.find((l) => !completed.has(l.slug));
  }

  private async unlocked(learner: Principal, meta: LessonMeta): Promise<boolean> {
    return !(await this.blockingLesson(learner, meta));
  }

  private async assertUnlocked(learner: Principal, meta: LessonMeta): Promise<void> {
    const missing = await this.blockingLesson(learner, meta);
    if (missing) throw new BadInput(`This lesson unlocks after you finish "${missing.title}".`, { lockedBy: missing.slug });
  }

  /** For the assessment module: a locked lesson's quiz cannot be started (prerequisite courses first, then lesson order). */
  async assertLessonUnlocked(learner: Principal, lessonId: string): Promise<void> {
    const meta = await this.lessonFor(learner, lessonId);
    await this.assertPrerequisitesMet(learner, meta.prerequisites);
    await this.assertUnlocked(learner, meta);
  }

  /**
   * For the assessment module: a quiz cannot be submitted while its course waits for a
   * prerequisite (an attempt opened before the prerequisite was added). Costs no command
   * for a course without prerequisites once its lesson is cached.
   */
  /** Courses whose quizzes must check prerequisites before a submit (assertCourseOpen); cached. */
  coursesWithPrerequisites(): Promise<ReadonlySet<string>> {
    return this.catalog.coursesWithPrerequisites();
  }

  async assertCourseOpen(learner: Principal, lessonId: string): Promise<void> {
    await this.assertPrerequisitesMet(learner, (await this.lessonFor(learner, lessonId)).prerequisites);
  }

  /** Prerequisite courses the learner has not completed, with their titles; one query, two when some are missing. */
  private async unmetPrerequisites(learner: Principal, prerequisites: readonly string[]): Promise<Array<{ slug: string; title: string }>> {
    if (prerequisites.length === 0) return [];
    const completed = await this.enrollments.completedCourseSlugs(learner.orgId, learner.userId, prerequisites);
    const missing = prerequisites.filter((slug) => !completed.has(slug));
    if (missing.length === 0) return [];
    const courses = await this.courses.currentCoursesBySlug(missing);
    return missing.map((slug) => ({ slug, title: courses.get(slug)?.title ?? slug }));
  }

  private async assertPrerequisitesMet(learner: Principal, prerequisites: readonly string[]): Promise<void> {
    const missing = await this.unmetPrerequisites(learner, prerequisites);
    if (missing.length > 0) throw new PrerequisitesIncomplete(missing);
  }

  /**
   * `settle`: the event is one that completes (a COMPLETED event or a quiz result). For a
   * lesson already complete it re-checks the course, so if issuing the record failed
   * after the lesson was marked complete, the learner's retry still issues it
   * (issuance and marking are idempotent). Ordinary position events skip all of this.
   */
  private async completeIfDue(learner: Principal, meta: LessonMeta, doc: ProgressRow, settle: boolean, retry: boolean): Promise<ProgressRow> {
    if (doc.completedAt) {
      if (settle) await this.settleCourse(learner, meta.courseSlug, doc, retry);
      return doc;
    }
    if (!lessonCompletes(meta.hasQuiz, meta.requirePassedQuizzes, Boolean(doc.readCompletedAt), doc.quizPassed)) return doc;
    if (meta.sequence === 'IN_ORDER' && meta.requiredBefore.length > 0 && !(await this.unlocked(learner, meta))) return doc;
    const completedAt = this.clock.now();
    const result = await this.progress.updateOne({ _id: doc._id, completedAt: { $exists: false } }, { $set: { completedAt } });
    const completed = { ...doc, completedAt: doc.completedAt ?? completedAt };
    if (result.modifiedCount === 1) await this.settleCourse(learner, meta.courseSlug, completed, false);
    return completed;
  }

  /**
   * A lesson is complete (or its quiz score changed): it is counted on the learner's
   * enrollment, whose write also completes the course when the rule holds (one write
   * decides, so concurrent completions of the last lessons complete the course once), and
   * the write that completed it issues the record. An enrollment that does not list its
   * completed lessons yet is filled from lesson progress first; without an active
   * enrollment the rule is checked on lesson progress (`evaluateCourse`).
   *
   * `retry`: the event may repeat one that failed part-way. The lesson is counted from
   * lesson progress again (filling in what the failed attempt left out), and for a course
   * already complete the record is issued again (idempotent) in case that is what failed.
   */
  private async settleCourse(learner: Principal, courseSlug: string, row: ProgressRow, retry: boolean): Promise<void> {
    const course = await this.catalog.currentCourse(courseSlug);
    if (!course) return;
    // A course still waiting for its prerequisites completes nothing, however its lessons got done.
    const open = (await this.unmetPrerequisites(learner, course.prerequisites)).length === 0;
    const learnerId = new Types.ObjectId(learner.userId);
    const lesson: CompletedLesson = row.quizScore === undefined ? { slug: row.lessonSlug } : { slug: row.lessonSlug, score: row.quizScore };
    const at = this.clock.now();
    const count = (fill?: CompletedLesson[]) => this.enrollments.countCompletedLesson(learner.orgId, learnerId, courseSlug, lesson, completionExpression(course, open), at, fill);

    let rows = retry ? await this.courseRows(learner, courseSlug) : undefined;
    let counted = await count(rows && completedLessonsOf(rows));
    if (counted === 'unfilled') {
      rows = await this.courseRows(learner, courseSlug);
      counted = await count(completedLessonsOf(rows));
    }
    if (counted === 'none' || counted === 'unfilled') {
      // No active enrollment: the rule is checked on every progress row.
      await this.evaluateCourse(learner, courseSlug, at, rows);
      return;
    }
    if (counted.completedNow) {
      await this.issue(learner, course, counted.cycle, at, counted.lessons, false);
    } else if (counted.completedAt && retry) {
      await this.issue(learner, course, counted.cycle, counted.completedAt, counted.lessons, true);
    }
  }

  private issue(learner: Principal, course: CourseRule, cycle: number, completedAt: Date, lessons: readonly CompletedLesson[], mayExist: boolean): Promise<unknown> {
    return this.issuer.issue({
      mayExist,
      cycle,
      orgId: learner.orgId,
      learnerId: learner.userId,
      courseSlug: course.slug,
      courseVersion: course.version,
      completedAt,
      score: courseScore(course, lessons),
    });
  }

  private courseRows(learner: Principal, courseSlug: string): Promise<ProgressRow[]> {
    return this.progress
      .find({ orgId: new Types.ObjectId(learner.orgId), learnerId: new Types.ObjectId(learner.userId), courseSlug }, PROJECTION)
      .lean<ProgressRow[]>();
  }

  /**
   * A training requirement's renewal: the learner takes the course again, so this cycle's
   * lesson progress starts over. The one exception to monotonic progress; the completed
   * cycle stays in its completion record.
   */
  async restartCourse(orgId: string, learnerId: Types.ObjectId, courseSlug: string): Promise<void> {
    await this.progress.deleteMany({ orgId: new Types.ObjectId(orgId), learnerId, courseSlug });
  }

  /**
   * The course completion rule checked on every lesson progress row (`rows`, when the caller
   * has read them); met → the enrollment is marked and a record issued (idempotent
   * downstream). For learners without an active enrollment: with one, `settleCourse` decides.
   */
  async evaluateCourse(learner: Principal, courseSlug: string, at: Date, rows?: readonly ProgressRow[]): Promise<boolean> {
    const course = await this.catalog.currentCourse(courseSlug);
    if (!course) return false;
    // A course still waiting for its prerequisites issues nothing, however its lessons got done.
    if ((await this.unmetPrerequisites(learner, course.prerequisites)).length > 0) return false;
    const done = completedLessonsOf(rows ?? (await this.courseRows(learner, courseSlug)));
    if (!completesCourse(course, true, done)) return false;
    const cycle = await this.enrollments.markCompleted(learner.orgId, new Types.ObjectId(learner.userId), courseSlug, at);
    // Without an enrollment nothing records that the course was completed before: the record may exist.
    await this.issue(learner, course, cycle, at, done, true);
    return true;
  }
}

/** Every progress query names the organization (docs/architecture.md invariant 4); the unique key is learner, course, lesson. */
function learnerKey(learner: Principal, meta: Pick<LessonMeta, 'courseSlug' | 'lessonSlug'>) {
  return { orgId: new Types.ObjectId(learner.orgId), learnerId: new Types.ObjectId(learner.userId), courseSlug: meta.courseSlug, lessonSlug: meta.lessonSlug };
}

/** The completed lessons among a course's progress rows, as an enrollment lists them. */
function completedLessonsOf(rows: readonly ProgressRow[]): CompletedLesson[] {
  return rows.filter((r) => r.completedAt).map((r) => (r.quizScore === undefined ? { slug: r.lessonSlug } : { slug: r.lessonSlug, score: r.quizScore }));
}

function clampPercent(value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value)) return 0;
  return Math.min(100, Math.max(0, Math.round(value)));
}
