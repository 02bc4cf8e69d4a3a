import { orderAttempt } from './attempt-order';
import type { KeyedQuestion } from './grading.types';
import { mulberry32, shuffled } from './prng';
import { aggregateScore, checkAnswers, gradeAttempt, scoreQuestion } from './score';

const single: KeyedQuestion = {
  id: 'single',
  kind: 'SINGLE_CHOICE',
  prompt: 'Pick one',
  options: [
    { id: 'a', text: 'A', correct: false },
    { id: 'b', text: 'B', correct: true },
    { id: 'c', text: 'C', correct: false },
  ],
  rationale: 'B because.',
};
const trueFalse: KeyedQuestion = {
  id: 'tf',
  kind: 'TRUE_FALSE',
  prompt: 'True?',
  options: [
    { id: 'true', text: 'True', correct: false },
    { id: 'false', text: 'False', correct: true },
  ],
  rationale: 'False because.',
};
/** Two right (a, c), two wrong (b, d). */
const multi: KeyedQuestion = {
  id: 'multi',
  kind: 'MULTIPLE_CHOICE',
  prompt: 'Pick all that apply',
  options: [
    { id: 'a', text: 'A', correct: true },
    { id: 'b', text: 'B', correct: false },
    { id: 'c', text: 'C', correct: true },
    { id: 'd', text: 'D', correct: false },
  ],
  rationale: 'A and C.',
};
/** Three right (a, b, c), one wrong (d). */
const multi3: KeyedQuestion = { ...multi, id: 'multi3', options: multi.options.map((o) => ({ ...o, correct: o.id !== 'd' })) };

describe('scoreQuestion', () => {
  it.each<[string, KeyedQuestion, string[], number]>([
    ['single: the correct option', single, ['b'], 1],
    ['single: a wrong option', single, ['a'], 0],
    ['single: nothing chosen', single, [], 0],
    ['single: two options (one right) earn nothing', single, ['a', 'b'], 0],
    ['true/false: right', trueFalse, ['false'], 1],
    ['true/false: wrong', trueFalse, ['true'], 0],
    ['multiple: both right', multi, ['a', 'c'], 1],
    ['multiple: one of two right', multi, ['a'], 0.5],
    ['multiple: one right, one wrong', multi, ['a', 'b'], 0],
    ['multiple: all four (2 right − 2 wrong)', multi, ['a', 'b', 'c', 'd'], 0],
    ['multiple: both right plus one wrong', multi, ['a', 'c', 'd'], 0.5],
    ['multiple: only wrong ones floor at 0', multi, ['b', 'd'], 0],
    ['multiple: nothing chosen', multi, [], 0],
    ['multiple (3 right): two of three', multi3, ['a', 'b'], 2 / 3],
    ['multiple (3 right): all four', multi3, ['a', 'b', 'c', 'd'], 2 / 3],
    ['multiple (3 right): one right one wrong', multi3, ['a', 'd'], 0],
  ])('%s', (_label, question, chosen, expected) => {
    expect(scoreQuestion(question, chosen)).toBeCloseTo(expected, 10);
  });
});

describe('gradeAttempt', () => {
  const quiz = [single, trueFalse, multi, multi3];
  it.each<[string, Array<[string, string[]]>, number, boolean]>([
    ['all right', [['single', ['b']], ['tf', ['false']], ['multi', ['a', 'c']], ['multi3', ['a', 'b', 'c']]], 1, true],
    ['nothing answered', [], 0, false],
    ['three right, one wrong: 0.75 is under 0.8', [['single', ['b']], ['tf', ['false']], ['multi', ['a', 'c']], ['multi3', ['d']]], 0.75, false],
    ['partial credit adds up: (1 + 1 + 0.5 + 2/3) / 4', [['single', ['b']], ['tf', ['false']], ['multi', ['a']], ['multi3', ['a', 'b']]], 0.7917, false],
    ['choosing every option of a 3-right question earns 2/3: (1 + 1 + 1 + 2/3) / 4', [['single', ['b']], ['tf', ['false']], ['multi', ['a', 'c']], ['multi3', ['a', 'b', 'c', 'd']]], 0.9167, true],
  ])('%s', (_label, answers, score, passed) => {
    const graded = gradeAttempt(quiz, answers.map(([questionId, optionIds]) => ({ questionId, optionIds })), 0.8);
    expect(graded.score).toBe(score);
    expect(graded.passed).toBe(passed);
    expect(graded.results.map((r) => r.questionId)).toEqual(['single', 'tf', 'multi', 'multi3']);
  });

  it('passes at exactly the passing score (4 of 5 against 0.8)', () => {
    const five = [single, { ...single, id: 's2' }, { ...single, id: 's3' }, { ...single, id: 's4' }, { ...single, id: 's5' }];
    const answers = ['single', 's2', 's3', 's4'].map((questionId) => ({ questionId, optionIds: ['b'] }));
    expect(gradeAttempt(five, answers, 0.8)).toMatchObject({ score: 0.8, passed: true });
  });

  it('reports, per question, what was chosen, the key, the credit and the rationale', () => {
    const graded = gradeAttempt([multi], [{ questionId: 'multi', optionIds: ['a', 'a', 'd'] }], 0.8);
    expect(graded.results[0]).toEqual({ questionId: 'multi', chosenOptionIds: ['a', 'd'], correctOptionIds: ['a', 'c'], credit: 0, correct: false, rationale: 'A and C.' });
  });
});

