import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Scheduler } from '../../src/scheduling/scheduler.service';
import { ClinicianDigestService } from './clinician-digest.service';
import { LearnerRemindersService } from './learner-reminders.service';

/** Reminders wait at most this long after quiet hours end or a due-soon window opens. */
export const REMINDER_JOB_EVERY_MS = 15 * 60_000;
/** The digest goes out within this long of its day's quiet hours ending. */
export const DIGEST_JOB_EVERY_MS = 60 * 60_000;

/** Registers the reminder and digest jobs with the persisted scheduler (one instance runs each run). */
@Injectable()
export class ReminderJobs implements OnModuleInit {
  constructor(
    private readonly scheduler: Scheduler,
    private readonly reminders: LearnerRemindersService,
    private readonly digest: ClinicianDigestService,
  ) {}

  onModuleInit(): void {
    this.scheduler.define({ name: 'learner-reminders', everyMs: REMINDER_JOB_EVERY_MS, run: async (now) => void (await this.reminders.run(now)) });
    this.scheduler.define({ name: 'clinician-digest', everyMs: DIGEST_JOB_EVERY_MS, run: async (now) => void (await this.digest.run(now)) });
  }
}
