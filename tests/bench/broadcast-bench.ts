import { performance } from 'node:perf_hooks';
import { DeliveryControl } from '../../src/platform/delivery/delivery-control';
import { DeliveryDispatcher, type DeliveryDispatcherOptions, type KillReport } from '../../src/platform/delivery/delivery-dispatcher';
import { DeliveryService } from '../../src/platform/delivery/delivery-service';
import { OutboxStore } from '../../src/platform/delivery/outbox-store';
import { UnreachableMembers } from '../../src/platform/delivery/unreachable-members';
import { silentLogger } from '../../src/platform/logging/logger';
import { type EmbeddedAzurite, startEmbeddedAzurite } from '../../src/platform/storage/embedded-azurite';
import { TableStore } from '../../src/platform/storage/table-store';
import { TeamsProactiveSender } from '../../src/platform/teams/teams-proactive-sender';
import { SystemClock } from '../../src/platform/time/clock';
import { EmulatedConnector, type FaultRule, markerCard } from '../support/emulated-connector';
import { mib } from './bench-stats';
import { teamsPersonalChatId } from '../support/teams-ids';

/** The configured per-app rate: 5,000 messages take 25 s at best, so the whole bench stays near a minute and a half. */
const RATE_PER_SECOND = 200;
const ENQUEUE_SLICE = 500;
const LEASE_MS = 10_000;

/** 5% 429 with Retry-After: 1, then 1% (of all requests) 503. */
const FAULTS: FaultRule[] = [
  { probability: 0.05, fault: { kind: 'status', status: 429, retryAfterSeconds: 1, code: 'Throttled' } },
  { probability: 0.01 / 0.95, fault: { kind: 'status', status: 503, code: 'ServiceUnavailable' } },
];

interface RunFigures {
  n: number;
  ratePerSecond: number;
  seconds: number;
  requests: number;
  delivered: number;
  duplicates: number;
  lost: number;
  rateLimit429: number;
  injected429: number;
  status503: number;
  steadyDeliveredPerSecond: number;
  steadyRequestsPerSecond: number;
  peakRss: number;
  peakHeap: number;
  rssAtStart: number;
  kill?: KillReport;
}

let runNumber = 0;

interface RunOptions {
  /** The app rate configured and enforced by the connector. */
  ratePerSecond: number;
  /** Dispatcher tuning; omitted: the production defaults (1 s polls, 60 s lease, 1 s heartbeats, dead after 5 s). */
  tuning?: Partial<DeliveryDispatcherOptions>;
  /** Kill -9 the dispatcher once this fraction has arrived, then start a successor. */
  kill?: { at: number; successor: 'restart' | 'other instance' };
}

