import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit';
import { DisclosureRecipient, disclosedRecords, type DisclosureConnection } from './models/disclosure.model';
import { UsersService } from './users.service';

/**
 * A patient's disclosure history, from the audit trail: who outside the care team saw
 * which of their records, and when. Read by the patient (`myDisclosures`) and by the
 * record export, which carries the same history.
 */
@Injectable()
export class DisclosuresService {
  constructor(
    private readonly audit: AuditService,
    private readonly users: UsersService,
  ) {}

  async page(orgId: string, patientId: string, first: number, after?: string): Promise<DisclosureConnection> {
    const events = await this.audit.disclosures(orgId, patientId, first, after);
    const actorIds = [...new Set(events.nodes.flatMap((e) => (e.actorId ? [e.actorId.toHexString()] : [])))];
    const names = new Map((await Promise.all(actorIds.map((id) => this.users.findById(id)))).flatMap((u) => (u ? [[u._id.toHexString(), u.displayName] as const] : [])));
    return {
      nodes: events.nodes.map((e) => ({
        id: e._id.toHexString(),
        at: e.at,
        recipient: e.actorId ? DisclosureRecipient.FAMILY_MEMBER : DisclosureRecipient.SHARE_CODE_HOLDER,
        recipientName: e.actorId ? names.get(e.actorId.toHexString()) : undefined,
        records: disclosedRecords(e.action),
      })),
      pageInfo: { hasNextPage: events.hasNextPage, endCursor: events.endCursor },
    };
  }
}
