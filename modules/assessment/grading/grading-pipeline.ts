/**
 * Grading as a database update, so that submitting is one conditional write on
 * the attempt (its questions and key are in the document) instead of a read and
 * a write. The rules are the ones in score.ts, written as aggregation
 * expressions; test/assessment-grading-pipeline.e2e-spec.ts checks both give
 * the same results, score and pass for random answers on every bundled quiz.
 *
 * Answers are checked in the filter (`answersFitAttempt`): when they do not fit
 * the attempt, nothing is written, and the caller falls back to grading in
 * JavaScript, whose checkAnswers says what is wrong.
 */
import type { Answer } from './grading.types';

/** The answers as stored: one per question, option ids once each in the order given. */
export function distinctAnswers(answers: readonly Answer[]): Answer[] {
  return answers.map((a) => ({ questionId: a.questionId, optionIds: [...new Set(a.optionIds)] }));
}

/** `$expr` for the attempt filter: every answer names a question of this attempt, once, with its options only. */
export function answersFitAttempt(answers: readonly Answer[]): Record<string, unknown> {
  const ids = answers.map((a) => a.questionId);
  if (new Set(ids).size !== ids.length) return { $eq: [1, 0] }; // a question answered twice never fits
  return {
    $allElementsTrue: [
      {
        $map: {
          input: { $literal: answers },
          as: 'a',
          in: {
            $let: {
              vars: { q: { $arrayElemAt: [{ $filter: { input: '$questions', as: 'q', cond: { $eq: ['$$q.id', '$$a.questionId'] } } }, 0] } },
              in: {
                $and: [
                  { $in: ['$$a.questionId', '$questions.id'] },
                  { $setIsSubset: ['$$a.optionIds', { $ifNull: ['$$q.options.id', []] }] },
                  { $or: [{ $eq: ['$$q.kind', 'MULTIPLE_CHOICE'] }, { $lte: [{ $size: '$$a.optionIds' }, 1] }] },
                ],
              },
            },
          },
        },
      },
    ],
  };
}

/** score.ts's roundScore: Math.round(x * 10000) / 10000, i.e. floor(x * 10000 + 0.5) / 10000. */
const round4 = (x: unknown) => ({ $divide: [{ $floor: { $add: [{ $multiply: [x, 10000] }, 0.5] } }, 10000] });

/**
 * The update pipeline that grades the attempt and closes it: per question the
 * credit (scoreQuestion), the results as gradeAttempt returns them, the score as
 * their mean, and the answers that were given.
 */
export function gradingPipeline(answers: readonly Answer[], idempotencyKey: string, now: Date): Record<string, unknown>[] {
  const credit = {
    $cond: [
      { $eq: ['$$q.kind', 'MULTIPLE_CHOICE'] },
      // (right − wrong) / number of correct options, floored at 0.
      {
        $cond: [
          { $eq: [{ $size: '$$correct' }, 0] },
          0,
          {
            $max: [
              0,
              {
                $divide: [
                  { $subtract: [{ $size: { $setIntersection: ['$$chosen', '$$correct'] } }, { $subtract: [{ $size: '$$chosen' }, { $size: { $setIntersection: ['$$chosen', '$$correct'] } }] }] },
                  { $size: '$$correct' },
                ],
              },
            ],
          },
        ],
      },
      // Exactly the one correct option.
      { $cond: [{ $and: [{ $eq: [{ $size: '$$chosen' }, 1] }, { $in: [{ $arrayElemAt: ['$$chosen', 0] }, '$$correct'] }] }, 1, 0] },
    ],
  };
  const results = {
    $map: {
      input: '$questions',
      as: 'q',
      in: {
        $let: {
          vars: {
            chosen: {
              $ifNull: [{ $arrayElemAt: [{ $map: { input: { $filter: { input: { $literal: answers }, as: 'a', cond: { $eq: ['$$a.questionId', '$$q.id'] } } }, as: 'a', in: '$$a.optionIds' } }, 0] }, []],
            },
            correct: { $map: { input: { $filter: { input: '$$q.options', as: 'o', cond: { $eq: ['$$o.correct', true] } } }, as: 'o', in: '$$o.id' } },
          },
          in: {
            $let: {
              vars: { credit: round4(credit) },
              in: {
                questionId: '$$q.id',
                chosenOptionIds: '$$chosen',
                correctOptionIds: '$$correct',
                credit: '$$credit',
                correct: { $eq: ['$$credit', 1] },
                rationale: '$$q.rationale',
              },
            },
          },
        },
      },
    },
  };
  // Summed in order, as JavaScript's reduce does (MongoDB's $sum compensates rounding, which could differ).
  const total = { $reduce: { input: '$results', initialValue: 0, in: { $add: ['$$value', '$$this.credit'] } } };
  return [
    { $set: { results } },
    { $set: { score: { $cond: [{ $eq: [{ $size: '$questions' }, 0] }, 0, round4({ $divide: [total, { $size: '$questions' }] })] } } },
    {
      $set: {
        status: 'SUBMITTED',
        idempotencyKey: { $literal: idempotencyKey },
        passed: { $gte: ['$score', '$settings.passingScore'] },
        savedAnswers: {
          $map: {
            input: { $filter: { input: '$results', as: 'r', cond: { $gt: [{ $size: '$$r.chosenOptionIds' }, 0] } } },
            as: 'r',
            in: { questionId: '$$r.questionId', optionIds: '$$r.chosenOptionIds' },
          },
        },
        submittedAt: { $literal: now },
      },
    },
  ];
}
