import os from 'node:os';
import type { Logger } from '../logging/logger';
import { type Metrics, NO_METRICS } from '../telemetry/metrics';
import { type WorkerState, workerState } from '../health/worker-state';
import type { Clock } from '../time/clock';
import { type BackoffPolicy, DEFAULT_BACKOFF } from './backoff';
import type { ControlSnapshot, DeliveryControl } from './delivery-control';
import { type DeliveryDecision, type RetryPolicy, decideDelivery } from './delivery-decision';
import { type InstanceIdentity, claimantOf, instanceNameFrom, newBoot } from './instance-identity';
import type { PendingMessage } from './outbox-entities';
import { allShardPartitions } from './outbox-keys';
import type { OutboxStore } from './outbox-store';
import type { ProactiveSender, SendResult } from './proactive-sender';
import { SendPacer } from './send-pacer';
import type { RateWindow } from './sliding-window-limiter';
import { TEAMS_CONVERSATION_WINDOWS, TEAMS_DEFAULT_APP_RATE_PER_SECOND } from './teams-limits';
import { DEFAULT_THROTTLE_DETECTOR, ThrottleDetector, type ThrottleDetectorOptions } from './throttle-detector';
import type { UnreachableMembers } from './unreachable-members';
import { Waker } from './waker';
import { jsonObjectSchema, parseStoredJson } from '../storage/stored-json';

/** Collaborators and tuning of a DeliveryDispatcher; the defaults suit production at Teams' limits. */
export interface DeliveryDispatcherOptions {
  outbox: OutboxStore;
  control: DeliveryControl;
  unreachable: UnreachableMembers;
  sender: ProactiveSender;
  clock: Clock;
  logger: Logger;
  /**
   * The instance's name, the same after a restart (App Service's WEBSITE_INSTANCE_ID, else the
   * host name; the default). One running process per name: a boot that finds an earlier boot of
   * its own name that did not stop gracefully takes that boot's claims over at once.
   */
  instanceId?: string;
  /** This process start; default random. */
  bootId?: string;
  /** How often to look for due work when idle. Default 1,000 ms. */
  pollIntervalMs?: number;
  /** Requests per second for the whole app in the tenant, shared by the live instances. Default 50. */
  ratePerSecond?: number;
  /** Slack added to the app's one-second window (see SendPacer). Default 0. */
  appWindowMarginMs?: number;
  /** Slack added to each per-conversation window. Default 0. */
  conversationWindowMarginMs?: number;
  /** Per-conversation limits. Default: the Teams ones. */
  conversationWindows?: readonly RateWindow[];
  /** How long a claim keeps other instances off a row; a crashed instance's rows return after it. Default 60 s. */
  leaseMs?: number;
  /** A send is not started with less than this left on its lease (it must finish inside). Default min(lease / 4, 20 s). */
  leaseSafetyMs?: number;
  /** Concurrent sends. Default 16. */
  maxInFlight?: number;
  /** Claimed-but-unsent rows held in memory. Default two seconds of this instance's rate. */
  prefetch?: number;
  /** Send attempts per message, the first included. Default 10. */
  maxAttempts?: number;
  /** Claims per message without a recorded result (crash loops) before it is failed. Default 20. */
  maxClaims?: number;
  backoff?: BackoffPolicy;
  /** Default 1,000 ms. */
  heartbeatIntervalMs?: number;
  /**
   * An instance whose heartbeat is older than this is dead: the others take over its claims
   * without waiting for their lease. So an instance starts a send only within half of it after
   * its own last beat, and hands back what it holds after a longer silence. Default 5 heartbeat
   * intervals.
   */
  instanceTimeoutMs?: number;
  throttleDetector?: ThrottleDetectorOptions;
  random?: () => number;
  /** Deliveries, 429s and dead letters are counted here. Default: counted nowhere. */
  metrics?: Metrics;
}

