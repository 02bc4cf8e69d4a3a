import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';

/**
 * Extra attempts a learner's care team gave at one quiz, one document per grant so
 * who gave how many and why stays readable. A learner's allowance is the quiz's
 * maximum plus the sum of their grants.
 */
@Schema({ collection: 'quizAttemptGrants', timestamps: false, versionKey: false })
export class QuizAttemptGrant {
  _id: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) orgId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) learnerId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) quizId: Types.ObjectId;
  @Prop({ required: true }) extra: number;
  @Prop({ required: true }) reason: string;
  @Prop({ type: Types.ObjectId, required: true }) grantedBy: Types.ObjectId;
  @Prop({ required: true }) grantedAt: Date;
}
export type QuizAttemptGrantDocument = HydratedDocument<QuizAttemptGrant>;
export const QuizAttemptGrantSchema = SchemaFactory.createForClass(QuizAttemptGrant);
QuizAttemptGrantSchema.index({ orgId: 1, learnerId: 1, quizId: 1 });
