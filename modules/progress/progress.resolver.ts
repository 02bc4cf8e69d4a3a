import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles } from '../../src/auth/decorators';
import { Role, type Principal } from '../../src/auth/principal';
import { PageArgs } from '../../src/common/pagination';
import { toUserModel } from '../identity';
import { LEARNER_ROLES } from '../identity';
import { DashboardService } from './dashboard.service';
import {
  CaseloadFilter,
  CaseloadPageModel,
  LearnerProgressModel,
  LearningItemModel,
  LessonProgressModel,
  RecordLessonProgressInput,
  toLearningItem,
  toLessonProgressModel,
} from './models/progress.models';
import { ProgressService } from './progress.service';


@Resolver()
export class ProgressResolver {
  constructor(
    private readonly progress: ProgressService,
    private readonly dashboards: DashboardService,
  ) {}

  @Roles(...LEARNER_ROLES)
  @Mutation(() => LessonProgressModel, { description: 'Record reading progress. Idempotent by clientEventId; never moves backwards.' })
  async recordLessonProgress(@CurrentUser() learner: Principal, @Args('input') input: RecordLessonProgressInput): Promise<LessonProgressModel> {
    const { progress, duplicate } = await this.progress.record(learner, input);
    return toLessonProgressModel(progress, duplicate);
  }

  @Roles(...LEARNER_ROLES)
  @Query(() => [LearningItemModel], { description: 'Your enrollments and assignments, with status, progress and the lesson to open next.' })
  async myLearning(@CurrentUser() learner: Principal): Promise<LearningItemModel[]> {
    return (await this.dashboards.myLearning(learner)).map((item) => toLearningItem(item));
  }

  @Roles(Role.ADMIN, Role.CLINICIAN, Role.FAMILY)
  @Query(() => LearnerProgressModel, { description: "A learner's progress: for their clinicians and admins, and for family members with the patient's consent." })
  async learnerProgress(
    @CurrentUser() viewer: Principal,
    @Args('learnerId', { type: () => ID }) learnerId: string,
  ): Promise<LearnerProgressModel> {
    const { granted, items } = await this.dashboards.learnerProgress(viewer, learnerId);
    const careTeam = granted.decision.relation !== 'FAMILY';
    return {
      learner: toUserModel(granted.subject, careTeam),
      items: items.map((item) => toLearningItem(item, careTeam)),
      redisclosureNotice: granted.redisclosureNotice,
    };
  }

  @Roles(Role.CLINICIAN, Role.ADMIN)
  @Query(() => CaseloadPageModel, { description: "Clinicians: your patients and family members. Admins: every client. With progress and overdue items." })
  async caseload(
    @CurrentUser() viewer: Principal,
    @Args() page: PageArgs,
    @Args('filter', { type: () => CaseloadFilter, nullable: true }) filter?: CaseloadFilter,
  ): Promise<CaseloadPageModel> {
    const result = await this.dashboards.caseload(viewer, page.first, page.after, filter);
    return {
      nodes: result.rows.map(({ learner, items }) => {
        const mapped = items.map((item) => toLearningItem(item));
        return {
          learner: toUserModel(learner, true),
          items: mapped,
          overdueCount: mapped.filter((i) => i.status === 'OVERDUE').length,
          stuckLessons: mapped.flatMap((i) => i.lessons.filter((l) => l.outOfAttempts)),
        };
      }),
      pageInfo: { hasNextPage: result.hasNextPage, endCursor: result.endCursor },
    };
  }
}
