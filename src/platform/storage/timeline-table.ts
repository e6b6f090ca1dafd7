import { RestError, type TableClient, type TransactionAction, odata } from '@azure/data-tables';
import { DateTime } from 'luxon';
import { isConflict, isNotFound, isPreconditionFailed } from './keys';

/**
 * Key design for things that happen at a time (meetings, events), one partition per kind:
 *
 *   RowKey 'id|<id>'                    the record: full JSON + ETag
 *   RowKey 't|<start UTC ISO>|<id>'     a full copy in time order
 *
 * "The next ones from now" and "those in March 2027" are one range query over the 't|' rows of a
 * single partition, already sorted by start. Both rows live in one partition, so each change
 * writes both in one entity-group transaction guarded by the ETag of the 'id|' row; a move swaps
 * the old 't|' row for a new one in the same transaction, so readers never see an item twice or
 * not at all. A panel has tens of meetings and events a year: one partition holds decades of them.
 * Nothing is deleted: cancelling is a status.
 */
const ID_PREFIX = 'id|';
const TIME_PREFIX = 't|';
/** One past every RowKey under TIME_PREFIX. */
const TIME_END = 't}';
const MAX_ATTEMPTS = 5;

export interface TimelineItem {
  id: string;
  startUtc: string;
}

/** How one kind of item is stored: its partition, its JSON, and plain columns to filter on. */
export interface TimelineCodec<T extends TimelineItem> {
  partition: string;
  encode(item: T): { json: string; columns: Record<string, string> };
  /** Parses stored JSON, throwing when it is malformed (the row key names it). */
  decode(json: string, rowKey: string): T;
}

export interface StoredItem<T> {
  item: T;
  etag: string;
}

/** Thrown when an item changed since it was read (412) and the caller must decide again. */
export class TimelineConcurrencyError extends Error {
  constructor(readonly id: string) {
    super(`${id} was changed by someone else`);
    this.name = 'TimelineConcurrencyError';
  }
}

/** Decides the next state from the current one; may run again on a fresh read, so no side effects. */
export type TimelineMutation<T> = (current: T | undefined) => T | 'unchanged';

export interface TimelineMutationResult<T> {
  outcome: 'created' | 'updated' | 'unchanged';
  item: T | undefined;
}

type TimelineEntity = { partitionKey: string; rowKey: string; json: string } & Record<string, string>;

export class TimelineTable<T extends TimelineItem> {
  constructor(
    private readonly table: TableClient,
    private readonly codec: TimelineCodec<T>,
  ) {}

  async get(id: string): Promise<StoredItem<T> | undefined> {
    try {
      const entity = await this.table.getEntity<TimelineEntity>(this.codec.partition, `${ID_PREFIX}${id}`);
      return { item: this.codec.decode(entity.json, entity.rowKey), etag: entity.etag };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Items starting in [fromUtc, toUtc), earliest first; `where` narrows on the codec's columns. */
  between(fromUtc: string, toUtc: string, options: { where?: Record<string, string>; limit?: number } = {}): Promise<T[]> {
    return this.range(`${TIME_PREFIX}${utc(fromUtc)}`, `${TIME_PREFIX}${utc(toUtc)}`, options);
  }

  /** Items starting at or after fromUtc, earliest first, at most `limit`. */
  from(fromUtc: string, limit: number, options: { where?: Record<string, string> } = {}): Promise<T[]> {
    return this.range(`${TIME_PREFIX}${utc(fromUtc)}`, TIME_END, { ...options, limit });
  }

  /** Stores a new item; fails with a 409 RestError when its id exists. */
  async create(item: T): Promise<void> {
    await this.table.submitTransaction([
      ['create', this.entity(item, `${ID_PREFIX}${item.id}`)],
      ['create', this.entity(item, timelineKey(item))],
    ]);
  }

  /** Replaces `stored` with `next` if its ETag still matches; otherwise throws TimelineConcurrencyError. */
  async replace(stored: StoredItem<T>, next: T): Promise<void> {
    const oldTimeline = timelineKey(stored.item);
    const newTimeline = timelineKey(next);
    const actions: TransactionAction[] = [['update', this.entity(next, `${ID_PREFIX}${next.id}`), 'Replace', { etag: stored.etag }]];
    if (oldTimeline !== newTimeline) actions.push(['delete', { partitionKey: this.codec.partition, rowKey: oldTimeline }]);
    actions.push(['upsert', this.entity(next, newTimeline), 'Replace']);
    try {
      await this.table.submitTransaction(actions);
    } catch (error) {
      // A 404 on the old timeline row also means another writer moved the item first.
      if (isPreconditionFailed(error) || hasStatus(error, 412) || hasStatus(error, 404)) throw new TimelineConcurrencyError(next.id);
      throw error;
    }
  }

  /**
   * Reads the item, lets `mutate` decide, and writes the result guarded by the ETag it read (or as
   * a create when there was none). A 412 or 409 means someone else wrote in between: it reads
   * again and asks again, up to five times.
   */
  async mutate(id: string, mutate: TimelineMutation<T>): Promise<TimelineMutationResult<T>> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.get(id);
      const next = mutate(current?.item);
      if (next === 'unchanged') return { outcome: 'unchanged', item: current?.item };
      if (next.id !== id) throw new Error(`mutation changed id ${id} to ${next.id}`);
      try {
        if (current) await this.replace(current, next);
        else await this.create(next);
        return { outcome: current ? 'updated' : 'created', item: next };
      } catch (error) {
        const raced = current ? error instanceof TimelineConcurrencyError : isConflict(error) || hasStatus(error, 409);
        if (!raced || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private async range(fromKey: string, toKey: string, options: { where?: Record<string, string>; limit?: number }): Promise<T[]> {
    let filter = odata`PartitionKey eq ${this.codec.partition} and RowKey ge ${fromKey} and RowKey lt ${toKey}`;
    for (const [column, value] of Object.entries(options.where ?? {})) filter += ` and ${column} eq ${quoted(value)}`;
    const items: T[] = [];
    const pageSize = options.limit !== undefined ? Math.min(Math.max(options.limit, 1), 1000) : undefined;
    const pages = this.table.listEntities<TimelineEntity>({ queryOptions: { filter } }).byPage(pageSize ? { maxPageSize: pageSize } : {});
    for await (const page of pages) {
      for (const entity of page) {
        items.push(this.codec.decode(entity.json, entity.rowKey));
        if (options.limit !== undefined && items.length >= options.limit) return items;
      }
    }
    return items;
  }

  private entity(item: T, rowKey: string): TimelineEntity {
    const { json, columns } = this.codec.encode(item);
    return { ...columns, partitionKey: this.codec.partition, rowKey, json };
  }
}

function timelineKey(item: TimelineItem): string {
  return `${TIME_PREFIX}${utc(item.startUtc)}|${item.id}`;
}

/** Fixed-width UTC, so row keys sort by time. */
function utc(iso: string): string {
  const instant = DateTime.fromISO(iso, { zone: 'utc' });
  if (!instant.isValid) throw new Error(`not an ISO date-time: ${iso}`);
  return instant.toUTC().toISO({ suppressMilliseconds: false })!;
}

/** An OData string literal: single quotes doubled, as the odata template tag does. */
function quoted(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A failed entity-group transaction reports the failing operation's status. */
function hasStatus(error: unknown, status: number): boolean {
  return error instanceof RestError && error.statusCode === status;
}
