import { assertValidKey } from '../../../platform/storage/keys';
import { type Challenge, type ChallengeEvent, type ChallengeReference, referenceSchema, referenceYear } from '../domain/challenge';
import { summaryOf } from '../domain/challenge-summary';

/**
 * Key design (table `challenges`), one partition per year a challenge was raised:
 *
 *   PK '2026'   RK 'counter'                          next number for 2026 (ETag-guarded)
 *   PK '2026'   RK 'card|CC-2026-014'                 the card: full JSON, its ETag guards every change
 *   PK '2026'   RK 'sum|2026-07-14|CC-2026-014'       compact summary (see challenge-summary.ts)
 *   PK '2026'   RK 'hist|CC-2026-014|<event key>'     one row per history event, created once, never changed
 *   PK '2026'   RK 'form|<form id>'                   the create form that made a card: a double click creates once
 *   PK 'years'  RK 'years'                            y2026 = true, ...: which year partitions exist
 *
 * Why one partition per year: a card's rows all share a partition, so each change is ONE
 * entity-group transaction (counter + card + summary + history on create; history + card +
 * summary on a response). It is all-or-nothing: no reference is skipped or used twice, the
 * summary is never stale, and a history row exists exactly when its change was applied.
 * The counter and the card's ETag turn concurrent writers into 412s, answered by re-reading.
 *
 * Why the summary RowKey starts with the date raised: a period report asks for cards raised
 * before the period's end and still open at its start. Per year partition that is one RowKey
 * range (`sum|` .. `sum|<end>`) plus a filter on `endOn` (the date the card became final), so a
 * Q3 2026 report reads the 2026 summaries raised up to 30 September and, from earlier years, only
 * the cards still open on 1 July: the cards the report is about, about 300 bytes each, read with
 * one query per year in parallel. 10,000 cards over 5 years: ~2,000 summary rows a year, of which
 * a quarter's report returns ~500 new plus the open carry-over; history and words are never read.
 */
export const COUNTER = 'counter';
export const CARD = 'card|';
export const SUMMARY = 'sum|';
/** One past every RowKey under SUMMARY. */
export const SUMMARY_END = 'sum}';
export const HISTORY = 'hist|';
export const FORM = 'form|';
export const YEARS_PARTITION = 'years';
/** Azure Tables counts string properties in UTF-16 units; 64 KiB is 32,768 of them. */
const MAX_STRING_UNITS = 30_000;

export type JsonEntity = { partitionKey: string; rowKey: string; json: string };
export type CardEntity = JsonEntity & { status: string };
export type SummaryEntity = JsonEntity & { status: string; priorityArea: string; endOn: string; dueOn: string };
export type CounterEntity = { partitionKey: string; rowKey: string; next: number };
export type FormEntity = { partitionKey: string; rowKey: string; reference: string };

export function yearKey(year: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 2999) throw new Error(`invalid challenge year ${year}`);
  return String(year);
}

export function partitionOf(reference: ChallengeReference): string {
  referenceSchema.parse(reference);
  return yearKey(referenceYear(reference));
}

export function historyKey(reference: ChallengeReference, key: string): string {
  return assertValidKey(`${HISTORY}${reference}|${key}`, 'history key');
}

export function cardEntity(challenge: Challenge): CardEntity {
  return {
    partitionKey: partitionOf(challenge.reference),
    rowKey: `${CARD}${challenge.reference}`,
    json: boundedJson(challenge, challenge.reference),
    status: challenge.status,
  };
}

export function summaryEntity(challenge: Challenge): SummaryEntity {
  const summary = summaryOf(challenge);
  return {
    partitionKey: partitionOf(challenge.reference),
    rowKey: `${SUMMARY}${challenge.raisedOn}|${challenge.reference}`,
    json: boundedJson(summary, challenge.reference),
    status: summary.status,
    priorityArea: summary.priorityArea,
    endOn: summary.endOn,
    dueOn: summary.dueOn,
  };
}

export function historyEntity(event: ChallengeEvent): JsonEntity {
  return {
    partitionKey: partitionOf(event.reference),
    rowKey: historyKey(event.reference, event.key),
    json: boundedJson(event, event.reference),
  };
}

/** Form limits keep every row far below this; the check turns a future mistake into a clear error, not a 400. */
function boundedJson(value: object, reference: string): string {
  const json = JSON.stringify(value);
  if (json.length > MAX_STRING_UNITS) throw new Error(`challenge card ${reference} is too large to store`);
  return json;
}
