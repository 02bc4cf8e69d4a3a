import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles } from '../../src/auth/decorators';
import { Role, type Principal } from '../../src/auth/principal';
import { LEARNER_ROLES } from '../identity';
import { GrantQuizAttemptsArgs, SaveQuizAnswersArgs, SubmitQuizAttemptArgs } from './dto/assessment.inputs';
import { ItemAnalysisService } from './item-analysis.service';
import { QuizItemAnalysisModel } from './models/item-analysis.model';
import { QuizAttemptHistoryModel, QuizAttemptModel, toQuizAttemptModel, toStandingModel } from './models/quiz-attempt.model';
import { QuizAttemptsService } from './quiz-attempts.service';

@Resolver()
export class QuizAttemptsResolver {
  constructor(
    private readonly attempts: QuizAttemptsService,
    private readonly items: ItemAnalysisService,
  ) {}

  @Roles(...LEARNER_ROLES)
  @Mutation(() => QuizAttemptModel, {
    description: 'Opens your next attempt (or returns the one in progress, with saved answers). Questions come in this attempt\'s fixed order, without answers.',
  })
  async startQuizAttempt(@CurrentUser() learner: Principal, @Args('quizId', { type: () => ID }) quizId: string): Promise<QuizAttemptModel> {
    return toQuizAttemptModel(await this.attempts.start(learner, quizId));
  }

  @Roles(...LEARNER_ROLES)
  @Mutation(() => QuizAttemptModel, { description: 'Keeps work in progress so you can resume on any device. Send every answer so far; it replaces what was saved.' })
  async saveQuizAnswers(@CurrentUser() learner: Principal, @Args() args: SaveQuizAnswersArgs): Promise<QuizAttemptModel> {
    return toQuizAttemptModel(await this.attempts.save(learner, args.attemptId, args.answers));
  }

  @Roles(...LEARNER_ROLES)
  @Mutation(() => QuizAttemptModel, {
    description: 'Grades the attempt on the server: score, passed, and per-question feedback when the quiz shows it. Resending the same idempotencyKey returns the same result.',
  })
  async submitQuizAttempt(@CurrentUser() learner: Principal, @Args() args: SubmitQuizAttemptArgs): Promise<QuizAttemptModel> {
    return toQuizAttemptModel(await this.attempts.submit(learner, args.attemptId, args.answers, args.idempotencyKey));
  }

  @Roles(...LEARNER_ROLES, Role.CLINICIAN, Role.ADMIN)
  @Query(() => QuizAttemptModel, { description: 'One attempt: yours, or (care team, audited) a learner\'s.' })
  async quizAttempt(@CurrentUser() viewer: Principal, @Args('id', { type: () => ID }) id: string): Promise<QuizAttemptModel> {
    return toQuizAttemptModel(await this.attempts.attempt(viewer, id));
  }

  @Roles(...LEARNER_ROLES, Role.CLINICIAN, Role.ADMIN)
  @Query(() => QuizAttemptHistoryModel, { description: "Every attempt at a quiz with the grading-method standing: yours, or (care team, audited) a learner's." })
  async quizAttempts(
    @CurrentUser() viewer: Principal,
    @Args('quizId', { type: () => ID }) quizId: string,
    @Args('learnerId', { type: () => ID, nullable: true }) learnerId?: string,
  ): Promise<QuizAttemptHistoryModel> {
    const history = await this.attempts.history(viewer, quizId, learnerId);
    return { ...history, standing: toStandingModel(history.standing), attempts: history.attempts.map(toQuizAttemptModel) };
  }

  @Roles(Role.CLINICIAN, Role.ADMIN)
  @Mutation(() => QuizAttemptHistoryModel, {
    description: "The learner's care team gives more attempts at a quiz (audited, with the reason). Answers with the learner's standing as it now is.",
  })
  async grantQuizAttempts(@CurrentUser() viewer: Principal, @Args() args: GrantQuizAttemptsArgs): Promise<QuizAttemptHistoryModel> {
    const history = await this.attempts.grant(viewer, args);
    return { ...history, standing: toStandingModel(history.standing), attempts: history.attempts.map(toQuizAttemptModel) };
  }

  @Roles(Role.ADMIN, Role.CLINICIAN)
  @Query(() => QuizItemAnalysisModel, { description: "Per question: share answering correctly and a discrimination index, over your organization's submitted attempts." })
  quizItemAnalysis(@CurrentUser() viewer: Principal, @Args('quizId', { type: () => ID }) quizId: string): Promise<QuizItemAnalysisModel> {
    return this.items.analyse(viewer, quizId);
  }
}
