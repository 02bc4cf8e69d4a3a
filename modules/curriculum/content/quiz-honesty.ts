import type { QuizQuestion } from './content.schema';
import { type CurriculumIssue, issue } from './curriculum-issue';
import type { LoadedCourse } from './load-curriculum';
import { parsedLessons } from './structure-checks';

/**
 * Quiz honesty: patterns that let a learner pass without having read the lesson.
 * Each rule is counted over a whole course, because one question cannot show a
 * pattern and a learner meets the course's quizzes together. Issues point at the
 * course manifest with the `(quizzes)` pseudo-field and name the questions to change.
 */

/** Course-wide quiz patterns: the manifest as a whole, since no single field is wrong. */
export const QUIZZES_FIELD = '(quizzes)';

export interface QuizHonestyPolicy {
  /** Highest share of single-choice questions whose key is the strictly longest option. */
  maxKeyLongestShare: number;
  /** Share of true/false questions whose answer is `true`. */
  trueShare: { min: number; max: number };
  /** Highest share of multiple-choice questions where every option but one is correct. */
  maxAllButOneShare: number;
}

export const BUNDLED_QUIZ_HONESTY: Readonly<QuizHonestyPolicy> = Object.freeze({
  maxKeyLongestShare: 0.35,
  trueShare: Object.freeze({ min: 0.4, max: 0.6 }),
  maxAllButOneShare: 0.3,
});

export interface QuizStatistics {
  singleChoice: number;
  /** Single-choice questions whose correct option is longer than every other option. */
  keyLongest: number;
  trueFalse: number;
  trueAnswers: number;
  multipleChoice: number;
  /** Multiple-choice questions where all options but one are correct. */
  allButOne: number;
}

interface Located {
  where: string;
  question: QuizQuestion;
}

export function emptyStatistics(): QuizStatistics {
  return { singleChoice: 0, keyLongest: 0, trueFalse: 0, trueAnswers: 0, multipleChoice: 0, allButOne: 0 };
}

export function addStatistics(a: QuizStatistics, b: QuizStatistics): QuizStatistics {
  return {
    singleChoice: a.singleChoice + b.singleChoice,
    keyLongest: a.keyLongest + b.keyLongest,
    trueFalse: a.trueFalse + b.trueFalse,
    trueAnswers: a.trueAnswers + b.trueAnswers,
    multipleChoice: a.multipleChoice + b.multipleChoice,
    allButOne: a.allButOne + b.allButOne,
  };
}

/** Length as a reader sees it: surrounding and repeated spaces do not make an option look longer. */
function visibleLength(text: string): number {
  return text.trim().replace(/\s+/g, ' ').length;
}

export function keyIsStrictlyLongest(question: QuizQuestion): boolean {
  const options = question.options ?? [];
  const key = options.find((option) => option.correct);
  if (!key) return false;
  const keyLength = visibleLength(key.text);
  return options.every((option) => option === key || visibleLength(option.text) < keyLength);
}

export function isAllButOne(question: QuizQuestion): boolean {
  const options = question.options ?? [];
  return options.length > 2 && options.filter((option) => option.correct).length === options.length - 1;
}

function courseQuestions(course: LoadedCourse): Located[] {
  return parsedLessons(course).flatMap(({ lesson }) =>
    (lesson.frontMatter.quiz?.questions ?? []).map((question, i) => ({ where: `${lesson.frontMatter.slug} quiz.questions[${i}]`, question })),
  );
}

export function courseQuizStatistics(course: LoadedCourse): QuizStatistics {
  const stats = emptyStatistics();
  for (const { question } of courseQuestions(course)) {
    if (question.kind === 'SINGLE_CHOICE') {
      stats.singleChoice += 1;
      if (keyIsStrictlyLongest(question)) stats.keyLongest += 1;
    } else if (question.kind === 'TRUE_FALSE') {
      stats.trueFalse += 1;
      if (question.answer === true) stats.trueAnswers += 1;
    } else {
      stats.multipleChoice += 1;
      if (isAllButOne(question)) stats.allButOne += 1;
    }
  }
  return stats;
}

