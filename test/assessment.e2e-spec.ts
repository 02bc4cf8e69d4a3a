import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { Role } from '../src/auth/principal';
import { CompletionRecordsService } from '../modules/credentials';
import { errorCode, expectData, type TestApp } from './support/app';
import {
  answerKey,
  answersFor,
  assessmentOps as ops,
  attemptsModel,
  bundledLessons,
  commandsDuring,
  lessonOf,
  setQuizSettings,
  type BundledLesson,
} from './support/assessment-operations';
import { learningOps } from './support/learning-operations';
import { startClinic, invited, ops as identityOps, type Member, type World } from './support/operations';

let t: TestApp;
let w: World;
let lessons: BundledLesson[];

beforeAll(async () => {
  ({ t, w } = await startClinic('Quiz Clinic'));
  lessons = await bundledLessons(t);
}, 60000);
afterAll(() => t?.close());

/** A fresh patient for each story, so attempt counts never depend on another test. */
const newPatient = (name = 'Quinn Patient'): Promise<Member> => invited(t, w.clinician, Role.PATIENT, name);
const lesson = (course: string, slug: string) => lessonOf(lessons, course, slug);

async function start(member: Member, quizId: string) {
  return expectData(await ops.startQuizAttempt(t, member.token, quizId)).startQuizAttempt;
}
async function submit(member: Member, attempt: { id: string; questions: Array<{ id: string }> }, quizId: string, rightCount: number, key = randomUUID()) {
  const answers = answersFor(attempt.questions, await answerKey(t, quizId), rightCount, { skipRest: true });
  return expectData(await ops.submitQuizAttempt(t, member.token, attempt.id, answers, key)).submitQuizAttempt;
}

describe('fail, retry, pass', () => {
  it('a learner fails, retries and passes, sees why each answer was right or wrong, and the lesson records the passed quiz', async () => {
    const learner = await newPatient();
    const { quizId, lessonId } = lesson('relapse-prevention-skills', 'triggers-and-cravings');
    const key = await answerKey(t, quizId);

    const first = await start(learner, quizId);
    expect(first).toMatchObject({ number: 1, status: 'IN_PROGRESS', score: null, passed: null, feedback: null, standing: null, maxAttempts: 3 });
    const wrong = answersFor(first.questions, key, 0);
    const failed = expectData(await ops.submitQuizAttempt(t, learner.token, first.id, wrong)).submitQuizAttempt;
    expect(failed).toMatchObject({ status: 'SUBMITTED', score: 0, passed: false });
    expect(failed.standing).toEqual({ gradingMethod: 'HIGHEST', score: 0, passed: false, attemptsUsed: 1, attemptsAllowed: 3, attemptsRemaining: 2, outOfAttempts: false });
    // Why each answer was wrong: the learner's choice, the right option(s) and the rationale, per question, in the attempt's order.
    // (Correct ids come in the attempt's option order; compared as sets.)
    const sortedIds = (f: { correctOptionIds: string[] }) => ({ ...f, correctOptionIds: [...f.correctOptionIds].sort() });
    expect(failed.feedback.map(sortedIds)).toEqual(
      first.questions.map((q: { id: string }) => ({
        questionId: q.id,
        correct: false,
        credit: 0,
        chosenOptionIds: [key.get(q.id)!.wrong[0]],
        correctOptionIds: [...key.get(q.id)!.correct].sort(),
        rationale: key.get(q.id)!.rationale,
      })),
    );

    const second = await start(learner, quizId);
    expect(second.number).toBe(2);
    const passed = expectData(await ops.submitQuizAttempt(t, learner.token, second.id, answersFor(second.questions, key))).submitQuizAttempt;
    expect(passed).toMatchObject({ score: 1, passed: true });
    expect(passed.feedback.every((f: { correct: boolean; rationale: string }) => f.correct && f.rationale.length > 20)).toBe(true);
    expect(passed.standing).toMatchObject({ score: 1, passed: true, attemptsUsed: 2, attemptsRemaining: 1 });

    // The progress module heard about it: the quiz counts as passed for the lesson, which completes once read.
    const progress = expectData(await learningOps.recordLessonProgress(t, learner.token, { lessonId, event: 'COMPLETED' })).recordLessonProgress;
    expect(progress).toMatchObject({ quizPassed: true, status: 'COMPLETED' });
  });

  it('passing every quiz of a course, with the lessons read, completes the course', async () => {
    const learner = await newPatient();
    expectData(await learningOps.enroll(t, learner.token, 'continuum-of-care'));
    for (const l of lessons.filter((x) => x.courseSlug === 'continuum-of-care')) {
      expectData(await learningOps.recordLessonProgress(t, learner.token, { lessonId: l.lessonId, event: 'COMPLETED' }));
      const attempt = await start(learner, l.quizId);
      expect((await submit(learner, attempt, l.quizId, attempt.questions.length)).passed).toBe(true);
    }
    const item = expectData(await learningOps.myLearning(t, learner.token)).myLearning.find((i: { courseSlug: string }) => i.courseSlug === 'continuum-of-care');
    expect(item.status).toBe('COMPLETED');
  });
});

