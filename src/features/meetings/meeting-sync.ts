import { Duration } from 'luxon';
import type { Logger } from '../../platform/logging/logger';
import { type Clock, SystemClock } from '../../platform/time/clock';
import { type Meeting, meetingIdFor, mergeDraft, utcIso, withChange } from './domain/meeting';
import type { MeetingRepository } from './data/meeting-repository';
import type { MeetingSourceReader, SourceSnapshot } from './domain/source-snapshot';
import { type WorkerState, workerState } from '../../platform/health/worker-state';

export interface SyncCounts {
  added: number;
  updated: number;
  cancelled: number;
  unchanged: number;
  skipped: number;
}

const SOURCE_LABEL: Record<string, string> = { moderngov: 'ModernGov', ical: 'the calendar feed' };

export interface MeetingSyncOptions {
  /**
   * When a snapshot lists no meetings at all but future meetings from that source are stored,
   * cancel them (true) or keep them and warn (false, the default): an emptied feed is more often
   * a fault at the source than a council cancelling a whole year.
   */
  emptySnapshotCancels?: boolean;
}

/**
 * Applies a source's snapshot to the store: upserts each meeting by source + source id and marks
 * cancelled the stored future meetings of that source, inside the snapshot's window, that the
 * source no longer lists (never deletes). Idempotent: applying the same snapshot twice changes
 * nothing the second time. Officer-made meetings are never touched.
 */
export class MeetingSync {
  constructor(
    private readonly repository: MeetingRepository,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: MeetingSyncOptions = {},
  ) {}

  async apply(snapshot: SourceSnapshot): Promise<SyncCounts> {
    const counts: SyncCounts = { added: 0, updated: 0, cancelled: 0, unchanged: 0, skipped: snapshot.skipped.length };
    const nowUtc = utcIso(this.clock.now());
    const listed = new Set<string>();
    for (const draft of snapshot.meetings) {
      if (draft.source !== snapshot.source) throw new Error(`snapshot from ${snapshot.source} carries a ${draft.source} meeting`);
      const id = meetingIdFor(draft.source, draft.sourceId);
      if (listed.has(id)) {
        counts.skipped++;
        this.logger.warn({ source: snapshot.source, sourceId: draft.sourceId }, 'meeting listed twice in one snapshot; first kept');
        continue;
      }
      listed.add(id);
      try {
        let wasCancelled = false;
        const result = await this.repository.mutate(id, (current) => {
          wasCancelled = current?.status === 'cancelled';
          return mergeDraft(current, draft, nowUtc);
        });
        if (result.outcome === 'unchanged') counts.unchanged++;
        else if (result.outcome === 'created') counts.added++;
        else if (result.meeting?.status === 'cancelled' && !wasCancelled) counts.cancelled++;
        else counts.updated++;
      } catch (error) {
        counts.skipped++;
        this.logger.error({ err: error, source: snapshot.source, sourceId: draft.sourceId }, 'meeting could not be stored');
      }
    }
    await this.cancelVanished(snapshot, listed, nowUtc, counts);
    this.logger.info({ source: snapshot.source, ...counts }, 'meetings synced');
    return counts;
  }

  private async cancelVanished(snapshot: SourceSnapshot, listed: Set<string>, nowUtc: string, counts: SyncCounts): Promise<void> {
    const from = snapshot.window.fromUtc > nowUtc ? snapshot.window.fromUtc : nowUtc;
    if (from >= snapshot.window.toUtc) return;
    const protectedIds = new Set(
      snapshot.skipped.flatMap((entry) => (entry.sourceId ? [meetingIdFor(snapshot.source, entry.sourceId)] : [])),
    );
    // Occurrences of a recurring iCalendar event carry '<UID>#<start>': protect the whole series.
    const protectedPrefixes = snapshot.skipped.flatMap((entry) => (entry.sourceId ? [`${entry.sourceId}#`] : []));
    const stored = await this.repository.listStartingBetween(from, snapshot.window.toUtc, { source: snapshot.source });
    const vanished = stored.filter(
      (meeting) =>
        meeting.status !== 'cancelled' &&
        !listed.has(meeting.id) &&
        !protectedIds.has(meeting.id) &&
        !protectedPrefixes.some((prefix) => meeting.sourceId.startsWith(prefix)),
    );
    if (vanished.length > 0 && snapshot.meetings.length === 0 && !this.options.emptySnapshotCancels) {
      this.logger.warn({ source: snapshot.source, stored: vanished.length }, 'source listed no meetings at all; kept the stored ones');
      return;
    }
    for (const meeting of vanished) {
      try {
        const result = await this.repository.mutate(meeting.id, (current) =>
          current ? markVanished(current, nowUtc, snapshot.source) : 'unchanged',
        );
        if (result.outcome === 'updated') counts.cancelled++;
      } catch (error) {
        this.logger.error({ err: error, meetingId: meeting.id }, 'vanished meeting could not be marked cancelled');
      }
    }
  }
}

