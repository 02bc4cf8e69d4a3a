import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles } from '../../src/auth/decorators';
import { Role, type Principal } from '../../src/auth/principal';
import { PageArgs } from '../../src/common/pagination';
import { AuditService } from '../audit';
import { DisclosureConnection, DisclosureRecipient, disclosedRecords } from './models/disclosure.model';
import { UsersService } from './users.service';

/**
 * A patient's own disclosure history, from the audit trail: who outside the care
 * team saw which of their records, and when. Reading one's own history is not
 * itself audited (no one else's records are read).
 */
@Resolver()
export class DisclosuresResolver {
  constructor(
    private readonly audit: AuditService,
    private readonly users: UsersService,
  ) {}

  @Roles(Role.PATIENT)
  @Query(() => DisclosureConnection, { description: 'Every time a family member, or someone with a share code, saw your records; newest first.' })
  async myDisclosures(@CurrentUser() patient: Principal, @Args() page: PageArgs): Promise<DisclosureConnection> {
    const events = await this.audit.disclosures(patient.orgId, patient.userId, page.first, page.after);
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