describe('attempt limit and cooldown', () => {
  it('a fourth attempt is refused with a message naming the limit; a submitted attempt cannot be resubmitted with a new key or changed', async () => {
    const learner = await newPatient();
    const { quizId } = lesson('relapse-prevention-skills', 'relapse-is-a-process');
    let lastId = '';
    for (let n = 1; n <= 3; n++) {
      const attempt = await start(learner, quizId);
      await submit(learner, attempt, quizId, 1);
      lastId = attempt.id;
    }
    const refused = await ops.startQuizAttempt(t, learner.token, quizId);
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors![0].message).toMatch(/used all 3 attempts/);
    expect(refused.errors![0].extensions).toMatchObject({ maxAttempts: 3 });

    const resubmit = await ops.submitQuizAttempt(t, learner.token, lastId, [], randomUUID());
    expect(errorCode(resubmit)).toBe('CONFLICT');
    expect(resubmit.errors![0].message).toMatch(/already submitted.*used all 3 attempts/);
    const resave = await ops.saveQuizAnswers(t, learner.token, lastId, []);
    expect(errorCode(resave)).toBe('CONFLICT');
    expect(resave.errors![0].message).toMatch(/answers can no longer change/);
    expect(await attemptsModel(t).countDocuments({ learnerId: new Types.ObjectId(learner.id) })).toBe(3);
  });

  it('a cooldown holds the next attempt back until it has passed, and says when', async () => {
    const learner = await newPatient();
    const { quizId } = lesson('relapse-prevention-skills', 'high-risk-situations');
    await setQuizSettings(t, quizId, { cooldownMinutes: 30 });
    try {
      const first = await start(learner, quizId);
      await submit(learner, first, quizId, 0);

      const held = await ops.startQuizAttempt(t, learner.token, quizId);
      expect(errorCode(held)).toBe('RATE_LIMITED');
      expect(held.errors![0].message).toMatch(/wait between attempts.*30 minutes/);
      expect(held.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(29 * 60);
      const history = expectData(await ops.quizAttempts(t, learner.token, quizId)).quizAttempts;
      expect(new Date(history.nextAttemptAvailableAt).getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);

      // Thirty-one minutes later.
      await attemptsModel(t).updateOne({ _id: new Types.ObjectId(first.id) }, { $set: { submittedAt: new Date(Date.now() - 31 * 60_000) } });
      expect((await start(learner, quizId)).number).toBe(2);
    } finally {
      await setQuizSettings(t, quizId, { cooldownMinutes: 0 });
    }
  });
});