/**
 * The true answers allowed among `count` true/false questions: 40-60 %, or, when
 * no whole number falls in that band (1 or 3 questions), the split closest to even.
 */
export function allowedTrueAnswers(count: number, band: QuizHonestyPolicy['trueShare']): { min: number; max: number } {
  const min = Math.ceil(band.min * count - 1e-9);
  const max = Math.floor(band.max * count + 1e-9);
  if (min <= max) return { min, max };
  return { min: Math.floor(count / 2), max: Math.ceil(count / 2) };
}

export function checkQuizHonesty(course: LoadedCourse, policy: Readonly<QuizHonestyPolicy> = BUNDLED_QUIZ_HONESTY): CurriculumIssue[] {
  const located = courseQuestions(course);
  const stats = courseQuizStatistics(course);
  const issues: CurriculumIssue[] = [];
  const named = (predicate: (question: QuizQuestion) => boolean): string =>
    located
      .filter(({ question }) => predicate(question))
      .map(({ where }) => where)
      .join(', ');

  const keyLongestAllowed = Math.floor(policy.maxKeyLongestShare * stats.singleChoice + 1e-9);
  if (stats.keyLongest > keyLongestAllowed) {
    issues.push(
      issue(
        course.file,
        QUIZZES_FIELD,
        `the correct option is the longest in ${stats.keyLongest} of ${stats.singleChoice} single-choice questions (${percent(stats.keyLongest, stats.singleChoice)}); ` +
          `at most ${percent(policy.maxKeyLongestShare)} (${keyLongestAllowed}) may be, or length gives the answer away: ` +
          `shorten the key or lengthen a plausible wrong option in some of ${named((q) => q.kind === 'SINGLE_CHOICE' && keyIsStrictlyLongest(q))}`,
      ),
    );
  }

  if (stats.trueFalse > 0) {
    const allowed = allowedTrueAnswers(stats.trueFalse, policy.trueShare);
    if (stats.trueAnswers < allowed.min || stats.trueAnswers > allowed.max) {
      const tooFew = stats.trueAnswers < allowed.min;
      issues.push(
        issue(
          course.file,
          QUIZZES_FIELD,
          `${stats.trueAnswers} of ${stats.trueFalse} true/false questions are true (${percent(stats.trueAnswers, stats.trueFalse)}); ` +
            `keep ${percent(policy.trueShare.min)}-${percent(policy.trueShare.max)} true (${rangeText(allowed)} of ${stats.trueFalse}), ` +
            `or "${tooFew ? 'false' : 'true'}" becomes a safe guess: rewrite some of ${named((q) => q.kind === 'TRUE_FALSE' && q.answer === !tooFew)} ` +
            `as ${tooFew ? 'true' : 'false'} statements`,
        ),
      );
    }
  }

  const allButOneAllowed = Math.floor(policy.maxAllButOneShare * stats.multipleChoice + 1e-9);
  if (stats.allButOne > allButOneAllowed) {
    issues.push(
      issue(
        course.file,
        QUIZZES_FIELD,
        `${stats.allButOne} of ${stats.multipleChoice} multiple-choice questions have every option correct but one (${percent(stats.allButOne, stats.multipleChoice)}); ` +
          `at most ${percent(policy.maxAllButOneShare)} (${allButOneAllowed}) may, or "choose all but the odd one out" passes: ` +
          `change how many options are correct in some of ${named((q) => q.kind === 'MULTIPLE_CHOICE' && isAllButOne(q))}`,
      ),
    );
  }
  return issues;
}

function percent(part: number, whole = 1): string {
  return `${Math.round((part / whole) * 100)} %`;
}

function rangeText(range: { min: number; max: number }): string {
  return range.min === range.max ? String(range.min) : `${range.min}-${range.max}`;
}
