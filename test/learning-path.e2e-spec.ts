import { join } from 'node:path';
import { getModelToken } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { Enrollment } from '../modules/enrollment/schemas/enrollment.schemas';
import { Role } from '../src/auth/principal';
import { importCurriculum } from '../modules/curriculum/import-curriculum';
import { CompletionRecordsService } from '../modules/credentials/completion-records.service';
import { ProgressService } from '../modules/progress/progress.service';
import { errorCode, expectData, startTestApp, type TestApp } from './support/app';
import { countCommands, learningOps as ops, manyLearners, signInBulk } from './support/learning-operations';
import { buildWorld, consentInput, ops as identityOps, type World } from './support/operations';

let t: TestApp;
let w: World;
const lessons: Record<string, Array<{ id: string; slug: string; quizId?: string }>> = {};
const DAY = 86_400_000;

beforeAll(async () => {
  t = await startTestApp();
  await importCurriculum(t.app);
  await importCurriculum(t.app, join(__dirname, 'fixtures', 'curriculum-learning-path'), { content: false, retireMissing: false });
  w = await buildWorld(t, 'Path Clinic');
  for (const slug of ['relapse-prevention-skills', 'understanding-addiction', 'family-dynamics-and-recovery', 'staff-onboarding', 'basics', 'next-steps']) {
    lessons[slug] = await ops.courseLessons(t, w.admin.token, slug);
  }
}, 60000);
afterAll(() => t?.close());

const lessonId = (course: string, slug: string) => lessons[course].find((l) => l.slug === slug)!.id;
const item = (items: Array<{ courseSlug: string }>, slug: string) => items.find((i) => i.courseSlug === slug) as any;