/** Running totals since start, for logs, tests and the benchmark. */
export interface DispatcherStats {
  claimed: number;
  sent: number;
  failed: number;
  retried: number;
  /** Results not recorded because another instance had taken the row over. */
  leaseLost: number;
  /** Claimed rows given up locally because their lease was about to run out. */
  dropped: number;
  writeErrors: number;
  /** Rows taken over from dead boots (this instance's previous boot, or an instance whose heartbeat stopped). */
  reclaimed: number;
  inFlight: number;
  held: number;
  /** Live dispatcher boots at the last poll, this one included: the app rate is shared between them. */
  liveInstances: number;
}

/** What an abrupt kill abandoned: sends on the wire and claimed rows not yet sent. */
export interface KillReport {
  inFlight: number;
  held: number;
}

type RunState = 'idle' | 'running' | 'stopping' | 'stopped' | 'killed';

const SWEEP_INTERVAL_MS = 60_000;
/** A loop turn is at most a poll interval apart; storage calls in it have their own timeouts. */
const MAX_LOOP_SILENCE_MS = 120_000;
const MAX_CLAIM_ROUNDS = 3;

/**
 * Drains the outbox: claims due rows (ETag + lease), sends each once through the ProactiveSender
 * at the pace Teams allows, and records the result (sent, retry later, failed). Several instances
 * may run against one outbox. A killed instance's claims do not wait out their lease: its next
 * boot takes them over at once (it knows its previous boot is dead), and any other instance takes
 * them once that boot's heartbeat is older than `instanceTimeoutMs`. Only the sends that were on
 * the wire when it died can be delivered twice.
 */
export class DeliveryDispatcher {
  readonly identity: InstanceIdentity;
  /** The `claimedBy` of this boot's claims. */
  readonly claimant: string;
  private readonly pacer: SendPacer;
  private readonly detector: ThrottleDetector;
  private readonly waker = new Waker();
  private readonly retryPolicy: RetryPolicy;
  private readonly random: () => number;
  private readonly metrics: Metrics;
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private readonly leaseSafetyMs: number;
  private readonly maxInFlight: number;
  private readonly prefetch: number;
  private readonly maxClaims: number;
  private readonly heartbeatIntervalMs: number;
  private readonly instanceTimeoutMs: number;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly counters = { claimed: 0, sent: 0, failed: 0, retried: 0, leaseLost: 0, dropped: 0, writeErrors: 0, reclaimed: 0 };
  /** Boots known to be dead whose claims may still be leased, and until when to keep looking for them. */
  private readonly deadClaimants = new Map<string, number>();
  private lastBeatAtMs = 0;
  private liveInstances = 1;
  private queue: PendingMessage[] = [];
  private state: RunState = 'idle';
  private generation = 0;
  private loop?: Promise<void>;
  private nextPollAt = 0;
  private nextHeartbeatAt = 0;
  private nextSweepAt = 0;
  private moreDue = false;
  private joined = false;
  private shardCursor = 0;
  private lastLoopAtMs?: number;

