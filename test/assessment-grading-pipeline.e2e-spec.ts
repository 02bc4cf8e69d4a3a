import { type Collection, MongoClient, ObjectId } from 'mongodb';
import { answersFitAttempt, distinctAnswers, gradingPipeline } from '../modules/assessment/grading/grading-pipeline';
import type { Answer, KeyedQuestion } from '../modules/assessment/grading/grading.types';
import { mulberry32 } from '../modules/assessment/grading/prng';
import { checkAnswers, gradeAttempt } from '../modules/assessment/grading/score';
import { testDatabase } from './support/test-database';

/** Questions of every kind, including the awkward ones: 3 of 3 correct, none correct, one option. */
function question(id: string, kind: KeyedQuestion['kind'], correct: boolean[]): KeyedQuestion {
  return { id, kind, prompt: `Question ${id}?`, options: correct.map((c, i) => ({ id: `${id}-o${i}`, text: `Option ${i}`, correct: c })), rationale: `Because of ${id}.` };
}
const QUESTIONS: KeyedQuestion[] = [
  question('s1', 'SINGLE_CHOICE', [false, true, false, false]),
  question('tf', 'TRUE_FALSE', [true, false]),
  question('m2', 'MULTIPLE_CHOICE', [true, false, true, false]),
  question('m3', 'MULTIPLE_CHOICE', [true, true, true, false, false]),
  question('m1', 'MULTIPLE_CHOICE', [false, false, true]),
  question('all', 'MULTIPLE_CHOICE', [true, true, true]),
  question('none', 'MULTIPLE_CHOICE', [false, false]),
  question('s7', 'SINGLE_CHOICE', [false, false, false, false, false, false, true]),
];

let client: MongoClient;
let attempts: Collection;
beforeAll(async () => {
  const { uri, dbName } = testDatabase();
  client = await MongoClient.connect(uri);
  attempts = client.db(dbName).collection('quizAttempts');
});
afterAll(async () => {
  await attempts?.drop().catch(() => undefined);
  await client?.close();
});

/** Random answers: some questions skipped, options repeated, sometimes in any order. */
function randomAnswers(random: () => number, questions: KeyedQuestion[]): Answer[] {
  return questions
    .filter(() => random() > 0.2)
    .map((q) => {
      const pick = q.kind === 'MULTIPLE_CHOICE' ? q.options.filter(() => random() > 0.5) : [q.options[Math.floor(random() * q.options.length)]];
      const ids = pick.map((o) => o.id);
      if (ids.length && random() > 0.8) ids.push(ids[0]);
      return { questionId: q.id, optionIds: random() > 0.5 ? ids.reverse() : ids };
    })
    .sort(() => random() - 0.5);
}

async function submitInDatabase(questions: KeyedQuestion[], answers: Answer[], passingScore: number) {
  const _id = new ObjectId();
  await attempts.insertOne({ _id, status: 'IN_PROGRESS', settings: { passingScore }, questions, savedAnswers: [] });
  const chosen = distinctAnswers(answers);
  const stored = await attempts.findOneAndUpdate({ _id, status: 'IN_PROGRESS', $expr: answersFitAttempt(chosen) }, gradingPipeline(chosen, 'key-1', new Date(0)), { returnDocument: 'after' });
  return { _id, stored };
}

it('grades 120 random answer sets exactly as gradeAttempt does: results, score, pass and the answers kept', async () => {
  const random = mulberry32(20261126);
  for (let round = 0; round < 120; round++) {
    const questions = QUESTIONS.filter(() => random() > 0.3);
    const answers = randomAnswers(random, questions);
    const passingScore = [0, 0.5, 0.7, 0.8, 1][round % 5];
    const expected = gradeAttempt(questions, answers, passingScore);
    const { stored } = await submitInDatabase(questions, answers, passingScore);
    expect({ round, stored: stored && { status: stored.status, score: stored.score, passed: stored.passed, results: stored.results, savedAnswers: stored.savedAnswers } }).toEqual({
      round,
      stored: {
        status: 'SUBMITTED',
        score: expected.score,
        passed: expected.passed,
        results: expected.results,
        savedAnswers: expected.results.filter((r) => r.chosenOptionIds.length > 0).map((r) => ({ questionId: r.questionId, optionIds: r.chosenOptionIds })),
      },
    });
  }
}, 90_000);

it.each([
  ['a question that is not in the attempt', [{ questionId: 'nope', optionIds: [] }]],
  ['an option of another question', [{ questionId: 's1', optionIds: ['tf-o0'] }]],
  ['two options on a single-choice question', [{ questionId: 's1', optionIds: ['s1-o0', 's1-o1'] }]],
  ['the same question twice', [{ questionId: 'tf', optionIds: ['tf-o0'] }, { questionId: 'tf', optionIds: ['tf-o1'] }]],
])('answers with %s change nothing (and checkAnswers says why)', async (_what, answers) => {
  expect(() => checkAnswers(QUESTIONS, answers)).toThrow();
  const { _id, stored } = await submitInDatabase(QUESTIONS, answers, 0.5);
  expect(stored).toBeNull();
  expect(await attempts.findOne({ _id }, { projection: { _id: 0, status: 1, score: 1, results: 1 } })).toEqual({ status: 'IN_PROGRESS' });
});