describe('idempotent and concurrent submission', () => {
  it('submitting twice with the same key returns the same result and keeps one graded attempt', async () => {
    const learner = await newPatient();
    const { quizId } = lesson('understanding-addiction', 'what-addiction-is');
    const attempt = await start(learner, quizId);
    const answers = answersFor(attempt.questions, await answerKey(t, quizId), 3);
    const key = randomUUID();
    const once = expectData(await ops.submitQuizAttempt(t, learner.token, attempt.id, answers, key)).submitQuizAttempt;
    // The retry even sends different answers (a confused client): the stored result stands.
    const twice = expectData(await ops.submitQuizAttempt(t, learner.token, attempt.id, [], key)).submitQuizAttempt;
    expect(twice).toEqual(once);
    const history = expectData(await ops.quizAttempts(t, learner.token, quizId)).quizAttempts;
    expect(history.attempts).toHaveLength(1);
    expect(history.standing.attemptsUsed).toBe(1);
  });

  it('a submit that completes nothing is two commands: the graded attempt write and the progress write; a passing one skips the attempt read too', async () => {
    const learner = await newPatient();
    const { quizId } = lesson('continuum-of-care', 'what-iop-is');
    const key = await answerKey(t, quizId);
    const attempt = await start(learner, quizId);
    // Answers that do not fit are refused and the attempt stays open (this also warms the course caches).
    expect(errorCode(await ops.submitQuizAttempt(t, learner.token, attempt.id, [{ questionId: 'not-a-question', optionIds: [] }], randomUUID()))).toBe('BAD_USER_INPUT');
    const idempotencyKey = randomUUID();
    let failed: unknown;
    const first = await commandsDuring(t, async () => (failed = expectData(await ops.submitQuizAttempt(t, learner.token, attempt.id, answersFor(attempt.questions, key, 0), idempotencyKey)).submitQuizAttempt));
    expect(failed).toMatchObject({ status: 'SUBMITTED', score: 0, passed: false });
    expect(first).toEqual(['findAndModify quizAttempts', 'findAndModify lessonProgress']);
    // A repeat finds the attempt already submitted and answers from it.
    const repeat = await commandsDuring(t, async () => expect(expectData(await ops.submitQuizAttempt(t, learner.token, attempt.id, [], idempotencyKey)).submitQuizAttempt).toEqual(failed));
    expect(repeat.filter((c) => c.endsWith(' quizAttempts'))).toEqual(['findAndModify quizAttempts', 'find quizAttempts']);
    // A pass completes the lesson (more commands follow for that), but the attempt is still written once and never read.
    const second = await start(learner, quizId);
    const passing = await commandsDuring(t, async () => expect(expectData(await ops.submitQuizAttempt(t, learner.token, second.id, answersFor(second.questions, key))).submitQuizAttempt).toMatchObject({ passed: true }));
    expect(passing.slice(0, 2)).toEqual(['findAndModify quizAttempts', 'findAndModify lessonProgress']);
    expect(passing.filter((c) => c.endsWith(' quizAttempts'))).toEqual(['findAndModify quizAttempts']);
  });

  it('a pass that completes its lesson but not the course is three commands: the graded attempt, the lesson, and the enrollment that counts it; passing it again is two', async () => {
    const learner = await newPatient();
    expectData(await learningOps.enroll(t, learner.token, 'continuum-of-care'));
    const [first, second] = lessons.filter((x) => x.courseSlug === 'continuum-of-care');
    // The enrollment lists its completed lessons from the first completion on (filled once from lesson progress).
    const fill = await commandsDuring(t, async () => expect((await submit(learner, await start(learner, first.quizId), first.quizId, 99)).passed).toBe(true));
    expect(fill.filter((c) => c === 'find lessonProgress')).toHaveLength(1);
    const attempt = await start(learner, second.quizId);
    const answers = answersFor(attempt.questions, await answerKey(t, second.quizId));
    const passing = await commandsDuring(t, async () => expect(expectData(await ops.submitQuizAttempt(t, learner.token, attempt.id, answers)).submitQuizAttempt.passed).toBe(true));
    expect(passing).toEqual(['findAndModify quizAttempts', 'findAndModify lessonProgress', 'findAndModify enrollments']);
    const item = expectData(await learningOps.myLearning(t, learner.token)).myLearning.find((i: { courseSlug: string }) => i.courseSlug === 'continuum-of-care');
    expect(item).toMatchObject({ status: 'IN_PROGRESS', completedLessons: 2 });
    // Passing again, with the score the lesson already has, changes nothing the course counts: two commands.
    const again = await start(learner, second.quizId);
    const sameAnswers = answersFor(again.questions, await answerKey(t, second.quizId));
    const repass = await commandsDuring(t, async () => expect(expectData(await ops.submitQuizAttempt(t, learner.token, again.id, sameAnswers)).submitQuizAttempt.passed).toBe(true));
    expect(repass).toEqual(['findAndModify quizAttempts', 'findAndModify lessonProgress']);
  });

  it('a pass that completes the course is five commands: the attempt, the lesson, the enrollment (completed), the learner with their organization, and the record', async () => {
    const course = lessons.filter((x) => x.courseSlug === 'continuum-of-care');
    const completeCourse = async (learner: Member) => {
      expectData(await learningOps.enroll(t, learner.token, 'continuum-of-care'));
      for (const l of course.slice(0, -1)) await submit(learner, await start(learner, l.quizId), l.quizId, 99);
      const last = course[course.length - 1];
      const attempt = await start(learner, last.quizId);
      const answers = answersFor(attempt.questions, await answerKey(t, last.quizId));
      return commandsDuring(t, async () => expect(expectData(await ops.submitQuizAttempt(t, learner.token, attempt.id, answers)).submitQuizAttempt.passed).toBe(true));
    };
    await completeCourse(await newPatient('Cora Complete')); // the course version is remembered from the first record on
    const learner = await newPatient('Cody Complete');
    expect(await completeCourse(learner)).toEqual([
      'findAndModify quizAttempts',
      'findAndModify lessonProgress',
      'findAndModify enrollments',
      'aggregate users',
      'insert completionRecords',
    ]);
    const records = expectData(await t.gql('{ myCompletionRecords { nodes { courseSlug nameAsIssued issuerName } } }', {}, learner.token)).myCompletionRecords.nodes;
    expect(records).toEqual([{ courseSlug: 'continuum-of-care', nameAsIssued: 'Cody Complete', issuerName: expect.stringMatching(/^Quiz Clinic/) }]);
  });

  it('two submits completing the last two lessons of a course at once complete it once: one completion record, issued once', async () => {
    const issuer = t.app.get(CompletionRecordsService);
    const issue = jest.spyOn(issuer, 'issue');
    try {
      const learners = await Promise.all(['Ria Race', 'Ray Race', 'Rae Race'].map((name) => newPatient(name)));
      const course = lessons.filter((x) => x.courseSlug === 'continuum-of-care');
      await Promise.all(
        learners.map(async (learner) => {
          expectData(await learningOps.enroll(t, learner.token, 'continuum-of-care'));
          for (const l of course.slice(0, 2)) await submit(learner, await start(learner, l.quizId), l.quizId, 99);
          const last = await Promise.all(course.slice(2).map(async (l) => ({ l, attempt: await start(learner, l.quizId) })));
          const results = await Promise.all(last.map(({ l, attempt }) => submit(learner, attempt, l.quizId, 99)));
          expect(results.map((r) => r.passed)).toEqual([true, true]);
        }),
      );
      for (const learner of learners) {
        const item = expectData(await learningOps.myLearning(t, learner.token)).myLearning.find((i: { courseSlug: string }) => i.courseSlug === 'continuum-of-care');
        expect(item).toMatchObject({ status: 'COMPLETED', completedLessons: 4 });
        const records = expectData(await t.gql('{ myCompletionRecords { nodes { courseSlug } } }', {}, learner.token)).myCompletionRecords.nodes;
        expect(records).toEqual([{ courseSlug: 'continuum-of-care' }]);
        expect(issue.mock.calls.filter(([input]) => input.learnerId === learner.id)).toHaveLength(1);
      }
    } finally {
      issue.mockRestore();
    }
  });

  it('lessons passed before enrolling count: the enrollment fills its list from lesson progress and the last pass completes the course', async () => {
    const learner = await newPatient();
    const course = lessons.filter((x) => x.courseSlug === 'continuum-of-care');
    for (const l of course.slice(0, 3)) await submit(learner, await start(learner, l.quizId), l.quizId, 99);
    expectData(await learningOps.enroll(t, learner.token, 'continuum-of-care'));
    const last = course[3];
    expect((await submit(learner, await start(learner, last.quizId), last.quizId, 99)).passed).toBe(true);
    const records = expectData(await t.gql('{ myCompletionRecords { nodes { courseSlug score } } }', {}, learner.token)).myCompletionRecords.nodes;
    expect(records).toEqual([{ courseSlug: 'continuum-of-care', score: 1 }]);
  });

  it('ten concurrent submits of one attempt with the same key all get the one graded result', async () => {
    const learner = await newPatient();
    const { quizId } = lesson('continuum-of-care', 'the-continuum-and-asam-levels');
    const attempt = await start(learner, quizId);
    const answers = answersFor(attempt.questions, await answerKey(t, quizId), 4);
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 10 }, () => ops.submitQuizAttempt(t, learner.token, attempt.id, answers, key)));
    const payloads = results.map((r) => expectData(r).submitQuizAttempt);
    expect(new Set(payloads.map((p) => JSON.stringify(p))).size).toBe(1);
    expect(payloads[0]).toMatchObject({ id: attempt.id, status: 'SUBMITTED' });
    expect(await attemptsModel(t).countDocuments({ learnerId: new Types.ObjectId(learner.id) })).toBe(1);
  });

  it('ten concurrent submits with different keys: one is graded, nine are told it was already submitted', async () => {
    const learner = await newPatient();
    const { quizId } = lesson('continuum-of-care', 'asam-six-dimensions');
    const attempt = await start(learner, quizId);
    const key = await answerKey(t, quizId);
    // Each request answers differently, so a second grading would show.
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => ops.submitQuizAttempt(t, learner.token, attempt.id, answersFor(attempt.questions, key, i % 6), randomUUID())),
    );
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT')).toHaveLength(9);
    const stored = expectData(await ops.quizAttempt(t, learner.token, attempt.id)).quizAttempt;
    expect(stored.score).toBe(ok[0].data!.submitQuizAttempt.score);
  });

  it('ten concurrent starts open one attempt at a time, numbers stay unique, and the limit holds', async () => {
    const learner = await newPatient();
    const { quizId } = lesson('continuum-of-care', 'our-services-and-getting-help');
    for (let round = 1; round <= 3; round++) {
      const results = await Promise.all(Array.from({ length: 10 }, () => ops.startQuizAttempt(t, learner.token, quizId)));
      const attempts = results.map((r) => expectData(r).startQuizAttempt);
      expect(new Set(attempts.map((a) => a.id)).size).toBe(1);
      expect(attempts[0].number).toBe(round);
      await submit(learner, attempts[0], quizId, 0);
    }
    const refused = await Promise.all(Array.from({ length: 10 }, () => ops.startQuizAttempt(t, learner.token, quizId)));
    expect(refused.map(errorCode)).toEqual(Array(10).fill('CONFLICT'));
    const numbers = (await attemptsModel(t).find({ learnerId: new Types.ObjectId(learner.id) }, { number: 1 }).lean()).map((a) => a.number).sort();
    expect(numbers).toEqual([1, 2, 3]);
  });
});