describe('assignment', () => {
  it('a clinician assigns one lesson with a due date and note; the patient sees it as their next lesson', async () => {
    const dueAt = new Date(Date.now() + 3 * DAY).toISOString();
    const assigned = expectData(
      await ops.assignCourse(t, w.clinician.token, { learnerId: w.patient.id, courseSlug: 'relapse-prevention-skills', lessonSlugs: ['high-risk-situations'], dueAt, note: 'Before Thursday group' }),
    ).assignCourse;
    expect(assigned).toMatchObject({ source: 'ASSIGNED', lessonSlugs: ['high-risk-situations'], note: 'Before Thursday group', state: 'ACTIVE' });

    const mine = item(expectData(await ops.myLearning(t, w.patient.token)).myLearning, 'relapse-prevention-skills');
    expect(mine).toMatchObject({ status: 'NOT_STARTED', percent: 0, totalLessons: 1, dueAt, note: 'Before Thursday group' });
    expect(mine.nextLesson.slug).toBe('high-risk-situations');
  });

  it('assigning twice keeps one enrollment, updated', async () => {
    const first = expectData(await ops.assignCourse(t, w.clinician.token, { learnerId: w.patient.id, courseSlug: 'understanding-addiction' })).assignCourse;
    const second = expectData(await ops.assignCourse(t, w.clinician.token, { learnerId: w.patient.id, courseSlug: 'understanding-addiction', note: 'updated' })).assignCourse;
    expect(second.id).toBe(first.id);
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () => ops.assignCourse(t, w.clinician.token, { learnerId: w.patient.id, courseSlug: 'understanding-addiction' })),
    );
    expect(new Set(concurrent.map((r) => expectData(r).assignCourse.id))).toEqual(new Set([first.id]));
  });

  it('cancelling keeps the history, and a new assignment after it is a new enrollment', async () => {
    const learner = (await manyLearners(t, w.orgId, Role.PATIENT, 1, w.clinician.id))[0];
    const first = expectData(await ops.assignCourse(t, w.clinician.token, { learnerId: learner, courseSlug: 'understanding-addiction' })).assignCourse;
    const cancelled = expectData(await ops.cancelAssignment(t, w.clinician.token, first.id)).cancelAssignment;
    expect(cancelled.state).toBe('CANCELLED');
    expect(cancelled.cancelledAt).toBeTruthy();
    const again = expectData(await ops.assignCourse(t, w.clinician.token, { learnerId: learner, courseSlug: 'understanding-addiction' })).assignCourse;
    expect(again.id).not.toBe(first.id);
  });

  it('a family-program coordinator assigns the family course to a cohort', async () => {
    const cohort = expectData(await ops.createCohort(t, w.clinician.token, 'Tuesday family group', [w.family.id])).createCohort;
    const extra = await manyLearners(t, w.orgId, Role.FAMILY, 2, w.clinician.id);
    expect(expectData(await ops.addToCohort(t, w.clinician.token, cohort.id, extra)).addToCohort.size).toBe(3);
    const result = expectData(await ops.assignCohort(t, w.clinician.token, { cohortId: cohort.id, courseSlug: 'family-dynamics-and-recovery', dueInDays: 14 })).assignCohort;
    expect(result.enrollments).toHaveLength(3);
    expect(result.enrollments.every((e: { source: string }) => e.source === 'COHORT')).toBe(true);
    const family = item(expectData(await ops.myLearning(t, w.family.token)).myLearning, 'family-dynamics-and-recovery');
    expect(family.status).toBe('NOT_STARTED');
    expect(Math.abs(new Date(family.dueAt).getTime() - (Date.now() + 14 * DAY))).toBeLessThan(60_000);
  });

  it("the admin report counts overdue assignments by course and completions per week, for the admin's organization only", async () => {
    const own = await buildWorld(t, 'Report Clinic');
    const [a, b, c] = await manyLearners(t, own.orgId, Role.PATIENT, 3, own.clinician.id);
    const enrollments = t.app.get<Model<Enrollment>>(getModelToken(Enrollment.name));
    for (const learnerId of [a, b]) expectData(await ops.assignCourse(t, own.clinician.token, { learnerId, courseSlug: 'understanding-addiction', dueInDays: 3 }));
    expectData(await ops.assignCourse(t, own.clinician.token, { learnerId: c, courseSlug: 'relapse-prevention-skills', dueInDays: 3 }));
    // Two fell due yesterday; one was completed ten days ago (and is not overdue, whatever its date).
    await enrollments.updateMany({ learnerId: { $in: [a, b].map((id) => new Types.ObjectId(id)) } }, { $set: { dueAt: new Date(Date.now() - DAY) } });
    await enrollments.updateOne({ learnerId: new Types.ObjectId(c) }, { $set: { dueAt: new Date(Date.now() - 20 * DAY), completedAt: new Date(Date.now() - 10 * DAY) } });

    const report = expectData(await t.gql('{ learningReport(weeks: 4) { overdueByCourse { courseSlug courseTitle count } completionsByWeek { weekStart count } } }', {}, own.admin.token)).learningReport;
    expect(report.overdueByCourse).toEqual([{ courseSlug: 'understanding-addiction', courseTitle: 'Understanding Addiction', count: 2 }]);
    expect(report.completionsByWeek.map((week: { count: number }) => week.count)).toEqual([0, 0, 1, 0]);
    expect(errorCode(await t.gql('{ learningReport { completionsByWeek { count } } }', {}, own.clinician.token))).toBe('FORBIDDEN');
  });

  it('the caseload filters by course and by overdue work on the server, before paging', async () => {
    const own = await buildWorld(t, 'Filter Clinic');
    const [a, b, c] = await manyLearners(t, own.orgId, Role.PATIENT, 3, own.clinician.id);
    for (const learnerId of [a, b]) expectData(await ops.assignCourse(t, own.clinician.token, { learnerId, courseSlug: 'understanding-addiction', dueInDays: 3 }));
    expectData(await ops.assignCourse(t, own.clinician.token, { learnerId: c, courseSlug: 'relapse-prevention-skills', dueInDays: 3 }));
    const enrollments = t.app.get<Model<Enrollment>>(getModelToken(Enrollment.name));
    await enrollments.updateOne({ learnerId: new Types.ObjectId(b) }, { $set: { dueAt: new Date(Date.now() - DAY) } });
    const caseload = async (filter: Record<string, unknown>, first = 20, after?: string) =>
      expectData(await t.gql('query($f: CaseloadFilter, $n: Int!, $a: String) { caseload(first: $n, after: $a, filter: $f) { nodes { learner { id } } pageInfo { hasNextPage endCursor } } }', { f: filter, n: first, a: after }, own.clinician.token)).caseload;
    const ids = (page: { nodes: { learner: { id: string } }[] }) => page.nodes.map((n) => n.learner.id).sort();
    expect(ids(await caseload({ courseSlug: 'understanding-addiction' }))).toEqual([a, b].sort());
    expect(ids(await caseload({ overdueOnly: true }))).toEqual([b]);
    expect(ids(await caseload({ courseSlug: 'relapse-prevention-skills', overdueOnly: true }))).toEqual([]);
    const first = await caseload({ courseSlug: 'understanding-addiction' }, 1);
    const second = await caseload({ courseSlug: 'understanding-addiction' }, 1, first.pageInfo.endCursor);
    expect([...ids(first), ...ids(second)].sort()).toEqual([a, b].sort());
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('a member taken out of a cohort is not assigned with it', async () => {
    const [stays, leaves] = await manyLearners(t, w.orgId, Role.FAMILY, 2, w.clinician.id);
    const cohort = expectData(await ops.createCohort(t, w.clinician.token, 'Thursday group', [stays, leaves])).createCohort;
    const after = expectData(await ops.removeFromCohort(t, w.clinician.token, cohort.id, [leaves])).removeFromCohort;
    expect(after).toMatchObject({ size: 1, memberIds: [stays] });
    const result = expectData(await ops.assignCohort(t, w.clinician.token, { cohortId: cohort.id, courseSlug: 'family-dynamics-and-recovery' })).assignCohort;
    expect(result.enrollments.map((e: { learnerId: string }) => e.learnerId)).toEqual([stays]);
  });

  it('an admin assigns staff onboarding due 30 days after assignment; it shows in staff compliance', async () => {
    expectData(await ops.assignCourse(t, w.admin.token, { learnerId: w.staff.id, courseSlug: 'staff-onboarding', dueInDays: 30 }));
    const rows = expectData(await ops.staffCompliance(t, w.admin.token)).staffCompliance.nodes;
    const row = rows.find((r: { staff: { id: string } }) => r.staff.id === w.staff.id);
    expect(row).toMatchObject({ courseSlug: 'staff-onboarding', status: 'NOT_STARTED', percent: 0 });
    expect(Math.abs(new Date(row.dueAt).getTime() - (Date.now() + 30 * DAY))).toBeLessThan(60_000);
  });

  it.each([
    ['a clinician assigning a staff course to a patient', () => ops.assignCourse(t, w.clinician.token, { learnerId: w.patient.id, courseSlug: 'staff-onboarding' }), 'BAD_USER_INPUT', /not a course for patient learners/],
    ['a lesson the course does not have', () => ops.assignCourse(t, w.clinician.token, { learnerId: w.patient.id, courseSlug: 'relapse-prevention-skills', lessonSlugs: ['nope'] }), 'BAD_USER_INPUT', /no lesson "nope"/],
    ['both dueAt and dueInDays', () => ops.assignCourse(t, w.clinician.token, { learnerId: w.patient.id, courseSlug: 'relapse-prevention-skills', dueAt: new Date().toISOString(), dueInDays: 3 }), 'BAD_USER_INPUT', /either dueAt or dueInDays/],
    ['a clinician assigning to staff', () => ops.assignCourse(t, w.clinician.token, { learnerId: w.staff.id, courseSlug: 'staff-onboarding' }), 'FORBIDDEN', /.+/],
    ['a patient assigning', () => ops.assignCourse(t, w.patient.token, { learnerId: w.patient.id, courseSlug: 'relapse-prevention-skills' }), 'FORBIDDEN', /.+/],
    ['a patient self-enrolling in a staff course', () => ops.enroll(t, w.patient.token, 'staff-onboarding'), 'NOT_FOUND', /course was not found/],
    ['a clinician self-enrolling in a patient course', () => ops.enroll(t, w.clinician.token, 'relapse-prevention-skills'), 'NOT_FOUND', /course was not found/],
  ])('refuses %s', async (_label, call, code, message) => {
    const res = await call();
    expect(errorCode(res)).toBe(code);
    expect(res.errors?.[0].message).toMatch(message);
  });
});

