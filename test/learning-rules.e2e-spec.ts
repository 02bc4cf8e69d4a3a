import { getModelToken } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { Role } from '../src/auth/principal';
import { QuizAttempt } from '../modules/assessment/schemas/quiz-attempt.schema';
import { CoursesService } from '../modules/curriculum/courses.service';
import { Course } from '../modules/curriculum/schemas/curriculum.schemas';
import { Enrollment } from '../modules/enrollment/schemas/enrollment.schemas';
import { LessonProgress } from '../modules/progress/schemas/lesson-progress.schema';
import { ProgressService } from '../modules/progress/progress.service';
import { CompletionRecordsService } from '../modules/credentials/completion-records.service';
import { errorCode, expectData, type TestApp } from './support/app';
import { answerKey, answersFor, assessmentOps, bundledLessons, lessonOf, setQuizSettings, type BundledLesson } from './support/assessment-operations';
import { credentialOps } from './support/credentials-operations';
import { learningOps as ops, manyLearners, signInBulk } from './support/learning-operations';
import { consentInput, invited, ops as identityOps, startClinic, type Member, type World } from './support/operations';

/**
 * Rules that broke in real use (issue 11): prerequisites that were shown but not
 * enforced, due dates in the past, completion dates lost, the wrong words to family.
 */
let t: TestApp;
let w: World;
let lessons: BundledLesson[];
const DAY = 86_400_000;
const BLOCKED = 'relapse-prevention-skills';
const PREREQUISITE = 'understanding-addiction';

const model = <T>(name: string) => t.app.get<Model<T>>(getModelToken(name));

beforeAll(async () => {
  ({ t, w } = await startClinic('Rules Clinic'));
  lessons = await bundledLessons(t);
  // As in the report: a clinic re-imports with relapse-prevention-skills requiring understanding-addiction.
  const current = await model<Course>(Course.name).findOne({ slug: BLOCKED }).sort({ version: -1 });
  await model<Course>(Course.name).updateOne({ _id: current!._id }, { $set: { prerequisites: [PREREQUISITE] } });
}, 60000);
afterAll(() => t?.close());

async function newPatient(): Promise<Member> {
  const [id] = await manyLearners(t, w.orgId, Role.PATIENT, 1, w.clinician.id);
  return signInBulk(t, id, Role.PATIENT);
}

/** What finishing the prerequisite course leaves behind: its enrollment marked complete. */
async function completePrerequisite(learner: Member): Promise<void> {
  expectData(await ops.enroll(t, learner.token, PREREQUISITE));
  await model<Enrollment>(Enrollment.name).updateOne({ learnerId: new Types.ObjectId(learner.id), courseSlug: PREREQUISITE }, { $set: { completedAt: new Date() } });
}

function expectBlocked(res: { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }): void {
  expect(errorCode(res as never)).toBe('BAD_USER_INPUT');
  expect(res.errors![0].message).toBe('This course opens after you complete "Understanding Addiction".');
  expect(res.errors![0].extensions).toMatchObject({ blockedBy: ['Understanding Addiction'], prerequisites: [PREREQUISITE] });
}

