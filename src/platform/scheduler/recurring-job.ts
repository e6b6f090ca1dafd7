import type { DateTime } from 'luxon';
import type { Clock } from '../time/clock';
import type { JobStore } from './job-store';
import type { JobHandler, JobOutcome, ScheduledJob } from './scheduled-job';

/** A job that happens again and again: the weekly bulletin, a daily scan, the quarterly report. */
export interface RecurringJobSpec {
  kind: string;
  /**
   * What every occurrence's key starts with, including keys written by earlier versions (one
   * key for the whole series), so a start-up that finds any of them plans nothing more.
   */
  seriesPrefix: string;
  /** The occurrence's own key, from its due time: the same occurrence always has the same key. */
  keyOf(due: DateTime): string;
  /** The first occurrence strictly after `after`. */
  nextAfter(after: DateTime): DateTime;
}

/**
 * One durable job per occurrence. A run plans the next occurrence before doing its work, and
 * planning is idempotent (the key names the occurrence), so whatever happens to one run (it
 * throws, is retried, is dropped after too many attempts, or its instance dies) the series goes
 * on, and two instances, a retry and a start-up together still plan each occurrence once.
 */
export class RecurringJob {
  constructor(
    private readonly jobs: Pick<JobStore, 'pendingKeys' | 'scheduleIfAbsent'>,
    private readonly clock: Clock,
    private readonly spec: RecurringJobSpec,
  ) {}

  /** At start-up: plans the next occurrence unless one is pending (planned by this or another instance). */
  async ensurePlanned(): Promise<void> {
    if ((await this.jobs.pendingKeys(this.spec.seriesPrefix)).length > 0) return;
    await this.planAfter(this.clock.now());
  }

  /** The scheduler's handler for the kind: plans the next occurrence, then runs this one. */
  handler(run: (job: ScheduledJob) => Promise<JobOutcome>): Record<string, JobHandler> {
    return {
      [this.spec.kind]: async (job) => {
        // After this occurrence, or after now when a late run (a retry, a restart) has passed it.
        const now = this.clock.now();
        await this.planAfter(job.due > now ? job.due : now);
        return run(job);
      },
    };
  }

  private async planAfter(after: DateTime): Promise<void> {
    const due = this.spec.nextAfter(after);
    await this.jobs.scheduleIfAbsent({ key: this.spec.keyOf(due), kind: this.spec.kind, due, payload: {} });
  }
}
