import type { QuizQuestion } from './content.schema';
import { BUNDLED_QUIZ_HONESTY, allowedTrueAnswers, isAllButOne, keyIsStrictlyLongest } from './quiz-honesty';

const choice = (texts: string[], correct: number[], kind: QuizQuestion['kind'] = 'SINGLE_CHOICE'): QuizQuestion => ({
  id: 'q',
  kind,
  prompt: 'Which?',
  options: texts.map((text, i) => ({ id: String.fromCharCode(97 + i), text, correct: correct.includes(i) })),
  rationale: 'Because.',
});

describe('quiz honesty rules', () => {
  it('a key is "strictly longest" only when every other option is shorter, ignoring extra spaces', () => {
    expect(keyIsStrictlyLongest(choice(['A longer right answer', 'Short', 'Brief'], [0]))).toBe(true);
    expect(keyIsStrictlyLongest(choice(['Same length', 'Same-length'], [0]))).toBe(false);
    expect(keyIsStrictlyLongest(choice(['  Padded   key  ', 'Padded key!'], [0]))).toBe(false);
  });

  it('"all but one" needs at least three options with exactly one wrong', () => {
    expect(isAllButOne(choice(['a', 'b', 'c', 'd'], [0, 1, 2], 'MULTIPLE_CHOICE'))).toBe(true);
    expect(isAllButOne(choice(['a', 'b', 'c', 'd', 'e'], [0, 1, 2], 'MULTIPLE_CHOICE'))).toBe(false);
    expect(isAllButOne(choice(['a', 'b'], [0], 'MULTIPLE_CHOICE'))).toBe(false);
  });

  it.each([
    [1, 0, 1],
    [2, 1, 1],
    [3, 1, 2],
    [4, 2, 2],
    [5, 2, 3],
    [7, 3, 4],
    [10, 4, 6],
  ])('with %i true/false questions, %i to %i may be true', (count, min, max) => {
    expect(allowedTrueAnswers(count, BUNDLED_QUIZ_HONESTY.trueShare)).toEqual({ min, max });
  });
});
