import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';

/** When a requirement is first due: N days after hire (or joining), or on a fixed date. */
@Schema({ _id: false })
export class FirstDueRule {
  @Prop({ type: String, required: true }) kind: 'AFTER_START' | 'FIXED_DATE';
  @Prop() days?: number;
  @Prop() month?: number;
  @Prop() day?: number;
}

/** How it recurs: never, N months after the last completion, or on a fixed date each year. */
@Schema({ _id: false })
export class RecurrenceRule {
  @Prop({ type: String, required: true }) kind: 'NONE' | 'MONTHS_AFTER_COMPLETION' | 'ANNUAL_DATE';
  @Prop() months?: number;
  @Prop() month?: number;
  @Prop() day?: number;
}

/**
 * A staff training requirement: which course, who it applies to, when it is due, how it
 * recurs and how long a completion counts. Archived requirements stay (history); they
 * assign nothing and gate nothing.
 */
@Schema({ collection: 'trainingRequirements', timestamps: true })
export class TrainingRequirement {
  _id: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) orgId: Types.ObjectId;
  @Prop({ required: true, trim: true, maxlength: 120 }) name: string;
  @Prop({ required: true }) courseSlug: string;
  /** Every staff member of these roles… */
  @Prop({ type: [String], default: [] }) roles: string[];
  /** …and the staff members of this cohort. */
  @Prop({ type: Types.ObjectId }) cohortId?: Types.ObjectId;
  @Prop({ type: SchemaFactory.createForClass(FirstDueRule), required: true }) firstDue: FirstDueRule;
  @Prop({ type: SchemaFactory.createForClass(RecurrenceRule), required: true }) recurrence: RecurrenceRule;
  @Prop() validityMonths?: number;
  @Prop({ required: true, default: 30 }) dueSoonDays: number;
  @Prop() archivedAt?: Date;
  @Prop({ type: Types.ObjectId, required: true }) createdBy: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}
export type TrainingRequirementDocument = HydratedDocument<TrainingRequirement>;
export const TrainingRequirementSchema = SchemaFactory.createForClass(TrainingRequirement);
TrainingRequirementSchema.index({ orgId: 1, archivedAt: 1, courseSlug: 1 });