  constructor(private readonly options: DeliveryDispatcherOptions) {
    this.identity = options.bootId
      ? { name: instanceNameFrom(options.instanceId ?? os.hostname()), bootId: options.bootId }
      : newBoot(options.instanceId ?? os.hostname());
    this.claimant = claimantOf(this.identity);
    const ratePerSecond = options.ratePerSecond ?? TEAMS_DEFAULT_APP_RATE_PER_SECOND;
    this.pacer = new SendPacer({
      ratePerSecond,
      conversationWindows: options.conversationWindows ?? TEAMS_CONVERSATION_WINDOWS,
      appWindowMarginMs: options.appWindowMarginMs ?? 0,
      conversationWindowMarginMs: options.conversationWindowMarginMs ?? 0,
    });
    this.detector = new ThrottleDetector(options.throttleDetector ?? DEFAULT_THROTTLE_DETECTOR);
    this.retryPolicy = { maxAttempts: options.maxAttempts ?? 10, backoff: options.backoff ?? DEFAULT_BACKOFF };
    this.random = options.random ?? Math.random;
    this.metrics = options.metrics ?? NO_METRICS;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.leaseSafetyMs = options.leaseSafetyMs ?? Math.min(this.leaseMs / 4, 20_000);
    this.maxInFlight = options.maxInFlight ?? 16;
    this.prefetch = options.prefetch ?? Math.max(10, Math.ceil(ratePerSecond * 2));
    this.maxClaims = options.maxClaims ?? 20;
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 1_000;
    this.instanceTimeoutMs = options.instanceTimeoutMs ?? 5 * this.heartbeatIntervalMs;
    if (this.leaseSafetyMs >= this.leaseMs) throw new Error('DeliveryDispatcher: leaseSafetyMs must be shorter than leaseMs');
    if (this.instanceTimeoutMs <= 2 * this.heartbeatIntervalMs)
      throw new Error('DeliveryDispatcher: instanceTimeoutMs must be more than two heartbeat intervals');
  }

  start(): void {
    if (this.state === 'running') return;
    if (this.state === 'killed' || this.state === 'stopping') throw new Error(`DeliveryDispatcher: cannot start when ${this.state}`);
    this.state = 'running';
    this.pacer.startEvenly(this.nowMs());
    const generation = ++this.generation;
    this.loop = this.run(generation);
  }

  /** Graceful: stop claiming, let sends in flight finish and be recorded, hand back unsent claims. */
  async stop(): Promise<void> {
    if (this.state !== 'running') return;
    this.state = 'stopping';
    this.waker.wake();
    // Tell a successor starting meanwhile (same name) that this boot is not dead: it hands its claims back itself.
    await this.options.control
      .heartbeat(this.claimant, this.nowMs() + this.instanceTimeoutMs, true)
      .catch((error: unknown) => this.warn('delivery.heartbeat_failed', error));
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
    const held = this.queue.splice(0);
    await Promise.allSettled(held.map((message) => this.options.outbox.release(message)));
    await this.options.control.leave(this.claimant).catch((error: unknown) => this.warn('delivery.leave_failed', error));
    this.state = 'stopped';
  }

  /**
   * Abrupt, like kill -9: nothing more is written. Sends already on the wire may still reach Teams
   * but their results are dropped; claimed rows stay leased until their lease ends.
   */
  kill(): KillReport {
    const report = { inFlight: this.inFlight.size, held: this.queue.length };
    this.generation++;
    this.state = 'killed';
    this.queue = [];
    this.waker.wake();
    return report;
  }

  /** For the readiness check: the send loop has turned within the last two minutes. */
  liveness(): WorkerState {
    return workerState(this.state === 'running', this.lastLoopAtMs, this.nowMs(), MAX_LOOP_SILENCE_MS);
  }

  stats(): DispatcherStats {
    return { ...this.counters, inFlight: this.inFlight.size, held: this.queue.length, liveInstances: this.liveInstances };
  }

  private async run(generation: number): Promise<void> {
    while (this.isRunning(generation)) {
      this.lastLoopAtMs = this.nowMs();
      if (this.refillIsDue(this.nowMs())) await this.refill(generation);
      if (!this.isRunning(generation)) return;
      const now = this.nowMs();
      const sendWaitMs = this.launch(generation, now);
      const pollWaitMs = this.moreDue && this.queue.length < this.prefetch / 2 ? 0 : this.nextPollAt - now;
      await this.waker.sleep(Math.max(1, Math.min(sendWaitMs, pollWaitMs)));
    }
  }

  private refillIsDue(now: number): boolean {
    if (now >= this.nextPollAt) return true;
    return this.moreDue && this.queue.length < this.prefetch / 2 && this.pacer.appWaitMs(now) < this.pollIntervalMs;
  }

