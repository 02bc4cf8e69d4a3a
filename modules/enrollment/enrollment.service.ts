import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Principal } from '../../src/auth/principal';
import { BadInput, Conflict, Forbidden, isDuplicateKeyError, NotFound } from '../../src/common/errors';
import { CoursesService, learnerAudienceOf } from '../curriculum';
import type { CourseView } from '../curriculum';
import { AuditAction } from '../audit';
import { AccessService } from '../identity';
import { Permission, roleMay } from '../identity';
import type { UserSummary } from '../identity';
import { Cohort, Enrollment, type CompletedLesson, type EnrollmentSource } from './schemas/enrollment.schemas';
import { toEnrollmentView, type EnrollmentView } from './views';

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** An enrollment as it was before a lesson was counted on it, with the completed lessons as they are after. */
export interface CountedLesson {
  cycle: number;
  /** Set when the course was already complete before this lesson was counted. */
  completedAt?: Date;
  /** This write completed the course: the database applied the rule and set `completedAt` to this call's time. */
  completedNow: boolean;
  lessons: CompletedLesson[];
}

export interface AssignmentTerms {
  courseSlug: string;
  lessonSlugs?: string[];
  dueAt?: Date;
  dueInDays?: number;
  dueFrom?: 'ASSIGNMENT' | 'HIRE';
  note?: string;
}

const DAY = 86_400_000;

/** A due date already past would make the work overdue the moment it is assigned: almost always a typo (a wrong year). */
export function assertDueInFuture(dueAt: Date | undefined, now = new Date(), field = 'dueAt'): void {
  if (dueAt && dueAt.getTime() <= now.getTime()) {
    throw new BadInput(`The due date ${dueAt.toISOString().slice(0, 10)} is already past; choose a date after now (${now.toISOString().slice(0, 10)}), or use dueInDays.`, { field });
  }
}
/** Rows for one dashboard page (≤ 100 learners × their enrollments) fit in one batch. */
const LIST_BATCH = 10_000;

/**
 * Enrollments and assignments. Assigning is idempotent per learner and course:
 * the unique index on active enrollments makes a second assignment update the
 * first instead of creating another, even when two arrive at once.
 */
@Injectable()
export class EnrollmentService {
  constructor(
    @InjectModel(Enrollment.name) private readonly enrollments: Model<Enrollment>,
    @InjectModel(Cohort.name) private readonly cohorts: Model<Cohort>,
    private readonly courses: CoursesService,
    private readonly access: AccessService,
  ) {}

  async enroll(learner: Principal, courseSlug: string): Promise<Enrollment> {
    const audience = learnerAudienceOf(learner.role);
    if (!audience) throw new Forbidden('Only learners enroll in courses; assign courses to learners instead.');
    const course = await this.courses.courseFor(learner, courseSlug);
    // Clinicians and admins see every course but take only the staff ones.
    if (!course.audiences.includes(audience)) throw new NotFound('That course');
    return this.upsert(learner.orgId, learner.userId, learner.role, course, 'SELF', { courseSlug }, undefined);
  }

  async assign(actor: Principal, learnerId: string, terms: AssignmentTerms, source: EnrollmentSource = 'ASSIGNED', cohortId?: Types.ObjectId): Promise<Enrollment> {
    const [learner] = await this.assignableLearners(actor, [learnerId], AuditAction.COURSE_ASSIGNED);
    const course = await this.assignableCourse(learner, terms);
    return this.upsert(actor.orgId, learnerId, learner.role, course, source, terms, actor.userId, learner, cohortId);
  }

