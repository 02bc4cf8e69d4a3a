import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsBoolean, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { Role } from '../../../src/auth/principal';
import { PageArgs, PageInfo } from '../../../src/common/pagination';
import { IsObjectId } from '../../../src/common/validation';
import { toUserModel, UserModel } from '../../identity';
import { LearningStatus, toLearningItem } from '../../progress';
import type { ComplianceRow } from '../training.service';
import type { TrainingRequirement } from '../schemas/training-requirement.schema';

export enum TrainingFirstDueKind {
  AFTER_START = 'AFTER_START',
  FIXED_DATE = 'FIXED_DATE',
}
registerEnumType(TrainingFirstDueKind, { name: 'TrainingFirstDueKind', description: 'AFTER_START: `days` after the hire date (or joining). FIXED_DATE: the next `month`/`day`.' });

export enum TrainingRecurrenceKind {
  NONE = 'NONE',
  MONTHS_AFTER_COMPLETION = 'MONTHS_AFTER_COMPLETION',
  ANNUAL_DATE = 'ANNUAL_DATE',
}
registerEnumType(TrainingRecurrenceKind, {
  name: 'TrainingRecurrenceKind',
  description: 'NONE: once. MONTHS_AFTER_COMPLETION: due again `months` after the last completion. ANNUAL_DATE: due every year on `month`/`day`.',
});

export enum ComplianceStatus {
  COMPLIANT = 'COMPLIANT',
  DUE_SOON = 'DUE_SOON',
  OVERDUE = 'OVERDUE',
  EXPIRED = 'EXPIRED',
}
registerEnumType(ComplianceStatus, {
  name: 'ComplianceStatus',
  description: 'COMPLIANT: met, or not yet due. DUE_SOON: due, or expiring, within the requirement\'s dueSoonDays. OVERDUE: past due, never met (or renewal past due). EXPIRED: the last completion no longer counts.',
});

@ObjectType('TrainingFirstDue')
export class TrainingFirstDueModel {
  @Field(() => TrainingFirstDueKind) kind: TrainingFirstDueKind;
  @Field(() => Int, { nullable: true }) days?: number;
  @Field(() => Int, { nullable: true }) month?: number;
  @Field(() => Int, { nullable: true }) day?: number;
}

@ObjectType('TrainingRecurrence')
export class TrainingRecurrenceModel {
  @Field(() => TrainingRecurrenceKind) kind: TrainingRecurrenceKind;
  @Field(() => Int, { nullable: true }) months?: number;
  @Field(() => Int, { nullable: true }) month?: number;
  @Field(() => Int, { nullable: true }) day?: number;
}

@ObjectType('TrainingRequirement')
export class TrainingRequirementModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() courseSlug: string;
  @Field(() => [Role], { description: 'Every staff member of these roles must meet it.' }) roles: Role[];
  @Field(() => ID, { nullable: true, description: 'And every staff member of this cohort.' }) cohortId?: string;
  @Field(() => TrainingFirstDueModel) firstDue: TrainingFirstDueModel;
  @Field(() => TrainingRecurrenceModel) recurrence: TrainingRecurrenceModel;
  @Field(() => Int, { nullable: true, description: 'How long a completion counts, in months; without it, until the next due date (or for good).' }) validityMonths?: number;
  @Field(() => Int, { description: 'DUE_SOON starts this many days before the due date or the end of validity.' }) dueSoonDays: number;
  @Field({ nullable: true }) archivedAt?: Date;
  @Field() createdAt: Date;
}

export function toTrainingRequirementModel(r: TrainingRequirement): TrainingRequirementModel {
  return {
    id: r._id.toHexString(),
    name: r.name,
    courseSlug: r.courseSlug,
    roles: r.roles as Role[],
    cohortId: r.cohortId?.toHexString(),
    firstDue: { kind: r.firstDue.kind as TrainingFirstDueKind, days: r.firstDue.days, month: r.firstDue.month, day: r.firstDue.day },
    recurrence: { kind: r.recurrence.kind as TrainingRecurrenceKind, months: r.recurrence.months, month: r.recurrence.month, day: r.recurrence.day },
    validityMonths: r.validityMonths,
    dueSoonDays: r.dueSoonDays,
    archivedAt: r.archivedAt,
    createdAt: r.createdAt,
  };
}

@InputType()
export class TrainingFirstDueInput {
  @Field(() => TrainingFirstDueKind) @IsEnum(TrainingFirstDueKind) kind: TrainingFirstDueKind;
  @Field(() => Int, { nullable: true, description: 'AFTER_START: days after the hire date, 0 to 730.' }) @IsOptional() @IsInt() @Min(0) @Max(730) days?: number;
  @Field(() => Int, { nullable: true, description: 'FIXED_DATE: month, 1 to 12.' }) @IsOptional() @IsInt() @Min(1) @Max(12) month?: number;
  @Field(() => Int, { nullable: true, description: 'FIXED_DATE: day of the month.' }) @IsOptional() @IsInt() @Min(1) @Max(31) day?: number;
}

@InputType()
export class TrainingRecurrenceInput {
  @Field(() => TrainingRecurrenceKind) @IsEnum(TrainingRecurrenceKind) kind: TrainingRecurrenceKind;
  @Field(() => Int, { nullable: true, description: 'MONTHS_AFTER_COMPLETION: 1 to 120.' }) @IsOptional() @IsInt() @Min(1) @Max(120) months?: number;
  @Field(() => Int, { nullable: true, description: 'ANNUAL_DATE: month, 1 to 12.' }) @IsOptional() @IsInt() @Min(1) @Max(12) month?: number;
  @Field(() => Int, { nullable: true, description: 'ANNUAL_DATE: day of the month.' }) @IsOptional() @IsInt() @Min(1) @Max(31) day?: number;
}

