import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Principal } from '../../src/auth/principal';
import { pageOf } from '../../src/common/pagination';
import type { AuditAction } from './audit-action';
import { AuditEvent } from './schemas/audit-event.schema';

export interface AuditEntry {
  actor: Principal | { orgId: string; userId?: undefined; role?: undefined };
  action: AuditAction;
  subjectType: string;
  subjectId?: string;
  patientId?: string;
  requestId?: string;
  detail?: Record<string, unknown>;
}

export interface AuditFilter {
  actorId?: string;
  patientId?: string;
  action?: string;
  from?: Date;
  to?: Date;
}

/**
 * Append-only audit trail. `record` is awaited by every audited read: if the
 * event cannot be written, the read fails instead of going unrecorded.
 */
@Injectable()
export class AuditService {
  constructor(@InjectModel(AuditEvent.name) private readonly events: Model<AuditEvent>) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.recordMany([entry]);
  }

  async recordMany(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const at = new Date();
    await this.events.insertMany(
      entries.map((e) => ({
        orgId: new Types.ObjectId(e.actor.orgId),
        actorId: e.actor.userId ? new Types.ObjectId(e.actor.userId) : undefined,
        actorRole: e.actor.role,
        action: e.action,
        subjectType: e.subjectType,
        subjectId: e.subjectId,
        patientId: e.patientId ? new Types.ObjectId(e.patientId) : undefined,
        requestId: e.requestId,
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
}