  /**
   * Who an actor may manage (the policy's ASSIGN_COURSES): clinicians the clients on
   * their care team, admins any learner.
   */
  private async assignableLearners(actor: Principal, learnerIds: readonly string[], action: AuditAction): Promise<UserSummary[]> {
    if (!roleMay(actor, Permission.ASSIGN_COURSES)) throw new Forbidden('Assignments are managed by clinicians and admins.');
    const granted = await this.access.require(actor, Permission.ASSIGN_COURSES, learnerIds, { action });
    return granted.map(({ subject }) => {
      if (!learnerAudienceOf(subject.role)) throw new BadInput(`${subject.displayName} is not a learner; courses are assigned to staff, patients and family members.`);
      return subject;
    });
  }

  private async assignableCourse(learner: Pick<UserSummary, 'role' | 'displayName'>, terms: AssignmentTerms): Promise<CourseView> {
    const course = await this.courses.currentCourse(terms.courseSlug);
    if (!course) throw new NotFound('That course');
    const audience = learnerAudienceOf(learner.role)!;
    if (!course.audiences.includes(audience)) {
      throw new BadInput(`"${course.title}" is not a course for ${audience.toLowerCase()} learners, so it cannot be assigned to ${learner.displayName}.`);
    }
    const unknown = (terms.lessonSlugs ?? []).filter((slug) => !course.lessons.some((l) => l.slug === slug));
    if (unknown.length) throw new BadInput(`"${course.title}" has no lesson ${unknown.map((s) => `"${s}"`).join(', ')}.`, { field: 'lessonSlugs' });
    if (terms.dueAt && terms.dueInDays !== undefined) throw new BadInput('Give either dueAt or dueInDays, not both.', { field: 'dueInDays' });
    assertDueInFuture(terms.dueAt);
    return course;
  }

  private dueDate(terms: AssignmentTerms, learner?: Pick<UserSummary, 'hiredAt'>): Date | undefined {
    if (terms.dueAt) return terms.dueAt;
    if (terms.dueInDays === undefined) return undefined;
    const from = terms.dueFrom === 'HIRE' ? learner?.hiredAt : undefined;
    if (terms.dueFrom === 'HIRE' && !from) throw new BadInput('This learner has no hire date; use dueFrom: ASSIGNMENT or a fixed dueAt.', { field: 'dueFrom' });
    return new Date((from ?? new Date()).getTime() + terms.dueInDays * DAY);
  }

  private async upsert(
    orgId: string,
    learnerId: string,
    learnerRole: string,
    course: CourseView,
    source: EnrollmentSource,
    terms: AssignmentTerms,
    assignedBy: string | undefined,
    learner?: Pick<UserSummary, 'hiredAt'>,
    cohortId?: Types.ObjectId,
  ): Promise<Enrollment> {
    const filter = { orgId: new Types.ObjectId(orgId), learnerId: new Types.ObjectId(learnerId), courseSlug: course.slug, status: 'ACTIVE' as const };
    const dueAt = this.dueDate(terms, learner);
    const set: Record<string, unknown> = {};
    if (terms.lessonSlugs?.length) set.lessonSlugs = terms.lessonSlugs;
    if (dueAt) set.dueAt = dueAt;
    if (terms.note !== undefined) set.note = terms.note.trim();
    if (assignedBy) set.assignedBy = new Types.ObjectId(assignedBy);
    const insert = { learnerRole, source, ...(cohortId && { cohortId }) };
    for (let attempt = 0; ; attempt++) {
      try {
        const doc = await this.enrollments
          .findOneAndUpdate(filter, { $set: set, $setOnInsert: insert }, { upsert: true, returnDocument: 'after', setDefaultsOnInsert: true })
          .lean<Enrollment>();
        return doc!;
      } catch (error) {
        // Two first assignments raced to insert; the loser now finds the winner's row.
        if (isDuplicateKeyError(error) && attempt === 0) continue;
        throw error;
      }
    }
  }

