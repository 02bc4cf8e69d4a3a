import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';
import type { Answer, GradingMethodName, KeyedQuestion, QuestionResult } from '../grading/grading.types';

export enum AttemptStatus {
  IN_PROGRESS = 'IN_PROGRESS',
  SUBMITTED = 'SUBMITTED',
}

/** The quiz settings an attempt was opened under; the quiz itself is immutable per id, this only saves a read. */
export interface AttemptSettings {
  passingScore: number;
  maxAttempts: number;
  gradingMethod: GradingMethodName;
  cooldownMinutes: number;
  showFeedback: boolean;
}

/**
 * One attempt at one quiz by one learner. The attempt carries its own copy of
 * the questions it asked, in the order it asked them, answer key included:
 * submit grades from this document alone (one read, one conditional write),
 * and history survives content revisions. The key is never mapped to an API
 * type before submission (models/quiz-attempt.model.ts).
 */
@Schema({ collection: 'quizAttempts', timestamps: false, minimize: false })
export class QuizAttempt {
  _id: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) orgId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) learnerId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) quizId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) lessonId: Types.ObjectId;
  @Prop({ required: true }) courseSlug: string;
  @Prop({ required: true }) lessonSlug: string;
  /** 1, 2, 3 … per learner and quiz; the unique index makes opening attempt n a race only one request wins. */
  @Prop({ required: true }) number: number;
  /** Seed of the order below (grading/attempt-order.ts). */
  @Prop({ required: true }) seed: number;
  @Prop({ type: Object, required: true }) settings: AttemptSettings;
  /** Drawn questions in this attempt's order, options in this attempt's order, with the key. */
  @Prop({ type: Array, required: true }) questions: KeyedQuestion[];
  /**
   * Scores of this learner's earlier submitted attempts at this quiz, in order.
   * Attempts are sequential (a new one opens only after the previous is
   * submitted), so this is known at start and lets submit compute the
   * grading-method score without reading the other attempts.
   */
  @Prop({ type: [Number], required: true }) priorScores: number[];
  @Prop({ type: Array, default: [] }) savedAnswers: Answer[];
  @Prop() savedAt?: Date;
  @Prop({ type: String, required: true, enum: Object.values(AttemptStatus) }) status: AttemptStatus;
  @Prop() idempotencyKey?: string;
  @Prop() score?: number;
  @Prop() passed?: boolean;
  @Prop({ type: Array }) results?: QuestionResult[];
  @Prop({ required: true }) startedAt: Date;
  @Prop() submittedAt?: Date;
}
export type QuizAttemptDocument = HydratedDocument<QuizAttempt>;
export const QuizAttemptSchema = SchemaFactory.createForClass(QuizAttempt);
// orgId leads (shard key); unique per learner, quiz and number, so concurrent starts cannot both open attempt n.
QuizAttemptSchema.index({ orgId: 1, learnerId: 1, quizId: 1, number: 1 }, { unique: true });
// Item analysis: submitted attempts of a quiz in an organization.
QuizAttemptSchema.index({ orgId: 1, quizId: 1, status: 1 });
