import type { TableClient, TransactionAction } from '@azure/data-tables';
import { TableStore } from '../../src/platform/storage/table-store';
import { DateTime, Duration } from 'luxon';
import {
  type Challenge,
  type ChallengeEvent,
  type ChallengeStatus,
  PRIORITY_AREAS,
  RAISING_GROUPS,
  type StatusChange,
  formatReference,
  toUtcIso,
} from '../../src/features/challenges/domain/challenge';
import {
  COUNTER,
  YEARS_PARTITION,
  cardEntity,
  historyEntity,
  summaryEntity,
  yearKey,
} from '../../src/features/challenges/data/challenge-entities';
import { ChallengeRepository } from '../../src/features/challenges/data/challenge-repository';
import { buildChallengeReport } from '../../src/features/challenges/domain/challenge-report';
import { type ReportPeriod, quarterPeriod, rangePeriod, yearPeriod } from '../../src/features/challenges/domain/challenge-report-period';
import { ChallengeService } from '../../src/features/challenges/challenge-service';
import { ManualClock } from '../../src/platform/time/clock';
import { londonStartOfDay } from '../../src/platform/time/london';

/**
 * The report benchmark: 10,000 challenge cards over 5 years (2022-2026, 2,000 a year), each with
 * its card, summary and one history row per change, written in the repository's own entity
 * shapes; then the quarterly report, the year's report, the five-year report, "my challenge
 * cards" and the nudge scan are timed (median of several runs after a warm-up).
 * Run by npm run bench (tests/bench/run-bench.ts).
 */
export interface BenchResult {
  seeded: { cards: number; rows: number; seconds: number };
  timings: { name: string; cards: number; medianMs: number; maxMs: number }[];
}

const PEOPLE = Array.from({ length: 40 }, (_, i) => ({
  aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  name: `Person ${i}`,
}));
const NOW = '2026-12-31T12:00:00.000Z';

export async function runChallengeReportBench(
  table: TableClient,
  options: { cardsPerYear?: number; years?: number[]; runs?: number } = {},
): Promise<BenchResult> {
  const years = options.years ?? [2022, 2023, 2024, 2025, 2026];
  const perYear = options.cardsPerYear ?? 2000;
  const started = Date.now();
  const rows = await seed(table, years, perYear);
  const seeded = { cards: years.length * perYear, rows, seconds: (Date.now() - started) / 1000 };
  const clock = new ManualClock(NOW);
  // The report reads only; nothing here changes a card's status, so no audit entry is written.
  const service = new ChallengeService(new ChallengeRepository(table), { candidates: async () => [] }, clock, {
    record: async () => undefined,
  });
  const actor = { ...PEOPLE[3]!, tenantId: 't', role: 'panel' as const };
  const periods: [string, ReportPeriod][] = [
    ['report Q3 2026', quarterPeriod(2026, 3)],
    ['report Q1 2022', quarterPeriod(2022, 1)],
    ['report 2026', yearPeriod(2026)],
    ['report 2022-2026 (everything)', rangePeriod('2022-01-01', '2026-12-31')],
  ];
  const timings: BenchResult['timings'] = [];
  const repository = new ChallengeRepository(table);
  const q3 = quarterPeriod(2026, 3);
  timings.push(
    await time(
      'read Q3 2026 summaries only',
      options.runs ?? 5,
      async () => (await repository.listSummaries({ raisedBefore: q3.endExclusive, openOn: q3.start })).length,
    ),
  );
  const q3Summaries = await repository.listSummaries({ raisedBefore: q3.endExclusive, openOn: q3.start });
  timings.push(await time('Q3 2026 arithmetic only', options.runs ?? 5, async () => buildChallengeReport(q3Summaries, q3, NOW).inScope));
  for (const [name, period] of periods)
    timings.push(await time(name, options.runs ?? 5, async () => (await service.report(period)).inScope));
  timings.push(await time('CSV Q3 2026', options.runs ?? 5, async () => (await service.reportCsv(quarterPeriod(2026, 3))).csv.length));
  timings.push(await time('my challenge cards', options.runs ?? 5, async () => (await service.listMine(actor)).length));
  timings.push(
    await time('due for nudge', options.runs ?? 5, async () => (await service.dueForNudge(clock.now(), Duration.fromISO('P7D'))).length),
  );
  return { seeded, timings };
}

async function time(name: string, runs: number, work: () => Promise<number>): Promise<BenchResult['timings'][number]> {
  await work();
  const samples: number[] = [];
  let cards = 0;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    cards = await work();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { name, cards, medianMs: Math.round(samples[Math.floor(samples.length / 2)]!), maxMs: Math.round(samples[samples.length - 1]!) };
}

async function seed(table: TableClient, years: number[], perYear: number): Promise<number> {
  await table.upsertEntity(
    { partitionKey: YEARS_PARTITION, rowKey: YEARS_PARTITION, ...Object.fromEntries(years.map((y) => [`y${y}`, true])) },
    'Merge',
  );
  const random = mulberry32(20260814);
  let rows = 0;
  for (const year of years) {
    const partition = yearKey(year);
    const entities: object[] = [{ partitionKey: partition, rowKey: COUNTER, next: perYear + 1 }];
    const days = Array.from({ length: perYear }, () => Math.floor(random() * 365)).sort((a, b) => a - b);
    days.forEach((day, i) => {
      const { challenge, events } = aCard(year, i + 1, day, random);
      entities.push(cardEntity(challenge), summaryEntity(challenge), ...events.map(historyEntity));
    });
    rows += entities.length;
    const batches: TransactionAction[][] = [];
    for (let i = 0; i < entities.length; i += 100)
      batches.push(entities.slice(i, i + 100).map((entity) => ['create', entity] as TransactionAction));
    await inParallel(batches, 4, (batch) => table.submitTransaction(batch));
  }
  return rows;
}

