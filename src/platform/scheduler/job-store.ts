import { type TableClient, odata } from '@azure/data-tables';
import { DateTime } from 'luxon';
import { assertValidKey, isConflict, isNotFound, isPreconditionFailed } from '../storage/keys';
import type { JobRequest, ScheduledJob } from './scheduled-job';
import { jsonObjectSchema, parseStoredJson } from '../storage/stored-json';

const DUE = 'due';
const BY_KEY = 'key';

interface DueEntity {
  partitionKey: string;
  rowKey: string;
  etag?: string;
  jobKey: string;
  kind: string;
  payload: string;
  attempts: number;
  claimedUntilUtc: string;
}

interface KeyEntity {
  partitionKey: string;
  rowKey: string;
  dueRowKey: string;
}

/** A due job as read, with the etag that a claim must match. */
export interface StoredJob extends ScheduledJob {
  rowKey: string;
  etag: string;
  claimedUntil: DateTime;
}

/** Fixed-width UTC so RowKeys sort by time: `2026-03-28T23:00:00.000Z`. */
function utc(instant: DateTime): string {
  return instant.toUTC().toISO({ suppressMilliseconds: false, includeOffset: true })!;
}

/**
 * Durable jobs in Azure Tables. Due rows live in one partition ordered by due time, so "what is
 * due now" is a bounded range read whatever the history; a lookup row per job key lets a job be
 * moved or cancelled. Finished jobs are deleted, so the due partition holds only future work.
 */
export class JobStore {
  constructor(private readonly table: TableClient) {}

  /** Creates the job, or moves it when a job with this key is already pending. */
  async schedule(request: JobRequest): Promise<void> {
    const key = assertValidKey(request.key, 'job key');
    const dueRowKey = `${utc(request.due)}|${key}`;
    await this.cancel(key);
    const entity: DueEntity = {
      partitionKey: DUE,
      rowKey: dueRowKey,
      jobKey: key,
      kind: request.kind,
      payload: JSON.stringify(request.payload),
      attempts: 0,
      claimedUntilUtc: '',
    };
    await this.table.upsertEntity(entity, 'Replace');
    await this.table.upsertEntity<KeyEntity>({ partitionKey: BY_KEY, rowKey: key, dueRowKey }, 'Replace');
  }

  /**
   * Creates the job unless one with this key is pending (then it is left as it is): the first of
   * several requests within the job's delay plans it, the rest join it. False when one was pending.
   */
  async scheduleIfAbsent(request: JobRequest): Promise<boolean> {
    if (await this.lookup(assertValidKey(request.key, 'job key'))) return false;
    await this.schedule(request);
    return true;
  }

  /** Removes a pending job; false when there was none. */
  async cancel(key: string): Promise<boolean> {
    const existing = await this.lookup(key);
    if (!existing) return false;
    await this.deleteQuietly(DUE, existing.dueRowKey);
    await this.deleteQuietly(BY_KEY, key);
    return true;
  }

  /** Cancels every pending job whose key starts with prefix (e.g. all reminders of one meeting). */
  async cancelWithPrefix(prefix: string): Promise<number> {
    const rows = this.table.listEntities<KeyEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${BY_KEY} and RowKey ge ${prefix} and RowKey lt ${`${prefix}\uffff`}` },
    });
    let cancelled = 0;
    for await (const row of rows) if (await this.cancel(row.rowKey)) cancelled++;
    return cancelled;
  }

  async pendingKeys(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    const rows = this.table.listEntities<KeyEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${BY_KEY} and RowKey ge ${prefix} and RowKey lt ${`${prefix}\uffff`}` },
    });
    for await (const row of rows) keys.push(row.rowKey);
    return keys;
  }

  /** Up to `limit` jobs due at `now` and not under a live claim, oldest first. */
  async due(now: DateTime, limit: number): Promise<StoredJob[]> {
    const upper = `${utc(now)}|\uffff`;
    const filter = odata`PartitionKey eq ${DUE} and RowKey le ${upper} and claimedUntilUtc lt ${utc(now)}`;
    const pages = this.table.listEntities<DueEntity>({ queryOptions: { filter } }).byPage({ maxPageSize: limit });
    const first = await pages.next();
    const entities: DueEntity[] = first.done ? [] : first.value;
    return entities.slice(0, limit).map(toStoredJob);
  }

  /** Takes a job for `until`; undefined when another instance claimed or finished it first. */
  async claim(job: StoredJob, until: DateTime): Promise<StoredJob | undefined> {
    try {
      const result = await this.table.updateEntity(
        { partitionKey: DUE, rowKey: job.rowKey, claimedUntilUtc: utc(until), attempts: job.attempts + 1 },
        'Merge',
        { etag: job.etag },
      );
      return { ...job, etag: result.etag ?? job.etag, attempts: job.attempts + 1, claimedUntil: until };
    } catch (error) {
      if (isPreconditionFailed(error) || isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Deletes a finished job, only if still ours (etag): a job re-planned meanwhile survives. */
  async complete(job: StoredJob): Promise<void> {
    try {
      await this.table.deleteEntity(DUE, job.rowKey, { etag: job.etag });
    } catch (error) {
      if (isPreconditionFailed(error) || isNotFound(error)) return;
      throw error;
    }
    const lookup = await this.lookup(job.key);
    if (lookup?.dueRowKey === job.rowKey) await this.deleteQuietly(BY_KEY, job.key);
  }

  /** Moves a claimed job to a later time for another try, keeping its attempt count. */
  async retryLater(job: StoredJob, at: DateTime): Promise<void> {
    const dueRowKey = `${utc(at)}|${job.key}`;
    try {
      await this.table.createEntity<DueEntity>({
        partitionKey: DUE,
        rowKey: dueRowKey,
        jobKey: job.key,
        kind: job.kind,
        payload: JSON.stringify(job.payload),
        attempts: job.attempts,
        claimedUntilUtc: '',
      });
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
    await this.table.upsertEntity<KeyEntity>({ partitionKey: BY_KEY, rowKey: job.key, dueRowKey }, 'Replace');
    await this.deleteQuietly(DUE, job.rowKey, job.etag);
  }

  private async lookup(key: string): Promise<KeyEntity | undefined> {
    try {
      return await this.table.getEntity<KeyEntity>(BY_KEY, key);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  private async deleteQuietly(partition: string, row: string, etag?: string): Promise<void> {
    try {
      await this.table.deleteEntity(partition, row, etag ? { etag } : undefined);
    } catch (error) {
      if (!isNotFound(error) && !isPreconditionFailed(error)) throw error;
    }
  }
}

function toStoredJob(entity: DueEntity): StoredJob {
  return {
    rowKey: entity.rowKey,
    etag: entity.etag ?? '*',
    key: entity.jobKey,
    kind: entity.kind,
    due: DateTime.fromISO(entity.rowKey.slice(0, entity.rowKey.indexOf('|')), { zone: 'utc' }),
    payload: parseStoredJson(jsonObjectSchema, entity.payload, `job ${entity.jobKey}`),
    attempts: entity.attempts,
    claimedUntil: entity.claimedUntilUtc
      ? DateTime.fromISO(entity.claimedUntilUtc, { zone: 'utc' })
      : DateTime.fromMillis(0, { zone: 'utc' }),
  };
}