describe('course prerequisites are enforced, not only shown', () => {
  let learner: Member;
  const first = () => lessonOf(lessons, BLOCKED, 'relapse-is-a-process');
  beforeAll(async () => {
    learner = await newPatient();
    expectData(await ops.enroll(t, learner.token, BLOCKED));
  });

  it('the learner sees why the course is locked', async () => {
    const item = expectData(await ops.myLearning(t, learner.token)).myLearning.find((i: { courseSlug: string }) => i.courseSlug === BLOCKED);
    expect(item.blockedBy).toEqual(['Understanding Addiction']);
    expect(item.lessons.every((l: { locked: boolean }) => l.locked)).toBe(true);
  });

  it.each(['STARTED', 'PROGRESS', 'COMPLETED'])('recordLessonProgress %s is refused with the reason', async (event) => {
    expectBlocked(await ops.recordLessonProgress(t, learner.token, { lessonId: first().lessonId, event, positionPercent: 50 }));
    const item = expectData(await ops.myLearning(t, learner.token)).myLearning.find((i: { courseSlug: string }) => i.courseSlug === BLOCKED);
    expect(item).toMatchObject({ status: 'NOT_STARTED', completedLessons: 0 });
  });

  it('startQuizAttempt is refused with the reason', async () => {
    expectBlocked(await assessmentOps.startQuizAttempt(t, learner.token, first().quizId));
    expect(await model<QuizAttempt>(QuizAttempt.name).countDocuments({ learnerId: new Types.ObjectId(learner.id) })).toBe(0);
  });

  it('submitQuizAttempt is refused for an attempt opened before the course gained its prerequisite', async () => {
    // Another learner, whose course is open, opens an attempt; it stands in for one opened before the re-import.
    const open = await newPatient();
    await completePrerequisite(open);
    const attempt = expectData(await assessmentOps.startQuizAttempt(t, open.token, first().quizId)).startQuizAttempt;
    await model<QuizAttempt>(QuizAttempt.name).updateOne({ _id: new Types.ObjectId(attempt.id) }, { $set: { learnerId: new Types.ObjectId(learner.id) } });

    const answers = answersFor(attempt.questions, await answerKey(t, first().quizId));
    expectBlocked(await assessmentOps.submitQuizAttempt(t, learner.token, attempt.id, answers));
    const stored = await model<QuizAttempt>(QuizAttempt.name).findById(attempt.id).lean();
    expect(stored!.status).toBe('IN_PROGRESS');
  });

  it('no completion record is issued for lessons done before the prerequisite was added', async () => {
    const done = await newPatient();
    const course = await model<Course>(Course.name).findOne({ slug: BLOCKED }).sort({ version: -1 }).lean();
    const now = new Date();
    await model<LessonProgress>(LessonProgress.name).insertMany(
      course!.lessons.map((l) => ({
        orgId: new Types.ObjectId(w.orgId),
        learnerId: new Types.ObjectId(done.id),
        courseSlug: BLOCKED,
        lessonSlug: l.slug,
        lessonId: l.lessonId,
        positionPercent: 100,
        secondsSpent: 600,
        quizPassed: true,
        quizScore: 1,
        readCompletedAt: now,
        completedAt: now,
        startedAt: now,
        updatedAt: now,
        eventIds: [],
      })),
    );
    const issued = await t.app.get(ProgressService).evaluateCourse({ userId: done.id, orgId: w.orgId, role: Role.PATIENT }, BLOCKED, now);
    expect(issued).toBe(false);
    expect(expectData(await credentialOps.myCompletionRecords(t, done.token)).myCompletionRecords.nodes).toEqual([]);
  });

  it('once the prerequisite is complete, the same learner moves on', async () => {
    await completePrerequisite(learner);
    const res = expectData(await ops.recordLessonProgress(t, learner.token, { lessonId: first().lessonId, event: 'COMPLETED' })).recordLessonProgress;
    expect(res.status).toBe('AWAITING_QUIZ');
    expect(expectData(await assessmentOps.startQuizAttempt(t, learner.token, first().quizId)).startQuizAttempt.number).toBe(1);
  });
});

describe('due dates', () => {
  const yesterday = () => new Date(Date.now() - DAY).toISOString();

  it.each([
    ['assignCourse', () => ops.assignCourse(t, w.clinician.token, { learnerId: w.patient.id, courseSlug: PREREQUISITE, dueAt: '2020-01-01T00:00:00.000Z' })],
    ['assignCourse, yesterday', () => ops.assignCourse(t, w.clinician.token, { learnerId: w.patient.id, courseSlug: PREREQUISITE, dueAt: yesterday() })],
    [
      'assignCohort',
      async () => {
        const cohort = expectData(await ops.createCohort(t, w.clinician.token, 'Past due group', [w.patient.id])).createCohort;
        return ops.assignCohort(t, w.clinician.token, { cohortId: cohort.id, courseSlug: PREREQUISITE, dueAt: yesterday() });
      },
    ],
  ])('a past due date is refused by %s with BAD_USER_INPUT, and nothing is assigned', async (_label, call) => {
    const res = await call();
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/is already past; choose a date after now/);
    expect(res.errors?.[0].extensions?.field).toBe('dueAt');
    expect(await model<Enrollment>(Enrollment.name).countDocuments({ learnerId: new Types.ObjectId(w.patient.id), courseSlug: PREREQUISITE })).toBe(0);
  });

  it('a future due date is accepted', async () => {
    const dueAt = new Date(Date.now() + 7 * DAY).toISOString();
    expect(expectData(await ops.assignCourse(t, w.clinician.token, { learnerId: w.patient.id, courseSlug: PREREQUISITE, dueAt })).assignCourse.dueAt).toBe(dueAt);
  });
});

