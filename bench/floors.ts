/**
 * The floors, mounted by the runner on the app's own Fastify instance under
 * /bench/... (never part of the production app):
 *
 * - F0 `/bench/f0/:name`: the precomputed response bytes of the scenario (HTTP floor).
 * - F1 `/bench/f1/:name`: the best hand-written native-driver query plan for the
 *   same answer, assembled with the app's pure functions and mappers so the JSON
 *   is the same (database floor). No JWT check: the caller is fixed.
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { ObjectId, type Db, type Document } from 'mongodb';
import { Role, type Principal } from '../src/auth/principal';
import { encodeCursor } from '../src/common/pagination';
import { crisisResourcesFor, EDUCATIONAL_DISCLAIMER, REFLECTION_NOTICES } from '../modules/curriculum/crisis-resources';
import { audienceOf } from '../modules/curriculum/courses.service';
import type { Course } from '../modules/curriculum/schemas/curriculum.schemas';
import type { CourseView } from '../modules/curriculum/views';
import type { Enrollment } from '../modules/enrollment/schemas/enrollment.schemas';
import { ClientAccess, decide, Permission, seesEveryClient } from '../modules/identity/policy/access-policy';
import { toUserModel } from '../modules/identity/models/user.model';
import { STAFF_ROLES } from '../modules/identity/policy/roles';
import { toPathCourse, type LearningItem } from '../modules/progress/dashboard.service';
import { cappedSeconds, describePath, type PathProgress } from '../modules/progress/learning-path';
import { toLearningItem, toLessonProgressModel } from '../modules/progress/models/progress.models';
import type { ProgressRow } from '../modules/progress/progress.service';
import type { Fixture } from './generate';
import type { Caller, Scenario } from './scenarios';
import { select } from './shape';

export interface Floors {
  /** F0 bodies, filled by the runner once G1's responses are known. */
  f0: Map<string, Buffer>;
}

const CLIENT_ROLES = [Role.PATIENT, Role.FAMILY];
/**
 * The driver's first batch is 101 documents by default; past that each request
 * pays a getMore. A page of 50 learners has ~150 enrollments and ~300 progress
 * rows, so the floor asks for everything in the first batch.
 */
const ONE_BATCH = 10_000;
const USER_SUMMARY = { orgId: 1, role: 1, displayName: 1, email: 1, careTeam: 1, emergencyAccess: 1, hiredAt: 1 } as const;

export function principals(fixture: Fixture): Record<Caller, Principal> {
  return {
    patient: { userId: fixture.patientId, orgId: fixture.orgId, role: Role.PATIENT },
    clinician: { userId: fixture.clinicianId, orgId: fixture.orgId, role: Role.CLINICIAN },
    admin: { userId: fixture.adminId, orgId: fixture.orgId, role: Role.ADMIN },
  };
}

export async function mountFloors(app: NestFastifyApplication, db: Db, fixture: Fixture, scenarios: readonly Scenario[]): Promise<Floors> {
  const fastify = app.getHttpAdapter().getInstance();
  const floors: Floors = { f0: new Map() };
  const who = principals(fixture);
  const lessonMeta = await loadLessonMeta(db); // what the app's LessonCatalog caches
  const byName = new Map(scenarios.map((s) => [s.name, s]));

  fastify.post('/bench/f0/:name', async (request, reply) => {
    const body = floors.f0.get((request.params as { name: string }).name);
    if (!body) return reply.code(404).send({ error: 'no F0 body yet' });
    return reply.header('content-type', 'application/json; charset=utf-8').send(body);
  });

  fastify.post('/bench/f1/:name', async (request, reply) => {
    const scenario = byName.get((request.params as { name: string }).name);
    if (!scenario) return reply.code(404).send({ error: 'unknown scenario' });
    const viewer = who[scenario.caller];
    const variables = (request.body as { variables?: Record<string, any> } | undefined)?.variables ?? {};
    const value = await answer(scenario, viewer, variables, request);
    return reply.header('content-type', 'application/json; charset=utf-8').send(JSON.stringify({ data: { [scenario.field]: select(value, scenario.selection) } }));
  });

  return floors;

  async function answer(scenario: Scenario, viewer: Principal, variables: Record<string, any>, request: FastifyRequest): Promise<unknown> {
    switch (scenario.field) {
      case 'myLearning': {
        const items = await itemsFor(db, new ObjectId(viewer.orgId), [new ObjectId(viewer.userId)]);
        return (items.get(viewer.userId) ?? []).map((item) => toLearningItem(item));
      }
      case 'lesson':
        return lesson(db, viewer, String(variables.id));
      case 'recordLessonProgress':
        return recordProgress(db, viewer, variables.i, lessonMeta);
      case 'caseload':
        return caseload(db, viewer, Number(variables.f ?? 50), String(request.id));
      case 'staffCompliance':
        return staffCompliance(db, viewer, Number(variables.f ?? 50));
      default:
        throw new Error(`no F1 for ${scenario.field}`);
    }
  }
}