  async cancel(actor: Principal, enrollmentId: string): Promise<Enrollment> {
    const enrollment = Types.ObjectId.isValid(enrollmentId)
      ? await this.enrollments.findOne({ _id: new Types.ObjectId(enrollmentId), orgId: new Types.ObjectId(actor.orgId) }).lean()
      : null;
    if (!enrollment) throw new NotFound('That assignment');
    const own = enrollment.learnerId.equals(actor.userId);
    if (own && enrollment.source !== 'SELF') throw new Forbidden('Ask your clinician or program to cancel an assignment.');
    if (!own) {
      // Someone else's enrollment: only their care team may cancel it, and anyone else learns nothing.
      if (!roleMay(actor, Permission.ASSIGN_COURSES)) throw new NotFound('That assignment');
      await this.assignableLearners(actor, [enrollment.learnerId.toHexString()], AuditAction.ASSIGNMENT_CANCELLED);
    }
    if (enrollment.status === 'CANCELLED') return enrollment;
    const cancelled = await this.enrollments.findOneAndUpdate(
      { _id: enrollment._id, status: 'ACTIVE' },
      { $set: { status: 'CANCELLED', cancelledAt: new Date(), cancelledBy: new Types.ObjectId(actor.userId) } },
      { returnDocument: 'after', lean: true },
    );
    return cancelled ?? (await this.enrollments.findById(enrollment._id).lean())!;
  }

  async createCohort(actor: Principal, name: string, memberIds: string[]): Promise<Cohort> {
    if (memberIds.length) await this.assignableLearners(actor, memberIds, AuditAction.COHORT_MEMBERS_ADDED);
    try {
      const cohort = await this.cohorts.create({
        orgId: new Types.ObjectId(actor.orgId),
        name: name.trim(),
        memberIds: [...new Set(memberIds)].map((id) => new Types.ObjectId(id)),
        createdBy: new Types.ObjectId(actor.userId),
      });
      return cohort.toObject();
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new Conflict(`A cohort named "${name.trim()}" already exists.`);
      throw error;
    }
  }

  async addToCohort(actor: Principal, cohortId: string, memberIds: string[]): Promise<Cohort> {
    const cohort = await this.cohort(actor, cohortId);
    await this.assignableLearners(actor, memberIds, AuditAction.COHORT_MEMBERS_ADDED);
    const updated = await this.cohorts.findOneAndUpdate(
      { _id: cohort._id },
      { $addToSet: { memberIds: { $each: memberIds.map((id) => new Types.ObjectId(id)) } } },
      { returnDocument: 'after', lean: true },
    );
    return updated!;
  }

