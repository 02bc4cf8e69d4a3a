import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';
import type { RiskCategory } from '../safety/risk-phrases';

export interface ReflectionVersion {
  text: string;
  at: Date;
  /** What the safety screen found in this version (categories only). */
  flagReasons: RiskCategory[];
}

export interface ReflectionReview {
  reviewerId: Types.ObjectId;
  comment: string;
  at: Date;
}

/** Versions kept per reflection: enough to see how an answer changed, bounded so the document stays small. */
export const MAX_REFLECTION_VERSIONS = 20;

/**
 * A learner's answer to one reflection prompt of one lesson, with its
 * versions. Keyed by course and lesson slug, not lesson id, so a revised
 * lesson (new id, same prompt) continues the same reflection.
 * `flagged`/`flagReasons` describe what awaits a clinician: set by a flagged
 * version, cleared by a review (each version keeps its own reasons).
 */
@Schema({ collection: 'reflections', timestamps: false })
export class Reflection {
  _id: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) orgId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) learnerId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) lessonId: Types.ObjectId;
  @Prop({ required: true }) courseSlug: string;
  @Prop({ required: true }) lessonSlug: string;
  @Prop({ required: true }) promptId: string;
  /** The learner's role when writing: decides whose review queue it enters (clinicians review clients). */
  @Prop({ required: true }) learnerRole: string;
  @Prop({ type: Array, required: true }) versions: ReflectionVersion[];
  @Prop({ required: true }) flagged: boolean;
  @Prop({ type: [String], default: [] }) flagReasons: RiskCategory[];
  /** Set when a version arrives and no review has followed; unset by a review. The queue's age. */
  @Prop() reviewPendingSince?: Date;
  @Prop({ type: Array, default: [] }) reviews: ReflectionReview[];
  @Prop({ required: true }) createdAt: Date;
  @Prop({ required: true }) updatedAt: Date;
}
export type ReflectionDocument = HydratedDocument<Reflection>;
export const ReflectionSchema = SchemaFactory.createForClass(Reflection);
ReflectionSchema.index({ orgId: 1, learnerId: 1, courseSlug: 1, lessonSlug: 1, promptId: 1 }, { unique: true });
// The review queue: flagged first, then longest waiting.
ReflectionSchema.index({ orgId: 1, flagged: -1, reviewPendingSince: 1, _id: 1 });
// A learner's reflections, newest first.
ReflectionSchema.index({ orgId: 1, learnerId: 1, updatedAt: -1, _id: -1 });
