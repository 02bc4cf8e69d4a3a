import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Principal } from '../../src/auth/principal';
import { pageOf } from '../../src/common/pagination';
import { RequestContext } from '../../src/common/request-context';
import type { AuditAction } from './audit-action';
import { AuditEvent } from './schemas/audit-event.schema';

export interface AuditEntry {
  actor: Principal | { orgId: string; userId?: undefined; role?: undefined };
  action: AuditAction;
  subjectType: string;
  subjectId?: string;
  patientId?: string;
  detail?: Record<string, unknown>;
}

/** Audited reads that show a patient's records to the reader (writes and list views of one's own are not disclosures). */
export const DISCLOSING_ACTIONS = [
  'PROGRESS_READ',
  'COMPLETION_RECORDS_READ',
  'CERTIFICATE_READ',
  'COMPLETION_BADGE_READ',
  'COMPLETION_VERIFIED_WITH_SHARE',
  'PATIENT_PROFILE_READ',
  'CLIENT_PROFILE_READ',
  'CONSENTS_READ',
  'QUIZ_ATTEMPTS_READ',
  'QUIZ_ATTEMPT_READ',
];

export interface AuditFilter {
  actorId?: string;
  patientId?: string;
  action?: string;
  from?: Date;
  to?: Date;
}

/**
 * Append-only audit trail. `record` is awaited by every audited read: if the
 * event cannot be written, the read fails instead of going unrecorded. Each event
 * carries the id of the request (or job) it happened in, from the request context.
 */
@Injectable()
export class AuditService {
  constructor(
    @InjectModel(AuditEvent.name) private readonly events: Model<AuditEvent>,
    private readonly context: RequestContext,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.recordMany([entry]);
  }

  async recordMany(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const at = new Date();
    const requestId = this.context.requestId;
    await this.events.insertMany(
      entries.map((e) => ({
        orgId: new Types.ObjectId(e.actor.orgId),
        actorId: e.actor.userId ? new Types.ObjectId(e.actor.userId) : undefined,
        actorRole: e.actor.role,
        action: e.action,
        subjectType: e.subjectType,
        subjectId: e.subjectId,
        patientId: e.patientId ? new Types.ObjectId(e.patientId) : undefined,
        requestId,
        detail: e.detail,
        at,
      })),
      { ordered: true, lean: true },
    );
  }

  /** Newest first, keyset-paginated on (at, _id). */
  async list(orgId: string, filter: AuditFilter, first: number, after?: string) {
    const query: Record<string, unknown> = { orgId: new Types.ObjectId(orgId) };
    if (filter.actorId) query.actorId = new Types.ObjectId(filter.actorId);
    if (filter.patientId) query.patientId = new Types.ObjectId(filter.patientId);
    if (filter.action) query.action = filter.action;
    if (filter.from || filter.to) query.at = { ...(filter.from && { $gte: filter.from }), ...(filter.to && { $lt: filter.to }) };
    return pageOf<AuditEvent>(this.events, query, { field: 'at', first, after });
  }

  /**
   * A patient's disclosure history: every read of their records by someone outside
   * the care team — a linked family member, or whoever used a share code (no actor).
   * The patient's own reads and the care team's are not disclosures.
   */
  async disclosures(orgId: string, patientId: string, first: number, after?: string) {
    const query: Record<string, unknown> = {
      orgId: new Types.ObjectId(orgId),
      patientId: new Types.ObjectId(patientId),
      action: { $in: DISCLOSING_ACTIONS },
      $and: [{ $or: [{ actorRole: 'FAMILY' }, { actorId: { $exists: false } }] }],
    };
    return pageOf<AuditEvent>(this.events, query, { field: 'at', first, after });
  }
}
