import fs from 'node:fs';
import os from 'node:os';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { DateTime } from 'luxon';
import { AttendanceBook } from '../../src/features/attendance/data/attendance-book';
import { ChallengeDesk } from '../../src/features/challenges/challenge-desk';
import { ChallengeService } from '../../src/features/challenges/challenge-service';
import { ChallengeRepository } from '../../src/features/challenges/data/challenge-repository';
import { challengeAreaChart, challengeTrendChart } from '../../src/features/challenges/domain/challenge-report-chart';
import { challengeReportDocument } from '../../src/features/challenges/domain/challenge-report-document';
import { quarterPeriod, yearPeriod } from '../../src/features/challenges/domain/challenge-report-period';
import { EventInvitations } from '../../src/features/events/data/event-invitations';
import { EventRepository } from '../../src/features/events/data/event-repository';
import { RsvpBook } from '../../src/features/events/data/rsvp-book';
import type { ParticipationEvent } from '../../src/features/events/domain/event';
import type { Member } from '../../src/features/members/domain/member';
import { ParticipationDesk } from '../../src/features/participation/participation-desk';
import { participationTrendChart } from '../../src/features/participation/domain/participation-chart';
import { participationDocument } from '../../src/features/participation/participation-document';
import { ChartRenderer } from '../../src/platform/charts/chart-renderer';
import { SignedLinks } from '../../src/platform/security/signed-links';
import { TableStore } from '../../src/platform/storage/table-store';
import { ManualClock } from '../../src/platform/time/clock';

/**
 * Charts and committee documents at scale: the 10,000 challenge cards the challenge report bench
 * seeded (prefix `benchcc`), and a year of participation events for 200 members (48 events, every
 * member invited, 60% replying, 30% attending). Each figure is the median of several runs after a
 * warm-up; the ratio is to the plain quarterly report (data only) measured in the same process.
 */
