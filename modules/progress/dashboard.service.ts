import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../../src/common/clock';
import { Types } from 'mongoose';
import type { Role, Principal } from '../../src/auth/principal';
import { AuditAction } from '../audit';
import { CoursesService } from '../curriculum';
import type { CourseView } from '../curriculum';
import { EnrollmentService } from '../enrollment';
import type { EnrollmentView } from '../enrollment';
import { AccessService, type GrantedAccess } from '../identity';
import { Permission, seesEveryClient } from '../identity';
import { CLIENT_ROLES, STAFF_ROLES } from '../identity';
import { UsersService, type UserSummary } from '../identity';
import { describePath, type PathCourse, type PathProgress, type PathView } from './learning-path';
import { ProgressService } from './progress.service';

export interface LearningItem {
  enrollment: EnrollmentView;
  course: CourseView;
  view: PathView;
}

/**
 * The dashboards. Each is set-based: one query per kind of data (learners,
 * enrollments, courses, progress) whatever the number of rows, so a page of 50
 * costs what a page of 5 does. A test counts the driver's commands to hold us to it.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly enrollments: EnrollmentService,
    private readonly courses: CoursesService,
    private readonly progress: ProgressService,
    private readonly access: AccessService,
    private readonly users: UsersService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Learning items for many learners: 3 queries (enrollments, courses, progress). */
  async itemsFor(orgId: string, learnerIds: readonly Types.ObjectId[], now = this.clock.now()): Promise<Map<string, LearningItem[]>> {
    const result = new Map<string, LearningItem[]>(learnerIds.map((id) => [id.toHexString(), []]));
    if (learnerIds.length === 0) return result;
    const enrollments = await this.enrollments.forLearners(orgId, learnerIds);
    if (enrollments.length === 0) return result;
    const courseSlugs = [...new Set(enrollments.map((e) => e.courseSlug))];
    const [courses, rows] = await Promise.all([this.courses.currentCoursesBySlug(courseSlugs), this.progress.forLearners(orgId, learnerIds, courseSlugs)]);
    const progressByLearnerCourse = new Map<string, Map<string, PathProgress>>();
    for (const row of rows) {
      const key = `${row.learnerId.toHexString()}|${row.courseSlug}`;
      if (!progressByLearnerCourse.has(key)) progressByLearnerCourse.set(key, new Map());
      progressByLearnerCourse.get(key)!.set(row.lessonSlug, row);
    }
    const titles = new Map([...courses.values()].map((c) => [c.slug, c.title]));
    // A prerequisite the learner is not enrolled in is still named by its title (one more query, only then).
    const untitled = [...new Set([...courses.values()].flatMap((c) => c.prerequisites))].filter((slug) => !titles.has(slug));
    if (untitled.length) for (const c of (await this.courses.currentCoursesBySlug(untitled)).values()) titles.set(c.slug, c.title);
    const completedByLearner = new Map<string, Set<string>>();
    for (const e of enrollments) {
      if (!e.completedAt) continue;
      const id = e.learnerId.toHexString();
      if (!completedByLearner.has(id)) completedByLearner.set(id, new Set());
      completedByLearner.get(id)!.add(e.courseSlug);
    }
    for (const enrollment of enrollments) {
      const course = courses.get(enrollment.courseSlug);
      if (!course) continue; // retired course: its history stays, the dashboard moves on
      const learnerId = enrollment.learnerId.toHexString();
      const view = describePath(
        enrollment,
        toPathCourse(course),
        progressByLearnerCourse.get(`${learnerId}|${course.slug}`) ?? new Map(),
        completedByLearner.get(learnerId) ?? new Set(),
        titles,
        now,
      );
      result.get(learnerId)?.push({ enrollment, course, view });
    }
    return result;
  }

  async myLearning(learner: Principal): Promise<LearningItem[]> {
    return (await this.itemsFor(learner.orgId, [new Types.ObjectId(learner.userId)])).get(learner.userId) ?? [];
  }

  async learnerProgress(viewer: Principal, learnerId: string): Promise<{ granted: GrantedAccess; items: LearningItem[] }> {
    const granted = await this.access.requireOne(viewer, Permission.READ_PROGRESS, learnerId);
    const items = (await this.itemsFor(viewer.orgId, [granted.subject._id])).get(learnerId) ?? [];
    return { granted, items };
  }

  /** A clinician's care-team clients (an admin's: every client), a page at a time. */
  async caseload(viewer: Principal, first: number, after?: string, filter: { courseSlug?: string; overdueOnly?: boolean } = {}) {
    // A filter narrows the clients before paging (one query on enrollments), so pages stay full and exact.
    const only = filter.courseSlug || filter.overdueOnly ? await this.enrollments.learnerIdsWith(viewer.orgId, { courseSlug: filter.courseSlug, overdue: filter.overdueOnly }) : undefined;
    const page = await this.users.listInOrg(viewer.orgId, CLIENT_ROLES, {
      first,
      after,
      careTeamMember: seesEveryClient(viewer) ? undefined : viewer.userId,
      only,
    });
    const learners = page.nodes;
    const ids = learners.map((l) => l._id.toHexString());
    if (ids.length) await this.access.require(viewer, Permission.READ_PROGRESS, ids, { action: AuditAction.CASELOAD_READ, known: learners });
    const items = await this.itemsFor(viewer.orgId, learners.map((l) => l._id));
    return {
      rows: learners.map((learner) => ({ learner, items: items.get(learner._id.toHexString()) ?? [] })),
      hasNextPage: page.hasNextPage,
      endCursor: page.endCursor,
    };
  }

  /** Every staff member (of these roles) × assigned course, a page of staff at a time. */
  async staffCompliance(
    viewer: Principal,
    first: number,
    after?: string,
    roles: readonly Role[] = STAFF_ROLES,
  ): Promise<{ rows: Array<{ staff: UserSummary; items: LearningItem[] }>; hasNextPage: boolean; endCursor?: string }> {
    this.access.requireAct(viewer, Permission.READ_STAFF_COMPLIANCE);
    const page = await this.users.listInOrg(viewer.orgId, roles, { first, after });
    const items = await this.itemsFor(viewer.orgId, page.nodes.map((s) => s._id));
    return {
      rows: page.nodes.map((s) => ({ staff: s, items: items.get(s._id.toHexString()) ?? [] })),
      hasNextPage: page.hasNextPage,
      endCursor: page.endCursor,
    };
  }
}

export function toPathCourse(course: CourseView): PathCourse {
  return {
    slug: course.slug,
    title: course.title,
    sequence: course.sequence,
    prerequisites: course.prerequisites,
    lessons: course.lessons.map((l) => ({ slug: l.slug, title: l.title, required: l.required, lessonId: l.lessonId.toHexString(), hasQuiz: Boolean(l.quizId), quizId: l.quizId?.toHexString() })),
  };
}
