import type { Duration } from 'luxon';
import type { Logger } from '../../platform/logging/logger';
import type { Clock } from '../../platform/time/clock';
import type { OfficerEntryStore } from './data/officer-entry-store';
import type { KnowledgeBase } from './domain/knowledge-base';
import type { KnowledgeEntry } from './domain/knowledge-entry';
import { type OfficerEntry, officerSearchable } from './domain/officer-entry';
import { passageEntry } from './domain/passage-entries';
import { RemitService } from './remit-service';

interface Snapshot {
  version: number;
  remit: RemitService;
  officerEntries: readonly OfficerEntry[];
  byId: ReadonlyMap<string, KnowledgeEntry>;
}

/**
 * The knowledge the bot answers from right now: the curated YAML plus the officer-authored
 * entries in Tables. An instance that adds or changes an entry rebuilds at once; every other
 * instance checks the version row (one point read) before answering when its last check is older
 * than `checkInterval`, and rebuilds when the version moved. Rebuilding is done once however
 * many questions arrive meanwhile; they are answered from the previous index until it is ready.
 */
export class LiveKnowledge {
  private snapshot: Snapshot;
  private checkedAtMs = Number.NEGATIVE_INFINITY;
  private syncing?: Promise<void>;

  constructor(
    private readonly base: KnowledgeBase,
    private readonly store: OfficerEntryStore,
    private readonly clock: Clock,
    private readonly checkInterval: Duration,
    private readonly logger: Logger,
    initial?: RemitService,
  ) {
    this.snapshot = build(base, 0, [], initial);
  }

  /** The search to answer with, brought up to date first if the last check is too old. */
  async remit(): Promise<RemitService> {
    if (this.clock.now().toMillis() - this.checkedAtMs >= this.checkInterval.toMillis()) await this.sync();
    return this.snapshot.remit;
  }

  /** Any entry by id: curated, officer-authored (active ones only) or a source passage. */
  entry(id: string): KnowledgeEntry | undefined {
    return this.snapshot.byId.get(id);
  }

  curated(): KnowledgeBase {
    return this.base;
  }

  /** The active officer-authored entries of the current index. */
  officerEntries(): readonly OfficerEntry[] {
    return this.snapshot.officerEntries;
  }

  /** Re-reads now, whatever the interval: after this instance changed an entry. */
  async refresh(): Promise<void> {
    // A check already under way may have read the version before this instance's change.
    await this.syncing;
    await this.load(true);
  }

  private sync(): Promise<void> {
    this.syncing ??= this.load(false).finally(() => {
      this.syncing = undefined;
    });
    return this.syncing;
  }

  private async load(force: boolean): Promise<void> {
    try {
      const version = await this.store.version();
      this.checkedAtMs = this.clock.now().toMillis();
      if (!force && version === this.snapshot.version) return;
      const entries = (await this.store.list()).map((s) => s.entry).filter((e) => e.status === 'active');
      this.snapshot = build(this.base, version, entries);
      this.logger.info({ event: 'knowledge.reloaded', version, officerEntries: entries.length }, 'knowledge index rebuilt');
    } catch (error) {
      // Storage trouble must not stop answers: keep the index we have and try again next time.
      this.checkedAtMs = this.clock.now().toMillis();
      this.logger.error({ event: 'knowledge.reload_failed', err: error }, 'could not check officer-authored entries');
    }
  }
}

function build(base: KnowledgeBase, version: number, entries: readonly OfficerEntry[], initial?: RemitService): Snapshot {
  const extra = entries.map(officerSearchable);
  const remit = initial && entries.length === 0 ? initial : new RemitService(base, { extraEntries: extra });
  // Passages too: an answer card quoting one carries its id back on the feedback buttons.
  const byId = new Map<string, KnowledgeEntry>(
    [...base.passages().map((p) => passageEntry(p).entry), ...base.entries()].map((e) => [e.id, e]),
  );
  for (const s of extra) byId.set(s.entry.id, s.entry);
  return { version, remit, officerEntries: entries, byId };
}
