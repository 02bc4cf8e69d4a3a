import { GRADING_METHODS } from '../../curriculum';
import { BadInput } from '../../../src/common/errors';
import type { Answer, GradedAttempt, GradingMethodName, KeyedQuestion, QuestionResult } from './grading.types';

/** Scores are kept to 4 decimals: quizzes have ≤ 10 questions, so no real score sits within 0.00005 of a passing mark. */
export function roundScore(value: number): number {
  return Math.round(value * 10000) / 10000;
}

/**
 * Points for one question, 0..1.
 * - SINGLE_CHOICE, TRUE_FALSE: 1 when exactly the correct option is chosen, else 0.
 * - MULTIPLE_CHOICE (partial credit): (correct options chosen − incorrect options
 *   chosen) / number of correct options, floored at 0. Choosing every option
 *   therefore earns nothing on a question with as many wrong options as right
 *   ones, so guessing "all of the above" does not pay.
 */
export function scoreQuestion(question: KeyedQuestion, chosenOptionIds: readonly string[]): number {
  const correct = new Set(question.options.filter((o) => o.correct).map((o) => o.id));
  const chosen = new Set(chosenOptionIds);
  if (question.kind !== 'MULTIPLE_CHOICE') {
    if (chosen.size !== 1) return 0;
    const [only] = chosen;
    return correct.has(only) ? 1 : 0;
  }
  let right = 0;
  let wrong = 0;
  for (const id of chosen) {
    if (correct.has(id)) right++;
    else wrong++;
  }
  return correct.size === 0 ? 0 : Math.max(0, (right - wrong) / correct.size);
}

/**
 * Checks answers against the attempt's own questions and returns them keyed by
 * question. Unanswered questions are allowed (they earn 0). The messages name
 * the question's position in the attempt, which is what the learner sees.
 */
export function checkAnswers(questions: readonly KeyedQuestion[], answers: readonly Answer[]): Map<string, string[]> {
  const byId = new Map(questions.map((q, index) => [q.id, { q, index }]));
  const out = new Map<string, string[]>();
  for (const answer of answers) {
    const entry = byId.get(answer.questionId);
    if (!entry) throw new BadInput(`"${answer.questionId}" is not a question in this attempt. Answer the questions this attempt showed you.`, { field: 'answers' });
    if (out.has(answer.questionId)) throw new BadInput(`Question ${entry.index + 1} is answered twice. Send one answer per question.`, { field: 'answers' });
    const optionIds = new Set(entry.q.options.map((o) => o.id));
    const unique = [...new Set(answer.optionIds)];
    const unknown = unique.find((id) => !optionIds.has(id));
    if (unknown !== undefined) throw new BadInput(`"${unknown}" is not an option of question ${entry.index + 1}.`, { field: 'answers' });
    if (entry.q.kind !== 'MULTIPLE_CHOICE' && unique.length > 1) throw new BadInput(`Question ${entry.index + 1} takes one answer.`, { field: 'answers' });
    out.set(answer.questionId, unique);
  }
  return out;
}

/** Grades a whole attempt. Every question has equal weight; the score is the fraction of points earned. */
export function gradeAttempt(questions: readonly KeyedQuestion[], answers: readonly Answer[], passingScore: number): GradedAttempt {
  const chosenBy = checkAnswers(questions, answers);
  const results: QuestionResult[] = questions.map((q) => {
    const chosen = chosenBy.get(q.id) ?? [];
    const credit = roundScore(scoreQuestion(q, chosen));
    return {
      questionId: q.id,
      chosenOptionIds: chosen,
      correctOptionIds: q.options.filter((o) => o.correct).map((o) => o.id),
      credit,
      correct: credit === 1,
      rationale: q.rationale,
    };
  });
  const total = questions.length === 0 ? 0 : results.reduce((sum, r) => sum + r.credit, 0) / questions.length;
  const score = roundScore(total);
  return { score, passed: score >= passingScore, results };
}

/**
 * The learner's score for a quiz under its grading method, from the scores of
 * their submitted attempts in attempt order. Null before any submission.
 * Used both when a submit reports progress and when history is read, so both
 * always agree.
 */
export function aggregateScore(method: GradingMethodName, scoresInOrder: readonly number[]): number | null {
  if (scoresInOrder.length === 0) return null;
  switch (method) {
    case 'HIGHEST':
      return Math.max(...scoresInOrder);
    case 'AVERAGE':
      return roundScore(scoresInOrder.reduce((a, b) => a + b, 0) / scoresInOrder.length);
    case 'FIRST':
      return scoresInOrder[0];
    case 'LAST':
      return scoresInOrder[scoresInOrder.length - 1];
  }
}

export function isGradingMethod(value: string): value is GradingMethodName {
  return (GRADING_METHODS as readonly string[]).includes(value);
}
