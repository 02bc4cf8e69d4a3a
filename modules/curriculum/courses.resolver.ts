import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles } from '../../src/auth/decorators';
import type { Principal } from '../../src/auth/principal';
import { EVERYONE } from '../identity';
import { UsersService } from '../identity';
import { audienceOf, CoursesService } from './courses.service';
import { crisisResourcesFor } from './crisis-resources';
import { Audience, CourseModel, LessonModel } from './models/curriculum.models';

@Resolver()
export class CoursesResolver {
  constructor(
    private readonly catalog: CoursesService,
    private readonly users: UsersService,
  ) {}

  @Roles(...EVERYONE)
  @Query(() => [CourseModel], { description: 'Learners see the courses for their audience; clinicians and admins see all, or one audience.' })
  async courses(@CurrentUser() viewer: Principal, @Args('audience', { type: () => Audience, nullable: true }) audience?: Audience): Promise<CourseModel[]> {
    const own = audienceOf(viewer.role);
    const rows = await this.catalog.currentCourses(own ?? audience);
    return rows.map((c) => this.catalog.toCourseModel(c));
  }

  @Roles(...EVERYONE)
  @Query(() => CourseModel)
  async course(@CurrentUser() viewer: Principal, @Args('slug') slug: string): Promise<CourseModel> {
    return this.catalog.toCourseModel(await this.catalog.courseFor(viewer, slug));
  }

  @Roles(...EVERYONE)
  @Query(() => LessonModel, { description: 'A lesson version by id, with crisis resources and its quiz (never the answers).' })
  async lesson(@CurrentUser() viewer: Principal, @Args('id', { type: () => ID }) id: string): Promise<LessonModel> {
    return this.withOrganizationLine(viewer, await this.catalog.lessonFor(viewer, id));
  }

  @Roles(...EVERYONE)
  @Query(() => LessonModel, { description: "The current version of a course's lesson, by slugs." })
  async lessonBySlug(@CurrentUser() viewer: Principal, @Args('courseSlug') courseSlug: string, @Args('lessonSlug') lessonSlug: string): Promise<LessonModel> {
    return this.withOrganizationLine(viewer, await this.catalog.lessonBySlugFor(viewer, courseSlug, lessonSlug));
  }

  /** Content is shared by every organization; the crisis line is each organization's own. */
  private async withOrganizationLine(viewer: Principal, lesson: LessonModel): Promise<LessonModel> {
    const org = await this.users.organization(viewer.orgId);
    return { ...lesson, crisisResources: crisisResourcesFor(org) };
  }
}
