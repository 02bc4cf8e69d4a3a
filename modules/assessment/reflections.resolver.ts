import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles } from '../../src/auth/decorators';
import { Role, type Principal } from '../../src/auth/principal';
import { LEARNER_ROLES } from '../identity';
import { PageArgs } from '../../src/common/pagination';
import { ReflectionsArgs, ReviewReflectionArgs, SubmitReflectionInput } from './dto/assessment.inputs';
import { ReflectionConnectionModel, ReflectionModel, ReflectionSubmissionModel, toReflectionModel } from './models/reflection.model';
import { ReflectionsService, type ReflectionPage } from './reflections.service';

@Resolver()
export class ReflectionsResolver {
  constructor(private readonly service: ReflectionsService) {}

  @Roles(...LEARNER_ROLES)
  @Mutation(() => ReflectionSubmissionModel, {
    description: 'Saves a new version of your answer to a reflection prompt. `safety` is shown at once: answers are read later, not monitored around the clock.',
  })
  async submitReflection(@CurrentUser() learner: Principal, @Args('input') input: SubmitReflectionInput): Promise<ReflectionSubmissionModel> {
    const { reflection, safety } = await this.service.submit(learner, input);
    return { reflection: toReflectionModel(reflection), safety };
  }

  @Roles(Role.CLINICIAN, Role.ADMIN)
  @Mutation(() => ReflectionModel, { description: 'Comment on a reflection; marks it reviewed. The read is audited.' })
  async reviewReflection(@CurrentUser() viewer: Principal, @Args() args: ReviewReflectionArgs): Promise<ReflectionModel> {
    const { reflection, learnerName } = await this.service.review(viewer, args.id, args.comment);
    return toReflectionModel(reflection, learnerName);
  }

  @Roles(...LEARNER_ROLES, Role.CLINICIAN, Role.ADMIN)
  @Query(() => ReflectionModel, { description: 'Yours, or (clinicians and admins, audited) a learner\'s. Never shown to family members.' })
  async reflection(@CurrentUser() viewer: Principal, @Args('id', { type: () => ID }) id: string): Promise<ReflectionModel> {
    const { reflection, learnerName } = await this.service.read(viewer, id);
    return toReflectionModel(reflection, learnerName);
  }

  @Roles(...LEARNER_ROLES, Role.CLINICIAN, Role.ADMIN)
  @Query(() => ReflectionConnectionModel, { description: 'Reflections newest first: yours, or (clinicians and admins, audited) a learner\'s.' })
  async reflections(@CurrentUser() viewer: Principal, @Args() args: ReflectionsArgs): Promise<ReflectionConnectionModel> {
    return toConnection(await this.service.list(viewer, args));
  }

  @Roles(Role.CLINICIAN, Role.ADMIN)
  @Query(() => ReflectionConnectionModel, { description: 'Reflections awaiting review: flagged ones first, then the longest waiting. Each listed learner\'s read is audited.' })
  async reflectionReviewQueue(@CurrentUser() viewer: Principal, @Args() page: PageArgs): Promise<ReflectionConnectionModel> {
    return toConnection(await this.service.reviewQueue(viewer, page.first, page.after));
  }
}

function toConnection(page: ReflectionPage): ReflectionConnectionModel {
  return {
    nodes: page.nodes.map((n) => toReflectionModel(n.reflection, n.learnerName)),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
  };
}