describe('staff compliance', () => {
  it('shows the real completion date when the course was finished before it was assigned', async () => {
    const [id] = await manyLearners(t, w.orgId, Role.STAFF, 1);
    const member = await signInBulk(t, id, Role.STAFF);
    const course = await model<Course>(Course.name).findOne({ slug: 'staff-onboarding' }).sort({ version: -1 }).lean();
    // Finished on their own, before anyone assigned it: every lesson read, every quiz passed.
    for (const lesson of course!.lessons) {
      const lessonId = lesson.lessonId.toHexString();
      expectData(await ops.recordLessonProgress(t, member.token, { lessonId, event: 'COMPLETED' }));
      await t.app.get(ProgressService).recordQuizResult({ learner: { userId: id, orgId: w.orgId, role: Role.STAFF }, lessonId, passed: true, score: 1 });
    }
    const finished = await model<LessonProgress>(LessonProgress.name).find({ learnerId: new Types.ObjectId(id) }).lean();
    const finishedAt = new Date(Math.max(...finished.map((p) => p.completedAt!.getTime()))).toISOString();

    expectData(await ops.assignCourse(t, w.admin.token, { learnerId: id, courseSlug: 'staff-onboarding', dueInDays: 30 }));
    const rows = expectData(await t.gql('{ staffCompliance(first: 100) { nodes { staff { id } courseSlug status completedAt } } }', {}, w.admin.token)).staffCompliance.nodes;
    expect(rows.find((r: { staff: { id: string } }) => r.staff.id === id)).toMatchObject({ courseSlug: 'staff-onboarding', status: 'COMPLETED', completedAt: finishedAt });
    const mine = expectData(await ops.myLearning(t, member.token)).myLearning[0];
    expect(mine).toMatchObject({ status: 'COMPLETED', completedAt: finishedAt });
  });
});

describe('family members and reflections', () => {
  it('a family member with an active consent is told reflections are never shared', async () => {
    const family = await invited(t, w.clinician, Role.FAMILY, 'Fran Family', w.patient.id);
    expectData(await identityOps.grantFamilyConsent(t, w.patient.token, consentInput(family.id, { scopes: ['PROGRESS', 'COMPLETIONS'] })));
    const res = await assessmentOps.reflections(t, family.token, { learnerId: w.patient.id });
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(res.errors?.[0].message).toBe("Reflections are private: they are never shared with family members, whatever the patient's consent says.");
    expect(res.errors?.[0].message).not.toMatch(/consent is active and covers it/);
  });

  it('a family member without consent asking for progress is still told about consent', async () => {
    const res = await ops.learnerProgress(t, w.family.token, w.patient.id);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(res.errors?.[0].message).toMatch(/consent is active and covers it/);
  });
});

describe('the safety screen hears relapse talk', () => {
  it('a learner who writes about using gets a supportive answer, and the reflection goes to the top of the review queue', async () => {
    const [writer, calm] = [await newPatient(), await newPatient()];
    const { lessonId } = lessonOf(lessons, 'understanding-addiction', 'what-addiction-is');
    const found = await t.app.get(CoursesService).lessonWithCourse(lessonId);
    const promptId = found!.lesson.reflectionPrompts[0].id;
    expectData(await assessmentOps.submitReflection(t, calm.token, { lessonId, promptId, text: 'I walk the dog when work gets stressful.' }));
    const saved = expectData(await assessmentOps.submitReflection(t, writer.token, { lessonId, promptId, text: 'I relapsed last night. I used heroin after my shift.' })).submitReflection;
    expect(saved.safety).toMatchObject({ flagged: true, categories: ['RELAPSE'] });
    expect(saved.safety.message).toMatch(/Thank you for being honest/);
    expect(saved.safety.message).not.toMatch(/988/);
    const queue = expectData(await assessmentOps.reflectionReviewQueue(t, w.clinician.token)).reflectionReviewQueue.nodes;
    expect(queue[0]).toMatchObject({ id: saved.reflection.id, flagged: true, flagReasons: ['RELAPSE'] });
  });

  it('self-harm keeps the crisis answer', async () => {
    const writer = await newPatient();
    const { lessonId } = lessonOf(lessons, 'understanding-addiction', 'what-addiction-is');
    const promptId = (await t.app.get(CoursesService).lessonWithCourse(lessonId))!.lesson.reflectionPrompts[0].id;
    const saved = expectData(await assessmentOps.submitReflection(t, writer.token, { lessonId, promptId, text: 'I relapsed and I want to die.' })).submitReflection;
    expect(saved.safety.categories).toEqual(['SELF_HARM', 'RELAPSE']);
    expect(saved.safety.message).toMatch(/call or text 988/);
  });
});

