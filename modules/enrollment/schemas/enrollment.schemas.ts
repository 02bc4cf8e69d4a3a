import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';

/** A completed lesson as its enrollment counts it: the slug and, for a lesson with a quiz, the learner's quiz score. */
export interface CompletedLesson {
  slug: string;
  score?: number;
}

/** REQUIREMENT: assigned and renewed by a staff training requirement (the training module's scheduled work). */
export type EnrollmentSource = 'SELF' | 'ASSIGNED' | 'COHORT' | 'REQUIREMENT';

/**
 * A learner's enrollment in a course, by themself or by assignment. Cancelled
 * enrollments stay (history); at most one active per learner and course.
 */
@Schema({ collection: 'enrollments', timestamps: true })
export class Enrollment {
  _id: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) orgId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) learnerId: Types.ObjectId;
  @Prop({ type: String, required: true }) learnerRole: string;
  @Prop({ required: true }) courseSlug: string;
  @Prop({ type: String, required: true }) source: EnrollmentSource;
  @Prop({ type: Types.ObjectId }) assignedBy?: Types.ObjectId;
  @Prop({ type: Types.ObjectId }) cohortId?: Types.ObjectId;
  @Prop({ type: [String], default: [] }) lessonSlugs: string[];
  @Prop() dueAt?: Date;
  @Prop({ maxlength: 1000 }) note?: string;
  @Prop({ type: String, required: true, default: 'ACTIVE' }) status: 'ACTIVE' | 'CANCELLED';
  @Prop() cancelledAt?: Date;
  @Prop({ type: Types.ObjectId }) cancelledBy?: Types.ObjectId;
  /** Set when the assignment ended because the client was discharged. */
  @Prop() cancelReason?: 'DISCHARGED';
  /** Set when the course's completion rule is first met; kept for prerequisites and compliance. */
  @Prop() completedAt?: Date;
  /** The completion cycle: 1, and one more each time a training requirement renews it (the completion record carries it). */
  @Prop({ default: 1 }) cycle?: number;
  /**
   * The lessons of this cycle that are complete, each with its quiz score: what the course
   * completion rule needs, kept here so a completing lesson checks the course in the same
   * write (EnrollmentService.countCompletedLesson) instead of reading every progress row.
   * Absent on enrollments written before it existed (or created after some lessons were
   * done): the first completion fills it from lesson progress.
   */
  @Prop({ type: [{ _id: false, slug: { type: String, required: true }, score: Number }], default: undefined }) lessonsCompleted?: CompletedLesson[];
  /** The training requirement that assigned it. */
  @Prop({ type: Types.ObjectId }) requirementId?: Types.ObjectId;
  createdAt: Date;
}
export type EnrollmentDocument = HydratedDocument<Enrollment>;
export const EnrollmentSchema = SchemaFactory.createForClass(Enrollment);
EnrollmentSchema.index({ learnerId: 1, courseSlug: 1 }, { unique: true, partialFilterExpression: { status: 'ACTIVE' }, name: 'one_active_enrollment' });
EnrollmentSchema.index({ orgId: 1, learnerId: 1, status: 1 });
EnrollmentSchema.index({ orgId: 1, dueAt: 1 });

@Schema({ collection: 'cohorts', timestamps: true })
export class Cohort {
  _id: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) orgId: Types.ObjectId;
  @Prop({ required: true, trim: true, maxlength: 120 }) name: string;
  @Prop({ type: [Types.ObjectId], default: [] }) memberIds: Types.ObjectId[];
  @Prop({ type: Types.ObjectId, required: true }) createdBy: Types.ObjectId;
}
export type CohortDocument = HydratedDocument<Cohort>;
export const CohortSchema = SchemaFactory.createForClass(Cohort);
CohortSchema.index({ orgId: 1, name: 1 }, { unique: true });
