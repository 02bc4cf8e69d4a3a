import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles } from '../../src/auth/decorators';
import { Role, type Principal } from '../../src/auth/principal';
import { AuditService } from './audit.service';
import { AuditEventConnection, AuditEventsArgs } from './models/audit-event.model';

@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Roles(Role.ADMIN)
  @Query(() => AuditEventConnection, { description: "The organization's audit trail, newest first." })
  async auditEvents(@CurrentUser() user: Principal, @Args() args: AuditEventsArgs): Promise<AuditEventConnection> {
    const page = await this.audit.list(user.orgId, args.filter ?? {}, args.first, args.after);
    return {
      nodes: page.nodes.map((e) => ({
        id: e._id.toHexString(),
        actorId: e.actorId?.toHexString(),
        actorRole: e.actorRole,
        action: e.action,
        subjectType: e.subjectType,
        subjectId: e.subjectId,
        patientId: e.patientId?.toHexString(),
        at: e.at,
        requestId: e.requestId,
        reason: typeof e.detail?.reason === 'string' ? e.detail.reason : undefined,
      })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }
}