it('lets clinicians and admins add a staff course themselves (the training gate sends them to one)', async () => {
  for (const member of [w.clinician, w.admin]) {
    const enrollment = expectData(await ops.enroll(t, member.token, 'confidentiality-essentials')).enroll;
    expect(enrollment.courseSlug).toBe('confidentiality-essentials');
  }
});

describe('progress', () => {
  let learner: { id: string; token: string };
  beforeAll(async () => {
    const [id] = await manyLearners(t, w.orgId, Role.PATIENT, 1, w.clinician.id);
    learner = await signInBulk(t, id, Role.PATIENT);
    expectData(await ops.enroll(t, learner.token, 'relapse-prevention-skills'));
  });
  const urge = () => lessonId('relapse-prevention-skills', 'urge-surfing');

  it('is idempotent by clientEventId and ignores reordered, older positions', async () => {
    const first = expectData(await ops.recordLessonProgress(t, learner.token, { lessonId: urge(), event: 'PROGRESS', positionPercent: 60, secondsSpent: 120, clientEventId: 'event-0001' })).recordLessonProgress;
    const repeat = expectData(await ops.recordLessonProgress(t, learner.token, { lessonId: urge(), event: 'PROGRESS', positionPercent: 60, secondsSpent: 120, clientEventId: 'event-0001' })).recordLessonProgress;
    const older = expectData(await ops.recordLessonProgress(t, learner.token, { lessonId: urge(), event: 'PROGRESS', positionPercent: 30, secondsSpent: 60, clientEventId: 'event-0000' })).recordLessonProgress;
    expect(first).toMatchObject({ positionPercent: 60, secondsSpent: 120, duplicate: false, status: 'IN_PROGRESS' });
    expect(repeat).toMatchObject({ positionPercent: 60, secondsSpent: 120, duplicate: true });
    expect(older).toMatchObject({ positionPercent: 60, secondsSpent: 180, duplicate: false });
  });

  it('caps the time one event can claim', async () => {
    const res = expectData(await ops.recordLessonProgress(t, learner.token, { lessonId: lessonId('relapse-prevention-skills', 'relapse-is-a-process'), event: 'PROGRESS', positionPercent: 5, secondsSpent: 8 * 3600 })).recordLessonProgress;
    expect(res.secondsSpent).toBe(900);
  });

  it('loses nothing under 20 concurrent events on one lesson', async () => {
    const id = lessonId('relapse-prevention-skills', 'triggers-and-cravings');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => ops.recordLessonProgress(t, learner.token, { lessonId: id, event: 'PROGRESS', positionPercent: i * 5, secondsSpent: 10 })),
    );
    results.forEach((r) => expectData(r));
    const final = expectData(await ops.recordLessonProgress(t, learner.token, { lessonId: id, event: 'PROGRESS', positionPercent: 0, secondsSpent: 0 })).recordLessonProgress;
    expect(final).toMatchObject({ secondsSpent: 200, positionPercent: 95 });
  });

  it('waits for the quiz when the course requires it, and completed stays completed', async () => {
    const id = lessonId('relapse-prevention-skills', 'my-relapse-prevention-plan');
    const read = expectData(await ops.recordLessonProgress(t, learner.token, { lessonId: id, event: 'COMPLETED' })).recordLessonProgress;
    expect(read).toMatchObject({ status: 'AWAITING_QUIZ', positionPercent: 100, completedAt: null });
    await t.app.get(ProgressService).recordQuizResult({ learner: { userId: learner.id, orgId: w.orgId, role: Role.PATIENT }, lessonId: id, passed: true, score: 0.8 });
    const after = expectData(await ops.recordLessonProgress(t, learner.token, { lessonId: id, event: 'PROGRESS', positionPercent: 10 })).recordLessonProgress;
    expect(after).toMatchObject({ status: 'COMPLETED', positionPercent: 100, quizPassed: true });
    // A later failed attempt changes nothing.
    await t.app.get(ProgressService).recordQuizResult({ learner: { userId: learner.id, orgId: w.orgId, role: Role.PATIENT }, lessonId: id, passed: false, score: 0.2 });
    const mine = item(expectData(await ops.myLearning(t, learner.token)).myLearning, 'relapse-prevention-skills');
    expect(mine.lessons.find((l: { slug: string }) => l.slug === 'my-relapse-prevention-plan').status).toBe('COMPLETED');
    expect(mine).toMatchObject({ status: 'IN_PROGRESS', completedLessons: 1, totalLessons: 5, percent: 20 });
  });

  it('marks past-due unfinished work OVERDUE', async () => {
    const assigned = expectData(await ops.assignCourse(t, w.clinician.token, { learnerId: learner.id, courseSlug: 'understanding-addiction', dueInDays: 1 })).assignCourse;
    // Two days pass (a past due date cannot be assigned).
    await t.app.get<Model<Enrollment>>(getModelToken(Enrollment.name)).updateOne({ _id: new Types.ObjectId(assigned.id) }, { $set: { dueAt: new Date(Date.now() - DAY) } });
    const mine = item(expectData(await ops.myLearning(t, learner.token)).myLearning, 'understanding-addiction');
    expect(mine.status).toBe('OVERDUE');
  });

  it('locks lessons of an in-order course until the previous one is done, and says why', async () => {
    const mine = item(expectData(await ops.myLearning(t, learner.token)).myLearning, 'understanding-addiction');
    expect(mine.lessons[0]).toMatchObject({ locked: false });
    expect(mine.lessons[1]).toMatchObject({ locked: true, lockReason: 'Finish "What addiction is" first.' });
    expect(mine.nextLesson.slug).toBe('what-addiction-is');
    const early = await ops.recordLessonProgress(t, learner.token, { lessonId: lessonId('understanding-addiction', 'brain-and-behavior'), event: 'COMPLETED' });
    expect(errorCode(early)).toBe('BAD_USER_INPUT');
    expect(early.errors?.[0].message).toMatch(/unlocks after you finish "What addiction is"/);
  });

  it('locks a course behind its prerequisite until that course is complete', async () => {
    expectData(await ops.enroll(t, learner.token, 'basics'));
    expectData(await ops.enroll(t, learner.token, 'next-steps'));
    let next = item(expectData(await ops.myLearning(t, learner.token)).myLearning, 'next-steps');
    expect(next.blockedBy).toEqual(['Basics']);
    expect(next.lessons[0]).toMatchObject({ locked: true, lockReason: 'Complete Basics first.' });
    expect(next.nextLesson).toBeNull();

    const basicsLesson = lessons.basics[0].id;
    expectData(await ops.recordLessonProgress(t, learner.token, { lessonId: basicsLesson, event: 'COMPLETED' }));
    await t.app.get(ProgressService).recordQuizResult({ learner: { userId: learner.id, orgId: w.orgId, role: Role.PATIENT }, lessonId: basicsLesson, passed: true, score: 1 });
    const items = expectData(await ops.myLearning(t, learner.token)).myLearning;
    expect(item(items, 'basics')).toMatchObject({ status: 'COMPLETED', percent: 100 });
    next = item(items, 'next-steps');
    expect(next.blockedBy).toEqual([]);
    expect(next.nextLesson.slug).toBe('making-a-plan');
  });
});