/** Enrollments (1 command), then current courses and progress in parallel (2 commands). */
async function itemsFor(db: Db, orgId: ObjectId, learnerIds: ObjectId[], now = new Date()): Promise<Map<string, LearningItem[]>> {
  const result = new Map<string, LearningItem[]>(learnerIds.map((id) => [id.toHexString(), []]));
  if (learnerIds.length === 0) return result;
  const enrollments = (await db
    .collection('enrollments')
    .find(
      { orgId, learnerId: { $in: learnerIds }, status: 'ACTIVE' },
      { projection: { learnerId: 1, courseSlug: 1, source: 1, dueAt: 1, note: 1, lessonSlugs: 1, completedAt: 1 }, sort: { createdAt: 1 }, batchSize: ONE_BATCH },
    )
    .toArray()) as unknown as Enrollment[];
  if (enrollments.length === 0) return result;
  const slugs = [...new Set(enrollments.map((e) => e.courseSlug))];
  const [courseRows, rows] = await Promise.all([
    db
      .collection('courses')
      .find({ slug: { $in: slugs }, retiredAt: { $exists: false } }, { projection: { slug: 1, version: 1, title: 1, sequence: 1, prerequisites: 1, lessons: 1 }, sort: { slug: 1, version: -1 } })
      .toArray() as unknown as Promise<Course[]>,
    db
      .collection('lessonProgress')
      .find(
        { learnerId: { $in: learnerIds }, courseSlug: { $in: slugs } },
        { projection: { learnerId: 1, courseSlug: 1, lessonSlug: 1, positionPercent: 1, readCompletedAt: 1, quizPassed: 1, completedAt: 1 }, batchSize: ONE_BATCH },
      )
      .toArray(),
  ]);
  const courses = new Map<string, CourseView>();
  for (const c of courseRows) if (!courses.has(c.slug)) courses.set(c.slug, c);
  const progress = new Map<string, Map<string, PathProgress>>();
  for (const row of rows) {
    const key = `${(row.learnerId as ObjectId).toHexString()}|${row.courseSlug}`;
    if (!progress.has(key)) progress.set(key, new Map());
    progress.get(key)!.set(row.lessonSlug, row as unknown as PathProgress);
  }
  const titles = new Map([...courses.values()].map((c) => [c.slug, c.title]));
  const completed = new Map<string, Set<string>>();
  for (const e of enrollments) {
    if (!e.completedAt) continue;
    const id = e.learnerId.toHexString();
    if (!completed.has(id)) completed.set(id, new Set());
    completed.get(id)!.add(e.courseSlug);
  }
  for (const enrollment of enrollments) {
    const course = courses.get(enrollment.courseSlug);
    if (!course) continue;
    const learnerId = enrollment.learnerId.toHexString();
    const view = describePath(enrollment, toPathCourse(course), progress.get(`${learnerId}|${course.slug}`) ?? new Map(), completed.get(learnerId) ?? new Set(), titles, now);
    result.get(learnerId)?.push({ enrollment, course, view });
  }
  return result;
}