  /**
   * The organization at a glance, as counts only (no one is named, so nothing to audit):
   * open overdue assignments per course, and completions per week over the last `weeks`
   * weeks, oldest first. Two queries whatever the size of the organization.
   */
  async report(actor: Principal, weeks: number, now = new Date()): Promise<{ overdueByCourse: { courseSlug: string; courseTitle: string; count: number }[]; completionsByWeek: { weekStart: Date; count: number }[] }> {
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52) throw new BadInput('Choose 1 to 52 weeks.', { field: 'weeks' });
    const orgId = new Types.ObjectId(actor.orgId);
    const since = new Date(now.getTime() - weeks * WEEK_MS);
    const [overdue, completed] = await Promise.all([
      this.enrollments.find({ orgId, status: 'ACTIVE', completedAt: { $exists: false }, dueAt: { $lt: now } }, { courseSlug: 1 }).lean(),
      this.enrollments.find({ orgId, completedAt: { $gte: since, $lte: now } }, { completedAt: 1 }).lean(),
    ]);
    const perCourse = new Map<string, number>();
    for (const e of overdue) perCourse.set(e.courseSlug, (perCourse.get(e.courseSlug) ?? 0) + 1);
    const titles = perCourse.size ? await this.courses.currentCoursesBySlug([...perCourse.keys()]) : new Map<string, CourseView>();
    const buckets = Array.from({ length: weeks }, (_, i) => ({ weekStart: new Date(since.getTime() + i * WEEK_MS), count: 0 }));
    for (const e of completed) {
      const i = Math.min(weeks - 1, Math.floor((e.completedAt!.getTime() - since.getTime()) / WEEK_MS));
      buckets[i].count++;
    }
    return {
      overdueByCourse: [...perCourse.entries()].map(([courseSlug, count]) => ({ courseSlug, courseTitle: titles.get(courseSlug)?.title ?? courseSlug, count })).sort((a, b) => b.count - a.count),
      completionsByWeek: buckets,
    };
  }

  /** Members leave a cohort; ids that are not members are ignored. Anyone who may use the cohort may remove. */
  async removeFromCohort(actor: Principal, cohortId: string, memberIds: string[]): Promise<Cohort> {
    const cohort = await this.cohort(actor, cohortId);
    const ids = memberIds.filter((id) => Types.ObjectId.isValid(id)).map((id) => new Types.ObjectId(id));
    const updated = await this.cohorts.findOneAndUpdate({ _id: cohort._id }, { $pull: { memberIds: { $in: ids } } }, { returnDocument: 'after', lean: true });
    return updated!;
  }

  /**
   * Assigns to every member; members already enrolled keep one enrollment, updated.
   * Every member is checked before anything is written, so a refusal writes nothing.
   */
  async assignCohort(actor: Principal, cohortId: string, terms: AssignmentTerms): Promise<{ cohort: Cohort; enrollments: Enrollment[] }> {
    const cohort = await this.cohort(actor, cohortId);
    const learners = await this.assignableLearners(actor, cohort.memberIds.map((id) => id.toHexString()), AuditAction.COURSE_ASSIGNED);
    const checked = [];
    for (const learner of learners) checked.push({ learner, course: await this.assignableCourse(learner, terms) });
    const enrollments: Enrollment[] = [];
    for (const { learner, course } of checked) {
      enrollments.push(await this.upsert(actor.orgId, learner._id.toHexString(), learner.role, course, 'COHORT', terms, actor.userId, learner, cohort._id));
    }
    return { cohort, enrollments };
  }

  async cohortsOf(actor: Principal): Promise<Cohort[]> {
    return this.cohorts.find({ orgId: new Types.ObjectId(actor.orgId) }).sort({ name: 1 }).limit(200).lean();
  }

  private async cohort(actor: Principal, cohortId: string): Promise<Cohort> {
    const cohort = Types.ObjectId.isValid(cohortId) ? await this.cohorts.findOne({ _id: new Types.ObjectId(cohortId), orgId: new Types.ObjectId(actor.orgId) }).lean() : null;
    if (!cohort) throw new NotFound('That cohort');
    return cohort;
  }

  /** The members of some cohorts of an organization, by cohort id (one query). */
  async cohortMembers(orgId: string, cohortIds: readonly Types.ObjectId[]): Promise<Map<string, Set<string>>> {
    if (cohortIds.length === 0) return new Map();
    const rows = await this.cohorts.find({ orgId: new Types.ObjectId(orgId), _id: { $in: [...cohortIds] } }, { memberIds: 1 }).lean();
    return new Map(rows.map((c) => [c._id.toHexString(), new Set(c.memberIds.map((m) => m.toHexString()))]));
  }

  /** Learners with an active enrollment (in a course, and/or past its due date and not completed), in one query. */
  async learnerIdsWith(orgId: string, where: { courseSlug?: string; overdue?: boolean }, now = new Date()): Promise<Types.ObjectId[]> {
    const query: Record<string, unknown> = { orgId: new Types.ObjectId(orgId), status: 'ACTIVE' };
    if (where.courseSlug) query.courseSlug = where.courseSlug;
    if (where.overdue) Object.assign(query, { completedAt: { $exists: false }, dueAt: { $lt: now } });
    const rows = await this.enrollments.find(query, { learnerId: 1 }).lean();
    return [...new Map(rows.map((r) => [r.learnerId.toHexString(), r.learnerId])).values()];
  }

  /** Active and completed enrollments of many learners, in one query. */
  async forLearners(orgId: string, learnerIds: readonly Types.ObjectId[]): Promise<EnrollmentView[]> {
    // Every dashboard reads this: through the driver, since the filter holds stored types and a lean
    // read returns the stored documents anyway (bench/RESULTS.md, issue 18). A page's rows in one
    // batch: the default first batch (101) would add getMore round trips.
    const rows = await this.enrollments.collection
      .find<Enrollment>({ orgId: new Types.ObjectId(orgId), learnerId: { $in: [...learnerIds] }, status: 'ACTIVE' }, { sort: { createdAt: 1 }, batchSize: LIST_BATCH })
      .toArray();
    return rows.map(toEnrollmentView);
  }

  /** Which of these courses the learner has completed (the same rule the dashboards show: an active enrollment marked complete). */
  async completedCourseSlugs(orgId: string, learnerId: string, courseSlugs: readonly string[]): Promise<Set<string>> {
    if (courseSlugs.length === 0) return new Set();
    const rows = await this.enrollments
      .find(
        { orgId: new Types.ObjectId(orgId), learnerId: new Types.ObjectId(learnerId), courseSlug: { $in: [...courseSlugs] }, status: 'ACTIVE', completedAt: { $exists: true } },
        { courseSlug: 1 },
      )
      .lean();
    return new Set(rows.map((r) => r.courseSlug));
  }

  /** Open (active, not completed) assignments with a due date before `before` (and not before `after`), for reminders and the digest. */
  openDueBefore(orgId: Types.ObjectId, before: Date, after?: Date): Promise<Pick<EnrollmentView, '_id' | 'learnerId' | 'courseSlug' | 'dueAt'>[]> {
    return this.enrollments
      .find({ orgId, status: 'ACTIVE', completedAt: { $exists: false }, dueAt: { $lte: before, ...(after && { $gte: after }) } }, { learnerId: 1, courseSlug: 1, dueAt: 1 })
      .lean();
  }

  /** Marks the active enrollment complete; answers its completion cycle (1 without an enrollment), the same on a retry. */
  async markCompleted(orgId: string, learnerId: Types.ObjectId, courseSlug: string, at: Date): Promise<number> {
    const active = { orgId: new Types.ObjectId(orgId), learnerId, courseSlug, status: 'ACTIVE' as const };
    const marked = await this.enrollments.findOneAndUpdate({ ...active, completedAt: { $exists: false } }, { $set: { completedAt: at } }, { projection: { cycle: 1 } }).lean();
    const row = marked ?? (await this.enrollments.findOne(active, { cycle: 1 }).lean());
    return row?.cycle ?? 1;
  }

  /**
   * Counts a completed lesson on the learner's active enrollment and, in the same write,
   * sets `completedAt` when `completes` holds: an aggregation expression over `$$lessons`
   * (the completed lessons after this one is counted, `CompletedLesson[]`), supplied by the
   * progress module, which owns the rule. One conditional write, so of two lessons
   * completing at once exactly one sees the course complete.
   *
   * Answers the enrollment as the write left it, with `completedNow` when this write set
   * `completedAt` (the database's verdict is the one that counts: the caller does not apply
   * the rule again, so a rounding difference between `$avg` and JavaScript cannot leave a
   * course complete without its record), `unfilled` when the enrollment does not
   * list its completed lessons yet and no `fill` was given (nothing is written; the caller
   * reads lesson progress and calls again with it), or `none` without an active enrollment.
   */
  async countCompletedLesson(
    orgId: string,
    learnerId: Types.ObjectId,
    courseSlug: string,
    lesson: CompletedLesson,
    completes: Record<string, unknown>,
    at: Date,
    fill?: readonly CompletedLesson[],
  ): Promise<CountedLesson | 'unfilled' | 'none'> {
    const active = { orgId: new Types.ObjectId(orgId), learnerId, courseSlug, status: 'ACTIVE' as const };
    const others = (input: unknown, except: Record<string, unknown>) => ({ $filter: { input, as: 'l', cond: except } });
    const lessons = {
      $concatArrays: [
        others({ $ifNull: ['$lessonsCompleted', []] }, { $ne: ['$$l.slug', lesson.slug] }),
        // Lessons done before the list existed, unless already listed (the list may have been filled concurrently).
        others({ $literal: fill ?? [] }, { $and: [{ $ne: ['$$l.slug', lesson.slug] }, { $not: [{ $in: ['$$l.slug', { $ifNull: ['$lessonsCompleted.slug', []] }] }] }] }),
        [{ $literal: lesson }],
      ],
    };
    const missing = (field: string) => ({ $eq: [{ $type: field }, 'missing'] });
    // Without a fill, an enrollment that does not list its lessons yet is left as it is ('unfilled').
    const listed = fill ? true : { $not: [missing('$lessonsCompleted')] };
    const after = await this.enrollments
      .findOneAndUpdate(
        active,
        [
          { $set: { lessonsCompleted: { $cond: [listed, lessons, '$lessonsCompleted'] } } },
          {
            $set: {
              completedAt: {
                $cond: [{ $and: [listed, missing('$completedAt'), { $let: { vars: { lessons: '$lessonsCompleted' }, in: completes } }] }, { $literal: at }, '$completedAt'],
              },
            },
          },
        ],
        { returnDocument: 'after', updatePipeline: true, projection: { cycle: 1, completedAt: 1, lessonsCompleted: 1 } },
      )
      .lean<Pick<Enrollment, 'cycle' | 'completedAt' | 'lessonsCompleted'>>();
    if (!after) return 'none';
    if (!after.lessonsCompleted) return 'unfilled';
    const completedNow = after.completedAt?.getTime() === at.getTime();
    return { cycle: after.cycle ?? 1, completedAt: completedNow ? undefined : after.completedAt, completedNow, lessons: after.lessonsCompleted };
  }

  /**
   * A training requirement's assignment, made by scheduled work (no actor): once per learner
   * and course; an active enrollment the learner already has is left as it is.
   */
  async assignForRequirement(orgId: string, learner: Pick<UserSummary, '_id' | 'role'>, courseSlug: string, dueAt: Date, requirementId: Types.ObjectId): Promise<boolean> {
    try {
      const result = await this.enrollments.updateOne(
        { orgId: new Types.ObjectId(orgId), learnerId: learner._id, courseSlug, status: 'ACTIVE' },
        { $setOnInsert: { learnerRole: learner.role, source: 'REQUIREMENT', dueAt, cycle: 1, requirementId, lessonSlugs: [] } },
        { upsert: true },
      );
      return result.upsertedCount === 1;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false; // another instance assigned it first
      throw error;
    }
  }

  /**
   * Opens the next completion cycle of a completed enrollment: the course is to be taken
   * again by `dueAt`. Only the enrollment still at `fromCycle` moves, so a repeat or a
   * second instance changes nothing. Answers whether this call renewed it.
   */
  async renew(orgId: string, learnerId: Types.ObjectId, courseSlug: string, fromCycle: number, dueAt: Date): Promise<boolean> {
    const result = await this.enrollments.updateOne(
      {
        orgId: new Types.ObjectId(orgId),
        learnerId,
        courseSlug,
        status: 'ACTIVE',
        completedAt: { $exists: true },
        // Enrollments from before cycles have none: they are cycle 1.
        cycle: fromCycle === 1 ? { $in: [1, null] } : fromCycle,
      },
      // The new cycle starts with no lesson done (the caller restarts lesson progress too).
      { $set: { cycle: fromCycle + 1, dueAt, lessonsCompleted: [] }, $unset: { completedAt: 1 } },
    );
    return result.modifiedCount === 1;
  }
}