describe('completion survives a failure part-way', () => {
  it('when issuing the record fails, the learner\'s retried completing event still issues it', async () => {
    const [id] = await manyLearners(t, w.orgId, Role.PATIENT, 1);
    const learner = await signInBulk(t, id, Role.PATIENT);
    const principal = { userId: id, orgId: w.orgId, role: Role.PATIENT };
    const lesson = lessons.basics[0].id;
    expectData(await ops.enroll(t, learner.token, 'basics'));
    expectData(await ops.recordLessonProgress(t, learner.token, { lessonId: lesson, event: 'COMPLETED' }));

    const issuer = t.app.get(CompletionRecordsService);
    const failOnce = jest.spyOn(issuer, 'issue').mockRejectedValueOnce(new Error('database unavailable'));
    await expect(t.app.get(ProgressService).recordQuizResult({ learner: principal, lessonId: lesson, passed: true, score: 1 })).rejects.toThrow('database unavailable');
    failOnce.mockRestore();
    const records = async () => expectData(await t.gql('{ myCompletionRecords { nodes { courseSlug } } }', {}, learner.token)).myCompletionRecords.nodes;
    expect(await records()).toEqual([]);

    const retry = expectData(await ops.recordLessonProgress(t, learner.token, { lessonId: lesson, event: 'COMPLETED' })).recordLessonProgress;
    expect(retry.status).toBe('COMPLETED');
    expect(await records()).toEqual([{ courseSlug: 'basics' }]);
  });
});

