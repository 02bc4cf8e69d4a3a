/** Shapes the pure grading functions work on; independent of Mongoose and GraphQL. */
export type QuestionKindName = 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE' | 'TRUE_FALSE';
/** Defined once, with the content format that declares it (curriculum). */
export type { GradingMethodName } from '../../curriculum';

export interface KeyedOption {
  id: string;
  text: string;
  correct: boolean;
}

/** A question with its answer key, as stored in the quiz and snapshotted into an attempt. */
export interface KeyedQuestion {
  id: string;
  kind: QuestionKindName;
  prompt: string;
  options: KeyedOption[];
  rationale: string;
}

export interface Answer {
  questionId: string;
  optionIds: string[];
}

export interface QuestionResult {
  questionId: string;
  chosenOptionIds: string[];
  correctOptionIds: string[];
  /** 0..1: the points this question earned. */
  credit: number;
  /** Full credit only. */
  correct: boolean;
  rationale: string;
}

export interface GradedAttempt {
  /** Fraction of points, 0..1, rounded to 4 decimals. */
  score: number;
  passed: boolean;
  results: QuestionResult[];
}