/** The lesson (1), then its course's audiences and its quiz in parallel (2). */
async function lesson(db: Db, viewer: Principal, id: string): Promise<unknown> {
  const doc = await db.collection('lessons').findOne({ _id: new ObjectId(id) });
  if (!doc) throw new Error('lesson not found');
  // The organization too: its own crisis line goes beside the national ones, as the app does.
  const [course, quiz, org] = await Promise.all([
    db.collection('courses').findOne({ slug: doc.courseSlug, 'lessons.lessonId': doc._id }, { projection: { audiences: 1 } }),
    doc.quizId ? db.collection('quizzes').findOne({ _id: doc.quizId }) : Promise.resolve(null),
    db.collection('organizations').findOne({ _id: new ObjectId(viewer.orgId) }, { projection: { name: 1, crisisLine: 1 } }),
  ]);
  const audience = audienceOf(viewer.role);
  if (!course || (audience && !(course.audiences as string[]).includes(audience))) throw new Error('lesson not visible');
  return {
    id: doc._id.toHexString(),
    slug: doc.slug,
    title: doc.title,
    objectives: doc.objectives,
    estimatedMinutes: doc.estimatedMinutes,
    bodyMarkdown: doc.bodyMarkdown,
    bodyHtml: doc.bodyHtml,
    contentNote: doc.contentNote,
    disclaimer: EDUCATIONAL_DISCLAIMER,
    sources: doc.sources,
    reflectionPrompts: (doc.reflectionPrompts as Array<{ id: string; prompt: string }>).map((p) => ({ ...p, notice: REFLECTION_NOTICES.PATIENT })),
    crisisResources: crisisResourcesFor({ name: String(org?.name ?? ''), crisisLine: org?.crisisLine as string | undefined }),
    quiz: quiz && {
      id: quiz._id.toHexString(),
      passingScore: quiz.settings.passingScore,
      maxAttempts: quiz.settings.maxAttempts,
      shuffle: quiz.settings.shuffle,
      gradingMethod: quiz.settings.gradingMethod,
      drawCount: quiz.settings.drawCount,
      questionCount: quiz.questions.length,
      questions: (quiz.questions as Document[]).map((q) => ({ id: q.id, kind: q.kind, prompt: q.prompt, options: (q.options as Document[]).map((o) => ({ id: o.id, text: o.text })) })),
    },
  };
}

interface LessonMetaLite {
  courseSlug: string;
  lessonSlug: string;
  audiences: string[];
}

async function loadLessonMeta(db: Db): Promise<Map<string, LessonMetaLite>> {
  const meta = new Map<string, LessonMetaLite>();
  for (const course of await db.collection('courses').find({}, { projection: { slug: 1, audiences: 1, lessons: 1 } }).toArray()) {
    for (const l of course.lessons as Array<{ slug: string; lessonId: ObjectId }>) {
      meta.set(l.lessonId.toHexString(), { courseSlug: course.slug, lessonSlug: l.slug, audiences: course.audiences });
    }
  }
  return meta;
}

/** One findOneAndUpdate, as ProgressService.record does for a position event. */
async function recordProgress(db: Db, viewer: Principal, input: { lessonId: string; positionPercent?: number; secondsSpent?: number; clientEventId: string }, meta: Map<string, LessonMetaLite>) {
  const lessonMeta = meta.get(input.lessonId);
  const audience = audienceOf(viewer.role);
  if (!lessonMeta || !audience || !lessonMeta.audiences.includes(audience)) throw new Error('lesson not found');
  const now = new Date();
  const update: Document = {
      $setOnInsert: { quizPassed: false },
      $set: { lessonId: new ObjectId(input.lessonId), updatedAt: now },
      $min: { startedAt: now },
      $max: { positionPercent: Math.max(0, Math.min(100, Math.round(input.positionPercent ?? 0))) },
      $inc: { secondsSpent: cappedSeconds(input.secondsSpent ?? 0) },
      $push: { eventIds: { $each: [input.clientEventId], $slice: -50 } },
  };
  const doc = await db.collection('lessonProgress').findOneAndUpdate(
    { orgId: new ObjectId(viewer.orgId), learnerId: new ObjectId(viewer.userId), courseSlug: lessonMeta.courseSlug, lessonSlug: lessonMeta.lessonSlug, eventIds: { $ne: input.clientEventId } },
    update,
    { upsert: true, returnDocument: 'after', projection: { eventIds: 0 } },
  );
  return toLessonProgressModel(doc as unknown as ProgressRow, false);
}

