import { RestError, type TableClient, type TransactionAction, odata } from '@azure/data-tables';
import { DomainError } from '../../../shared/errors/domain-error';
import { assertValidKey, isConflict, isNotFound, isPreconditionFailed } from '../../../platform/storage/keys';
import {
  type Challenge,
  type ChallengeChange,
  type ChallengeEvent,
  type ChallengeReference,
  type ChallengeStatus,
  type PriorityArea,
  type StoredChallenge,
  formatReference,
  referenceSchema,
  referenceYear,
} from '../domain/challenge';
import { parseStored, storedChallengeSchema, storedEventSchema, storedSummarySchema } from './challenge-stored-schemas';
import {
  CARD,
  COUNTER,
  type CardEntity,
  type CounterEntity,
  FORM,
  HISTORY,
  type FormEntity,
  type JsonEntity,
  SUMMARY,
  SUMMARY_END,
  YEARS_PARTITION,
  cardEntity,
  historyEntity,
  historyKey,
  partitionOf,
  summaryEntity,
  yearKey,
} from './challenge-entities';
import { type ChallengeSummary, STILL_OPEN } from '../domain/challenge-summary';

/** Under 20 people creating at once, a writer may lose the counter race many times: each loss means another won. */
const MAX_ATTEMPTS = 40;

export type ChallengeMutation = (current: Challenge) => ChallengeChange | 'unchanged';

export interface ChangeResult {
  /** `duplicate`: the event key was already in the history (a double submit): nothing was written. */
  outcome: 'applied' | 'unchanged' | 'duplicate';
  challenge: Challenge;
}

export interface CreateResult {
  outcome: 'created' | 'already_created';
  challenge: Challenge;
}

/** Which summaries to read. Dates are London calendar dates `YYYY-MM-DD`. */
export interface SummaryQuery {
  /** Only cards raised before this date (exclusive). */
  raisedBefore?: string;
  /** Only cards not final before this date: final on or after it, or still open. */
  openOn?: string;
  /** Only cards not final yet. */
  openOnly?: boolean;
  status?: ChallengeStatus;
  priorityArea?: PriorityArea;
}

/** Challenge cards in Azure Table Storage; see the key design in challenge-entities.ts. */
export class ChallengeRepository {
  private readonly knownYears = new Set<number>();

  constructor(private readonly table: TableClient) {}

  /**
   * Allocates the next reference of `year` and stores the card `build` makes for it, with its
   * summary and its 'created' event, in one transaction. `formId` makes it idempotent: a second
   * call with the same form id returns the card the first one made. `build` may run more than
   * once (after losing a race), so it must be free of side effects.
   */
  async create(year: number, formId: string, build: (reference: ChallengeReference) => ChallengeChange): Promise<CreateResult> {
    const partition = yearKey(year);
    const formKey = `${FORM}${assertValidKey(formId, 'formId')}`;
    await this.registerYear(year);
    for (let attempt = 1; ; attempt++) {
      const existing = await this.formReference(partition, formKey);
      if (existing) return { outcome: 'already_created', challenge: await this.require(existing) };
      const counter = await this.readCounter(partition);
      const number = counter?.next ?? 1;
      const { next, event } = build(formatReference(year, number));
      if (referenceYear(next.reference) !== year) throw new Error(`card ${next.reference} built for year ${year}`);
      const actions: TransactionAction[] = [
        counter
          ? ['update', { partitionKey: partition, rowKey: COUNTER, next: number + 1 }, 'Replace', { etag: counter.etag }]
          : ['create', { partitionKey: partition, rowKey: COUNTER, next: number + 1 }],
        ['create', cardEntity(next)],
        ['create', summaryEntity(next)],
        ['create', { partitionKey: partition, rowKey: formKey, reference: next.reference }],
      ];
      if (event) actions.push(['create', historyEntity(event)]);
      try {
        await this.table.submitTransaction(actions);
        return { outcome: 'created', challenge: next };
      } catch (error) {
        if (!isRace(error)) throw error;
        if (attempt >= MAX_ATTEMPTS) throw busy(error);
        await pause(attempt);
      }
    }
  }

