import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles } from '../../src/auth/decorators';
import { Role, type Principal } from '../../src/auth/principal';
import { AssignCohortInput, AssignCourseInput, CreateCohortInput } from './dto/enrollment.inputs';
import { LEARNER_ROLES, toUserModel, UserModel } from '../identity';
import { DischargeService } from './discharge.service';
import { EnrollmentService } from './enrollment.service';
import { CohortAssignmentModel, CohortModel, EnrollmentModel, LearningReportModel, toCohortModel, toEnrollmentModel } from './models/enrollment.models';

@Resolver()
export class EnrollmentResolver {
  constructor(
    private readonly enrollment: EnrollmentService,
    private readonly discharges: DischargeService,
  ) {}

  @Roles(Role.CLINICIAN, Role.ADMIN)
  @Mutation(() => UserModel, {
    description: "Ends a client's care: open assignments end, history stays, and the client keeps access to their own records and certificates. The reason goes into the audit trail.",
  })
  async dischargeClient(@CurrentUser() actor: Principal, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string): Promise<UserModel> {
    return toUserModel(await this.discharges.discharge(actor, id, reason), true);
  }

  // Clinicians and admins take the staff courses too (the training gate needs it).
  @Roles(...LEARNER_ROLES)
  @Mutation(() => EnrollmentModel, { description: 'Enroll yourself in a course open to your audience. Enrolling twice returns the same enrollment.' })
  async enroll(@CurrentUser() user: Principal, @Args('courseSlug') courseSlug: string): Promise<EnrollmentModel> {
    return toEnrollmentModel(await this.enrollment.enroll(user, courseSlug));
  }

  @Roles(Role.CLINICIAN, Role.ADMIN)
  @Mutation(() => EnrollmentModel, {
    description: 'Assign a course, or chosen lessons of it, with an optional due date and note. Assigning again updates the same enrollment.',
  })
  async assignCourse(@CurrentUser() user: Principal, @Args('input') input: AssignCourseInput): Promise<EnrollmentModel> {
    const { learnerId, ...terms } = input;
    return toEnrollmentModel(await this.enrollment.assign(user, learnerId, terms));
  }

  @Roles(Role.CLINICIAN, Role.ADMIN, Role.PATIENT, Role.FAMILY, Role.STAFF)
  @Mutation(() => EnrollmentModel, { description: 'Cancel an assignment (care team) or your own self-enrollment. History is kept.' })
  async cancelAssignment(@CurrentUser() user: Principal, @Args('id', { type: () => ID }) id: string): Promise<EnrollmentModel> {
    return toEnrollmentModel(await this.enrollment.cancel(user, id));
  }

  @Roles(Role.CLINICIAN, Role.ADMIN)
  @Mutation(() => CohortModel, { description: 'A named group of learners to assign to at once (e.g. "Tuesday family group").' })
  async createCohort(@CurrentUser() user: Principal, @Args('input') input: CreateCohortInput): Promise<CohortModel> {
    return toCohortModel(await this.enrollment.createCohort(user, input.name, input.memberIds));
  }

  @Roles(Role.CLINICIAN, Role.ADMIN)
  @Mutation(() => CohortModel)
  async addToCohort(
    @CurrentUser() user: Principal,
    @Args('cohortId', { type: () => ID }) cohortId: string,
    @Args('memberIds', { type: () => [ID] }) memberIds: string[],
  ): Promise<CohortModel> {
    return toCohortModel(await this.enrollment.addToCohort(user, cohortId, memberIds));
  }

  @Roles(Role.ADMIN)
  @Query(() => LearningReportModel, { description: 'Counts for the admin charts: overdue assignments by course and completions per week. Names no one.' })
  async learningReport(@CurrentUser() user: Principal, @Args('weeks', { type: () => Int, defaultValue: 12 }) weeks: number): Promise<LearningReportModel> {
    return this.enrollment.report(user, weeks);
  }

  @Roles(Role.CLINICIAN, Role.ADMIN)
  @Mutation(() => CohortModel, { description: 'Takes learners out of a cohort. Their assignments stay; later cohort assignments skip them.' })
  async removeFromCohort(
    @CurrentUser() user: Principal,
    @Args('cohortId', { type: () => ID }) cohortId: string,
    @Args('memberIds', { type: () => [ID] }) memberIds: string[],
  ): Promise<CohortModel> {
    return toCohortModel(await this.enrollment.removeFromCohort(user, cohortId, memberIds));
  }

  @Roles(Role.CLINICIAN, Role.ADMIN)
  @Mutation(() => CohortAssignmentModel, { description: 'Assign a course to every member of a cohort.' })
  async assignCohort(@CurrentUser() user: Principal, @Args('input') input: AssignCohortInput): Promise<CohortAssignmentModel> {
    const { cohortId, ...terms } = input;
    const { cohort, enrollments } = await this.enrollment.assignCohort(user, cohortId, terms);
    return { cohort: toCohortModel(cohort), enrollments: enrollments.map((e) => toEnrollmentModel(e)) };
  }

  @Roles(Role.CLINICIAN, Role.ADMIN)
  @Query(() => [CohortModel], { description: "Your organization's cohorts." })
  async cohorts(@CurrentUser() user: Principal): Promise<CohortModel[]> {
    return (await this.enrollment.cohortsOf(user)).map(toCohortModel);
  }
}