  // Starts every send the pacing allows now; returns how long until the next might be allowed.
  private launch(generation: number, now: number): number {
    // A send starts only well before anyone could take this instance for dead (its last beat plus
    // the timeout); after a stall it waits for the next beat instead.
    if (now - this.lastBeatAtMs > this.instanceTimeoutMs / 2) return this.pollIntervalMs;
    let waitMs = Number.POSITIVE_INFINITY;
    let index = 0;
    while (index < this.queue.length && this.inFlight.size < this.maxInFlight) {
      const appWaitMs = this.pacer.appWaitMs(now);
      if (appWaitMs > 0) return Math.min(waitMs, appWaitMs);
      const message = this.queue[index]!;
      if (message.availableAtMs - now < this.leaseSafetyMs) {
        // Too late to finish inside the lease: another claim (ours or not) will pick it up.
        this.queue.splice(index, 1);
        this.counters.dropped++;
        continue;
      }
      if (message.claims > this.maxClaims) {
        this.queue.splice(index, 1);
        this.track(this.giveUp(message, generation));
        continue;
      }
      const conversationWaitMs = this.pacer.conversationWaitMs(message.conversationKey, now);
      if (conversationWaitMs > 0) {
        waitMs = Math.min(waitMs, conversationWaitMs);
        index++;
        continue;
      }
      this.queue.splice(index, 1);
      this.pacer.sendStarted(message.conversationKey);
      this.track(this.deliver(message, generation));
    }
    return waitMs;
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => {
      this.inFlight.delete(work);
      this.waker.wake();
    });
  }

  // A message whose sends keep dying with their dispatcher (claimed again and again, never recorded).
  private giveUp(message: PendingMessage, generation: number): Promise<void> {
    const detail = `claimed ${message.claims} times without a recorded result`;
    return this.record(message, generation, { kind: 'failed', reason: 'attempts_exhausted', detail, unreachable: false }, message.attempts);
  }

  private async deliver(message: PendingMessage, generation: number): Promise<void> {
    const attempt = message.attempts + 1;
    const result = await this.sendOnce(message);
    this.pacer.sendEnded(message.conversationKey, this.nowMs());
    if (generation !== this.generation) return; // killed while sending: a crashed process records nothing
    const decision = decideDelivery(result, attempt, this.retryPolicy, this.random);
    this.observeThrottling(message, result, decision);
    await this.record(message, generation, decision, attempt);
  }

  private async sendOnce(message: PendingMessage): Promise<SendResult> {
    try {
      const conversationReference = parseStoredJson(jsonObjectSchema, message.conversationReference, 'conversation reference');
      const card = parseStoredJson(jsonObjectSchema, message.card, 'card');
      return await this.options.sender.send({ conversationReference, card });
    } catch (error) {
      this.warn('delivery.sender_threw', error);
      return { ok: false, status: 0, code: 'SenderError', transient: true };
    }
  }

  private observeThrottling(message: PendingMessage, result: SendResult, decision: DeliveryDecision): void {
    const now = this.nowMs();
    if (result.ok || result.status !== 429) {
      this.detector.record(null);
      return;
    }
    this.metrics.count('delivery.throttled');
    const pauseMs = result.retryAfterMs ?? (decision.kind === 'retry' ? decision.delayMs : 1_000);
    this.pacer.blockConversation(message.conversationKey, now + pauseMs);
    this.background(this.options.control.throttleConversation(message.conversationKey, now + pauseMs), 'delivery.throttle_write_failed');
    const appPauseMs = this.detector.record(pauseMs);
    if (appPauseMs > 0) {
      this.pacer.blockApp(now + appPauseMs);
      this.options.logger.warn(
        { event: 'delivery.app_throttled', pauseMs: appPauseMs },
        'Teams is throttling the app: every instance pauses',
      );
      this.background(this.options.control.raiseAppGate(now + appPauseMs, 'many 429s'), 'delivery.gate_write_failed');
    }
  }

  private async record(message: PendingMessage, generation: number, decision: DeliveryDecision, attempts: number): Promise<void> {
    if (generation !== this.generation) return;
    const { outbox, unreachable, logger } = this.options;
    if (decision.kind === 'sent') this.metrics.count('delivery.sent');
    if (decision.kind === 'failed') this.metrics.count('delivery.dead_lettered', { reason: decision.reason });
    try {
      let recorded: boolean;
      if (decision.kind === 'sent') {
        recorded = await outbox.complete(message, { state: 'sent', activityId: decision.activityId, attempts });
        this.counters.sent++;
      } else if (decision.kind === 'retry') {
        recorded = await outbox.reschedule(message, this.nowMs() + decision.delayMs, attempts, decision.detail);
        this.counters.retried++;
      } else {
        if (decision.unreachable) await unreachable.mark(message.aadObjectId, decision.reason);
        recorded = await outbox.complete(message, { state: 'failed', reason: decision.reason, detail: decision.detail, attempts });
        this.counters.failed++;
        logger.info(
          { event: 'delivery.failed', batchId: message.batchId, reason: decision.reason, detail: decision.detail },
          'message given up',
        );
      }
      if (!recorded) {
        this.counters.leaseLost++;
        logger.warn(
          { event: 'delivery.lease_lost', batchId: message.batchId, outcome: decision.kind },
          'another dispatcher took this message over',
        );
      }
    } catch (error) {
      // The row stays claimed; when the lease ends it is sent again (a possible duplicate, never a loss).
      this.counters.writeErrors++;
      this.warn('delivery.record_failed', error);
    }
  }

  private async refill(generation: number): Promise<void> {
    const now = this.nowMs();
    this.nextPollAt = now + this.pollIntervalMs;
    try {
      await this.readControl(now);
      if (!this.isRunning(generation)) return;
      if (this.pacer.appWaitMs(now) >= this.pollIntervalMs) {
        this.moreDue = false;
        return;
      }
      await this.claimDue(generation, now);
    } catch (error) {
      this.moreDue = false;
      this.warn('delivery.poll_failed', error);
    }
  }

  private async readControl(now: number): Promise<void> {
    const { control } = this.options;
    if (!this.joined) {
      // Before the first beat: an earlier boot of this instance that did not stop gracefully is dead.
      this.noteDead(
        await control.read(now),
        now,
        (beat) => beat.name === this.identity.name && beat.claimant !== this.claimant && !beat.stopping,
      );
    }
    if (now >= this.nextHeartbeatAt) {
      await control.heartbeat(this.claimant, now + this.instanceTimeoutMs);
      if (this.lastBeatAtMs > 0 && now - this.lastBeatAtMs > this.instanceTimeoutMs) {
        // Silent for longer than the timeout (stalled, or storage down): others may have taken over
        // what it holds, so none of it is sent; rows nobody took come back when their lease ends.
        this.counters.dropped += this.queue.length;
        this.queue = [];
        this.options.logger.warn(
          { event: 'delivery.heartbeat_gap', gapMs: now - this.lastBeatAtMs },
          'heartbeat gap longer than the instance timeout: held messages handed back',
        );
      }
      this.lastBeatAtMs = now;
      this.nextHeartbeatAt = now + this.heartbeatIntervalMs;
    }
    const snapshot = await control.read(now);
    this.noteDead(snapshot, now, (beat) => beat.expiresAtMs <= now && beat.claimant !== this.claimant);
    const live = new Set(snapshot.liveInstances.filter((claimant) => !this.deadClaimants.has(claimant))).add(this.claimant);
    if (!this.joined) {
      this.joined = true;
      // Instances already running used the whole rate until they see us; let a window pass first.
      if (live.size > 1) this.pacer.blockApp(now + this.pollIntervalMs + 1_000);
    }
    this.liveInstances = live.size;
    this.pacer.setInstances(live.size);
    this.pacer.blockApp(snapshot.appGateUntilMs);
    this.pacer.forgetExpired(now);
    for (const [conversationKey, untilMs] of await control.activeConversationThrottles(now))
      this.pacer.blockConversation(conversationKey, untilMs);
    if (now >= this.nextSweepAt) {
      this.nextSweepAt = now + SWEEP_INTERVAL_MS;
      this.background(control.sweep(now - SWEEP_INTERVAL_MS, snapshot.expiredInstances), 'delivery.sweep_failed');
    }
  }

  /** Remembers dead boots (their claims are looked for until their longest lease has ended) and removes their heartbeat rows. */
  private noteDead(snapshot: ControlSnapshot, now: number, isDead: (beat: ControlSnapshot['instances'][number]) => boolean): void {
    for (const beat of snapshot.instances) {
      if (!isDead(beat) || this.deadClaimants.has(beat.claimant)) continue;
      this.deadClaimants.set(beat.claimant, now + this.leaseMs);
      this.options.logger.info(
        { event: 'delivery.instance_dead', instance: beat.name, restarted: beat.name === this.identity.name },
        'taking over the claims of a dispatcher that is gone',
      );
      this.background(this.options.control.leave(beat.claimant), 'delivery.leave_failed');
    }
    for (const [claimant, untilMs] of this.deadClaimants) if (untilMs <= now) this.deadClaimants.delete(claimant);
  }

  private async claimDue(generation: number, now: number): Promise<void> {
    // Never hold more than can be sent well inside the lease at this instance's share of the rate.
    const sendableInLease = Math.floor((this.pacer.instanceRatePerSecond * (this.leaseMs - this.leaseSafetyMs)) / 2_000);
    let capacity = Math.min(this.prefetch, Math.max(1, sendableInLease)) - this.queue.length - this.inFlight.size;
    this.moreDue = false;
    const shards = allShardPartitions();
    // First the claims of dead boots: they were due before anything still waiting in the due range.
    for (const claimant of this.deadClaimants.keys()) {
      let found = 0;
      for (let i = 0; i < shards.length && capacity > 0; i++) {
        const rows = await this.options.outbox.listClaimedBy(shards[i]!, claimant, now, capacity);
        found += rows.length;
        if (rows.length === 0) continue;
        const claimed = await this.options.outbox.claim(rows, this.claimant, now + this.leaseMs);
        if (!this.isRunning(generation)) return;
        this.take(claimed);
        this.counters.reclaimed += claimed.length;
        capacity -= claimed.length;
      }
      if (found === 0 && capacity > 0) this.deadClaimants.delete(claimant); // nothing of it left
    }
    const start = this.shardCursor++ % shards.length;
    for (let i = 0; i < shards.length && capacity > 0; i++) {
      const shard = shards[(start + i) % shards.length]!;
      for (let round = 0; round < MAX_CLAIM_ROUNDS && capacity > 0; round++) {
        const due = await this.options.outbox.listDue(shard, now, capacity);
        if (due.length === 0) break;
        const claimed = await this.options.outbox.claim(due, this.claimant, now + this.leaseMs);
        if (!this.isRunning(generation)) return; // killed mid-claim: the rows stay leased, as after a crash
        this.take(claimed);
        capacity -= claimed.length;
        if (claimed.length === due.length) break;
        // Lost a race for some rows: read again; the rows the other instance took are no longer due.
      }
    }
    if (capacity <= 0) this.moreDue = true;
  }

  private take(claimed: PendingMessage[]): void {
    this.queue.push(...claimed);
    this.counters.claimed += claimed.length;
  }

  private background(work: Promise<unknown>, event: string): void {
    work.catch((error: unknown) => this.warn(event, error));
  }

  private isRunning(generation: number): boolean {
    return this.state === 'running' && this.generation === generation;
  }

  private nowMs(): number {
    return this.options.clock.now().toMillis();
  }

  private warn(event: string, error: unknown): void {
    this.options.logger.warn({ event, err: error }, 'delivery problem');
  }
}
