import { Injectable } from '@nestjs/common';
import { formatDate, inQuietHours, localDay } from '../../src/common/dates';
import { CoursesService } from '../curriculum';
import { EnrollmentService } from '../enrollment';
import { DEFAULT_REMINDER_POLICY, isClientRole, UsersService, type Organization } from '../identity';
import { MessageKind, MessagingService } from '../messaging';
import { ReminderLogService } from './reminder-log.service';

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
/** Overdue reminders: on the day the work falls due, then weekly while it stays open, this many in all. */
export const OVERDUE_REMINDERS = 4;

export interface ReminderChoice {
  kind: MessageKind.DUE_SOON | MessageKind.OVERDUE;
  /** Names this reminder: each is sent once (a new due date starts again). */
  key: string;
}

/** The reminder an open assignment has coming at `now`, if any. */
export function reminderFor(enrollmentId: string, dueAt: Date, now: Date, dueSoonHours: number): ReminderChoice | null {
  const left = dueAt.getTime() - now.getTime();
  if (left > dueSoonHours * HOUR) return null;
  if (left > 0) return { kind: MessageKind.DUE_SOON, key: `DUE_SOON:${enrollmentId}:${dueAt.getTime()}` };
  const week = Math.floor(-left / WEEK);
  return week < OVERDUE_REMINDERS ? { kind: MessageKind.OVERDUE, key: `OVERDUE:${enrollmentId}:${dueAt.getTime()}:${week}` } : null;
}

/**
 * Due-soon and overdue reminders to learners, run by the scheduler. Per organization:
 * nothing during its quiet hours (what waited goes out on the first run after they end);
 * at most one reminder per assignment per local day (the log here, and the outbox key
 * `reminder:<enrollment>:<day>` even if two runs raced); never for completed or cancelled
 * work (only open assignments are read) or a deactivated learner; the learner's
 * "reminders off" is honoured by MessagingService. Patients and family members get the
 * discreet wording and a link home, never a course address.
 */
@Injectable()
export class LearnerRemindersService {
  constructor(
    private readonly log: ReminderLogService,
    private readonly enrollments: EnrollmentService,
    private readonly users: UsersService,
    private readonly courses: CoursesService,
    private readonly messaging: MessagingService,
  ) {}

  /** One pass over every organization; returns how many reminders were written to the outbox. */
  async run(now: Date): Promise<number> {
    let written = 0;
    for (const org of await this.users.allOrganizations()) written += await this.remindOrganization(org, now);
    return written;
  }

  private async remindOrganization(org: Organization, now: Date): Promise<number> {
    const policy = { ...DEFAULT_REMINDER_POLICY, ...org.reminderPolicy };
    if (inQuietHours(now, org.timeZone, policy.quietHoursStart, policy.quietHoursEnd)) return 0;
    const open = await this.enrollments.openDueBefore(org._id, new Date(now.getTime() + policy.dueSoonHours * HOUR), new Date(now.getTime() - OVERDUE_REMINDERS * WEEK));
    const candidates = open.flatMap((enrollment) => {
      const choice = reminderFor(enrollment._id.toHexString(), enrollment.dueAt!, now, policy.dueSoonHours);
      return choice ? [{ enrollment, ...choice }] : [];
    });
    if (candidates.length === 0) return 0;

    const day = localDay(now, org.timeZone);
    const handled = await this.log.handled(
      candidates.map((c) => c.key),
      candidates.map((c) => c.enrollment._id),
      day,
    );
    const due = candidates.filter((c) => !handled.keys.has(c.key) && !handled.subjectsToday.has(c.enrollment._id.toHexString()));
    if (due.length === 0) return 0;

    const learnerIds = [...new Set(due.map((c) => c.enrollment.learnerId.toHexString()))];
    const [learners, courses] = await Promise.all([
      this.users.findManyInOrg(org._id.toHexString(), learnerIds),
      this.courses.currentCoursesBySlug([...new Set(due.map((c) => c.enrollment.courseSlug))]),
    ]);
    const active = new Map(learners.filter((l) => !l.deactivatedAt).map((l) => [l._id.toHexString(), l]));
    let written = 0;
    for (const { enrollment, kind, key } of due) {
      const learner = active.get(enrollment.learnerId.toHexString());
      if (!learner) continue;
      const client = isClientRole(learner.role);
      const sent = await this.messaging.send({
        kind,
        recipient: { id: learner._id, orgId: learner.orgId, role: learner.role, email: learner.email, displayName: learner.displayName },
        key: `reminder:${enrollment._id.toHexString()}:${day}`,
        // A course's address names it, so a client's link leads home, where the work is listed.
        path: client ? '/' : `/courses/${enrollment.courseSlug}`,
        params: client ? {} : { course: courses.get(enrollment.courseSlug)?.title ?? enrollment.courseSlug, dueOn: formatDate(enrollment.dueAt!, org.timeZone) },
        inApp: true,
        org,
      });
      if (sent) written++;
      await this.log.record(key, enrollment._id, kind, day, now);
    }
    return written;
  }
}
