import { performance } from 'node:perf_hooks';
import { compose, type Composition } from '../../src/app/composition';
import { loadConfig } from '../../src/app/config';
import { silentLogger } from '../../src/platform/logging/logger';
import { type Meeting, meetingIdFor } from '../../src/features/meetings/domain/meeting';
import { KnowledgeBase } from '../../src/features/remit/domain/knowledge-base';
import { startEmbeddedAzurite } from '../../src/platform/storage/embedded-azurite';
import { TableStore } from '../../src/platform/storage/table-store';
import { EmulatedConnector } from '../support/emulated-connector';
import { TravelClock } from '../support/travel-clock';
import { ms, percentile } from './bench-stats';
import { teamsPersonalChatId, teamsUserId } from '../support/teams-ids';
import { seedRolesIn } from '../support/seed-roles';

const MEMBERS = 200;
const FIRST_MEETING = '2027-01-04T10:00:00.000Z';

function meeting(index: number): Meeting {
  const start = new Date(Date.parse(FIRST_MEETING) + index * 86_400_000).toISOString();
  return {
    id: meetingIdFor('officer', `bench-${index}`),
    source: 'officer',
    sourceId: `bench-${index}`,
    committee: 'Corporate Parenting Panel',
    title: `Panel meeting ${index}`,
    startUtc: start,
    zone: 'Europe/London',
    allDay: false,
    venue: 'Darent Room',
    status: 'scheduled',
    agenda: { published: false, items: [] },
    minutes: { published: false },
    documents: [],
    sequence: 0,
    createdAt: start,
    updatedAt: start,
  };
}

async function world(
  connectionString: string,
  prefix: string,
  meetings: number,
  connector: EmulatedConnector,
  clock: TravelClock,
): Promise<Composition> {
  const store = new TableStore(connectionString, prefix);
  await store.ensureTables();
  const config = {
    ...loadConfig({ NODE_ENV: 'test', REMINDER_OFFSETS: 'P7D,P1D', LOG_LEVEL: 'silent' }),
    publicBaseUrl: 'https://cpp.example.org',
  };
  const composition = compose(config, store, KnowledgeBase.loadFromDirectory(), clock, silentLogger());
  for (let i = 0; i < MEMBERS; i++) {
    await composition.services.members.recordSighting({
      aadObjectId: `m-${i}`,
      name: `Cllr ${i}`,
      tenantId: 't',
      teamsUserId: teamsUserId(`${i}`),
      personalConversationReference: connector.reference(teamsPersonalChatId(`${prefix}-${i}`)),
    });
  }
  // Reminders reach panel members (and officers); a person the bot has only seen is a guest.
  await seedRolesIn(
    store,
    Array.from({ length: MEMBERS }, (_, i) => ({ aadObjectId: `m-${i}` })),
  );
  for (let i = 0; i < meetings; i++) await composition.services.meetings.repository.create(meeting(i));
  await composition.reminders.planUpcoming();
  return composition;
}

const DUE_SAMPLES = 5;

/**
 * Median of 20 ticks with nothing due, and of 5 ticks that each find one week-ahead reminder due
 * (meetings 0..4 on consecutive days, so exactly one job is due each time) and fan it out to 200 members.
 */
async function tickCosts(composition: Composition, clock: TravelClock): Promise<{ idle: number; due: number }> {
  clock.travelTo('2026-12-20T09:00:00Z');
  const idleSamples: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    await composition.scheduler.tick();
    idleSamples.push(performance.now() - started);
  }
  const dueSamples: number[] = [];
  for (let day = 0; day < DUE_SAMPLES; day++) {
    clock.travelTo(new Date(Date.parse('2026-12-28T10:00:01Z') + day * 86_400_000).toISOString());
    const started = performance.now();
    const ran = await composition.scheduler.tick();
    dueSamples.push(performance.now() - started);
    if (ran !== 1) throw new Error(`expected one due job, ran ${ran}`);
  }
  // Each due tick must really have fanned its reminder out, or the figure measures nothing.
  const queued = composition.tables
    .client('outbox')
    .listEntities({ queryOptions: { filter: "RowKey ge 'm_' and RowKey lt 'm`'", select: ['RowKey'] } });
  let rows = 0;
  for await (const _row of queued) rows++;
  if (rows !== DUE_SAMPLES * MEMBERS) throw new Error(`expected ${DUE_SAMPLES * MEMBERS} reminders in the outbox, found ${rows}`);
  return { idle: percentile(idleSamples, 50), due: percentile(dueSamples, 50) };
}

