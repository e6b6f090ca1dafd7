import type { DateTime } from 'luxon';
import type { z } from 'zod';

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

/**
 * What a handler decides: finished (or nothing left to do); try again at a later time (counts as
 * an attempt: a job that keeps failing is dropped); or wait until a time a service asked for
 * (Teams' Retry-After), which is not a failure and does not count.
 */
export type JobOutcome =
  { kind: 'done'; note?: string } | { kind: 'retry'; at: DateTime; reason: string } | { kind: 'wait'; at: DateTime; reason: string };

export type JobHandler = (job: ScheduledJob) => Promise<JobOutcome>;

/**
 * A handler whose payload is parsed with its schema before it runs. A payload that does not match
 * (written by an older version, or damaged) finishes the job with a note instead of retrying it
 * forever: re-running cannot mend it.
 */
export function jobHandler<S extends z.ZodType>(
  payloadSchema: S,
  handle: (payload: z.infer<S>, job: ScheduledJob) => Promise<JobOutcome>,
): JobHandler {
  return async (job) => {
    const parsed = payloadSchema.safeParse(job.payload);
    if (!parsed.success)
      return { kind: 'done', note: `malformed ${job.kind} payload dropped: ${parsed.error.issues[0]?.message ?? 'unknown'}` };
    return handle(parsed.data, job);
  };
}
