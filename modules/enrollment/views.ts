import type { Types } from 'mongoose';
import type { Enrollment, EnrollmentSource } from './schemas/enrollment.schemas';

/**
 * An enrollment as other modules see it (the dashboards): a read-only copy of the stored
 * document's public fields, so the collection's shape stays this module's business. Ids
 * stay ObjectIds under their stored names: the callers query by them.
 */
export interface EnrollmentView {
  readonly _id: Types.ObjectId;
  readonly orgId: Types.ObjectId;
  readonly learnerId: Types.ObjectId;
  readonly courseSlug: string;
  readonly source: EnrollmentSource;
  readonly assignedBy?: Types.ObjectId;
  readonly lessonSlugs: readonly string[];
  readonly dueAt?: Date;
  readonly note?: string;
  readonly status: 'ACTIVE' | 'CANCELLED';
  readonly completedAt?: Date;
  /** The completion cycle: 1, and one more each time a training requirement renews it. */
  readonly cycle?: number;
  readonly createdAt: Date;
}

export function toEnrollmentView(e: Enrollment): EnrollmentView {
  return {
    _id: e._id,
    orgId: e.orgId,
    learnerId: e.learnerId,
    courseSlug: e.courseSlug,
    source: e.source,
    assignedBy: e.assignedBy,
    lessonSlugs: [...(e.lessonSlugs ?? [])],
    dueAt: e.dueAt,
    note: e.note,
    status: e.status,
    completedAt: e.completedAt,
    cycle: e.cycle,
    createdAt: e.createdAt,
  };
}
