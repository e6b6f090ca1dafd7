import { DateTime } from 'luxon';

/**
 * A unit of future work (a meeting reminder, an event reminder, a bulletin). `key` names it
 * uniquely, so scheduling the same key again moves the job instead of adding a second one.
 */
export interface JobRequest {
  key: string;
  kind: string;
  due: DateTime;
  payload: Record<string, unknown>;
}

export interface ScheduledJob extends JobRequest {
  attempts: number;
}

/** What a handler decides: finished (or nothing left to do), or try again at a later time. */
export type JobOutcome = { kind: 'done'; note?: string } | { kind: 'retry'; at: DateTime; reason: string };

export type JobHandler = (job: ScheduledJob) => Promise<JobOutcome>;
