import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type PipelineStage } from 'mongoose';
import type { Principal } from '../../src/auth/principal';
import { NotFound } from '../../src/common/errors';
import { CoursesService } from '../curriculum';
import { QuestionKind } from '../curriculum';
import { roundScore } from './grading/score';
import type { QuizItemAnalysisModel } from './models/item-analysis.model';
import { AttemptStatus, QuizAttempt } from './schemas/quiz-attempt.schema';

interface ItemRow {
  _id: string;
  answered: number;
  shareCorrect: number;
  meanCredit: number;
  discrimination: number | null;
}

/**
 * Per question, over the submitted attempts of one quiz in one organization:
 * the share with full credit, the mean credit, and a discrimination index.
 *
 * Discrimination is the corrected point-biserial correlation: between full
 * credit on the question (1/0) and the attempt's score on its OTHER questions
 * ("rest score", so the item does not correlate with itself — with 4–6
 * questions an item is a fifth of the total). r = (M1 − M0) / s · √(p·q), where
 * M1/M0 are the mean rest scores of attempts with/without full credit, s their
 * population standard deviation, p the share with full credit and q = 1 − p.
 * Computed per question over the attempts that asked it, so quizzes that draw
 * from a pool are handled. Chosen over upper/lower 27% groups because it uses
 * every attempt, which matters for a program's small numbers.
 */
export function itemAnalysisPipeline(orgId: Types.ObjectId, quizId: Types.ObjectId): PipelineStage[] {
  return [
    { $match: { orgId, quizId, status: AttemptStatus.SUBMITTED } },
    { $project: { _id: 0, results: 1, total: { $sum: '$results.credit' }, asked: { $size: '$results' } } },
    { $unwind: '$results' },
    {
      $project: {
        questionId: '$results.questionId',
        credit: '$results.credit',
        full: { $cond: [{ $eq: ['$results.credit', 1] }, 1, 0] },
        rest: {
          $cond: [{ $gt: ['$asked', 1] }, { $divide: [{ $subtract: ['$total', '$results.credit'] }, { $subtract: ['$asked', 1] }] }, null],
        },
      },
    },
    {
      $group: {
        _id: '$questionId',
        answered: { $sum: 1 },
        full: { $sum: '$full' },
        creditSum: { $sum: '$credit' },
        restSum: { $sum: '$rest' },
        restSumFull: { $sum: { $multiply: ['$full', '$rest'] } },
        restSd: { $stdDevPop: '$rest' },
      },
    },
    {
      $project: {
        answered: 1,
        shareCorrect: { $divide: ['$full', '$answered'] },
        meanCredit: { $divide: ['$creditSum', '$answered'] },
        discrimination: {
          $cond: [
            { $and: [{ $gt: ['$full', 0] }, { $lt: ['$full', '$answered'] }, { $gt: ['$restSd', 0] }] },
            {
              $multiply: [
                {
                  $divide: [
                    {
                      $subtract: [
                        { $divide: ['$restSumFull', '$full'] },
                        { $divide: [{ $subtract: ['$restSum', '$restSumFull'] }, { $subtract: ['$answered', '$full'] }] },
                      ],
                    },
                    '$restSd',
                  ],
                },
                { $sqrt: { $multiply: [{ $divide: ['$full', '$answered'] }, { $subtract: [1, { $divide: ['$full', '$answered'] }] }] } },
              ],
            },
            null,
          ],
        },
      },
    },
    { $sort: { _id: 1 } },
  ];
}

@Injectable()
export class ItemAnalysisService {
  constructor(
    @InjectModel(QuizAttempt.name) private readonly attempts: Model<QuizAttempt>,
    private readonly courses: CoursesService,
  ) {}

  async analyse(viewer: Principal, quizId: string): Promise<QuizItemAnalysisModel> {
    const quiz = await this.courses.quizForGrading(quizId);
    if (!quiz) throw new NotFound('That quiz');
    const orgId = new Types.ObjectId(viewer.orgId);
    const [rows, submittedAttempts] = await Promise.all([
      this.attempts.aggregate<ItemRow>(itemAnalysisPipeline(orgId, quiz._id)),
      this.attempts.countDocuments({ orgId, quizId: quiz._id, status: AttemptStatus.SUBMITTED }),
    ]);
    const byId = new Map(rows.map((r) => [r._id, r]));
    return {
      quizId: quiz._id.toHexString(),
      submittedAttempts,
      items: quiz.questions.map((q) => {
        const row = byId.get(q.id);
        return {
          questionId: q.id,
          kind: q.kind as QuestionKind,
          prompt: q.prompt,
          answered: row?.answered ?? 0,
          shareCorrect: row ? roundScore(row.shareCorrect) : null,
          meanCredit: row ? roundScore(row.meanCredit) : null,
          discrimination: row && row.discrimination !== null ? roundScore(row.discrimination) : null,
        };
      }),
    };
  }
}
