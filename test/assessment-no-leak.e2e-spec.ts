import { expectData, type TestApp } from './support/app';
import { answerKey, assessmentOps as ops, bundledLessons, walk } from './support/assessment-operations';
import { startClinic, type Member, type World } from './support/operations';

/**
 * docs/architecture.md invariant 1: no answer key before submission. Every bundled quiz is
 * opened, saved, re-read and listed by a learner of its audience (and listed
 * by the care team), asking for every field the API has; every field of every
 * response is walked.
 */
let t: TestApp;
let w: World;

beforeAll(async () => {
  ({ t, w } = await startClinic('Leak Check Clinic'));
}, 60000);
afterAll(() => t?.close());

const KEY_FIELDS = new Set(['correct', 'correctOptionIds', 'rationale', 'credit']);

function expectNoKey(response: unknown, rationales: string[], where: string): void {
  walk(response, (key, value, path) => {
    if (key !== undefined && KEY_FIELDS.has(key)) throw new Error(`${where}: answer-key field at ${path}`);
    if (typeof value === 'string' && rationales.some((r) => value.includes(r.slice(0, 60)))) throw new Error(`${where}: rationale text at ${path}`);
  });
}

function expectUngraded(attempt: Record<string, unknown>): void {
  expect(attempt).toMatchObject({ status: 'IN_PROGRESS', score: null, passed: null, feedback: null, standing: null });
}

it('no response before submission carries an answer key, a correctness flag or a rationale, for all 33 bundled quizzes', async () => {
  const lessons = await bundledLessons(t);
  expect(lessons).toHaveLength(33);
  const learnerFor = (audiences: string[]): { learner: Member; careTeam: Member } => {
    if (audiences.includes('PATIENT')) return { learner: w.patient, careTeam: w.clinician };
    if (audiences.includes('FAMILY')) return { learner: w.family, careTeam: w.clinician };
    return { learner: w.staff, careTeam: w.admin };
  };

  for (const lesson of lessons) {
    const { learner, careTeam } = learnerFor(lesson.audiences);
    const key = await answerKey(t, lesson.quizId);
    const rationales = [...key.values()].map((k) => k.rationale);
    const where = `${lesson.courseSlug}/${lesson.lessonSlug}`;

    const started = expectData(await ops.startQuizAttempt(t, learner.token, lesson.quizId)).startQuizAttempt;
    expectUngraded(started);
    expect(started.questions.length).toBe(key.size);
    // Save real right answers: the save must echo the learner's choices and nothing more.
    const answers = started.questions.slice(0, 2).map((q: { id: string }) => ({ questionId: q.id, optionIds: key.get(q.id)!.correct }));
    const saved = expectData(await ops.saveQuizAnswers(t, learner.token, started.id, answers)).saveQuizAnswers;
    expectUngraded(saved);
    const reread = expectData(await ops.quizAttempt(t, learner.token, started.id)).quizAttempt;
    expectUngraded(reread);
    const resumed = expectData(await ops.startQuizAttempt(t, learner.token, lesson.quizId)).startQuizAttempt;
    expectUngraded(resumed);
    const history = expectData(await ops.quizAttempts(t, learner.token, lesson.quizId)).quizAttempts;
    expect(history.standing).toMatchObject({ score: null, passed: false, attemptsUsed: 1 });
    history.attempts.forEach(expectUngraded);
    const careView = expectData(await ops.quizAttempts(t, careTeam.token, lesson.quizId, learner.id)).quizAttempts;
    careView.attempts.forEach(expectUngraded);

    for (const [name, response] of Object.entries({ started, saved, reread, resumed, history, careView })) {
      expectNoKey(response, rationales, `${where} ${name}`);
    }
    // Then pass it, as a learner would, which opens the next lesson of an in-order course.
    const all = started.questions.map((q: { id: string }) => ({ questionId: q.id, optionIds: key.get(q.id)!.correct }));
    expect(expectData(await ops.submitQuizAttempt(t, learner.token, started.id, all, `pass-${lesson.quizId}`)).submitQuizAttempt.passed).toBe(true);
  }
}, 120_000); // about eight requests for each of the 33 bundled quizzes

it('the scan itself catches a key once the attempt is submitted (so it is not a test that cannot fail)', async () => {
  const lesson = (await bundledLessons(t)).find((l) => l.courseSlug === 'staff-onboarding')!;
  const key = await answerKey(t, lesson.quizId);
  const started = expectData(await ops.startQuizAttempt(t, w.staff.token, lesson.quizId)).startQuizAttempt;
  const graded = expectData(await ops.submitQuizAttempt(t, w.staff.token, started.id, [])).submitQuizAttempt;
  expect(() => expectNoKey(graded, [...key.values()].map((k) => k.rationale), 'graded')).toThrow(/answer-key field/);
});
