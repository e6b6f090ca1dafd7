import type { MeetingDraft, SyncedMeetingSource } from './meeting';

/** One entry a source could not turn into a meeting, and why (logged; never stops a sync). */
export interface SkippedEntry {
  /** The source's id for it, when it had a usable one: such a meeting is never marked vanished. */
  sourceId?: string;
  reason: string;
}

/**
 * Everything one source says now about the meetings that start inside `window`. The sync trusts
 * it to be complete for that window: a stored future meeting inside it that is missing here (and
 * not skipped) has vanished from the source.
 */
export interface SourceSnapshot {
  source: SyncedMeetingSource;
  window: { fromUtc: string; toUtc: string };
  meetings: MeetingDraft[];
  skipped: SkippedEntry[];
}

/** A source of meetings the sync can poll. */
export interface MeetingSourceReader {
  readonly source: SyncedMeetingSource;
  /** Throws when the source cannot be read at all; the sync then changes nothing. */
  fetchSnapshot(): Promise<SourceSnapshot>;
}

/** The source could not be read: network, timeout, HTTP status or an unreadable response. */
export class SourceUnavailableError extends Error {
  constructor(
    readonly source: string,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${source} unavailable: ${detail}`, options);
    this.name = 'SourceUnavailableError';
  }
}
