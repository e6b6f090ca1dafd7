import type { KillReport } from '../../../src/platform/delivery/delivery-dispatcher';
import type { ProactiveSendRequest, ProactiveSender, SendResult } from '../../../src/platform/delivery/proactive-sender';
import { type DeliveryRig, countRows, deliveryRig, eventually } from './delivery-rig';

/** Passes sends through to the real sender and kills the dispatcher at the n-th one: before or after it is sent. */
class CrashingSender implements ProactiveSender {
  private calls = 0;
  crash: () => void = () => undefined;

  constructor(
    private readonly real: ProactiveSender,
    private readonly crashAt: number,
    private readonly when: 'before-send' | 'after-send',
  ) {}

  async send(request: ProactiveSendRequest): Promise<SendResult> {
    const call = ++this.calls;
    if (call === this.crashAt && this.when === 'before-send') {
      this.crash();
      return { ok: false, status: 0, code: 'Crashed', transient: true };
    }
    const result = await this.real.send(request);
    if (call === this.crashAt && this.when === 'after-send') this.crash();
    return result;
  }
}

const N = 40;

describe('DeliveryDispatcher crash and restart (kill -9 simulated by abandoning all in-flight work)', () => {
  let rig: DeliveryRig;
  afterEach(() => rig.close());

  async function crashThenRestart(
    when: 'before-send' | 'after-send',
    maxInFlight: number,
  ): Promise<{ report: KillReport; duplicates: number; lost: number }> {
    rig = await deliveryRig();
    await rig.service.enqueueMany(Array.from({ length: N }, (_, i) => rig.message(i)));
    const crashing = new CrashingSender(rig.sender, 15, when);
    // The dying instance's heartbeat goes stale after 8 s (long enough that a loaded machine never stalls it into waiting on itself).
    const first = rig.dispatcher({ sender: crashing, maxInFlight, instanceTimeoutMs: 8_000 });
    let report: KillReport | undefined;
    crashing.crash = () => (report = first.kill());
    first.start();
    await eventually(() => expect(report).toBeDefined());
    expect(first.stats().held + (report?.held ?? 0)).toBeGreaterThan(0); // claimed rows were abandoned unsent

    rig.dispatcher().start(); // another process: other rows at once, the dead one's claims once its heartbeat is stale
    await eventually(async () => expect(await rig.service.progress('batch-1')).toMatchObject({ sent: N, pending: 0 }), 60_000);
    expect(await countRows(rig.outboxTable, 'q')).toBe(0);
    return { report: report!, duplicates: rig.connector.duplicates(), lost: N - rig.connector.acceptedCounts().size };
  }

  it('loses nothing and duplicates nothing when it dies between claiming and sending', async () => {
    const { lost, duplicates } = await crashThenRestart('before-send', 1);
    expect(lost).toBe(0);
    expect(duplicates).toBe(0);
  });

  it('duplicates only the message that was sent but not yet marked', async () => {
    const { lost, duplicates } = await crashThenRestart('after-send', 1);
    expect(lost).toBe(0);
    expect(duplicates).toBe(1);
  });

  it('duplicates at most the sends in flight when it dies mid-stream', async () => {
    const { report, lost, duplicates } = await crashThenRestart('after-send', 8);
    expect(lost).toBe(0);
    expect(duplicates).toBeGreaterThanOrEqual(1);
    expect(duplicates).toBeLessThanOrEqual(report.inFlight);
  });

  const TEN_MINUTES = 600_000; // a lease no test outlives: finishing proves the claims were taken over, not waited out

  async function killMidStream(name: string, options: { instanceTimeoutMs?: number } = {}): Promise<KillReport> {
    rig = await deliveryRig();
    await rig.service.enqueueMany(Array.from({ length: N }, (_, i) => rig.message(i)));
    const crashing = new CrashingSender(rig.sender, 15, 'after-send');
    const first = rig.dispatcher({
      instanceId: name,
      sender: crashing,
      maxInFlight: 8,
      leaseMs: TEN_MINUTES,
      leaseSafetyMs: 1_000,
      ...options,
    });
    let report: KillReport | undefined;
    crashing.crash = () => (report = first.kill());
    first.start();
    await eventually(() => expect(report).toBeDefined());
    return report!;
  }

  it('a restarted instance takes over its previous boot’s claims at once, without waiting out their lease', async () => {
    const report = await killMidStream('app-instance-0');
    expect(report.held + report.inFlight).toBeGreaterThan(0);
    const restarted = rig.dispatcher({ instanceId: 'app-instance-0', leaseMs: TEN_MINUTES, leaseSafetyMs: 1_000 });
    restarted.start();
    await eventually(async () => expect(await rig.service.progress('batch-1')).toMatchObject({ sent: N, pending: 0 }), 60_000);
    expect(restarted.stats().reclaimed).toBeGreaterThan(0);
    expect(N - rig.connector.acceptedCounts().size).toBe(0);
    expect(rig.connector.duplicates()).toBeLessThanOrEqual(report.inFlight); // only what was on the wire at the kill
    expect((await rig.control.read(Date.now())).instances.map((beat) => beat.claimant)).toEqual([restarted.claimant]); // the dead boot's row is gone
  });

  it('another instance takes over the claims of one whose heartbeat stopped, long before their lease ends', async () => {
    const report = await killMidStream('app-instance-0', { instanceTimeoutMs: 8_000 });
    const other = rig.dispatcher({ instanceId: 'app-instance-1', leaseMs: TEN_MINUTES, leaseSafetyMs: 1_000 });
    other.start();
    await eventually(async () => expect(await rig.service.progress('batch-1')).toMatchObject({ sent: N, pending: 0 }), 60_000);
    expect(other.stats().reclaimed).toBeGreaterThan(0);
    expect(N - rig.connector.acceptedCounts().size).toBe(0);
    expect(rig.connector.duplicates()).toBeLessThanOrEqual(report.inFlight);
  });

  it('a boot that finds its predecessor still stopping gracefully leaves that one’s claims alone', async () => {
    rig = await deliveryRig();
    await rig.service.enqueueMany(Array.from({ length: N }, (_, i) => rig.message(i)));
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started = 0;
    const slow: ProactiveSender = {
      send: async (request) => {
        started++;
        await held;
        return rig.sender.send(request);
      },
    };
    const first = rig.dispatcher({
      instanceId: 'app-instance-0',
      sender: slow,
      maxInFlight: 4,
      prefetch: 8,
      leaseMs: TEN_MINUTES,
      leaseSafetyMs: 1_000,
    });
    first.start();
    await eventually(() => expect(started).toBe(4));
    const stopping = first.stop();
    await eventually(async () =>
      expect((await rig.control.read(Date.now())).instances.find((beat) => beat.claimant === first.claimant)?.stopping).toBe(true),
    );
    const next = rig.dispatcher({ instanceId: 'app-instance-0', leaseMs: TEN_MINUTES, leaseSafetyMs: 1_000 });
    next.start();
    await eventually(() => expect(next.stats().claimed).toBeGreaterThan(0)); // it has polled and started on the rows nobody held
    release();
    await stopping;
    await eventually(async () => expect(await rig.service.progress('batch-1')).toMatchObject({ sent: N, pending: 0 }), 60_000);
    expect(next.stats().reclaimed).toBe(0);
    expect(rig.connector.duplicates()).toBe(0);
  });

  it('hands unsent claims back on a graceful stop, so a successor sends them at once and exactly once', async () => {
    rig = await deliveryRig();
    await rig.service.enqueueMany(Array.from({ length: N }, (_, i) => rig.message(i)));
    const first = rig.dispatcher({ ratePerSecond: 20, leaseMs: TEN_MINUTES, leaseSafetyMs: 1_000 });
    first.start();
    await eventually(() => expect(rig.connector.accepted.length).toBeGreaterThanOrEqual(5));
    await first.stop();
    // Another instance, which takes nothing over (the first left gracefully): finishing inside the ten-minute lease means the rows were released.
    const successor = rig.dispatcher({ ratePerSecond: 100 });
    successor.start();
    await eventually(async () => expect(await rig.service.progress('batch-1')).toMatchObject({ sent: N }));
    expect(successor.stats().reclaimed).toBe(0);
    expect(rig.connector.duplicates()).toBe(0);
  });

  it('fails a message that keeps killing its dispatcher instead of retrying it for ever', async () => {
    rig = await deliveryRig();
    await rig.service.enqueue(rig.message(1));
    for (let life = 0; life < 3; life++) {
      const crashing = new CrashingSender(rig.sender, 1, 'before-send');
      const dispatcher = rig.dispatcher({ sender: crashing, maxClaims: 2, leaseMs: 700, leaseSafetyMs: 200 });
      let killed = false;
      crashing.crash = () => {
        dispatcher.kill();
        killed = true;
      };
      dispatcher.start();
      await eventually(async () => expect(killed || (await rig.service.progress('batch-1')).failed === 1).toBe(true));
      if ((await rig.service.progress('batch-1')).failed === 1) break;
    }
    const last = rig.dispatcher({ maxClaims: 2, leaseMs: 700, leaseSafetyMs: 200 });
    last.start();
    await eventually(async () =>
      expect(await rig.service.progress('batch-1')).toMatchObject({ failed: 1, failures: { attempts_exhausted: 1 } }),
    );
    expect(rig.connector.requests).toBe(0);
  });
});
