import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { QuestionKind } from '../../curriculum';

@ObjectType('QuizItemStatistics')
export class QuizItemStatisticsModel {
  @Field() questionId: string;
  @Field(() => QuestionKind) kind: QuestionKind;
  @Field() prompt: string;
  @Field(() => Int, { description: 'Submitted attempts that asked this question.' }) answered: number;
  @Field(() => Float, { nullable: true, description: 'Share of those attempts with full credit on it (0 to 1).' }) shareCorrect?: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean points earned on it (0 to 1); differs from shareCorrect only with partial credit.' }) meanCredit?: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'Corrected point-biserial correlation (−1 to 1) between full credit on this question and the score on the rest of the attempt. ' +
      'Near 0 or negative: the question does not separate stronger from weaker learners. Null when it cannot be computed (everyone right, everyone wrong, or no spread).',
  })
  discrimination?: number | null;
}

@ObjectType('QuizItemAnalysis')
export class QuizItemAnalysisModel {
  @Field(() => ID) quizId: string;
  @Field(() => Int, { description: "Submitted attempts in your organization." }) submittedAttempts: number;
  @Field(() => [QuizItemStatisticsModel], { description: "The quiz's questions in authored order." }) items: QuizItemStatisticsModel[];
}