const MEMBERS: Member[] = Array.from({ length: 200 }, (_, i) => ({
  aadObjectId: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`,
  name: `Cllr Member ${String(i).padStart(3, '0')}`,
  tenantId: 't',
  teamsUserId: `29:m${i}`,
  active: true,
  lastSeen: DateTime.utc(),
  remindersOff: false,
}));
const OFFICER = { aadObjectId: '11111111-1111-4111-8111-111111111111', name: 'Bench Officer', tenantId: 't', role: 'officer' as const };
const NOW = '2026-12-31T12:00:00.000Z';
const RUNS = 5;

export async function printEvidenceBench(connectionString: string, storagePid?: number): Promise<void> {
  const time = timer(storagePid);
  const cards = new TableStore(connectionString, 'benchcc');
  const store = new TableStore(connectionString, 'benchev');
  await store.ensureTables();
  const clock = new ManualClock(NOW);
  const started = Date.now();
  const rows = await seedParticipation(store);
  console.log(
    `evidence: seeded 48 participation events for ${MEMBERS.length} members (${rows} rows) in ${((Date.now() - started) / 1000).toFixed(1)} s; load average ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')} on ${os.cpus().length} CPUs`,
  );
  const charts = new ChartRenderer();
  const links = new SignedLinks('bench-secret-bench-secret-bench-secret-1234', clock);
  const service = new ChallengeService(new ChallengeRepository(cards.client('challenges')), { candidates: async () => [] }, clock, {
    record: async () => undefined,
  });
  const roles = { holdingOf: async () => ({ role: 'officer' as const, councillor: false }) };
  const desk = new ChallengeDesk({
    service,
    members: { list: async () => MEMBERS } as never,
    roles: roles as never,
    teams: { list: async () => [] } as never,
    delivery: {} as never,
    jobs: {} as never,
    links,
    charts,
    clock,
    nudgeInterval: {} as never,
    publicBaseUrl: 'https://bot.example',
  });
  const participation = new ParticipationDesk({
    events: new EventRepository(store.client('events')),
    invitations: new EventInvitations(store.client('eventinvites'), clock),
    rsvps: new RsvpBook(store.client('rsvps'), clock),
    attendance: new AttendanceBook(store.client('attendance')),
    councillors: { listCouncillors: async () => MEMBERS },
    roles,
    charts,
    links,
    clock,
    publicBaseUrl: 'https://bot.example',
  });
  const q3 = quarterPeriod(2026, 3);
  const { report, quarters, completed } = await service.committeePaper(q3);
  const participationReport = await participation.report(yearPeriod(2026));
  const signed = (purpose: string, from: string, to: string) =>
    new URLSearchParams(
      `from=${from}&to=${to}&${links.sign({ purpose, subject: `${from}_${to}`, aadObjectId: OFFICER.aadObjectId }).toString()}`,
    );

  const baseline = await time('challenge report Q3 2026 (data only, baseline)', async () => (await service.report(q3)).inScope);
  const timings = [
    baseline,
    await time('chart: cards by priority area and status', async () => charts.png(await charts.draw(challengeAreaChart(report)), 1).length),
    await time('chart: four-quarter trend', async () => charts.png(await charts.draw(challengeTrendChart(quarters)), 2).length),
    await time(
      `Word document only (${completed.length} completed cards)`,
      async () =>
        (
          await challengeReportDocument(
            {
              report,
              areaChart: await charts.draw(challengeAreaChart(report)),
              trendChart: await charts.draw(challengeTrendChart(quarters)),
              completed,
              nowUtc: NOW,
            },
            charts,
          )
        ).length,
    ),
    await time(
      'challenge report card with chart (end to end)',
      async () => JSON.stringify(await desk.report(OFFICER, 'challenge report for Q3 2026')).length,
    ),
    await time(
      'challenge Word report (end to end: data, trend, outcomes, charts)',
      async () => (await desk.reportDocx(signed('challenge-report-docx', q3.start, q3.end)))!.body.length,
    ),
    await time(
      'participation chart + Word document only (200 members)',
      async () =>
        (await participationDocument(participationReport, await charts.draw(participationTrendChart(participationReport)), charts, NOW))
          .length,
    ),
    await time(
      'participation report card 2026 (end to end)',
      async () => JSON.stringify(await participation.reportCard(OFFICER, 'participation report for 2026')).length,
    ),
    await time(
      'participation Word report 2026 (end to end)',
      async () => (await participation.reportDocx(signed('participation-docx', '2026-01-01', '2026-12-31')))!.body.length,
    ),
  ];
  console.log(
    '  (wall: elapsed on this machine; CPU: this process, the figure the load of other work on the machine barely moves; storage CPU: the',
  );
  console.log('   Azurite process, which scans the whole table for every query where Azure Tables reads just the partition)');
  for (const timing of timings) {
    console.log(
      `  ${timing.name.padEnd(66)} wall ${ms(timing.medianMs)}   CPU ${ms(timing.cpuMs)}   storage CPU ${timing.storageCpuMs === undefined ? '    -' : ms(timing.storageCpuMs)}   ${(timing.cpuMs / Math.max(1, baseline.cpuMs)).toFixed(1)}x baseline CPU   (${timing.size} bytes)`,
    );
  }
  const cardBytes = JSON.stringify(await desk.report(OFFICER, 'challenge report for Q3 2026')).length;
  const participationBytes = JSON.stringify(await participation.reportCard(OFFICER, 'participation report for 2026')).length;
  console.log(`  card sizes: challenge report ${cardBytes} bytes, participation report ${participationBytes} bytes (Teams limit ~28,000)`);
  const worst = timings.slice(1).reduce((slowest, timing) => (timing.cpuMs > slowest.cpuMs ? timing : slowest));
  console.log(
    `  charts and documents ${worst.cpuMs < 1000 ? 'within' : 'OVER'} the 1 s target in CPU time (slowest: ${worst.name}, ${worst.cpuMs} ms CPU, ${worst.medianMs} ms wall; load average ${os.loadavg()[0]!.toFixed(2)})`,
  );
}

function ms(value: number): string {
  return `${String(value).padStart(5)} ms`;
}

interface Timing {
  name: string;
  medianMs: number;
  maxMs: number;
  /** Median CPU time of this process per run. */
  cpuMs: number;
  /** Median CPU time of the storage emulator per run, where the platform lets us read it. */
  storageCpuMs?: number;
  size: number;
}

/** Medians of RUNS runs after a warm-up: wall time, this process's CPU time and the storage emulator's. */
function timer(storagePid: number | undefined): (name: string, work: () => Promise<number>) => Promise<Timing> {
  return async (name, work) => {
    let size = await work();
    const wall: number[] = [];
    const cpu: number[] = [];
    const storage: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const startCpu = process.cpuUsage();
      const startStorage = processCpuMs(storagePid);
      const start = process.hrtime.bigint();
      size = await work();
      wall.push(Number(process.hrtime.bigint() - start) / 1e6);
      const used = process.cpuUsage(startCpu);
      cpu.push((used.user + used.system) / 1000);
      const endStorage = processCpuMs(storagePid);
      if (startStorage !== undefined && endStorage !== undefined) storage.push(endStorage - startStorage);
    }
    return {
      name,
      medianMs: median(wall),
      maxMs: Math.round(Math.max(...wall)),
      cpuMs: median(cpu),
      ...(storage.length === RUNS ? { storageCpuMs: median(storage) } : {}),
      size,
    };
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]!);
}

