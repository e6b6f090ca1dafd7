import { Duration } from 'luxon';
import type { Logger } from '../logging/logger';
import type { Clock } from '../time/clock';
import type { JobStore, StoredJob } from './job-store';
import type { JobHandler } from './scheduled-job';
import { type WorkerState, workerState } from '../health/worker-state';

export interface SchedulerOptions {
  pollInterval: Duration;
  /** How long a claimed job is ours; a crashed instance's claims expire after this. */
  lease: Duration;
  batchSize: number;
  /** Attempts before a job that keeps failing is dropped (and logged). */
  maxAttempts: number;
}

/** Longest a tick may go without finishing a job or a poll: one job fans out to every member at most. */
const MAX_TICK_SILENCE_MS = 5 * 60_000;

export const DEFAULT_SCHEDULER_OPTIONS: SchedulerOptions = {
  pollInterval: Duration.fromObject({ seconds: 30 }),
  lease: Duration.fromObject({ minutes: 2 }),
  batchSize: 50,
  maxAttempts: 8,
};

/**
 * Runs due jobs, at least once each: a job is claimed with its etag (so two instances never run
 * it at the same time) and deleted when its handler is done; if the instance dies in between, the
 * lease expires and another instance runs it again. Handlers make that safe by being idempotent.
 */
export class Scheduler {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private lastBeatMs?: number;
  private polling = false;
  private wakeRequested = false;

  constructor(
    private readonly store: JobStore,
    private readonly handlers: Readonly<Record<string, JobHandler>>,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: SchedulerOptions = DEFAULT_SCHEDULER_OPTIONS,
  ) {}

  /** One pass over what is due now; returns how many jobs this instance ran. */
  async tick(): Promise<number> {
    const now = this.clock.now();
    this.beat();
    const due = await this.store.due(now, this.options.batchSize);
    let ran = 0;
    for (const job of due) {
      const claimed = await this.store.claim(job, now.plus(this.options.lease));
      if (!claimed) continue;
      await this.run(claimed);
      this.beat();
      ran++;
    }
    this.beat();
    return ran;
  }

  /** For the readiness check: polling, and a poll or a job has ended within the last five minutes. */
  liveness(): WorkerState {
    return workerState(
      this.timer !== undefined,
      this.lastBeatMs,
      this.clock.now().toMillis(),
      Math.max(MAX_TICK_SILENCE_MS, 3 * this.options.pollInterval.toMillis()),
    );
  }

  private beat(): void {
    this.lastBeatMs = this.clock.now().toMillis();
  }

  start(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.poll(), 0);
  }

  /**
   * Runs due jobs now instead of at the next poll: for work planned to start at once (a Team's
   * roster read in the background) or chained (its next page). Does nothing unless started.
   */
  wake(): void {
    if (!this.timer) return;
    if (this.polling) {
      this.wakeRequested = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.poll(), 0);
  }

  private poll(): void {
    this.polling = true;
    this.wakeRequested = false;
    let ran = 0;
    this.running = this.tick()
      .then((count) => {
        ran = count;
      })
      .catch((error: unknown) => this.logger.error({ event: 'scheduler.tick_failed', err: error }, 'scheduler tick failed'));
    void this.running.finally(() => {
      this.polling = false;
      if (!this.timer) return;
      // Woken meanwhile, or a full batch (more may be due): go again at once.
      const again = this.wakeRequested || ran >= this.options.batchSize;
      this.timer = setTimeout(() => this.poll(), again ? 0 : this.options.pollInterval.toMillis());
    });
  }

  /** Stops polling and waits for the tick in progress, so no job is left half-run by a shutdown. */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private async run(job: StoredJob): Promise<void> {
    const handler = this.handlers[job.kind];
    const log = this.logger.child({ jobKey: job.key, kind: job.kind, attempt: job.attempts });
    if (!handler) {
      log.error({ event: 'scheduler.unknown_kind' }, 'no handler for job kind; dropping it');
      return this.store.complete(job);
    }
    try {
      const outcome = await handler(job);
      if (outcome.kind === 'done') {
        log.info({ event: 'scheduler.job_done', note: outcome.note }, 'job done');
        return await this.store.complete(job);
      }
      if (outcome.kind === 'wait') {
        log.info({ event: 'scheduler.job_waiting', reason: outcome.reason }, 'job waits as asked');
        // Not a failure: this attempt is given back, so waiting never drops the job.
        return await this.store.retryLater({ ...job, attempts: Math.max(0, job.attempts - 1) }, outcome.at);
      }
      return await this.retryOrDrop(job, outcome.at, outcome.reason, log);
    } catch (error) {
      log.warn({ event: 'scheduler.job_failed', err: error }, 'job failed');
      const backoff = Duration.fromObject({ seconds: 30 * 2 ** Math.min(job.attempts, 8) });
      return this.retryOrDrop(job, this.clock.now().plus(backoff), 'handler threw', log);
    }
  }

  private async retryOrDrop(job: StoredJob, at: StoredJob['due'], reason: string, log: Logger): Promise<void> {
    if (job.attempts >= this.options.maxAttempts) {
      log.error({ event: 'scheduler.job_dropped', reason }, 'job failed too often; dropped');
      return this.store.complete(job);
    }
    await this.store.retryLater(job, at);
  }
}
