import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { MessagingService } from '../messaging';
import type { MessageKind, MessageParams } from '../messaging';
import { UsersService, type UserSummary } from './users.service';

/**
 * Telling a learner's care team that something needs them. A client's care team
 * is their clinicians (`careTeam`); with none active, and for staff, the
 * organization's admins.
 */
@Injectable()
export class CareTeamAlertsService {
  constructor(
    private readonly users: UsersService,
    private readonly messaging: MessagingService,
  ) {}

  async recipientsFor(learner: Pick<UserSummary, 'orgId' | 'careTeam'>): Promise<UserSummary[]> {
    const ids = (learner.careTeam ?? []).map((id) => id.toHexString());
    const team = ids.length ? (await this.users.findManyInOrg(learner.orgId.toHexString(), ids)).filter((u) => !u.deactivatedAt) : [];
    return team.length ? team : this.users.activeAdmins(learner.orgId);
  }

  /**
   * Mail and an in-app notification to each member, keyed by the event so a retry
   * alerts no one twice. The mail names no client and no detail.
   */
  async alert(
    learnerId: Types.ObjectId | string,
    kind: MessageKind,
    eventKey: string,
    path: string,
    params: Omit<MessageParams, 'sender' | 'url' | 'unsubscribeUrl' | 'name'> = {},
  ): Promise<number> {
    const learner = await this.users.findById(learnerId);
    if (!learner) return 0;
    const [team, org] = await Promise.all([this.recipientsFor(learner), this.users.organization(learner.orgId)]);
    let written = 0;
    for (const member of team) {
      const sent = await this.messaging.send({
        kind,
        recipient: { id: member._id, orgId: member.orgId, role: member.role, email: member.email, displayName: member.displayName },
        key: `${eventKey}:to:${member._id.toHexString()}`,
        path,
        params,
        inApp: true,
        org,
      });
      if (sent) written++;
    }
    return written;
  }
}
