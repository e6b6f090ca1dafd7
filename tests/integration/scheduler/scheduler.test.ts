import { DateTime, Duration } from 'luxon';
import { silentLogger } from '../../../src/platform/logging/logger';
import { JobStore } from '../../../src/platform/scheduler/job-store';
import type { JobOutcome, ScheduledJob } from '../../../src/platform/scheduler/scheduled-job';
import { DEFAULT_SCHEDULER_OPTIONS, Scheduler } from '../../../src/platform/scheduler/scheduler';
import { ManualClock } from '../../../src/platform/time/clock';
import { testTableStore } from '../../support/test-storage';

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });

async function setUp() {
  const store = new JobStore((await testTableStore()).client('jobs'));
  const clock = new ManualClock('2026-11-23T09:00:00Z');
  const runs: string[] = [];
  const handler = async (job: ScheduledJob): Promise<JobOutcome> => {
    runs.push(job.key);
    return { kind: 'done' };
  };
  const scheduler = (h = handler) =>
    new Scheduler(store, { test: h }, clock, silentLogger(), { ...DEFAULT_SCHEDULER_OPTIONS, batchSize: 10 });
  return { store, clock, runs, scheduler };
}

describe('Scheduler and JobStore against Azurite', () => {
  it('runs a job only once it is due, then never again', async () => {
    const { store, clock, runs, scheduler } = await setUp();
    await store.schedule({ key: 'k1', kind: 'test', due: at('2026-11-23T10:00:00Z'), payload: { n: 1 } });
    expect(await scheduler().tick()).toBe(0);
    clock.set(at('2026-11-23T10:00:00Z'));
    expect(await scheduler().tick()).toBe(1);
    expect(await scheduler().tick()).toBe(0);
    expect(runs).toEqual(['k1']);
  });

  it('moves a job scheduled again under the same key, and cancels by key prefix', async () => {
    const { store, clock, runs, scheduler } = await setUp();
    await store.schedule({ key: 'meeting:m1:P1D', kind: 'test', due: at('2026-11-23T10:00:00Z'), payload: {} });
    await store.schedule({ key: 'meeting:m1:P1D', kind: 'test', due: at('2026-11-25T10:00:00Z'), payload: {} });
    await store.schedule({ key: 'meeting:m1:P7D', kind: 'test', due: at('2026-11-24T10:00:00Z'), payload: {} });
    await store.schedule({ key: 'meeting:m2:P7D', kind: 'test', due: at('2026-11-24T10:00:00Z'), payload: {} });
    clock.set(at('2026-11-23T12:00:00Z'));
    expect(await scheduler().tick()).toBe(0);
    expect(await store.cancelWithPrefix('meeting:m1:')).toBe(2);
    clock.set(at('2026-11-26T00:00:00Z'));
    await scheduler().tick();
    expect(runs).toEqual(['meeting:m2:P7D']);
  });

  it('runs each job once when two instances tick at the same moment', async () => {
    const { store, clock, runs, scheduler } = await setUp();
    for (let i = 0; i < 20; i++)
      await store.schedule({ key: `race-${String(i).padStart(2, '0')}`, kind: 'test', due: at('2026-11-23T08:00:00Z'), payload: {} });
    const slowHandler = async (job: ScheduledJob): Promise<JobOutcome> => {
      await new Promise((r) => setTimeout(r, 5));
      runs.push(job.key);
      return { kind: 'done' };
    };
    const [a, b] = [scheduler(slowHandler), scheduler(slowHandler)];
    for (let round = 0; round < 3; round++) await Promise.all([a.tick(), b.tick()]);
    clock.advance({ minutes: 10 });
    await Promise.all([a.tick(), b.tick()]);
    expect(runs.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `race-${String(i).padStart(2, '0')}`));
  });

  it('runs a job again after its lease expires when the instance that claimed it died', async () => {
    const { store, clock, runs, scheduler } = await setUp();
    await store.schedule({ key: 'crash', kind: 'test', due: at('2026-11-23T08:00:00Z'), payload: {} });
    const [job] = await store.due(clock.now(), 10);
    expect(await store.claim(job!, clock.now().plus(DEFAULT_SCHEDULER_OPTIONS.lease))).toBeDefined(); // then the instance dies
    expect(await scheduler().tick()).toBe(0);
    clock.advance(DEFAULT_SCHEDULER_OPTIONS.lease.plus(Duration.fromObject({ seconds: 1 })));
    expect(await scheduler().tick()).toBe(1);
    expect(runs).toEqual(['crash']);
  });

  it('retries a failing job later with its attempt count, and drops it after the last attempt', async () => {
    const { store, clock } = await setUp();
    const attempts: number[] = [];
    const failing = async (job: ScheduledJob): Promise<JobOutcome> => {
      attempts.push(job.attempts);
      throw new Error('connector down');
    };
    await store.schedule({ key: 'flaky', kind: 'test', due: clock.now(), payload: {} });
    const instance = new Scheduler(store, { test: failing }, clock, silentLogger(), { ...DEFAULT_SCHEDULER_OPTIONS, maxAttempts: 3 });
    for (let i = 0; i < 6; i++) {
      await instance.tick();
      clock.advance({ hours: 6 });
    }
    expect(attempts).toEqual([1, 2, 3]);
    expect(await store.pendingKeys('flaky')).toEqual([]);
  });

  it('waits as a handler asks (Retry-After) without counting it as an attempt, so waiting never drops a job', async () => {
    const { store, clock } = await setUp();
    const attempts: number[] = [];
    const throttled = async (job: ScheduledJob): Promise<JobOutcome> => {
      attempts.push(job.attempts);
      return attempts.length <= 5 ? { kind: 'wait', at: clock.now().plus({ seconds: 30 }), reason: 'Retry-After' } : { kind: 'done' };
    };
    await store.schedule({ key: 'throttled', kind: 'test', due: clock.now(), payload: {} });
    const instance = new Scheduler(store, { test: throttled }, clock, silentLogger(), { ...DEFAULT_SCHEDULER_OPTIONS, maxAttempts: 3 });
    for (let i = 0; i < 6; i++) {
      expect(await instance.tick()).toBe(1);
      clock.advance({ seconds: 29 });
      expect(await instance.tick()).toBe(0); // not before the time asked for
      clock.advance({ seconds: 1 });
    }
    expect(attempts).toEqual([1, 1, 1, 1, 1, 1]);
    expect(await store.pendingKeys('throttled')).toEqual([]);
  });

  it('runs work planned for now at once when woken, instead of at the next poll', async () => {
    const { store, clock, runs } = await setUp();
    const record = async (job: ScheduledJob): Promise<JobOutcome> => {
      runs.push(job.key);
      return { kind: 'done' };
    };
    const hourly = new Scheduler(store, { test: record }, clock, silentLogger(), {
      ...DEFAULT_SCHEDULER_OPTIONS,
      pollInterval: Duration.fromObject({ hours: 1 }),
    });
    hourly.start();
    try {
      // Let the first poll (nothing due) run; over or not, a wake must bring the job forward.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await store.schedule({ key: 'now', kind: 'test', due: clock.now(), payload: {} });
      hourly.wake();
      const deadline = Date.now() + 60_000; // a guard only: an hour's poll would never come
      while (runs.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(runs).toEqual(['now']);
    } finally {
      await hourly.stop();
    }
  });
});
