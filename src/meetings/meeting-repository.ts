import { RestError, TableClient, TransactionAction, odata } from '@azure/data-tables';
import { z } from 'zod';
import { isConflict, isNotFound, isPreconditionFailed } from '../storage/keys';
import { Meeting, MeetingId, MeetingSource, StoredMeeting, meetingIdSchema, utcIso } from './meeting';

/**
 * Key design (one table, one partition):
 *
 *   PartitionKey 'meeting', RowKey 'id|<meetingId>'              the record: full meeting + ETag
 *   PartitionKey 'meeting', RowKey 't|<start UTC ISO>|<meetingId>' a full copy in time order
 *
 * "The next meetings from now" and "meetings in March 2027" are one range query over the 't|'
 * rows of a single partition, already sorted by start. The id is derived from source + source id,
 * so the 'id|' row is also the lookup by source. Both rows live in one partition, so each change
 * writes both in one entity-group transaction, guarded by the ETag of the 'id|' row; a move
 * swaps the old 't|' row for a new one in the same transaction, so readers never see a meeting
 * twice or not at all. A panel has tens of meetings a year: one partition holds decades of them
 * (a by-year partition would split "the next meetings" across partitions at New Year for no gain).
 * Meetings are never deleted: cancelling is a status.
 */
const PARTITION = 'meeting';
const ID_PREFIX = 'id|';
const TIME_PREFIX = 't|';
/** One past every RowKey under TIME_PREFIX. */
const TIME_END = 't}';
const MAX_ATTEMPTS = 5;
/** Azure Tables counts string properties in UTF-16 units; 64 KiB is 32,768 of them. */
const MAX_STRING_UNITS = 30_000;

/** Thrown when a meeting changed since it was read (412) and the caller must decide again. */
export class MeetingConcurrencyError extends Error {
  constructor(readonly meetingId: MeetingId) {
    super(`meeting ${meetingId} was changed by someone else`);
    this.name = 'MeetingConcurrencyError';
  }
}

export type MutationOutcome = 'created' | 'updated' | 'unchanged';

export interface MutationResult {
  outcome: MutationOutcome;
  meeting: Meeting | undefined;
}

/**
 * Decides the next state from the current one (undefined: none stored yet). It may run more than
 * once: after an ETag conflict it runs again on a fresh read, so it must be free of side effects.
 */
export type MeetingMutation = (current: Meeting | undefined) => Meeting | 'unchanged';

type MeetingEntity = {
  partitionKey: string;
  rowKey: string;
  json: string;
  startUtc: string;
  source: string;
  status: string;
};

