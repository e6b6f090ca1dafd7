import { type TableClient, odata } from '@azure/data-tables';
import { assertValidKey, isConflict, isNotFound, isPreconditionFailed } from '../../../platform/storage/keys';
import { type QuarterFigures, type QuarterKey, quarterFiguresSchema } from '../domain/key-figures';

const QUARTER = 'quarter';
const HISTORY = 'history';
const MAX_ATTEMPTS = 5;

interface FiguresEntity {
  partitionKey: string;
  rowKey: string;
  etag?: string;
  json: string;
}

export type SaveOutcome = 'saved' | 'already_saved';

/**
 * Key figures (table `keyfigures`): one row per quarter (`quarter` / `2026-Q3`) and, before each
 * correction, the version it replaces (`history` / `2026-Q3|v2`), so nothing entered is lost.
 * Writes are ETag-guarded; the form id makes a repeated submission a no-op.
 */
export class KeyFiguresStore {
  constructor(private readonly table: TableClient) {}

  async get(quarter: QuarterKey): Promise<(QuarterFigures & { etag: string }) | undefined> {
    try {
      const entity = await this.table.getEntity<FiguresEntity>(QUARTER, assertValidKey(quarter, 'quarter'));
      return { ...parse(entity), etag: entity.etag };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Quarters up to and including `upTo`, newest first, at most `limit`. */
  async latest(upTo: QuarterKey, limit: number): Promise<QuarterFigures[]> {
    const rows = this.table.listEntities<FiguresEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${QUARTER} and RowKey le ${upTo}` },
    });
    const all: QuarterFigures[] = [];
    for await (const row of rows) all.push(parse(row));
    return all.sort((a, b) => b.quarter.localeCompare(a.quarter)).slice(0, limit);
  }

  /** Saves a quarter's figures; a correction keeps the previous version in the history partition. */
  async save(next: Omit<QuarterFigures, 'version' | 'announcedIn'>): Promise<{ outcome: SaveOutcome; figures: QuarterFigures }> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.get(next.quarter);
      if (current?.formId === next.formId) return { outcome: 'already_saved', figures: strip(current) };
      // A correction after the bulletin carried the figures is not announced again.
      const figures: QuarterFigures = {
        ...next,
        version: (current?.version ?? 0) + 1,
        ...(current?.announcedIn ? { announcedIn: current.announcedIn } : {}),
      };
      try {
        if (!current)
          await this.table.createEntity<FiguresEntity>({ partitionKey: QUARTER, rowKey: next.quarter, json: JSON.stringify(figures) });
        else {
          await this.table.upsertEntity<FiguresEntity>(
            { partitionKey: HISTORY, rowKey: `${next.quarter}|v${current.version}`, json: JSON.stringify(strip(current)) },
            'Replace',
          );
          await this.table.updateEntity<FiguresEntity>(
            { partitionKey: QUARTER, rowKey: next.quarter, json: JSON.stringify(figures) },
            'Replace',
            { etag: current.etag },
          );
        }
        return { outcome: 'saved', figures };
      } catch (error) {
        if (!(isConflict(error) || isPreconditionFailed(error)) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** Marks the figures as carried by a bulletin week; false when they already were (by this or another week). */
  async markAnnounced(quarter: QuarterKey, bulletinWeek: string): Promise<void> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const current = await this.get(quarter);
      if (!current || current.announcedIn) return;
      try {
        await this.table.updateEntity<FiguresEntity>(
          { partitionKey: QUARTER, rowKey: quarter, json: JSON.stringify({ ...strip(current), announcedIn: bulletinWeek }) },
          'Replace',
          { etag: current.etag },
        );
        return;
      } catch (error) {
        if (!isPreconditionFailed(error)) throw error;
      }
    }
  }
}

function parse(entity: FiguresEntity): QuarterFigures {
  const parsed = quarterFiguresSchema.safeParse(JSON.parse(entity.json));
  if (!parsed.success) throw new Error(`stored key figures ${entity.rowKey} are malformed`);
  return parsed.data;
}

function strip(figures: QuarterFigures & { etag?: string }): QuarterFigures {
  const { etag: _etag, ...rest } = figures;
  return rest;
}
