import type { TableClient, TableEntity } from '@azure/data-tables';
import type { DateTime } from 'luxon';
import type { ErasureTally, Pseudonym } from '../../shared/personal-data';
import type { SubjectMatcher } from '../../shared/text/subject-matcher';
import { isConflict, isNotFound, isPreconditionFailed } from './keys';

/** A row as listed: its keys, its properties, and the ETag a change must carry. */
export type StoredRow = { partitionKey: string; rowKey: string; etag: string } & Record<string, unknown>;

/** Properties the service adds to every row: never written back. */
const SERVICE_PROPERTIES = new Set(['etag', 'timestamp', 'odata.etag', 'odata.metadata']);
const MAX_ATTEMPTS = 5;

export interface ScrubRules {
  /** Rows that are the person's own (keyed by them): deleted. Every other row mentioning them is pseudonymised. */
  remove(row: StoredRow): boolean;
  /** Structured changes before the generic scrub (e.g. a record's name column beside an id in its RowKey). */
  rewrite?(row: StoredRow, pseudonym: Pseudonym): StoredRow;
  /**
   * The id of the person a row is about when its keys say so (an RSVP's RowKey): its `name`
   * column is then theirs, replaced when they are the subject and left alone when they are not.
   */
  owner?(row: StoredRow): string | undefined;
  /** Narrows the scan to part of the table (an OData filter); default every row. */
  filter?: string;
}

/**
 * Erases a person from one table: every row mentioning them (in a key or any string property,
 * JSON included) is either deleted (`remove`) or written back with the pseudonym in their place,
 * re-keyed when a key held their id. Idempotent and safe beside other writers: a row changed
 * meanwhile (412) is read again, one already gone (404) or already re-keyed (409) is done.
 */
export async function scrubRows(
  table: TableClient,
  matcher: SubjectMatcher,
  pseudonym: Pseudonym,
  rules: ScrubRules,
): Promise<ErasureTally> {
  const tally: ErasureTally = { deleted: 0, pseudonymised: 0 };
  for await (const row of listRows(table, rules.filter)) {
    if (!rowMentions(row, matcher, rules)) continue;
    if (rules.remove(row)) {
      if (await deleteRow(table, row.partitionKey, row.rowKey)) tally.deleted++;
      continue;
    }
    if (await pseudonymiseRow(table, row, matcher, pseudonym, rules)) tally.pseudonymised++;
  }
  return tally;
}

/** Every row of the table (or of the filter), with its ETag. */
export async function* listRows(table: TableClient, filter?: string): AsyncGenerator<StoredRow> {
  const rows = table.listEntities<Record<string, unknown>>(filter ? { queryOptions: { filter } } : {});
  for await (const entity of rows) {
    yield { ...entity, partitionKey: String(entity.partitionKey), rowKey: String(entity.rowKey), etag: String(entity.etag) };
  }
}

/** Every row of the filter, read into memory (a person's rows: a handful). */
export async function readRows(table: TableClient, filter?: string): Promise<StoredRow[]> {
  const rows: StoredRow[] = [];
  for await (const row of listRows(table, filter)) rows.push(row);
  return rows;
}

/** The rows of the table (or of the filter) that mention the subject, for an export. */
export async function rowsMentioning(table: TableClient, matcher: SubjectMatcher, filter?: string): Promise<StoredRow[]> {
  const rows: StoredRow[] = [];
  for await (const row of listRows(table, filter)) if (rowMentions(row, matcher)) rows.push(row);
  return rows;
}

/**
 * Whether the row's keys or string properties hold the subject's id or name: whether scrubbing it
 * would change anything (a namesake's own name column, beside their own id, does not count).
 */
export function rowMentions(row: StoredRow, matcher: SubjectMatcher, rules: Pick<ScrubRules, 'owner'> = {}): boolean {
  const probe = { id: 'former-probe', name: '\u0000' };
  const scrubbed = scrubbedRow(row, matcher, probe, rules);
  return Object.entries(writableProperties(row)).some(([key, value]) => scrubbed[key] !== value);
}

