import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import type { Logger } from 'pino';
import { CLOCK, type Clock } from '../common/clock';
import { isDuplicateKeyError } from '../common/errors';
import { RequestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { LOGGER } from '../logging/logger';
import { ScheduledJob } from './scheduled-job.schema';

export interface JobDefinition {
  name: string;
  /** How often it runs. The next run is counted from the start of the last one. */
  everyMs: number;
  /** Longest a run may take before another instance may take the job over. */
  leaseMs?: number;
  run(now: Date): Promise<void>;
}

/**
 * Recurring jobs, persisted in `scheduledJobs`, safe with several instances: an
 * instance runs a due job only after claiming it with one atomic update (due, and no
 * live lease → its lease), so each run happens on exactly one instance. Jobs must
 * still be idempotent (messages are keyed by their event), because an instance that
 * dies mid-run leaves the job to be run again once its lease expires.
 */
@Injectable()
export class Scheduler implements OnApplicationBootstrap, OnModuleDestroy {
  readonly instanceId = randomUUID();
  private readonly jobs = new Map<string, JobDefinition>();
  private readonly registered = new Set<string>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<string[]>;
  private stopped = false;

  constructor(
    @InjectModel(ScheduledJob.name) private readonly model: Model<ScheduledJob>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly context: RequestContext,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Called by modules in onModuleInit; the job starts on the next poll after start-up. */
  define(job: JobDefinition): void {
    this.jobs.set(job.name, job);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.model.init();
    for (const job of this.jobs.values()) await this.register(job);
    this.timer = setInterval(() => void this.runDue(), this.config.polling.schedulerMs).unref();
  }

  /** The job's row, due now if new; an existing row keeps its schedule. */
  private async register(job: JobDefinition): Promise<void> {
    if (this.registered.has(job.name)) return;
    try {
      await this.model.updateOne({ name: job.name }, { $set: { intervalMs: job.everyMs }, $setOnInsert: { nextRunAt: this.clock.now() } }, { upsert: true });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error; // another instance registered it first
    }
    this.registered.add(job.name);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Runs every job that is due and not held elsewhere; returns the names this instance ran. */
  runDue(): Promise<string[]> {
    this.running ??= (async () => {
      const ran: string[] = [];
      try {
        for (const job of this.jobs.values()) {
          if (this.stopped) break;
          await this.register(job);
          if (await this.runIfDue(job)) ran.push(job.name);
        }
      } catch (error) {
        if (!this.stopped) this.logger.warn({ err: error }, 'scheduler paused: could not read the job schedule');
      } finally {
        this.running = undefined;
      }
      return ran;
    })();
    return this.running;
  }

  private async runIfDue(job: JobDefinition): Promise<boolean> {
    const now = this.clock.now();
    const claimed = await this.model.findOneAndUpdate(
      { name: job.name, nextRunAt: { $lte: now }, $or: [{ leaseUntil: { $exists: false } }, { leaseUntil: { $lte: now } }] },
      { $set: { leaseOwner: this.instanceId, leaseUntil: new Date(now.getTime() + (job.leaseMs ?? 10 * 60 * 1000)), lastRunAt: now } },
    );
    if (!claimed) return false;
    let failure: string | undefined;
    try {
      // Each run has its own id, carried by what it audits and logs.
      await this.context.run(`job-${job.name}`, () => job.run(now));
    } catch (error) {
      failure = error instanceof Error ? error.message.slice(0, 500) : 'unknown error';
      this.logger.error({ err: error, job: job.name }, `scheduled job ${job.name} failed; it runs again at its next time`);
    }
    await this.model.updateOne(
      { name: job.name, leaseOwner: this.instanceId },
      {
        $set: { nextRunAt: new Date(now.getTime() + job.everyMs), lastFinishedAt: this.clock.now(), ...(failure && { lastError: failure }) },
        $unset: { leaseOwner: 1, leaseUntil: 1, ...(!failure && { lastError: 1 }) },
      },
    );
    return true;
  }
}