function markVanished(current: Meeting, nowUtc: string, source: string): Meeting | 'unchanged' {
  if (current.status === 'cancelled') return 'unchanged';
  return withChange(
    current,
    { ...current, status: 'cancelled', cancelledReason: 'vanished', statusNote: `No longer listed in ${SOURCE_LABEL[source] ?? source}` },
    nowUtc,
  );
}

/** A pass reads every source with per-request timeouts; half an hour means it is stuck. */
const MAX_RUN_MS = 30 * 60_000;

export interface SyncRunResult {
  source: string;
  counts?: SyncCounts;
  error?: string;
}

/**
 * Polls sources now and then every `interval` (ISO-8601, e.g. PT1H). Runs never overlap; a source
 * that fails is logged and tried again next time; the timer does not keep the process alive.
 * Several instances of the bot may each run one: the sync is idempotent and ETag-guarded.
 */
export class MeetingSyncScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<SyncRunResult[]> | undefined;
  private stopped = false;
  private runningSinceMs?: number;
  private readonly intervalMs: number;

  constructor(
    private readonly sources: MeetingSourceReader[],
    private readonly sync: MeetingSync,
    private readonly logger: Logger,
    interval: string | Duration,
    /** Runs after every pass (e.g. re-planning reminders); its failure is logged, not thrown. */
    private readonly afterRun?: (results: SyncRunResult[]) => Promise<void>,
    private readonly clock: Clock = new SystemClock(),
  ) {
    this.intervalMs = parseSyncInterval(interval);
  }

  /** Runs once at once (without waiting for it) and then on every interval. */
  start(): void {
    if (this.timer) return;
    this.stopped = false;
    void this.runOnce();
    this.schedule();
  }

  /** Stops the timer and waits for a run in progress to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pass over every source; a run already in progress is joined rather than doubled. */
  runOnce(): Promise<SyncRunResult[]> {
    if (!this.running) {
      this.runningSinceMs = this.clock.now().toMillis();
      this.running = this.runAll().finally(() => {
        this.running = undefined;
        this.runningSinceMs = undefined;
      });
    }
    return this.running;
  }

  /** For the readiness check: started, and no pass has been running for longer than half an hour. */
  liveness(): WorkerState {
    return workerState(
      !this.stopped && (this.timer !== undefined || this.running !== undefined),
      this.runningSinceMs,
      this.clock.now().toMillis(),
      MAX_RUN_MS,
    );
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.runOnce().finally(() => this.schedule());
    }, this.intervalMs);
    this.timer.unref();
  }

  private async runAll(): Promise<SyncRunResult[]> {
    const results: SyncRunResult[] = [];
    for (const source of this.sources) {
      try {
        const snapshot = await source.fetchSnapshot();
        results.push({ source: source.source, counts: await this.sync.apply(snapshot) });
      } catch (error) {
        const message = error instanceof Error ? error.message : 'failed';
        this.logger.error({ source: source.source, err: error }, 'meeting sync failed; stored meetings left as they were');
        results.push({ source: source.source, error: message });
      }
    }
    try {
      await this.afterRun?.(results);
    } catch (error) {
      this.logger.error({ err: error }, 'work after the meeting sync failed');
    }
    return results;
  }
}

/** An ISO-8601 duration of at least one minute and at most a week, in milliseconds. */
export function parseSyncInterval(interval: string | Duration): number {
  const duration = typeof interval === 'string' ? Duration.fromISO(interval) : interval;
  const ms = duration.isValid ? duration.toMillis() : Number.NaN;
  if (!Number.isFinite(ms) || ms < 60_000 || ms > 7 * 86_400_000) {
    throw new RangeError(`sync interval ${String(interval)} must be an ISO-8601 duration between PT1M and P7D`);
  }
  return ms;
}