describe('links follow the address actually served', () => {
  it('without PUBLIC_BASE_URL, share links, certificates and badge ids use the port in use, not 3000', async () => {
    expect(t.url).not.toBe('http://127.0.0.1:3000');
    const { id } = await t.app.get(CompletionRecordsService).issue({ orgId: w.orgId, learnerId: w.patient.id, courseSlug: 'understanding-addiction', courseVersion: 1, completedAt: new Date() });
    const share = expectData(await credentialOps.createCompletionShare(t, w.patient.token, id, new Date(Date.now() + 7 * DAY))).createCompletionShare;
    expect(share.verifyUrl).toBe(`${t.url}/verify/${share.shareCode}`);
    const [record] = expectData(await credentialOps.myCompletionRecords(t, w.patient.token)).myCompletionRecords.nodes;
    expect(record.certificateUrl).toMatch(new RegExp(`^${t.url}/certificates/`));
    const badge = expectData(await credentialOps.completionBadge(t, w.patient.token, id)).completionBadge;
    expect(badge.keyUrl.startsWith(`${t.url}/`)).toBe(true);
    const payload = JSON.parse(Buffer.from(badge.jwt.split('.')[1], 'base64url').toString());
    expect(payload.issuer.id).toBe(`${t.url}/issuers/${w.orgId}`);
  });
});