@InputType({ isAbstract: true })
class TrainingRequirementFields {
  @Field({ nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(120) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'courseSlug must be a course slug such as "confidentiality-essentials"' }) courseSlug?: string;
  @Field(() => [Role], { nullable: true, description: 'Staff roles it applies to (STAFF, CLINICIAN, ADMIN).' })
  @IsOptional()
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsEnum(Role, { each: true })
  roles?: Role[];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsObjectId({ message: 'cohortId must be a cohort id' }) cohortId?: string;
  @Field(() => TrainingFirstDueInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => TrainingFirstDueInput) firstDue?: TrainingFirstDueInput;
  @Field(() => TrainingRecurrenceInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => TrainingRecurrenceInput) recurrence?: TrainingRecurrenceInput;
  @Field(() => Int, { nullable: true, description: 'How long a completion counts, 1 to 120 months.' }) @IsOptional() @IsInt() @Min(1) @Max(120) validityMonths?: number;
  @Field(() => Int, { nullable: true, description: 'Days before the due date (or the end of validity) that DUE_SOON starts; 1 to 365, default 30.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  dueSoonDays?: number;
}

@InputType()
export class CreateTrainingRequirementInput extends TrainingRequirementFields {
  @Field() @IsString() @MinLength(1) @MaxLength(120) declare name: string;
  @Field() @IsString() @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'courseSlug must be a course slug such as "confidentiality-essentials"' }) declare courseSlug: string;
  @Field(() => TrainingFirstDueInput) @ValidateNested() @Type(() => TrainingFirstDueInput) declare firstDue: TrainingFirstDueInput;
  @Field(() => TrainingRecurrenceInput) @ValidateNested() @Type(() => TrainingRecurrenceInput) declare recurrence: TrainingRecurrenceInput;
}

/** Fields left out stay as they are; validityMonths: null removes the limit. */
@InputType()
export class UpdateTrainingRequirementInput extends TrainingRequirementFields {}

@ArgsType()
export class StaffComplianceArgs extends PageArgs {
  @Field(() => [ComplianceStatus], { nullable: true, description: 'Only rows of training requirements in these states.' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(ComplianceStatus, { each: true })
  status?: ComplianceStatus[];
  @Field(() => ID, { nullable: true, description: 'Only this training requirement’s rows.' }) @IsOptional() @IsObjectId({ message: 'requirementId must be a training requirement id' }) requirementId?: string;
  @Field(() => Role, { nullable: true, description: 'Only staff members of this role (STAFF, CLINICIAN or ADMIN); all three when left out.' }) @IsOptional() @IsEnum(Role) role?: Role;
}

@ArgsType()
export class TrainingRequirementsArgs {
  @Field(() => Boolean, { defaultValue: false, description: 'Include archived requirements.' }) @IsBoolean() includeArchived: boolean = false;
}


@ObjectType('StaffComplianceRow')
export class StaffComplianceRowModel {
  @Field(() => UserModel) staff: UserModel;
  @Field() courseSlug: string;
  @Field() courseTitle: string;
  @Field({ nullable: true }) dueAt?: Date;
  @Field(() => LearningStatus) status: LearningStatus;
  @Field(() => Int) percent: number;
  @Field({ nullable: true }) completedAt?: Date;
  @Field(() => TrainingRequirementModel, { nullable: true, description: 'The training requirement this row is about; absent for a course assigned by hand.' })
  requirement?: TrainingRequirementModel;
  @Field(() => ComplianceStatus, { nullable: true, description: "The staff member's standing on the requirement." }) compliance?: ComplianceStatus;
  @Field({ nullable: true, description: 'The next date the requirement must be met by (YYYY-MM-DD, organization time zone).' }) dueOn?: string;
  @Field({ nullable: true, description: 'The last day the latest completion counts (YYYY-MM-DD, organization time zone).' }) validUntil?: string;
  @Field({ nullable: true, description: 'The latest completion of the required course.' }) lastCompletedAt?: Date;
}

@ObjectType('StaffCompliancePage')
export class StaffCompliancePageModel {
  @Field(() => [StaffComplianceRowModel]) nodes: StaffComplianceRowModel[];
  @Field(() => PageInfo, { description: 'Pages are of staff members; each has one row per assigned course.' }) pageInfo: PageInfo;
}

export function toStaffComplianceRow(row: ComplianceRow): StaffComplianceRowModel {
  const item = row.item ? toLearningItem(row.item) : undefined;
  const c = row.compliance;
  const status = item?.status ?? (c?.lastCompletedOn ? LearningStatus.COMPLETED : c?.status === 'OVERDUE' ? LearningStatus.OVERDUE : LearningStatus.NOT_STARTED);
  return {
    staff: toUserModel(row.staff, true),
    courseSlug: row.courseSlug,
    courseTitle: row.courseTitle,
    dueAt: row.item?.enrollment.dueAt,
    status,
    percent: item?.percent ?? (c?.lastCompletedOn ? 100 : 0),
    completedAt: row.item ? (row.item.enrollment.completedAt ?? row.item.view.completedAt) : undefined,
    requirement: row.requirement && toTrainingRequirementModel(row.requirement),
    compliance: c?.status as ComplianceStatus | undefined,
    dueOn: c?.dueOn,
    validUntil: c?.validUntil,
    lastCompletedAt: row.lastCompletedAt,
  };
}
