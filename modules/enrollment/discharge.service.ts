import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Principal } from '../../src/auth/principal';
import { CLOCK, type Clock } from '../../src/common/clock';
import { BadInput, Conflict } from '../../src/common/errors';
import { AuditAction, AuditService } from '../audit';
import { AccessService, Permission, UsersService, type UserSummary } from '../identity';
import { Enrollment } from './schemas/enrollment.schemas';

const REASON_MAX = 500;

/**
 * Ending a client's care. Open assignments end (cancelled, marked DISCHARGED) so no
 * reminders follow the person out; completed work, progress, reflections, consents and
 * certificates stay, and the account stays open so the client keeps their own records.
 */
@Injectable()
export class DischargeService {
  constructor(
    @InjectModel(Enrollment.name) private readonly enrollments: Model<Enrollment>,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly users: UsersService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async discharge(actor: Principal, clientId: string, reason: string): Promise<UserSummary> {
    const why = reason.trim();
    if (why.length < 3) throw new BadInput('Say why the client is discharged; the reason is kept in the audit trail.', { field: 'reason' });
    if (why.length > REASON_MAX) throw new BadInput(`Keep the reason under ${REASON_MAX} characters.`, { field: 'reason' });
    const { subject } = await this.access.requireOne(actor, Permission.DISCHARGE_CLIENT, clientId);
    const at = this.clock.now();
    if (subject.dischargedAt || !(await this.users.setDischarged(subject._id, { at, reason: why, by: actor.userId }))) {
      throw new Conflict(`${subject.displayName} has already been discharged.`);
    }
    const ended = await this.enrollments.updateMany(
      { orgId: new Types.ObjectId(actor.orgId), learnerId: subject._id, status: 'ACTIVE', completedAt: { $exists: false } },
      { $set: { status: 'CANCELLED', cancelledAt: at, cancelledBy: new Types.ObjectId(actor.userId), cancelReason: 'DISCHARGED' } },
    );
    await this.audit.record({
      actor,
      action: AuditAction.CLIENT_DISCHARGED,
      subjectType: 'USER',
      subjectId: clientId,
      patientId: clientId,
      detail: { reason: why, assignmentsEnded: ended.modifiedCount },
    });
    return { ...subject, dischargedAt: at };
  }
}