/** Reminders due in the next seconds, with the real scheduler poll and dispatcher: due -> accepted at the connector. */
async function lateness(connectionString: string, connector: EmulatedConnector): Promise<number[]> {
  const clock = new TravelClock();
  const store = new TableStore(connectionString, 'benchlate');
  await store.ensureTables();
  const config = {
    ...loadConfig({ NODE_ENV: 'test', REMINDER_OFFSETS: 'PT1H', SCHEDULER_POLL_INTERVAL: 'PT1S', LOG_LEVEL: 'silent' }),
    publicBaseUrl: 'https://cpp.example.org',
  };
  const composition = compose(config, store, KnowledgeBase.loadFromDirectory(), clock, silentLogger());
  for (let i = 0; i < 20; i++) {
    await composition.services.members.recordSighting({
      aadObjectId: `l-${i}`,
      name: `Cllr ${i}`,
      tenantId: 't',
      teamsUserId: teamsUserId(`l${i}`),
      personalConversationReference: connector.reference(teamsPersonalChatId(`late-${i}`)),
    });
  }
  await seedRolesIn(
    store,
    Array.from({ length: 20 }, (_, i) => ({ aadObjectId: `l-${i}` })),
  );
  const dueAt = new Map<string, number>();
  const base = Date.now() + 3_000;
  for (let i = 0; i < 10; i++) {
    const due = base + i * 700;
    const start = new Date(due + 3_600_000).toISOString();
    const m = { ...meeting(10_000 + i), startUtc: start, title: `Lateness meeting ${i}` };
    await composition.services.meetings.repository.create(m);
    await composition.reminders.plan(m);
    dueAt.set(`Lateness meeting ${i}`, due);
  }
  const arrivals: number[] = [];
  const seen = new Set<string>();
  connector.onAccepted = (activity, at) => {
    const text = JSON.stringify(activity);
    for (const [title, due] of dueAt) {
      const key = `${title}|${String((activity.conversation as { id?: string }).id)}`;
      if (text.includes(title) && !seen.has(key)) {
        seen.add(key);
        arrivals.push(at - due);
      }
    }
  };
  composition.workers.start();
  const deadline = Date.now() + 30_000;
  while (arrivals.length < 200 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await composition.workers.stop();
  connector.onAccepted = undefined;
  if (arrivals.length < 200) throw new Error(`only ${arrivals.length} of 200 reminders arrived`);
  return arrivals;
}

/** Issue 3's figures: scheduler tick cost against history size, and reminder lateness. */
export async function runReminderBench(): Promise<void> {
  const azurite = await startEmbeddedAzurite();
  const connector = new EmulatedConnector();
  await connector.start();
  try {
    const smallClock = new TravelClock();
    const smallWorld = await world(azurite.connectionString, 'benchsmall2', 10, connector, smallClock);
    const bigClock = new TravelClock();
    const bigWorld = await world(azurite.connectionString, 'benchbig', 1000, connector, bigClock);
    const smallCost = await tickCosts(smallWorld, smallClock);
    const bigCost = await tickCosts(bigWorld, bigClock);
    console.log(`scheduler tick, ${MEMBERS} members (2 reminder jobs per meeting planned):`);
    console.log(
      `  idle tick:   10 meetings ${ms(smallCost.idle)}   1,000 meetings ${ms(bigCost.idle)}   ratio ${(bigCost.idle / smallCost.idle).toFixed(2)}x`,
    );
    console.log(
      `  due tick (1 reminder -> ${MEMBERS} outbox rows): 10 meetings ${ms(smallCost.due)}   1,000 meetings ${ms(bigCost.due)}   ratio ${(bigCost.due / smallCost.due).toFixed(2)}x (target: flat)`,
    );
    const late = await lateness(azurite.connectionString, connector);
    console.log(
      `reminder lateness (due -> accepted at the emulated connector, scheduler poll 1 s, 200 reminders): p50 ${ms(percentile(late, 50))}  p99 ${ms(percentile(late, 99))}  max ${ms(Math.max(...late))}`,
    );
  } finally {
    await connector.stop();
    await azurite.stop();
  }
}
