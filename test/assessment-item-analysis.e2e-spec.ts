import { Types } from 'mongoose';
import { AttemptStatus } from '../modules/assessment/schemas/quiz-attempt.schema';
import { errorCode, expectData, type TestApp } from './support/app';
import { answerKey, assessmentOps as ops, attemptsModel, bundledLessons, lessonOf } from './support/assessment-operations';
import { startClinic, buildWorld, type World } from './support/operations';

let t: TestApp;
let w: World;
let other: World;

beforeAll(async () => {
  ({ t, w } = await startClinic('Analysis Clinic'));
  other = await buildWorld(t, 'Elsewhere Clinic');
}, 60000);
afterAll(() => t?.close());

/** A graded attempt written straight to the collection: only `results` and the filters matter to the analysis. */
function attempt(orgId: string, quizId: string, credits: Record<string, number>, status = AttemptStatus.SUBMITTED, number = 1) {
  const results = Object.entries(credits).map(([questionId, credit]) => ({
    questionId,
    chosenOptionIds: [],
    correctOptionIds: [],
    credit,
    correct: credit === 1,
    rationale: '',
  }));
  return {
    orgId: new Types.ObjectId(orgId),
    learnerId: new Types.ObjectId(),
    quizId: new Types.ObjectId(quizId),
    lessonId: new Types.ObjectId(),
    courseSlug: 'c',
    lessonSlug: 'l',
    number,
    seed: 1,
    settings: { passingScore: 0.8, maxAttempts: 3, gradingMethod: 'HIGHEST', cooldownMinutes: 0, showFeedback: true },
    questions: [],
    priorScores: [],
    savedAnswers: [],
    status,
    results,
    score: results.reduce((s, r) => s + r.credit, 0) / results.length,
    startedAt: new Date(),
    submittedAt: new Date(),
  };
}

it('share correct and discrimination per question match numbers computed by hand', async () => {
  const { quizId } = lessonOf(await bundledLessons(t), 'relapse-prevention-skills', 'triggers-and-cravings');
  const [q1, q2, q3, q4, q5] = [...(await answerKey(t, quizId)).keys()];
  // Four submitted attempts over three questions (1 = full credit):
  //        q1 q2 q3  total
  //   A1    1  1  1    3
  //   A2    1  1  0    2
  //   A3    1  0  0    1
  //   A4    0  0  1    1
  // Rest score = (total − item) / 2.
  // q1: p = 3/4; rest A1..A4 = 1, .5, 0, .5; M1 = M0 = .5 → r = 0.
  // q2: p = 1/2; rest = 1, .5, .5, .5; M1 = .75, M0 = .5; s = √.046875 = .21651; r = .25/.21651·.5 = 1/√3 = .5774.
  // q3: p = 1/2; rest = 1, 1, .5, 0; M1 = .5, M0 = .75; s = √.171875 = .41458; r = −.25/.41458·.5 = −1/√11 = −.3015.
  await attemptsModel(t).insertMany([
    attempt(w.orgId, quizId, { [q1]: 1, [q2]: 1, [q3]: 1 }),
    attempt(w.orgId, quizId, { [q1]: 1, [q2]: 1, [q3]: 0 }),
    attempt(w.orgId, quizId, { [q1]: 1, [q2]: 0, [q3]: 0 }),
    attempt(w.orgId, quizId, { [q1]: 0, [q2]: 0, [q3]: 1 }),
    // Not counted: an attempt still in progress, and another organization's.
    attempt(w.orgId, quizId, { [q1]: 0, [q2]: 0, [q3]: 0 }, AttemptStatus.IN_PROGRESS),
    attempt(other.orgId, quizId, { [q1]: 0, [q2]: 1, [q3]: 1 }),
  ]);

  const analysis = expectData(await ops.quizItemAnalysis(t, w.clinician.token, quizId)).quizItemAnalysis;
  expect(analysis.submittedAttempts).toBe(4);
  const byId = Object.fromEntries(analysis.items.map((i: { questionId: string }) => [i.questionId, i]));
  expect(byId[q1]).toMatchObject({ answered: 4, shareCorrect: 0.75, meanCredit: 0.75, discrimination: 0 });
  expect(byId[q2]).toMatchObject({ answered: 4, shareCorrect: 0.5, meanCredit: 0.5, discrimination: 0.5774 });
  expect(byId[q3]).toMatchObject({ answered: 4, shareCorrect: 0.5, meanCredit: 0.5, discrimination: -0.3015 });
  // Never asked (as with a draw): counted as such, not as wrong.
  for (const q of [q4, q5]) expect(byId[q]).toMatchObject({ answered: 0, shareCorrect: null, meanCredit: null, discrimination: null });
  expect(analysis.items.map((i: { questionId: string }) => i.questionId)).toEqual([q1, q2, q3, q4, q5]);

  // The other organization sees only its own attempt.
  const theirs = expectData(await ops.quizItemAnalysis(t, other.admin.token, quizId)).quizItemAnalysis;
  expect(theirs.submittedAttempts).toBe(1);
});

it('partial credit lowers mean credit but not the share with full credit; no spread means no discrimination', async () => {
  const { quizId } = lessonOf(await bundledLessons(t), 'relapse-prevention-skills', 'urge-surfing');
  const [q1, q2] = [...(await answerKey(t, quizId)).keys()];
  await attemptsModel(t).insertMany([attempt(w.orgId, quizId, { [q1]: 0.5, [q2]: 1 }), attempt(w.orgId, quizId, { [q1]: 1, [q2]: 1 })]);
  const items = expectData(await ops.quizItemAnalysis(t, w.admin.token, quizId)).quizItemAnalysis.items;
  expect(items.find((i: { questionId: string }) => i.questionId === q1)).toMatchObject({ answered: 2, shareCorrect: 0.5, meanCredit: 0.75, discrimination: null });
  expect(items.find((i: { questionId: string }) => i.questionId === q2)).toMatchObject({ shareCorrect: 1, discrimination: null });
});

it.each<[string, () => string]>([
  ['a patient', () => w.patient.token],
  ['staff', () => w.staff.token],
  ['a family member', () => w.family.token],
])('%s cannot read item analysis (FORBIDDEN)', async (_label, token) => {
  const { quizId } = lessonOf(await bundledLessons(t), 'relapse-prevention-skills', 'urge-surfing');
  expect(errorCode(await ops.quizItemAnalysis(t, token(), quizId))).toBe('FORBIDDEN');
});

it('an unknown quiz is NOT_FOUND', async () => {
  expect(errorCode(await ops.quizItemAnalysis(t, w.admin.token, new Types.ObjectId().toHexString()))).toBe('NOT_FOUND');
});