/** Deletes every row of the filter (a purge), each guarded by the ETag it was read with; how many went. */
export async function deleteWhere(table: TableClient, filter: string, keep: (row: StoredRow) => boolean = () => false): Promise<number> {
  let deleted = 0;
  for await (const row of listRows(table, filter)) {
    if (keep(row)) continue;
    if (await deleteRow(table, row.partitionKey, row.rowKey, row.etag)) deleted++;
  }
  return deleted;
}

/** An OData condition: `column` (a UTC ISO string property) before `cutoff`. */
export function before(column: string, cutoff: DateTime): string {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(column)) throw new Error(`not a column name: ${column}`);
  return `${column} lt '${cutoff.toUTC().toISO()!}'`;
}

/** Deletes a row; false when it was already gone (an earlier erasure or purge, another instance). */
export async function deleteRow(table: TableClient, partitionKey: string, rowKey: string, etag?: string): Promise<boolean> {
  try {
    await table.deleteEntity(partitionKey, rowKey, etag ? { etag } : undefined);
    return true;
  } catch (error) {
    if (isNotFound(error) || isPreconditionFailed(error)) return false;
    throw error;
  }
}

/** The row's own properties, ready to write (no ETag or timestamp). */
export function writableProperties(row: StoredRow): TableEntity<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) if (!SERVICE_PROPERTIES.has(key)) out[key] = value;
  return out as TableEntity<Record<string, unknown>>;
}

async function pseudonymiseRow(
  table: TableClient,
  first: StoredRow,
  matcher: SubjectMatcher,
  pseudonym: Pseudonym,
  rules: ScrubRules,
): Promise<boolean> {
  let row: StoredRow | undefined = first;
  for (let attempt = 1; row && rowMentions(row, matcher, rules); attempt++) {
    const next = scrubbedRow(rules.rewrite ? rules.rewrite(row, pseudonym) : row, matcher, pseudonym, rules);
    try {
      if (next.partitionKey === row.partitionKey && next.rowKey === row.rowKey) {
        await table.updateEntity(next, 'Replace', { etag: row.etag });
      } else {
        await rekey(table, row, next);
      }
      return true;
    } catch (error) {
      if (!(isPreconditionFailed(error) || isNotFound(error)) || attempt >= MAX_ATTEMPTS) throw error;
      row = await readRow(table, row.partitionKey, row.rowKey);
    }
  }
  return false;
}

/** The pseudonymised copy under its new keys first, then the original: a crash in between leaves a copy, never nothing. */
async function rekey(table: TableClient, row: StoredRow, next: TableEntity<Record<string, unknown>>): Promise<void> {
  try {
    await table.createEntity(next);
  } catch (error) {
    if (!isConflict(error)) throw error;
  }
  await deleteRow(table, row.partitionKey, row.rowKey, row.etag);
}

function scrubbedRow(
  row: StoredRow,
  matcher: SubjectMatcher,
  pseudonym: Pseudonym,
  rules: Pick<ScrubRules, 'owner'>,
): TableEntity<Record<string, unknown>> {
  const owner = rules.owner ? { nameKey: 'name', id: rules.owner(row) } : undefined;
  const scrubbed = matcher.scrubRecord(
    writableProperties(row),
    pseudonym,
    (value) => (typeof value === 'string' ? matcher.scrubStored(value, pseudonym) : value),
    owner,
  );
  return scrubbed as TableEntity<Record<string, unknown>>;
}

async function readRow(table: TableClient, partitionKey: string, rowKey: string): Promise<StoredRow | undefined> {
  try {
    const entity = await table.getEntity<Record<string, unknown>>(partitionKey, rowKey);
    return { ...entity, partitionKey, rowKey, etag: String(entity.etag) };
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}