  async get(reference: ChallengeReference): Promise<StoredChallenge | undefined> {
    try {
      const entity = await this.table.getEntity<CardEntity>(partitionOf(reference), `${CARD}${reference}`);
      return { challenge: parseStored(storedChallengeSchema, entity.json, entity.rowKey), etag: entity.etag };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /**
   * Reads the card, lets `mutate` decide, and writes the next card, its summary and (when given)
   * its history event in one transaction guarded by the ETag it read. A 412 means someone else
   * changed the card in between: it reads again and asks `mutate` again, so concurrent responses
   * are applied one after the other and never overwrite each other.
   *
   * With `eventKey`, a history row of that key already there means this change was applied
   * before (a double submit): nothing is written and `mutate` is not asked.
   */
  async change(reference: ChallengeReference, mutate: ChallengeMutation, eventKey?: string): Promise<ChangeResult> {
    referenceSchema.parse(reference);
    for (let attempt = 1; ; attempt++) {
      const [stored, seen] = await Promise.all([
        this.get(reference),
        eventKey ? this.hasEvent(reference, eventKey) : Promise.resolve(false),
      ]);
      if (!stored) throw new DomainError('not_found', `Challenge card ${reference} could not be found.`);
      if (seen) return { outcome: 'duplicate', challenge: stored.challenge };
      const decided = mutate(stored.challenge);
      if (decided === 'unchanged') return { outcome: 'unchanged', challenge: stored.challenge };
      const { next, event } = decided;
      if (next.reference !== reference) throw new Error(`mutation changed card ${reference} to ${next.reference}`);
      if (eventKey && event?.key !== eventKey) throw new Error(`event key ${event?.key ?? 'none'} is not ${eventKey}`);
      const actions: TransactionAction[] = [];
      if (event) actions.push(['create', historyEntity(event)]);
      actions.push(['update', cardEntity(next), 'Replace', { etag: stored.etag }]);
      actions.push(['upsert', summaryEntity(next), 'Replace']);
      try {
        await this.table.submitTransaction(actions);
        return { outcome: 'applied', challenge: next };
      } catch (error) {
        // A 409 can only be the history row: the same submit, applied by a twin request just now.
        if (event && isStatus(error, 409)) return { outcome: 'duplicate', challenge: await this.require(reference) };
        if (!isStatus(error, 412)) throw error;
        if (attempt >= MAX_ATTEMPTS) throw busy(error);
        await pause(attempt);
      }
    }
  }

  /** A card's history, oldest first (events made at the same instant in key order). */
  async history(reference: ChallengeReference): Promise<ChallengeEvent[]> {
    const partition = partitionOf(reference);
    const prefix = `${HISTORY}${reference}|`;
    const filter = odata`PartitionKey eq ${partition} and RowKey ge ${prefix} and RowKey lt ${`${HISTORY}${reference}}`}`;
    const events: ChallengeEvent[] = [];
    for await (const entity of this.table.listEntities<JsonEntity>({ queryOptions: { filter } })) {
      events.push(parseStored(storedEventSchema, entity.json, entity.rowKey));
    }
    return events.sort((a, b) => (a.atUtc === b.atUtc ? a.key.localeCompare(b.key) : a.atUtc < b.atUtc ? -1 : 1));
  }

  /**
   * Summaries matching `query`, by date raised then reference. One query per year partition that
   * can hold matches, run in parallel; see the key design for what each reads.
   */
  async listSummaries(query: SummaryQuery = {}): Promise<ChallengeSummary[]> {
    const years = (await this.years()).filter((year) => !query.raisedBefore || `${year}-01-01` < query.raisedBefore);
    const batches = await Promise.all(years.map((year) => this.summariesIn(year, query)));
    return batches
      .flat()
      .sort((a, b) => (a.raisedOn === b.raisedOn ? a.reference.localeCompare(b.reference) : a.raisedOn < b.raisedOn ? -1 : 1));
  }

  /** The years that have (or had a card being created in) a partition, ascending. */
  async years(): Promise<number[]> {
    try {
      const entity = await this.table.getEntity<Record<string, unknown>>(YEARS_PARTITION, YEARS_PARTITION);
      return Object.keys(entity)
        .map((name) => /^y(\d{4})$/.exec(name)?.[1])
        .filter((year): year is string => year !== undefined)
        .map(Number)
        .sort((a, b) => a - b);
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
  }

  private async summariesIn(year: number, query: SummaryQuery): Promise<ChallengeSummary[]> {
    const partition = yearKey(year);
    const upper = query.raisedBefore ? `${SUMMARY}${query.raisedBefore}` : SUMMARY_END;
    let filter = odata`PartitionKey eq ${partition} and RowKey ge ${SUMMARY} and RowKey lt ${upper}`;
    if (query.openOnly) filter += odata` and endOn eq ${STILL_OPEN}`;
    else if (query.openOn) filter += odata` and endOn ge ${query.openOn}`;
    if (query.status) filter += odata` and status eq ${query.status}`;
    if (query.priorityArea) filter += odata` and priorityArea eq ${query.priorityArea}`;
    const summaries: ChallengeSummary[] = [];
    const rows = this.table.listEntities<JsonEntity>({ queryOptions: { filter, select: ['json'] } });
    for await (const entity of rows) summaries.push(parseStored(storedSummarySchema, entity.json, `${partition}/summary`));
    return summaries;
  }

  /**
   * Marks the year's partition as existing before its first card is written, so a reader never
   * misses a year (an extra year with no cards only costs an empty query). Merge-upserts of
   * different years' properties never conflict.
   */
  private async registerYear(year: number): Promise<void> {
    if (this.knownYears.has(year)) return;
    await this.table.upsertEntity({ partitionKey: YEARS_PARTITION, rowKey: YEARS_PARTITION, [`y${year}`]: true }, 'Merge');
    this.knownYears.add(year);
  }

  private async readCounter(partition: string): Promise<{ next: number; etag: string } | undefined> {
    try {
      const entity = await this.table.getEntity<CounterEntity>(partition, COUNTER);
      return { next: entity.next, etag: entity.etag };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  private async formReference(partition: string, formKey: string): Promise<ChallengeReference | undefined> {
    try {
      return (await this.table.getEntity<FormEntity>(partition, formKey)).reference;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  private async hasEvent(reference: ChallengeReference, key: string): Promise<boolean> {
    try {
      await this.table.getEntity(partitionOf(reference), historyKey(reference, key), { queryOptions: { select: ['PartitionKey'] } });
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  private async require(reference: ChallengeReference): Promise<Challenge> {
    const stored = await this.get(reference);
    if (!stored) throw new Error(`challenge card ${reference} vanished`);
    return stored.challenge;
  }
}

/** A failed entity-group transaction reports the failing operation's status. */
function isStatus(error: unknown, status: number): boolean {
  return error instanceof RestError && error.statusCode === status;
}

/** 412: the counter or card changed since it was read. 409: another first card of the year created the counter, or a twin form submit. */
function isRace(error: unknown): boolean {
  return isPreconditionFailed(error) || isConflict(error);
}

function busy(cause: unknown): DomainError {
  return new DomainError(
    'unavailable',
    'Challenge cards are busy right now: several people are changing them at once. Please try again in a moment.',
    { cause },
  );
}

/** Jittered, growing pause so racing writers spread out instead of colliding again at once. */
function pause(attempt: number): Promise<void> {
  const ceiling = Math.min(200, 10 * attempt);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}