/** User + system CPU of another process from /proc (Linux; clock ticks of 10 ms), or undefined. */
function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

async function seedParticipation(store: TableStore): Promise<number> {
  const events = new EventRepository(store.client('events'));
  const kinds = ['vsk-activity', 'achievement-awards', 'foster-carer', 'participation'] as const;
  let rows = 0;
  for (let e = 0; e < 48; e++) {
    const start = DateTime.utc(2026, 1, 5).plus({ days: e * 7, hours: 10 });
    const id = `ev-${String(e).padStart(24, '0')}`;
    const event: ParticipationEvent = {
      id,
      title: `Participation event ${e}`,
      kind: kinds[e % kinds.length]!,
      startUtc: start.toISO()!,
      endUtc: start.plus({ hours: 2 }).toISO()!,
      zone: 'Europe/London',
      venue: 'County Hall',
      rsvpByUtc: start.toISO()!,
      audience: { kind: 'panel' },
      shortNotice: false,
      status: 'scheduled',
      lastChanges: [],
      sequence: 0,
      createdBy: { aadObjectId: 'o', name: 'O' },
      createdAt: NOW,
      updatedAt: NOW,
    };
    await events.create(event).catch(() => undefined);
    const at = start.toISO()!;
    rows += await inChunks(
      store.client('eventinvites'),
      MEMBERS.map((m) => ({ partitionKey: id, rowKey: m.aadObjectId, name: m.name, invitedAtUtc: at })),
    );
    rows += await inChunks(
      store.client('rsvps'),
      MEMBERS.filter((_, i) => (i + e) % 10 < 6).map((m) => ({
        partitionKey: id,
        rowKey: m.aadObjectId,
        name: m.name,
        response: 'going',
        respondedAtUtc: at,
        firstRespondedAtUtc: at,
      })),
    );
    rows += await inChunks(
      store.client('attendance'),
      MEMBERS.filter((_, i) => (i + e) % 10 < 3).map((m) => ({
        partitionKey: id,
        rowKey: `rec|${m.aadObjectId}`,
        name: m.name,
        status: 'attended',
        source: 'officer',
        byId: 'o',
        byName: 'O',
        atUtc: at,
        submissionId: 'seed',
      })),
    );
  }
  return rows;
}

async function inChunks(table: TableClient, entities: { partitionKey: string; rowKey: string }[]): Promise<number> {
  for (let i = 0; i < entities.length; i += 100)
    await table.submitTransaction(entities.slice(i, i + 100).map((entity): TransactionAction => ['upsert', entity, 'Replace']));
  return entities.length;
}
