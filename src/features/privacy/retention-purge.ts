import type { DateTime } from 'luxon';
import type { JobStore } from '../../platform/scheduler/job-store';
import type { JobHandler, JobOutcome } from '../../platform/scheduler/scheduled-job';
import { RecurringJob } from '../../platform/scheduler/recurring-job';
import { type Clock, LONDON } from '../../platform/time/clock';
import { type Principal, isSystemActor, requirePermission, systemActor } from '../../shared/access/policy';
import { JOB_KINDS, jobKeys } from '../../shared/keys';
import type { PurgeCount, RetentionSettings } from '../../shared/personal-data';
import { type AuditTrail, SYSTEM_ACTOR } from '../audit';
import type { PersonalDataRegistry } from './personal-data-registry';

/** Early in the morning, London time, when nobody is using the bot. */
const PURGE_HOUR = 2;
const PURGE_MINUTE = 30;

/**
 * The daily retention purge: every feature deletes what has outlived its period. One job per
 * London date (`retention-purge|2026-12-01`), planned idempotently by every instance at start-up
 * and, before it purges, by each run for the next day, so a run that fails until it is dropped
 * never ends the series; the scheduler's claim lets one instance run it, and a run cut short is
 * simply run again (every delete is idempotent and tolerates 404 and 412). Each run is audited
 * with its counts, never with what was deleted.
 */
export class RetentionPurge {
  private readonly nightly: RecurringJob;

  constructor(
    private readonly deps: {
      registry: PersonalDataRegistry;
      retention: RetentionSettings;
      jobs: Pick<JobStore, 'pendingKeys' | 'scheduleIfAbsent'>;
      audit: AuditTrail;
      clock: Clock;
    },
  ) {
    this.nightly = new RecurringJob(deps.jobs, deps.clock, {
      kind: JOB_KINDS.retentionPurge,
      seriesPrefix: `${JOB_KINDS.retentionPurge}|`,
      keyOf: (due) => jobKeys.retentionPurge(due.setZone(LONDON).toISODate()!),
      nextAfter: nextRun,
    });
  }

  handlers(): Record<string, JobHandler> {
    return this.nightly.handler(() => this.scheduledRun());
  }

  /** Plans the next run unless one is planned already (by this or another instance). */
  ensureScheduled(): Promise<void> {
    return this.nightly.ensurePlanned();
  }

  /** Deletes what has outlived its period now, as `principal` (the bot's job, or an administrator), and audits the counts. */
  async run(principal: Principal): Promise<PurgeCount[]> {
    requirePermission(principal, 'retention.purge');
    const counts = await this.deps.registry.purge(this.deps.clock.now(), this.deps.retention);
    const actor = isSystemActor(principal) ? SYSTEM_ACTOR : { aadObjectId: principal.aadObjectId, role: principal.role };
    await this.deps.audit.record({ actor, action: 'purge', subject: { kind: 'table', id: 'all' }, detail: purgeDetail(counts) });
    return counts;
  }

  private async scheduledRun(): Promise<JobOutcome> {
    const counts = await this.run(systemActor(JOB_KINDS.retentionPurge));
    return { kind: 'done', note: purgeDetail(counts) };
  }
}

/** The first 02:30 London after `now` (a DST change moves it with the clocks). */
export function nextRun(now: DateTime): DateTime {
  const london = now.setZone(LONDON);
  const today = london.set({ hour: PURGE_HOUR, minute: PURGE_MINUTE, second: 0, millisecond: 0 });
  return today > london ? today : today.plus({ days: 1 });
}

/** "outbox 12, rsvps 3" (tables with nothing deleted left out); "nothing to delete". */
export function purgeDetail(counts: readonly PurgeCount[]): string {
  const byTable = new Map<string, number>();
  for (const count of counts) byTable.set(count.table, (byTable.get(count.table) ?? 0) + count.purged);
  const parts = [...byTable].filter(([, purged]) => purged > 0).map(([table, purged]) => `${table} ${purged}`);
  return parts.length > 0 ? `deleted ${parts.join(', ')}` : 'nothing to delete';
}