describe('who sees a learner\'s progress', () => {
  it('the clinician sees it; a family member only with consent, without the clinician\'s note, and with the redisclosure notice', async () => {
    const clinicianView = expectData(await ops.learnerProgress(t, w.clinician.token, w.patient.id)).learnerProgress;
    expect(item(clinicianView.items, 'relapse-prevention-skills').note).toBe('Before Thursday group');
    expect(clinicianView.redisclosureNotice).toBeNull();

    expect(errorCode(await ops.learnerProgress(t, w.family.token, w.patient.id))).toBe('FORBIDDEN');
    const consent = expectData(await identityOps.grantFamilyConsent(t, w.patient.token, consentInput(w.family.id))).grantFamilyConsent;
    const familyView = expectData(await ops.learnerProgress(t, w.family.token, w.patient.id)).learnerProgress;
    expect(item(familyView.items, 'relapse-prevention-skills')).toMatchObject({ status: 'NOT_STARTED', note: null });
    expect(familyView.learner.email).toBeNull();
    expect(familyView.redisclosureNotice).toMatch(/42 CFR part 2/);
    expectData(await identityOps.revokeFamilyConsent(t, w.patient.token, consent.id));
    expect(errorCode(await ops.learnerProgress(t, w.family.token, w.patient.id))).toBe('FORBIDDEN');
  });

  it.each([
    ['staff', () => w.staff.token, 'FORBIDDEN'],
    ['another patient', () => w.patient.token, 'FORBIDDEN'],
  ])('%s cannot read it', async (_label, token, code) => {
    const other = (await manyLearners(t, w.orgId, Role.PATIENT, 1))[0];
    expect(errorCode(await ops.learnerProgress(t, token(), other))).toBe(code);
  });

  it("reads by the care team are audited, and the caseload shows the clinician's clients with overdue counts", async () => {
    const page = expectData(await ops.caseload(t, w.clinician.token)).caseload;
    const ids = page.nodes.map((n: { learner: { id: string } }) => n.learner.id);
    expect(ids).toEqual(expect.arrayContaining([w.patient.id, w.family.id]));
    expect(page.nodes.every((n: { learner: { role: string } }) => ['PATIENT', 'FAMILY'].includes(n.learner.role))).toBe(true);
    const events = expectData(await identityOps.auditEvents(t, w.admin.token, { actorId: w.clinician.id, action: 'CASELOAD_READ' })).auditEvents;
    expect(events.nodes.map((e: { patientId: string }) => e.patientId)).toEqual(expect.arrayContaining([w.patient.id, w.family.id]));
  });
});