describe('a learner out of quiz attempts is not a dead end', () => {
  let learner: Member;
  const lesson = () => lessonOf(lessons, 'understanding-addiction', 'what-addiction-is');
  const grant = (token: string, args: Partial<{ learnerId: string; quizId: string; extra: number; reason: string }> = {}) =>
    t.gql(
      `mutation($l: ID!, $q: ID!, $e: Int!, $r: String!) { grantQuizAttempts(learnerId: $l, quizId: $q, extra: $e, reason: $r) {
        learnerId askForMoreAttempts standing { attemptsUsed attemptsAllowed attemptsRemaining outOfAttempts passed } } }`,
      { l: args.learnerId ?? learner.id, q: args.quizId ?? lesson().quizId, e: args.extra ?? 1, r: args.reason ?? 'Went over the material together in session' },
      token,
    );
  const stuckIn = async (token: string) => {
    const nodes = expectData(await ops.caseload(t, token, 100)).caseload.nodes as Array<{ learner: { id: string } }>;
    const mine = expectData(await t.gql('{ caseload(first: 100) { nodes { learner { id } stuckLessons { slug quizId outOfAttempts } } } }', {}, token)).caseload.nodes;
    expect(nodes.length).toBe(mine.length);
    return mine.find((n: { learner: { id: string } }) => n.learner.id === learner.id).stuckLessons;
  };

  beforeAll(async () => {
    learner = await newPatient();
    await setQuizSettings(t, lesson().quizId, { maxAttempts: 1, cooldownMinutes: undefined });
    expectData(await ops.enroll(t, learner.token, 'understanding-addiction'));
    expectData(await ops.recordLessonProgress(t, learner.token, { lessonId: lesson().lessonId, event: 'COMPLETED' }));
    const attempt = expectData(await assessmentOps.startQuizAttempt(t, learner.token, lesson().quizId)).startQuizAttempt;
    const failed = expectData(await assessmentOps.submitQuizAttempt(t, learner.token, attempt.id, answersFor(attempt.questions, await answerKey(t, lesson().quizId), 0))).submitQuizAttempt;
    expect(failed.standing).toMatchObject({ passed: false, attemptsRemaining: 0, outOfAttempts: true });
  });

  it('the learner sees that attempts ran out and whom to ask, by name', async () => {
    const clinician = expectData(await identityOps.me(t, w.clinician.token)).me.displayName;
    const refused = await assessmentOps.startQuizAttempt(t, learner.token, lesson().quizId);
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0].message).toContain(`Ask your clinician, ${clinician}, for another attempt.`);
    expect(refused.errors?.[0].extensions).toMatchObject({ outOfAttempts: true, askForMoreAttempts: `Ask your clinician, ${clinician}, for another attempt.` });

    const history = expectData(
      await t.gql('query($q: ID!) { quizAttempts(quizId: $q) { askForMoreAttempts standing { outOfAttempts attemptsRemaining } } }', { q: lesson().quizId }, learner.token),
    ).quizAttempts;
    expect(history).toEqual({ askForMoreAttempts: `Ask your clinician, ${clinician}, for another attempt.`, standing: { outOfAttempts: true, attemptsRemaining: 0 } });
    const item = expectData(await ops.myLearning(t, learner.token)).myLearning.find((i: { courseSlug: string }) => i.courseSlug === 'understanding-addiction');
    expect(expectData(await t.gql('{ myLearning { courseSlug lessons { slug status outOfAttempts } } }', {}, learner.token)).myLearning
      .find((i: { courseSlug: string }) => i.courseSlug === 'understanding-addiction').lessons[0]).toEqual({ slug: 'what-addiction-is', status: 'AWAITING_QUIZ', outOfAttempts: true });
    expect(item.nextLesson.slug).toBe('what-addiction-is');
  });

  it("the caseload shows the stuck learner and the quiz to grant", async () => {
    expect(await stuckIn(w.clinician.token)).toEqual([{ slug: 'what-addiction-is', quizId: lesson().quizId, outOfAttempts: true }]);
  });

  it.each([
    ['the learner', () => learner.token, 'FORBIDDEN'],
    ['a staff member', () => w.staff.token, 'FORBIDDEN'],
    ['a family member', () => w.family.token, 'FORBIDDEN'],
  ])('%s cannot grant attempts', async (_label, token, code) => {
    expect(errorCode(await grant(token()))).toBe(code);
  });

  it.each([
    ['no extra', { extra: 0 }],
    ['too many', { extra: 50 }],
    ['no reason', { reason: '   ' }],
    ['a quiz id that is not one', { quizId: 'not-an-id' }],
  ])('refuses %s with BAD_USER_INPUT', async (_label, args) => {
    expect(errorCode(await grant(w.clinician.token, args))).toBe('BAD_USER_INPUT');
  });

  it('a clinician cannot grant a staff member attempts', async () => {
    expect(errorCode(await grant(w.clinician.token, { learnerId: w.staff.id }))).toBe('FORBIDDEN');
  });

  it('the care team grants one more, audited with the reason; the learner is unstuck and can pass', async () => {
    const granted = expectData(await grant(w.clinician.token)).grantQuizAttempts;
    expect(granted).toEqual({ learnerId: learner.id, askForMoreAttempts: null, standing: { attemptsUsed: 1, attemptsAllowed: 2, attemptsRemaining: 1, outOfAttempts: false, passed: false } });
    const events = expectData(await identityOps.auditEvents(t, w.admin.token, { actorId: w.clinician.id, patientId: learner.id, action: 'QUIZ_ATTEMPTS_GRANTED' })).auditEvents.nodes;
    expect(events).toHaveLength(1);
    expect(await stuckIn(w.clinician.token)).toEqual([]);

    const second = expectData(await assessmentOps.startQuizAttempt(t, learner.token, lesson().quizId)).startQuizAttempt;
    expect(second).toMatchObject({ number: 2, maxAttempts: 2 });
    const passed = expectData(await assessmentOps.submitQuizAttempt(t, learner.token, second.id, answersFor(second.questions, await answerKey(t, lesson().quizId)))).submitQuizAttempt;
    expect(passed.standing).toMatchObject({ passed: true, outOfAttempts: false });
    const item = expectData(await ops.myLearning(t, learner.token)).myLearning.find((i: { courseSlug: string }) => i.courseSlug === 'understanding-addiction');
    expect(item.lessons[0].status).toBe('COMPLETED');
  });
});