describe('checkAnswers', () => {
  it.each<[string, Array<{ questionId: string; optionIds: string[] }>, RegExp]>([
    ['an unknown question', [{ questionId: 'nope', optionIds: ['a'] }], /"nope" is not a question in this attempt/],
    ['a question answered twice', [{ questionId: 'single', optionIds: ['a'] }, { questionId: 'single', optionIds: ['b'] }], /Question 1 is answered twice/],
    ['an option from elsewhere', [{ questionId: 'tf', optionIds: ['b'] }], /"b" is not an option of question 2/],
    ['two answers to a single-choice question', [{ questionId: 'single', optionIds: ['a', 'b'] }], /Question 1 takes one answer/],
  ])('rejects %s with a message naming the question', (_label, answers, message) => {
    expect(() => checkAnswers([single, trueFalse], answers)).toThrow(message);
  });
});

describe('aggregateScore (grading method)', () => {
  it.each<['HIGHEST' | 'AVERAGE' | 'FIRST' | 'LAST', number[], number | null]>([
    ['HIGHEST', [0.4, 0.9, 0.6], 0.9],
    ['AVERAGE', [0.4, 0.9, 0.6], 0.6333],
    ['FIRST', [0.4, 0.9, 0.6], 0.4],
    ['LAST', [0.4, 0.9, 0.6], 0.6],
    ['HIGHEST', [], null],
    ['AVERAGE', [1], 1],
  ])('%s of %j is %p', (method, scores, expected) => {
    expect(aggregateScore(method, scores)).toBe(expected);
  });
});

describe('seeded order', () => {
  const pool: KeyedQuestion[] = [single, trueFalse, multi, multi3, { ...single, id: 'single2' }, { ...single, id: 'single3' }];
  const ids = (qs: KeyedQuestion[]) => qs.map((q) => q.id);

  it('mulberry32 is a stable sequence for a seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    first.forEach((x) => expect(x >= 0 && x < 1).toBe(true));
    expect(shuffled([1, 2, 3, 4, 5], mulberry32(7))).toEqual(shuffled([1, 2, 3, 4, 5], mulberry32(7)));
  });

  it('the same seed gives the same questions and option order', () => {
    const settings = { shuffle: true, drawCount: 4 };
    expect(orderAttempt(pool, 123456, settings)).toEqual(orderAttempt(pool, 123456, settings));
  });

  it('different seeds give different orders (over a few seeds)', () => {
    const orders = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => JSON.stringify(orderAttempt(pool, seed, { shuffle: true }).map((q) => [q.id, q.options.map((o) => o.id)]))));
    expect(orders.size).toBeGreaterThan(4);
  });

  it('a shuffled attempt is a permutation of the pool, options included, and true/false stays True then False', () => {
    for (let seed = 0; seed < 50; seed++) {
      const ordered = orderAttempt(pool, seed, { shuffle: true });
      expect([...ids(ordered)].sort()).toEqual([...ids(pool)].sort());
      for (const q of ordered) {
        const original = pool.find((p) => p.id === q.id)!;
        expect([...q.options].sort((x, y) => x.id.localeCompare(y.id))).toEqual([...original.options].sort((x, y) => x.id.localeCompare(y.id)));
        if (q.kind === 'TRUE_FALSE') expect(q.options.map((o) => o.id)).toEqual(['true', 'false']);
      }
    }
  });

  it('without shuffle, all questions come in authored order', () => {
    expect(orderAttempt(pool, 99, { shuffle: false })).toEqual(pool);
  });

  it.each([1, 3, 5])('draws %i distinct questions from the pool', (drawCount) => {
    for (let seed = 0; seed < 20; seed++) {
      const drawn = ids(orderAttempt(pool, seed, { shuffle: true, drawCount }));
      expect(drawn).toHaveLength(drawCount);
      expect(new Set(drawn).size).toBe(drawCount);
      drawn.forEach((id) => expect(ids(pool)).toContain(id));
    }
  });

  it('a draw without shuffle keeps the authored order of the drawn questions', () => {
    const drawn = ids(orderAttempt(pool, 5, { shuffle: false, drawCount: 3 }));
    expect(drawn).toEqual(ids(pool).filter((id) => drawn.includes(id)));
  });

  it('different seeds draw different subsets (over a few seeds)', () => {
    const subsets = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => ids(orderAttempt(pool, seed, { shuffle: false, drawCount: 3 })).join(',')));
    expect(subsets.size).toBeGreaterThan(2);
  });

  it('a draw count at or above the pool size asks every question', () => {
    expect(ids(orderAttempt(pool, 1, { shuffle: false, drawCount: 6 }))).toEqual(ids(pool));
    expect(ids(orderAttempt(pool, 1, { shuffle: false, drawCount: 60 }))).toEqual(ids(pool));
  });
});