/** One broadcast of `n` messages through outbox -> dispatcher -> TeamsProactiveSender -> emulated connector. */
async function broadcastRun(azurite: EmbeddedAzurite, n: number, faults: FaultRule[], options: RunOptions): Promise<RunFigures> {
  const clock = new SystemClock();
  const store = new TableStore(azurite.connectionString, `bench${++runNumber}`);
  await store.ensureTables();
  const connector = new EmulatedConnector({ appRatePerSecond: options.ratePerSecond, faults, seed: runNumber });
  await connector.start();
  const outbox = new OutboxStore(store.client('outbox'), clock);
  const unreachable = new UnreachableMembers(store.client('unreachable'), clock);
  const service = new DeliveryService(outbox, unreachable, clock);
  const sender = new TeamsProactiveSender({ logger: silentLogger(), timeoutMs: 5_000 });
  const dispatcher = (instanceId: string) =>
    new DeliveryDispatcher({
      outbox,
      control: new DeliveryControl(store.client('outbox')),
      unreachable,
      sender,
      clock,
      logger: silentLogger(),
      instanceId,
      ratePerSecond: options.ratePerSecond,
      ...options.tuning,
    });
  const batchId = `bench-${runNumber}`;
  for (let start = 0; start < n; start += ENQUEUE_SLICE) {
    const slice = Array.from({ length: Math.min(ENQUEUE_SLICE, n - start) }, (_, k) => {
      const i = start + k;
      return {
        batchId,
        dedupeKey: `${batchId}:${i}`,
        recipient: { aadObjectId: `member-${i}`, conversationReference: connector.reference(teamsPersonalChatId(`conv-${i}`)) },
        card: markerCard(`${batchId}:${i}`),
      };
    });
    await service.enqueueMany(slice);
  }

  const rssAtStart = gcAndRss();
  const memory = { peakRss: rssAtStart, peakHeap: 0 };
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    memory.peakRss = Math.max(memory.peakRss, usage.rss);
    memory.peakHeap = Math.max(memory.peakHeap, usage.heapUsed);
  }, 100);
  const started = performance.now();
  let active = dispatcher('bench-instance-0');
  active.start();
  const delivered = deliveryMarks(connector, n);
  let kill: KillReport | undefined;
  if (options.kill) {
    await waitUntil(() => connector.acceptedCounts().size >= n * options.kill!.at, 5);
    kill = active.kill(); // kill -9: in-flight results and unsent claims are abandoned
    // A fresh process: the same instance restarted (a new boot of its name), or another instance.
    active = dispatcher(options.kill.successor === 'restart' ? 'bench-instance-0' : 'bench-instance-1');
    active.start();
  }
  const marks = await delivered;
  const seconds = (performance.now() - started) / 1_000;
  clearInterval(sampler);
  // Wait for the records too, so late duplicates are counted.
  await waitUntil(async () => (await service.progress(batchId)).pending === 0, 1_000);
  await active.stop();
  await connector.stop();
  const figures: RunFigures = {
    n,
    ratePerSecond: options.ratePerSecond,
    seconds,
    requests: connector.requests,
    delivered: connector.acceptedCounts().size,
    duplicates: connector.duplicates(),
    lost: n - connector.acceptedCounts().size,
    rateLimit429: connector.rateLimited.app + connector.rateLimited.conversation,
    injected429: connector.injected.get(429) ?? 0,
    status503: connector.count(503),
    steadyDeliveredPerSecond: (0.8 * n) / ((marks.p90.atMs - marks.p10.atMs) / 1_000),
    steadyRequestsPerSecond: (marks.p90.requests - marks.p10.requests) / ((marks.p90.atMs - marks.p10.atMs) / 1_000),
    ...memory,
    rssAtStart,
    kill,
  };
  return figures;
}

interface Mark {
  atMs: number;
  requests: number;
}

/** When 10% and 90% of the messages had arrived (and how many requests by then); resolves when all have. */
async function deliveryMarks(connector: EmulatedConnector, n: number): Promise<{ p10: Mark; p90: Mark }> {
  let p10: Mark | undefined;
  let p90: Mark | undefined;
  await waitUntil(
    () => {
      const distinct = connector.acceptedCounts().size;
      if (!p10 && distinct >= 0.1 * n) p10 = { atMs: performance.now(), requests: connector.requests };
      if (!p90 && distinct >= 0.9 * n) p90 = { atMs: performance.now(), requests: connector.requests };
      return distinct >= n;
    },
    20,
    240_000,
  );
  return { p10: p10!, p90: p90! };
}