describe('database round trips stay constant as lists grow', () => {
  it.each([
    ['caseload', Role.PATIENT],
    ['staffCompliance', Role.STAFF],
  ])('%s costs the same for 5 and for 50 learners', async (operation, role) => {
    const measure = async (size: number) => {
      const world = await buildWorld(t, `Round trips ${operation} ${size}`);
      const ids = await manyLearners(t, world.orgId, role, size, role === Role.PATIENT ? world.clinician.id : undefined);
      const assigner = role === Role.STAFF ? world.admin : world.clinician;
      const course = role === Role.STAFF ? 'staff-onboarding' : 'relapse-prevention-skills';
      for (const id of ids) expectData(await ops.assignCourse(t, assigner.token, { learnerId: id, courseSlug: course, dueInDays: 7 }));
      const caller = operation === 'caseload' ? world.clinician : world.admin;
      let rows = 0;
      const { count, names } = await countCommands(t, async () => {
        const res = operation === 'caseload' ? await ops.caseload(t, caller.token, 100) : await ops.staffCompliance(t, caller.token, 100);
        rows = expectData(res)[operation].nodes.length;
      });
      return { count, names, rows };
    };
    const five = await measure(5);
    const fifty = await measure(50);
    expect(five.rows).toBeGreaterThanOrEqual(5);
    expect(fifty.rows).toBeGreaterThanOrEqual(50);
    expect(five.count).toBeGreaterThanOrEqual(4); // learners, enrollments, courses, progress at least
    expect(fifty.names).toEqual(five.names);
  }, 60000);

  it('myLearning costs the same for 1 and for 5 enrollments', async () => {
    const measure = async (courses: string[]) => {
      const [id] = await manyLearners(t, w.orgId, Role.STAFF, 1);
      const member = await signInBulk(t, id, Role.STAFF);
      for (const course of courses) expectData(await ops.assignCourse(t, w.admin.token, { learnerId: id, courseSlug: course }));
      return countCommands(t, async () => expect(expectData(await ops.myLearning(t, member.token)).myLearning).toHaveLength(courses.length));
    };
    const one = await measure(['staff-onboarding']);
    const three = await measure(['staff-onboarding', 'understanding-addiction', 'continuum-of-care']);
    expect(one.count).toBeGreaterThanOrEqual(3);
    expect(three.names).toEqual(one.names);
  });

  it('recordLessonProgress costs one command on the happy path', async () => {
    const [id] = await manyLearners(t, w.orgId, Role.STAFF, 1);
    const member = await signInBulk(t, id, Role.STAFF);
    const lesson = lessonId('staff-onboarding', 'confidentiality-42-cfr-part-2');
    expectData(await ops.recordLessonProgress(t, member.token, { lessonId: lesson, event: 'STARTED' })); // warms the lesson cache
    const { names } = await countCommands(t, async () => expectData(await ops.recordLessonProgress(t, member.token, { lessonId: lesson, event: 'PROGRESS', positionPercent: 40, secondsSpent: 30 })));
    expect(names).toEqual(['findAndModify']);
  });
});
