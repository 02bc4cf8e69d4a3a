import { Injectable } from '@nestjs/common';
import type { Types } from 'mongoose';
import { Role } from '../../src/auth/principal';
import { inQuietHours, localDay, localParts } from '../../src/common/dates';
import { ReflectionsService } from '../assessment';
import { EnrollmentService } from '../enrollment';
import { CLIENT_ROLES, ConsentsService, DEFAULT_REMINDER_POLICY, UsersService, type Organization, type UserSummary } from '../identity';
import { MessageKind, MessagingService } from '../messaging';
import { ProgressService } from '../progress';
import { ReminderLogService } from './reminder-log.service';

const DAY = 86_400_000;
/** The digest counts consents that end within this many days. */
export const CONSENT_WARNING_DAYS = 14;

export interface DigestCounts {
  overdue: number;
  flagged: number;
  stuck: number;
  consentsExpiring: number;
}

/**
 * The weekly summary per clinician, run by the scheduler: on the day each clinician chose
 * (`updateNotificationPreferences(digestDay)`, default Monday), in the organization's time
 * zone, on the first run outside its quiet hours. It counts, over the clients whose care
 * team the clinician is on: open assignments past due, flagged reflections not yet
 * reviewed, learners stuck (a quiz failed with no attempt left), and family consents
 * ending in the next 14 days. Only numbers: no client, course or detail in the mail.
 */
@Injectable()
export class ClinicianDigestService {
  constructor(
    private readonly log: ReminderLogService,
    private readonly users: UsersService,
    private readonly consents: ConsentsService,
    private readonly enrollments: EnrollmentService,
    private readonly progress: ProgressService,
    private readonly reflections: ReflectionsService,
    private readonly messaging: MessagingService,
  ) {}

  /** One pass over every organization; returns how many digests were written to the outbox. */
  async run(now: Date): Promise<number> {
    let written = 0;
    for (const org of await this.users.allOrganizations()) written += await this.digestOrganization(org, now);
    return written;
  }

  private async digestOrganization(org: Organization, now: Date): Promise<number> {
    const policy = { ...DEFAULT_REMINDER_POLICY, ...org.reminderPolicy };
    if (inQuietHours(now, org.timeZone, policy.quietHoursStart, policy.quietHoursEnd)) return 0;
    const weekday = localParts(now, org.timeZone).weekday;
    const day = localDay(now, org.timeZone);
    const clinicians = await this.users.activeInOrg(org._id, [Role.CLINICIAN]);
    const handled = await this.log.handled(
      clinicians.map((c) => digestKey(c._id, day)),
      [],
      day,
    );
    const due: UserSummary[] = [];
    for (const clinician of clinicians) {
      if (handled.keys.has(digestKey(clinician._id, day))) continue;
      const prefs = await this.messaging.preferencesOf(clinician._id);
      if (prefs.digestEnabled && prefs.digestDay === weekday) due.push(clinician);
    }
    if (due.length === 0) return 0;

    const [clients, overdue, flagged, stuck, consents] = await Promise.all([
      this.users.activeInOrg(org._id, CLIENT_ROLES),
      this.enrollments.openDueBefore(org._id, now),
      this.reflections.flaggedAwaitingReview(org._id),
      this.progress.outOfAttempts(org._id),
      this.consents.expiringBetween(org._id, now, new Date(now.getTime() + CONSENT_WARNING_DAYS * DAY)),
    ]);
    let written = 0;
    for (const clinician of due) {
      const caseload = new Set(clients.filter((c) => c.careTeam?.some((id) => id.equals(clinician._id))).map((c) => c._id.toHexString()));
      const mine = (id: Types.ObjectId) => caseload.has(id.toHexString());
      const counts: DigestCounts = {
        overdue: overdue.filter((e) => mine(e.learnerId)).length,
        flagged: flagged.filter((r) => mine(r.learnerId)).length,
        stuck: new Set(stuck.filter((p) => mine(p.learnerId)).map((p) => p.learnerId.toHexString())).size,
        consentsExpiring: consents.filter((c) => mine(c.patientId)).length,
      };
      const sent = await this.messaging.send({
        kind: MessageKind.CLINICIAN_DIGEST,
        recipient: { id: clinician._id, orgId: clinician.orgId, role: clinician.role, email: clinician.email, displayName: clinician.displayName },
        key: `digest:${clinician._id.toHexString()}:${day}`,
        path: '/staff/caseload',
        params: { ...counts },
        inApp: true,
        org,
      });
      if (sent) written++;
      await this.log.record(digestKey(clinician._id, day), clinician._id, MessageKind.CLINICIAN_DIGEST, day, now);
    }
    return written;
  }
}

function digestKey(clinicianId: Types.ObjectId, day: string): string {
  return `DIGEST:${clinicianId.toHexString()}:${day}`;
}