describe('order, saving and resuming', () => {
  const orderOf = (a: { questions: Array<{ id: string; options: Array<{ id: string }> }> }) => a.questions.map((q) => `${q.id}:${q.options.map((o) => o.id).join('')}`);

  it('the shuffled order stays fixed across save, resume on another device, reads and submission', async () => {
    const learner = await newPatient();
    const { quizId } = lesson('continuum-of-care', 'what-iop-is');
    const started = await start(learner, quizId);
    const order = orderOf(started);
    const answers = answersFor(started.questions, await answerKey(t, quizId), 2, { skipRest: true });

    const saved = expectData(await ops.saveQuizAnswers(t, learner.token, started.id, answers)).saveQuizAnswers;
    expect(orderOf(saved)).toEqual(order);
    expect(saved.savedAnswers).toEqual(answers);
    expect(saved.savedAt).toBeTruthy();

    // "Another device": starting again resumes the same attempt with the saved work.
    const resumed = await start(learner, quizId);
    expect(resumed.id).toBe(started.id);
    expect(orderOf(resumed)).toEqual(order);
    expect(resumed.savedAnswers).toEqual(answers);
    expect(orderOf(expectData(await ops.quizAttempt(t, learner.token, started.id)).quizAttempt)).toEqual(order);

    const submitted = expectData(await ops.submitQuizAttempt(t, learner.token, started.id, resumed.savedAnswers)).submitQuizAttempt;
    expect(orderOf(submitted)).toEqual(order);
    expect(submitted.feedback.map((f: { questionId: string }) => f.questionId)).toEqual(started.questions.map((q: { id: string }) => q.id));
  });

  it('each attempt gets its own order', async () => {
    const learner = await newPatient();
    const { quizId } = lesson('continuum-of-care', 'the-continuum-and-asam-levels');
    const orders: string[] = [];
    for (let n = 0; n < 3; n++) {
      const attempt = await start(learner, quizId);
      orders.push(orderOf(attempt).join('|'));
      await submit(learner, attempt, quizId, 0);
    }
    expect(new Set(orders).size).toBeGreaterThan(1);
  });

  it.each<[string, (q: Array<{ id: string; options: Array<{ id: string }> }>) => Array<{ questionId: string; optionIds: string[] }>, RegExp]>([
    ['a question from elsewhere', () => [{ questionId: 'not-in-this-quiz', optionIds: ['a'] }], /not a question in this attempt/],
    ['an option from elsewhere', (q) => [{ questionId: q[0].id, optionIds: ['zz'] }], /"zz" is not an option of question 1/],
    ['the same question twice', (q) => [{ questionId: q[0].id, optionIds: [] }, { questionId: q[0].id, optionIds: [] }], /Question 1 is answered twice/],
  ])('saving or submitting %s is refused with BAD_USER_INPUT and changes nothing', async (_label, build, message) => {
    const learner = await newPatient();
    const { quizId } = lesson('continuum-of-care', 'asam-six-dimensions');
    const attempt = await start(learner, quizId);
    for (const res of [await ops.saveQuizAnswers(t, learner.token, attempt.id, build(attempt.questions)), await ops.submitQuizAttempt(t, learner.token, attempt.id, build(attempt.questions))]) {
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(message);
    }
    expect(expectData(await ops.quizAttempt(t, learner.token, attempt.id)).quizAttempt).toMatchObject({ status: 'IN_PROGRESS', savedAnswers: [] });
  });

  it.each([
    ['a short idempotency key', { idempotencyKey: 'abc' }],
    ['too many option ids', { answers: [{ questionId: 'q', optionIds: Array.from({ length: 21 }, (_, i) => `o${i}`) }] }],
    ['a malformed attempt id', { attemptId: 'nope' }],
  ])('%s is BAD_USER_INPUT', async (_label, override) => {
    const args = { attemptId: new Types.ObjectId().toHexString(), answers: [], idempotencyKey: randomUUID(), ...override };
    const res = await ops.submitQuizAttempt(t, w.patient.token, args.attemptId, args.answers as never, args.idempotencyKey);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });
});

