import type { GradingMethodName } from './grading.types';
import { aggregateScore } from './score';

export interface Standing {
  gradingMethod: GradingMethodName;
  /** The learner's score for the quiz under its grading method; null before any submission. */
  score: number | null;
  passed: boolean;
  attemptsUsed: number;
  attemptsAllowed: number;
  attemptsRemaining: number;
  /** Not passed and no attempt left: only the care team can give another (grantQuizAttempts). */
  outOfAttempts: boolean;
}

/**
 * Where a learner stands on a quiz: the one rule used by submit (to report
 * progress), by each attempt's `standing`, and by history, so they agree.
 * Passing the quiz means the grading-method score reaches the passing score.
 */
export function quizStanding(
  settings: { gradingMethod: GradingMethodName; passingScore: number; maxAttempts: number },
  submittedScoresInOrder: readonly number[],
  attemptsUsed: number,
): Standing {
  const score = aggregateScore(settings.gradingMethod, submittedScoresInOrder);
  const passed = score !== null && score >= settings.passingScore;
  const attemptsRemaining = Math.max(0, settings.maxAttempts - attemptsUsed);
  return {
    gradingMethod: settings.gradingMethod,
    score,
    passed,
    attemptsUsed,
    attemptsAllowed: settings.maxAttempts,
    attemptsRemaining,
    outOfAttempts: !passed && attemptsRemaining === 0,
  };
}
