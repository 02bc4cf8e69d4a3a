import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageInfo } from '../../../src/common/pagination';
import { UserModel } from '../../identity';
import type { ProgressRow } from '../progress.service';
import type { LearningItem } from '../dashboard.service';
import { lessonState } from '../learning-path';
import { IsObjectId } from '../../../src/common/validation';

export enum ProgressEventKind {
  STARTED = 'STARTED',
  PROGRESS = 'PROGRESS',
  COMPLETED = 'COMPLETED',
}
registerEnumType(ProgressEventKind, { name: 'ProgressEvent' });

export enum LearningStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  OVERDUE = 'OVERDUE',
}
registerEnumType(LearningStatus, { name: 'LearningStatus' });

export enum LessonStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  AWAITING_QUIZ = 'AWAITING_QUIZ',
  COMPLETED = 'COMPLETED',
}
registerEnumType(LessonStatus, { name: 'LessonStatus', description: 'AWAITING_QUIZ: read to the end; the lesson completes when its quiz is passed.' });

@InputType()
export class CaseloadFilter {
  @Field({ nullable: true, description: 'Only clients with an active assignment or enrollment in this course.' }) @IsOptional() @IsString() @MaxLength(100) courseSlug?: string;
  @Field({ nullable: true, description: 'Only clients with work past its due date (in the course, when one is given).' }) @IsOptional() @IsBoolean() overdueOnly?: boolean;
}

@InputType()
export class RecordLessonProgressInput {
  @Field(() => ID) @IsObjectId({ message: 'lessonId must be a lesson id' }) lessonId: string;
  @Field(() => ProgressEventKind) @IsEnum(ProgressEventKind) event: ProgressEventKind;
  @Field(() => Int, { nullable: true, description: 'How far through the lesson, 0-100. Never moves backwards.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  positionPercent?: number;
  @Field(() => Int, { nullable: true, description: 'Seconds spent since the last event; each event counts at most 15 minutes.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(86400)
  secondsSpent?: number;
  @Field({ description: 'A unique id per event, made by the client; a repeated id is applied once.' })
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{8,100}$/, { message: 'clientEventId must be 8-100 letters, digits or . _ : - (a UUID works)' })
  clientEventId: string;
}

@ObjectType('LessonProgress')
export class LessonProgressModel {
  @Field() courseSlug: string;
  @Field() lessonSlug: string;
  @Field(() => LessonStatus) status: LessonStatus;
  @Field(() => Int) positionPercent: number;
  @Field(() => Int) secondsSpent: number;
  @Field() quizPassed: boolean;
  @Field({ nullable: true }) completedAt?: Date;
  @Field({ description: 'True when this clientEventId had already been applied; nothing changed.' }) duplicate: boolean;
}

export function toLessonProgressModel(p: ProgressRow, duplicate: boolean): LessonProgressModel {
  return {
    courseSlug: p.courseSlug,
    lessonSlug: p.lessonSlug,
    status: lessonState(p) as LessonStatus,
    positionPercent: p.positionPercent ?? 0,
    secondsSpent: p.secondsSpent ?? 0,
    quizPassed: Boolean(p.quizPassed),
    completedAt: p.completedAt,
    duplicate,
  };
}

@ObjectType('PathLesson')
export class PathLessonModel {
  @Field(() => ID) lessonId: string;
  @Field() slug: string;
  @Field() title: string;
  @Field() required: boolean;
  @Field({ description: 'Part of this assignment (chosen lessons, or the required ones).' }) assigned: boolean;
  @Field(() => LessonStatus) status: LessonStatus;
  @Field(() => Int, { description: 'Where to resume, 0-100.' }) positionPercent: number;
  @Field() locked: boolean;
  @Field({ nullable: true, description: 'Why the lesson is locked, in words.' }) lockReason?: string;
  @Field(() => ID, { nullable: true, description: "The lesson's quiz, when it has one." }) quizId?: string;
  @Field({ description: 'Every allowed attempt at the quiz is used and it is not passed: the care team can give more (grantQuizAttempts).' })
  outOfAttempts: boolean;
}

@ObjectType('LearningItem')
export class LearningItemModel {
  @Field(() => ID) enrollmentId: string;
  @Field() courseSlug: string;
  @Field() courseTitle: string;
  @Field(() => Int) courseVersion: number;
  @Field({ description: 'SELF, ASSIGNED or COHORT.' }) source: string;
  @Field({ nullable: true }) dueAt?: Date;
  @Field({ nullable: true, description: "The assigner's note (hidden from family members)." }) note?: string;
  @Field(() => LearningStatus) status: LearningStatus;
  @Field(() => Int) percent: number;
  @Field(() => Int) completedLessons: number;
  @Field(() => Int) totalLessons: number;
  @Field(() => PathLessonModel, { nullable: true, description: 'The lesson to open next.' }) nextLesson?: PathLessonModel;
  @Field(() => [PathLessonModel]) lessons: PathLessonModel[];
  @Field(() => [String], { description: 'Courses to complete before this one opens.' }) blockedBy: string[];
  @Field({ nullable: true }) completedAt?: Date;
}

export function toLearningItem({ enrollment, course, view }: LearningItem, showNote = true): LearningItemModel {
  const lesson = (l: (typeof view.lessons)[number]): PathLessonModel => ({ ...l, status: l.state as LessonStatus });
  return {
    enrollmentId: enrollment._id.toHexString(),
    courseSlug: course.slug,
    courseTitle: course.title,
    courseVersion: course.version,
    source: enrollment.source,
    dueAt: enrollment.dueAt,
    note: showNote ? enrollment.note : undefined,
    status: view.status as LearningStatus,
    percent: view.percent,
    completedLessons: view.completedLessons,
    totalLessons: view.totalLessons,
    nextLesson: view.nextLesson && lesson(view.nextLesson),
    lessons: view.lessons.map(lesson),
    blockedBy: view.blockedBy,
    completedAt: enrollment.completedAt ?? view.completedAt,
  };
}

@ObjectType('LearnerProgress')
export class LearnerProgressModel {
  @Field(() => UserModel) learner: UserModel;
  @Field(() => [LearningItemModel]) items: LearningItemModel[];
  @Field({ nullable: true, description: '42 CFR §2.32 notice, present when the reader is a family member.' }) redisclosureNotice?: string;
}

@ObjectType('CaseloadEntry')
export class CaseloadEntryModel {
  @Field(() => UserModel) learner: UserModel;
  @Field(() => [LearningItemModel]) items: LearningItemModel[];
  @Field(() => Int) overdueCount: number;
  @Field(() => [PathLessonModel], { description: 'Lessons this learner is stuck on: out of quiz attempts without passing. Give more with grantQuizAttempts.' })
  stuckLessons: PathLessonModel[];
}

@ObjectType('CaseloadPage')
export class CaseloadPageModel {
  @Field(() => [CaseloadEntryModel]) nodes: CaseloadEntryModel[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}