describe('who may take which quiz, and whose attempts one may see', () => {
  it.each<[string, string, string, string, () => Member]>([
    // Clinicians and admins take the staff courses (training requirements); a patient course's quiz is not theirs to take.
    ['a clinician', 'relapse-prevention-skills', 'urge-surfing', 'NOT_FOUND', () => w.clinician],
    ['an admin', 'relapse-prevention-skills', 'urge-surfing', 'NOT_FOUND', () => w.admin],
    ['a patient', 'staff-onboarding', 'trauma-informed-care', 'NOT_FOUND', () => w.patient],
    ['a family member', 'relapse-prevention-skills', 'urge-surfing', 'NOT_FOUND', () => w.family],
    ['staff', 'family-dynamics-and-recovery', 'what-to-expect-in-recovery', 'NOT_FOUND', () => w.staff],
  ])('%s cannot start the quiz of %s/%s (%s)', async (_label, course, slug, code, who) => {
    expect(errorCode(await ops.startQuizAttempt(t, who().token, lesson(course, slug).quizId))).toBe(code);
  });

  it('an unknown quiz id is NOT_FOUND', async () => {
    expect(errorCode(await ops.startQuizAttempt(t, w.patient.token, new Types.ObjectId().toHexString()))).toBe('NOT_FOUND');
  });

  it("another learner's attempt is NOT_FOUND to unrelated learners, for saving, submitting and reading; the clinician reads it and is audited", async () => {
    const owner = await newPatient('Owen Owner');
    const { quizId } = lesson('relapse-prevention-skills', 'urge-surfing');
    const attempt = await start(owner, quizId);
    await submit(owner, attempt, quizId, 2);
    expect(errorCode(await ops.saveQuizAnswers(t, w.patient.token, attempt.id, []))).toBe('NOT_FOUND');
    expect(errorCode(await ops.submitQuizAttempt(t, w.patient.token, attempt.id, []))).toBe('NOT_FOUND');
    expect(errorCode(await ops.quizAttempt(t, w.patient.token, attempt.id))).toBe('NOT_FOUND');
    expect(errorCode(await ops.quizAttempts(t, w.family.token, quizId, owner.id))).toBe('NOT_FOUND');
    expect(errorCode(await ops.quizAttempts(t, w.staff.token, quizId, owner.id))).toBe('NOT_FOUND');

    const seen = expectData(await ops.quizAttempts(t, w.clinician.token, quizId, owner.id)).quizAttempts;
    expect(seen.attempts.map((a: { id: string }) => a.id)).toEqual([attempt.id]);
    expect(seen.standing).toMatchObject({ score: 0.4, passed: false });
    expect(expectData(await ops.quizAttempt(t, w.admin.token, attempt.id)).quizAttempt.id).toBe(attempt.id);
    const { auditEvents } = expectData(await identityOps.auditEvents(t, w.admin.token, { patientId: owner.id }));
    expect(auditEvents.nodes.map((e: { action: string }) => e.action).sort()).toEqual(['QUIZ_ATTEMPTS_READ', 'QUIZ_ATTEMPT_READ']);
  });

  it('a clinician must name the learner whose history they want', async () => {
    expect(errorCode(await ops.quizAttempts(t, w.clinician.token, lesson('relapse-prevention-skills', 'urge-surfing').quizId))).toBe('BAD_USER_INPUT');
  });
});