const agendaItemSchema = z.object({ number: z.string(), title: z.string() });
const documentSchema = z.object({ title: z.string(), url: z.string(), publishedOn: z.string().optional() });
const storedMeetingSchema = z.object({
  id: meetingIdSchema,
  source: z.enum(['moderngov', 'ical', 'officer']),
  sourceId: z.string().min(1),
  committee: z.string(),
  title: z.string(),
  startUtc: z.string(),
  endUtc: z.string().optional(),
  zone: z.string(),
  allDay: z.boolean(),
  venue: z.string().optional(),
  status: z.enum(['scheduled', 'cancelled', 'moved']),
  previousStartUtc: z.string().optional(),
  statusNote: z.string().optional(),
  cancelledReason: z.enum(['source', 'vanished', 'officer']).optional(),
  agenda: z.object({ published: z.boolean(), url: z.string().optional(), items: z.array(agendaItemSchema) }),
  minutes: z.object({ published: z.boolean(), url: z.string().optional() }),
  documents: z.array(documentSchema),
  notes: z.string().optional(),
  sourceUrl: z.string().optional(),
  sequence: z.number().int().min(0),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** The read side the question answering needs (a fake in unit tests, the repository in the bot). */
export interface MeetingTimeline {
  listStartingBetween(fromUtc: string, toUtc: string, options?: { source?: MeetingSource; limit?: number }): Promise<Meeting[]>;
  listStartingFrom(fromUtc: string, limit: number, options?: { source?: MeetingSource }): Promise<Meeting[]>;
}

/** Meetings in Azure Table Storage; see the key design above. */
export class MeetingRepository implements MeetingTimeline {
  constructor(private readonly table: TableClient) {}

  async get(id: MeetingId): Promise<StoredMeeting | undefined> {
    meetingIdSchema.parse(id);
    try {
      const entity = await this.table.getEntity<MeetingEntity>(PARTITION, `${ID_PREFIX}${id}`);
      return { meeting: fromEntity(entity), etag: entity.etag };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /**
   * Meetings starting in [fromUtc, toUtc), earliest first, cancelled ones included (callers show
   * them loudly). One range query over one partition.
   */
  async listStartingBetween(fromUtc: string, toUtc: string, options: { source?: MeetingSource; limit?: number } = {}): Promise<Meeting[]> {
    const from = `${TIME_PREFIX}${utcIso(fromUtc)}`;
    const to = `${TIME_PREFIX}${utcIso(toUtc)}`;
    return this.range(from, to, options);
  }

  /** Meetings starting at or after fromUtc, earliest first, at most `limit`. */
  async listStartingFrom(fromUtc: string, limit: number, options: { source?: MeetingSource } = {}): Promise<Meeting[]> {
    return this.range(`${TIME_PREFIX}${utcIso(fromUtc)}`, TIME_END, { ...options, limit });
  }

  /**
   * Reads the meeting, lets `mutate` decide, and writes the result guarded by the ETag it read
   * (or as a create when there was none). A 412 or 409 means someone else wrote in between: it
   * reads again and asks `mutate` again, up to five times.
   */
  async mutate(id: MeetingId, mutate: MeetingMutation): Promise<MutationResult> {
    meetingIdSchema.parse(id);
    for (let attempt = 1; ; attempt++) {
      const current = await this.get(id);
      const next = mutate(current?.meeting);
      if (next === 'unchanged') return { outcome: 'unchanged', meeting: current?.meeting };
      if (next.id !== id) throw new Error(`mutation changed meeting id ${id} to ${next.id}`);
      try {
        if (current) await this.replace(current, next);
        else await this.create(next);
        return { outcome: current ? 'updated' : 'created', meeting: next };
      } catch (error) {
        const raced = current ? error instanceof MeetingConcurrencyError : isConflict(error) || isTransactionStatus(error, 409);
        if (!raced || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** Stores a new meeting; fails with a 409 RestError when its id exists. */
  async create(meeting: Meeting): Promise<void> {
    const record = toEntity(meeting, `${ID_PREFIX}${meeting.id}`);
    const timeline = toEntity(meeting, timelineKey(meeting));
    await this.table.submitTransaction([
      ['create', record],
      ['create', timeline],
    ]);
  }

  /**
   * Replaces `stored` with `next` if nobody changed it since it was read (its ETag still matches);
   * otherwise throws MeetingConcurrencyError.
   */
  async replace(stored: StoredMeeting, next: Meeting): Promise<void> {
    const oldTimeline = timelineKey(stored.meeting);
    const newTimeline = timelineKey(next);
    const actions: TransactionAction[] = [['update', toEntity(next, `${ID_PREFIX}${next.id}`), 'Replace', { etag: stored.etag }]];
    if (oldTimeline !== newTimeline) actions.push(['delete', { partitionKey: PARTITION, rowKey: oldTimeline }]);
    actions.push(['upsert', toEntity(next, newTimeline), 'Replace']);
    try {
      await this.table.submitTransaction(actions);
    } catch (error) {
      // A 404 on the old timeline row also means another writer moved the meeting first.
      if (isPreconditionFailed(error) || isTransactionStatus(error, 412) || isTransactionStatus(error, 404)) {
        throw new MeetingConcurrencyError(next.id);
      }
      throw error;
    }
  }

  private async range(fromKey: string, toKey: string, options: { source?: MeetingSource; limit?: number }): Promise<Meeting[]> {
    let filter = odata`PartitionKey eq ${PARTITION} and RowKey ge ${fromKey} and RowKey lt ${toKey}`;
    if (options.source !== undefined) filter += odata` and source eq ${options.source}`;
    const meetings: Meeting[] = [];
    const pageSize = options.limit !== undefined ? Math.min(Math.max(options.limit, 1), 1000) : undefined;
    const pages = this.table.listEntities<MeetingEntity>({ queryOptions: { filter } }).byPage(pageSize ? { maxPageSize: pageSize } : {});
    for await (const page of pages) {
      for (const entity of page) {
        meetings.push(fromEntity(entity));
        if (options.limit !== undefined && meetings.length >= options.limit) return meetings;
      }
    }
    return meetings;
  }
}

function timelineKey(meeting: Meeting): string {
  return `${TIME_PREFIX}${utcIso(meeting.startUtc)}|${meeting.id}`;
}

function toEntity(meeting: Meeting, rowKey: string): MeetingEntity {
  return {
    partitionKey: PARTITION,
    rowKey,
    json: boundedJson(meeting),
    startUtc: meeting.startUtc,
    source: meeting.source,
    status: meeting.status,
  };
}

/** Drops documents, then agenda items, from the end until the JSON fits one string property. */
function boundedJson(meeting: Meeting): string {
  let current = meeting;
  let json = JSON.stringify(current);
  while (json.length > MAX_STRING_UNITS && (current.documents.length > 0 || current.agenda.items.length > 0)) {
    current =
      current.documents.length > 0
        ? { ...current, documents: current.documents.slice(0, Math.floor(current.documents.length / 2)) }
        : { ...current, agenda: { ...current.agenda, items: current.agenda.items.slice(0, Math.floor(current.agenda.items.length / 2)) } };
    json = JSON.stringify(current);
  }
  if (json.length > MAX_STRING_UNITS) throw new Error(`meeting ${meeting.id} is too large to store`);
  return json;
}

function fromEntity(entity: MeetingEntity): Meeting {
  const parsed = storedMeetingSchema.safeParse(JSON.parse(entity.json));
  if (!parsed.success) throw new Error(`stored meeting ${entity.rowKey} is malformed: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
  return stripUndefined(parsed.data) as Meeting;
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A failed entity-group transaction reports the failing operation's status. */
function isTransactionStatus(error: unknown, status: number): boolean {
  return error instanceof RestError && error.statusCode === status;
}
