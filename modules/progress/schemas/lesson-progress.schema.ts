import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';

/**
 * One learner's progress on one lesson, keyed by slugs so it survives content
 * revisions (docs/architecture.md invariant 8). Every field only moves forward (invariant 3):
 * positions and flags by $max, first times by $min.
 */
@Schema({ collection: 'lessonProgress', versionKey: false })
export class LessonProgress {
  _id: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) orgId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) learnerId: Types.ObjectId;
  @Prop({ required: true }) courseSlug: string;
  @Prop({ required: true }) lessonSlug: string;
  /** The lesson version last worked on. */
  @Prop({ type: Types.ObjectId }) lessonId?: Types.ObjectId;
  @Prop({ default: 0 }) positionPercent: number;
  @Prop({ default: 0 }) secondsSpent: number;
  @Prop() startedAt?: Date;
  @Prop() readCompletedAt?: Date;
  @Prop({ default: false }) quizPassed: boolean;
  @Prop() quizScore?: number;
  @Prop() completedAt?: Date;
  /** The quiz is failed and every allowed attempt used: the learner waits for the care team (grantQuizAttempts). */
  @Prop() quizAttemptsExhausted?: boolean;
  @Prop() updatedAt?: Date;
  /** The most recent client event ids (bounded), for idempotence. */
  @Prop({ type: [String], default: [] }) eventIds: string[];
}
export type LessonProgressDocument = HydratedDocument<LessonProgress>;
export const LessonProgressSchema = SchemaFactory.createForClass(LessonProgress);
LessonProgressSchema.index({ learnerId: 1, courseSlug: 1, lessonSlug: 1 }, { unique: true });
LessonProgressSchema.index({ orgId: 1, learnerId: 1, courseSlug: 1 });