describe('draw and grading method', () => {
  it('a quiz that draws 3 questions asks 3 distinct questions from its pool each attempt, different ones across attempts, and grades out of 3', async () => {
    const learner = await newPatient();
    const { quizId } = lesson('relapse-prevention-skills', 'my-relapse-prevention-plan');
    const pool = await answerKey(t, quizId);
    await setQuizSettings(t, quizId, { drawCount: 3, maxAttempts: 6 });
    try {
      const drawn = new Set<string>();
      for (let n = 0; n < 6; n++) {
        const attempt = await start(learner, quizId);
        const ids = attempt.questions.map((q: { id: string }) => q.id);
        expect(ids).toHaveLength(3);
        expect(new Set(ids).size).toBe(3);
        ids.forEach((id: string) => {
          expect(pool.has(id)).toBe(true);
          drawn.add(id);
        });
        const graded = await submit(learner, attempt, quizId, 2);
        expect(graded.score).toBe(0.6667);
        expect(graded.feedback).toHaveLength(3);
      }
      // Six draws of 3 from 5 all alike would mean no draw at all (by chance: 1 in 100,000).
      expect(drawn.size).toBeGreaterThan(3);
    } finally {
      await setQuizSettings(t, quizId, { drawCount: undefined, maxAttempts: 3 });
    }
  });

  // Three attempts scoring 2/n, n/n and 3/n of the n questions; what the quiz counts depends on its method.
  it.each<['HIGHEST' | 'AVERAGE' | 'FIRST' | 'LAST', string, string, (s: number[]) => number]>([
    ['HIGHEST', 'understanding-addiction', 'what-addiction-is', (s) => Math.max(...s)],
    ['AVERAGE', 'continuum-of-care', 'the-continuum-and-asam-levels', (s) => Math.round(((s[0] + s[1] + s[2]) / 3) * 10000) / 10000],
    ['FIRST', 'continuum-of-care', 'asam-six-dimensions', (s) => s[0]],
    ['LAST', 'continuum-of-care', 'our-services-and-getting-help', (s) => s[2]],
  ])('grading method %s is applied the same by submit, history and the care-team view', async (method, course, slug, expected) => {
    const learner = await newPatient();
    const { quizId } = lesson(course, slug);
    await setQuizSettings(t, quizId, { gradingMethod: method });
    try {
      const scores: number[] = [];
      let lastStanding: Record<string, unknown> = {};
      for (const right of [2, Infinity, 3]) {
        const attempt = await start(learner, quizId);
        const graded = await submit(learner, attempt, quizId, Math.min(right, attempt.questions.length));
        scores.push(graded.score);
        lastStanding = graded.standing;
      }
      const want = expected(scores);
      expect(lastStanding).toMatchObject({ gradingMethod: method, score: want, passed: want >= 0.8, attemptsRemaining: 0 });
      expect(expectData(await ops.quizAttempts(t, learner.token, quizId)).quizAttempts.standing).toEqual(lastStanding);
      expect(expectData(await ops.quizAttempts(t, w.clinician.token, quizId, learner.id)).quizAttempts.standing).toEqual(lastStanding);
    } finally {
      await setQuizSettings(t, quizId, { gradingMethod: 'HIGHEST' });
    }
  });

  it('a quiz that hides feedback returns score and passed but no per-question feedback', async () => {
    const learner = await newPatient();
    const { quizId } = lesson('continuum-of-care', 'our-services-and-getting-help');
    await setQuizSettings(t, quizId, { showFeedback: false });
    try {
      const attempt = await start(learner, quizId);
      const graded = await submit(learner, attempt, quizId, attempt.questions.length);
      expect(graded).toMatchObject({ score: 1, passed: true, feedback: null, showFeedback: false });
      expect(JSON.stringify(graded)).not.toMatch(/rationale|correctOptionIds/);
    } finally {
      await setQuizSettings(t, quizId, { showFeedback: true });
    }
  });
});
