import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Cohort, Enrollment } from '../schemas/enrollment.schemas';

@ObjectType('Enrollment')
export class EnrollmentModel {
  @Field(() => ID) id: string;
  @Field(() => ID) learnerId: string;
  @Field() courseSlug: string;
  @Field({ description: 'SELF, ASSIGNED or COHORT.' }) source: string;
  @Field(() => ID, { nullable: true }) assignedBy?: string;
  @Field(() => [String], { description: 'Assigned lessons; empty means the whole course.' }) lessonSlugs: string[];
  @Field({ nullable: true }) dueAt?: Date;
  @Field({ nullable: true }) note?: string;
  @Field({ description: 'ACTIVE or CANCELLED.' }) state: string;
  @Field({ nullable: true }) cancelledAt?: Date;
  @Field({ nullable: true }) completedAt?: Date;
  @Field() createdAt: Date;
}

export function toEnrollmentModel(e: Enrollment, showNote = true): EnrollmentModel {
  return {
    id: e._id.toHexString(),
    learnerId: e.learnerId.toHexString(),
    courseSlug: e.courseSlug,
    source: e.source,
    assignedBy: e.assignedBy?.toHexString(),
    lessonSlugs: e.lessonSlugs ?? [],
    dueAt: e.dueAt,
    note: showNote ? e.note : undefined,
    state: e.status,
    cancelledAt: e.cancelledAt,
    completedAt: e.completedAt,
    createdAt: e.createdAt,
  };
}

@ObjectType('Cohort')
export class CohortModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => [ID]) memberIds: string[];
  @Field(() => Int) size: number;
}

export function toCohortModel(c: Cohort): CohortModel {
  return { id: c._id.toHexString(), name: c.name, memberIds: c.memberIds.map((m) => m.toHexString()), size: c.memberIds.length };
}

@ObjectType('CohortAssignment')
export class CohortAssignmentModel {
  @Field(() => CohortModel) cohort: CohortModel;
  @Field(() => [EnrollmentModel]) enrollments: EnrollmentModel[];
}

@ObjectType('CourseCount')
export class CourseCountModel {
  @Field() courseSlug: string;
  @Field() courseTitle: string;
  @Field(() => Int) count: number;
}

@ObjectType('WeekCount')
export class WeekCountModel {
  @Field({ description: 'The start of the seven days counted.' }) weekStart: Date;
  @Field(() => Int) count: number;
}

@ObjectType('LearningReport')
export class LearningReportModel {
  @Field(() => [CourseCountModel], { description: 'Open assignments past their due date, per course, most first.' }) overdueByCourse: CourseCountModel[];
  @Field(() => [WeekCountModel], { description: 'Courses completed in each of the last weeks, oldest first.' }) completionsByWeek: WeekCountModel[];
}
