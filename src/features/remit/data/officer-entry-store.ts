import type { TableClient } from '@azure/data-tables';
import { isConflict, isNotFound, isPreconditionFailed } from '../../../platform/storage/keys';
import { type OfficerEntry, officerEntrySchema } from '../domain/officer-entry';

const ENTRIES = 'entry';
const META = 'meta';
const VERSION_ROW = 'version';
const MAX_VERSION_ATTEMPTS = 8;

interface EntryEntity {
  partitionKey: string;
  rowKey: string;
  body: string;
}

interface VersionEntity {
  partitionKey: string;
  rowKey: string;
  version: number;
}

export interface StoredEntry {
  entry: OfficerEntry;
  etag: string;
}

/**
 * Officer-authored knowledge entries in Tables, plus one version row that every change bumps, so
 * each instance can tell with one point read whether its index is out of date.
 */
export class OfficerEntryStore {
  constructor(private readonly table: TableClient) {}

  /** Adds an entry; the same id twice (one answer, delivered twice) stores it once. */
  async create(entry: OfficerEntry): Promise<'created' | 'exists'> {
    try {
      await this.table.createEntity<EntryEntity>(this.entity(entry));
    } catch (error) {
      if (isConflict(error)) return 'exists';
      throw error;
    }
    await this.bumpVersion();
    return 'created';
  }

  async get(id: string): Promise<StoredEntry | undefined> {
    try {
      const entity = await this.table.getEntity<EntryEntity>(ENTRIES, id);
      return { entry: officerEntrySchema.parse(JSON.parse(entity.body)), etag: entity.etag };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Replaces an entry read at `etag`; 'stale' when someone changed it meanwhile. */
  async replace(entry: OfficerEntry, etag: string): Promise<'replaced' | 'stale'> {
    try {
      await this.table.updateEntity<EntryEntity>(this.entity(entry), 'Replace', { etag });
    } catch (error) {
      if (isPreconditionFailed(error)) return 'stale';
      throw error;
    }
    await this.bumpVersion();
    return 'replaced';
  }

  /** Every entry, active and retired, oldest first. A row that no longer parses is skipped, not fatal. */
  async list(): Promise<StoredEntry[]> {
    const found: StoredEntry[] = [];
    for await (const entity of this.table.listEntities<EntryEntity>({ queryOptions: { filter: `PartitionKey eq '${ENTRIES}'` } })) {
      const parsed = officerEntrySchema.safeParse(JSON.parse(entity.body));
      if (parsed.success) found.push({ entry: parsed.data, etag: entity.etag });
    }
    return found.sort((a, b) => a.entry.addedOn.localeCompare(b.entry.addedOn) || a.entry.id.localeCompare(b.entry.id));
  }

  /** The current version (0 before any entry was ever added). */
  async version(): Promise<number> {
    try {
      return (await this.table.getEntity<VersionEntity>(META, VERSION_ROW)).version;
    } catch (error) {
      if (isNotFound(error)) return 0;
      throw error;
    }
  }

  // Optimistic: read, write back +1 with the etag, retry on a race. Other instances compare it.
  private async bumpVersion(): Promise<void> {
    for (let attempt = 0; attempt < MAX_VERSION_ATTEMPTS; attempt++) {
      try {
        const current = await this.table.getEntity<VersionEntity>(META, VERSION_ROW);
        await this.table.updateEntity<VersionEntity>({ partitionKey: META, rowKey: VERSION_ROW, version: current.version + 1 }, 'Replace', {
          etag: current.etag,
        });
        return;
      } catch (error) {
        if (isNotFound(error)) {
          try {
            await this.table.createEntity<VersionEntity>({ partitionKey: META, rowKey: VERSION_ROW, version: 1 });
            return;
          } catch (createError) {
            if (!isConflict(createError)) throw createError;
          }
        } else if (!isPreconditionFailed(error)) throw error;
      }
    }
    throw new Error('could not record the knowledge version after several attempts');
  }

  private entity(entry: OfficerEntry): EntryEntity {
    return { partitionKey: ENTRIES, rowKey: entry.id, body: JSON.stringify(entry) };
  }
}