/**
 * The page of clients (1); the audit event (invariant 6: written before the
 * data leaves) and enrollments in parallel (2); courses and progress (2).
 * Access is decided from the page itself: the query already proves organization
 * and role, so no second read of the same users.
 */
async function caseload(db: Db, viewer: Principal, first: number, requestId: string) {
  const orgId = new ObjectId(viewer.orgId);
  const filter: Document = { orgId, role: { $in: CLIENT_ROLES }, deactivatedAt: { $exists: false } };
  if (!seesEveryClient(viewer)) filter.careTeam = new ObjectId(viewer.userId);
  const page = await db.collection('users').find(filter, { projection: USER_SUMMARY, sort: { _id: 1 }, limit: first + 1 }).toArray();
  const learners = page.slice(0, first);
  const decisions = learners.map((l) =>
    decide(viewer, Permission.READ_PROGRESS, {
      id: l._id.toHexString(),
      orgId: viewer.orgId,
      role: l.role,
      careTeam: ((l.careTeam ?? []) as ObjectId[]).map((c) => c.toHexString()),
      linked: false,
      consentScopes: [],
      clientAccess: ClientAccess.CARE_TEAM,
    }),
  );
  if (decisions.some((d) => !d.allowed)) throw new Error('forbidden');
  const at = new Date();
  const audit = learners
    .filter((_, i) => { const d = decisions[i]; return d.allowed && d.audited; })
    .map((l) => ({
      orgId,
      actorId: new ObjectId(viewer.userId),
      actorRole: viewer.role,
      action: 'CASELOAD_READ',
      subjectType: 'PROGRESS',
      subjectId: l._id.toHexString(),
      patientId: l._id,
      requestId,
      at,
    }));
  const ids = learners.map((l) => l._id);
  const [, items] = await Promise.all([audit.length ? db.collection('auditEvents').insertMany(audit) : Promise.resolve(), itemsFor(db, orgId, ids)]);
  return {
    nodes: learners.map((learner) => {
      const mapped = (items.get(learner._id.toHexString()) ?? []).map((item) => toLearningItem(item));
      return { learner: toUserModel(learner as never, true), items: mapped, overdueCount: mapped.filter((i) => i.status === 'OVERDUE').length };
    }),
    pageInfo: { hasNextPage: page.length > first, endCursor: learners.length ? encodeCursor(learners[learners.length - 1]._id.toHexString()) : undefined },
  };
}

/**
 * The page of staff, clinicians and admins (1), then enrollments (1), courses and progress
 * (2); beside the page, the organization (its time zone dates the requirement rows) and its
 * training requirements (2). The generated organization has none, so the rows are the
 * assignments', but a plan has to ask.
 */
async function staffCompliance(db: Db, viewer: Principal, first: number) {
  const orgId = new ObjectId(viewer.orgId);
  const [page, , requirements] = await Promise.all([
    db.collection('users').find({ orgId, role: { $in: [...STAFF_ROLES] }, deactivatedAt: { $exists: false } }, { projection: USER_SUMMARY, sort: { _id: 1 }, limit: first + 1 }).toArray(),
    db.collection('organizations').findOne({ _id: orgId }, { projection: { timeZone: 1 } }),
    db.collection('trainingRequirements').find({ orgId, archivedAt: { $exists: false } }).toArray(),
  ]);
  if (requirements.length) throw new Error('the F1 floor does not build requirement rows; the generated organization has no requirements');
  const staff = page.slice(0, first);
  const items = await itemsFor(db, orgId, staff.map((s) => s._id));
  return {
    nodes: staff.flatMap((s) =>
      (items.get(s._id.toHexString()) ?? []).map(({ enrollment, course, view }) => ({
        staff: toUserModel(s as never, true),
        courseSlug: course.slug,
        courseTitle: course.title,
        dueAt: enrollment.dueAt,
        status: view.status,
        percent: view.percent,
        completedAt: enrollment.completedAt,
      })),
    ),
    pageInfo: { hasNextPage: page.length > first },
  };
}