/** A plausible life: most cards close in weeks or months, a few stay open for years. */
function aCard(year: number, number: number, dayOfYear: number, random: () => number): { challenge: Challenge; events: ChallengeEvent[] } {
  const raised = DateTime.utc(year, 1, 1).plus({ days: dayOfYear });
  const raisedOn = raised.toISODate()!;
  const reference = formatReference(year, number);
  const lead = PEOPLE[Math.floor(random() * 10)]!;
  const assignees = [PEOPLE[10 + Math.floor(random() * 30)]!, PEOPLE[10 + Math.floor(random() * 30)]!];
  const changes: StatusChange[] = [{ status: 'received', atUtc: toUtcIso(londonStartOfDay(raisedOn)) }];
  let at = raised.plus({ hours: 10 });
  const step = (status: ChallengeStatus, minDays: number, maxDays: number): boolean => {
    at = at.plus({ days: minDays + Math.floor(random() * (maxDays - minDays + 1)), minutes: Math.floor(random() * 600) });
    if (toUtcIso(at) >= NOW) return false;
    changes.push({ status, atUtc: toUtcIso(at) });
    return true;
  };
  const roll = random();
  if (roll < 0.1) step('redirected', 1, 14);
  else if (roll < 0.2) {
    if (step('declined', 1, 21) && random() < 0.9) step('informed', 7, 30);
  } else if (
    step('accepted', 1, 21) &&
    (random() < 0.3 || step('in_progress', 0, 30)) &&
    random() < 0.92 &&
    step('completed', 10, 150) &&
    random() < 0.8
  ) {
    step('informed', 5, 30);
  }
  const status = changes[changes.length - 1]!.status;
  const by = { aadObjectId: lead.aadObjectId, name: lead.name };
  const challenge: Challenge = {
    reference,
    title: `Challenge ${reference}: more help with council tax and rent for care leavers`,
    words: 'When we leave care we get council tax bills straight away and nobody tells us what to do. '.repeat(3),
    raisingGroup: RAISING_GROUPS[Math.floor(random() * 4)]!,
    raisedOn,
    priorityArea: PRIORITY_AREAS[Math.floor(random() * 4)]!,
    leadOfficer: by,
    assignees,
    dueOn: raised.plus({ days: 60 + Math.floor(random() * 60) }).toISODate()!,
    status,
    statusChanges: changes,
    version: changes.length,
    createdBy: by,
    createdAtUtc: toUtcIso(raised.plus({ hours: 10 })),
    updatedAtUtc: changes[changes.length - 1]!.atUtc,
  };
  if (changes[1]) challenge.firstResponseAtUtc = changes[1].atUtc;
  if (['declined', 'redirected', 'completed', 'informed'].includes(status))
    challenge.explanation = 'Kent now offers a rent guarantor scheme and council tax help for care leavers up to 25.';
  if (['completed', 'informed'].includes(status))
    challenge.outcome = 'Cabinet agreed the guarantor scheme and a council tax exemption; the leaving care team now offers both.';
  const events: ChallengeEvent[] = [
    { reference, key: 'created', by, atUtc: challenge.createdAtUtc, kind: 'created', toStatus: 'received' },
  ];
  changes.slice(1).forEach((change, i) => {
    events.push({
      reference,
      key: `v${String(i + 1).padStart(7, '0')}.${lead.aadObjectId}`,
      by,
      atUtc: change.atUtc,
      kind: 'response',
      text: 'Progress update for the children in care council.',
      fromStatus: changes[i]!.status,
      toStatus: change.status,
    });
  });
  return { challenge, events };
}

async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/** A small seeded PRNG, so every run seeds the same cards. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Prints the figures: the quarterly report must stay under a second (partitioned by year raised). */
export async function printChallengeReportBench(connectionString: string): Promise<void> {
  const store = new TableStore(connectionString, 'benchcc');
  await store.ensureTables();
  const result = await runChallengeReportBench(store.client('challenges'));
  console.log(
    `challenge report: seeded ${result.seeded.cards} cards (${result.seeded.rows} rows) over 5 years in ${result.seeded.seconds.toFixed(1)} s`,
  );
  for (const timing of result.timings) {
    const scope = timing.name.startsWith('CSV') ? 'bytes of CSV ' : 'cards in scope';
    console.log(
      `  ${timing.name.padEnd(34)} ${String(timing.cards).padStart(6)} ${scope}   median ${timing.medianMs.toFixed(1)} ms   max ${timing.maxMs.toFixed(1)} ms`,
    );
  }
  const quarter = result.timings.find((t) => t.name === 'report Q3 2026');
  console.log(
    `  quarterly report ${quarter && quarter.medianMs < 1000 ? 'within' : 'OVER'} the 1 s target (each report reads only the year partitions and summary rows of its period)`,
  );
}