async function waitUntil(check: () => boolean | Promise<boolean>, everyMs = 50, timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('broadcast bench: timed out');
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

function gcAndRss(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss;
}

function fraction(perSecond: number, limit: number): string {
  return `${perSecond.toFixed(1)}/s = ${(perSecond / limit).toFixed(3)} of the limit`;
}

function report(label: string, f: RunFigures): void {
  console.log(
    `  ${label}: N=${f.n} in ${f.seconds.toFixed(1)} s; requests ${f.requests} (${f.injected429} injected 429, ${f.rateLimit429} rate-limit 429, ${f.status503} 503)`,
  );
  console.log(
    `    requests at the connector: ${fraction(f.steadyRequestsPerSecond, f.ratePerSecond)} from 10% to 90% delivered (target >= 0.97), ${fraction(f.requests / f.seconds, f.ratePerSecond)} end to end`,
  );
  console.log(
    `    messages delivered:        ${fraction(f.steadyDeliveredPerSecond, f.ratePerSecond)} from 10% to 90% delivered, ${fraction(f.n / f.seconds, f.ratePerSecond)} end to end`,
  );
  console.log(
    `    duplicates ${f.duplicates} (target 0${f.kill ? `; <= in-flight window ${f.kill.inFlight}` : ''}), lost ${f.lost} (target 0)${f.kill ? `; killed with ${f.kill.inFlight} sends in flight and ${f.kill.held} claimed rows unsent` : ''}`,
  );
}

/** The killed run's end-to-end rate against the undisturbed one's (target >= 0.8). */
function killRatio(label: string, undisturbed: RunFigures, killed: RunFigures): void {
  const ratio = killed.n / killed.seconds / (undisturbed.n / undisturbed.seconds);
  const beyond = Math.max(0, killed.duplicates - (killed.kill?.inFlight ?? 0));
  console.log(
    `    ${label}: ${(killed.n / killed.seconds).toFixed(1)}/s vs ${(undisturbed.n / undisturbed.seconds).toFixed(1)}/s undisturbed = ${ratio.toFixed(2)} (target >= 0.80); lost ${killed.lost}, duplicates beyond the sends in flight ${beyond} (target 0)`,
  );
}

/**
 * Issue figures for the delivery engine: a 5,000-member broadcast through the full path at a
 * configured rate of 200/s, against an emulated connector that enforces that rate and the
 * per-conversation limits and injects 5% 429 (Retry-After 1 s) and 1% 503; the same with the
 * dispatcher killed halfway and restarted; RSS during a broadcast of 1,000 vs 5,000; and the
 * kill -9 case as first measured (2,000 and 200 recipients at 50/s with production timings,
 * killed a third of the way through), with a restart of the same instance and with another
 * instance taking over.
 */
export async function runBroadcastBench(): Promise<void> {
  const azurite = await startEmbeddedAzurite();
  try {
    const fast: RunOptions = {
      ratePerSecond: RATE_PER_SECOND,
      tuning: { pollIntervalMs: 100, leaseMs: LEASE_MS, backoff: { baseMs: 250, maxMs: 4_000 } },
    };
    console.log(
      `broadcast: configured rate ${RATE_PER_SECOND}/s per app; connector enforces it plus 7/1 s, 8/2 s, 60/30 s per conversation`,
    );
    const clean = await broadcastRun(azurite, 1_000, [], fast);
    report('baseline, no injected faults', clean);
    const small = await broadcastRun(azurite, 1_000, FAULTS, fast);
    report('5% 429 + 1% 503', small);
    const full = await broadcastRun(azurite, 5_000, FAULTS, fast);
    report('5% 429 + 1% 503', full);
    console.log(`    (6% of requests are refused by injection and spend a slot, so delivered/s can reach at most ~0.94 of the limit)`);
    const killed = await broadcastRun(azurite, 5_000, FAULTS, { ...fast, kill: { at: 0.5, successor: 'restart' } });
    report('killed halfway, the instance restarted', killed);
    killRatio('killed halfway and restarted', full, killed);
    console.log(`  memory during the broadcast (peak RSS / peak V8 heap; RSS at its start after GC):`);
    console.log(`    N=1,000: ${mib(small.peakRss)} / ${mib(small.peakHeap)} (start ${mib(small.rssAtStart)})`);
    console.log(`    N=5,000: ${mib(full.peakRss)} / ${mib(full.peakHeap)} (start ${mib(full.rssAtStart)})`);
    console.log(
      `    growth over the broadcast: N=1,000 ${mib(small.peakRss - small.rssAtStart)}, N=5,000 ${mib(full.peakRss - full.rssAtStart)}`,
    );

    const production: RunOptions = { ratePerSecond: 50 };
    console.log(
      `broadcast, kill -9 as first measured: 50/s, 5% 429 + 1% 503, production dispatcher timings (60 s lease, dead after 5 s without a heartbeat)`,
    );
    const undisturbed = await broadcastRun(azurite, 2_000, FAULTS, production);
    report('2,000, undisturbed', undisturbed);
    const restarted = await broadcastRun(azurite, 2_000, FAULTS, { ...production, kill: { at: 1 / 3, successor: 'restart' } });
    report('2,000, killed a third of the way, the instance restarted', restarted);
    const replaced = await broadcastRun(azurite, 2_000, FAULTS, { ...production, kill: { at: 1 / 3, successor: 'other instance' } });
    report('2,000, killed a third of the way, another instance took over', replaced);
    const fewUndisturbed = await broadcastRun(azurite, 200, FAULTS, production);
    report('200, undisturbed', fewUndisturbed);
    const fewRestarted = await broadcastRun(azurite, 200, FAULTS, { ...production, kill: { at: 1 / 3, successor: 'restart' } });
    report('200, killed a third of the way, the instance restarted', fewRestarted);
    console.log('  kill -9 phase against the undisturbed rate (end to end):');
    killRatio('2,000 restarted', undisturbed, restarted);
    killRatio('2,000 other instance', undisturbed, replaced);
    killRatio('200 restarted', fewUndisturbed, fewRestarted);
  } finally {
    await azurite.stop();
  }
}
