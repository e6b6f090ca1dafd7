import { type TableClient, odata } from '@azure/data-tables';
import { isConflict, isNotFound, isPreconditionFailed } from '../storage/keys';
import { type InstanceIdentity, identityOf } from './instance-identity';
import { CONTROL_PARTITION, THROTTLE_PARTITION, padMs } from './outbox-keys';

const APP_GATE_ROW = 'app-gate';
const INSTANCE_PREFIX = 'instance_';
const SWEEP_BATCH = 100;

/** One dispatcher boot's heartbeat row. */
export interface InstanceBeat extends InstanceIdentity {
  /** The `claimedBy` value of this boot's claims. */
  claimant: string;
  /** The boot counts as gone after this instant (ms) unless it beats again. */
  expiresAtMs: number;
  /** It is stopping gracefully: it finishes its sends and hands its claims back itself. */
  stopping: boolean;
}

/** What every dispatcher reads on each poll: one small partition. */
export interface ControlSnapshot {
  /** No instance may send before this instant (ms); 0 when there is no app-wide pause. */
  appGateUntilMs: number;
  /** Claimants of the dispatcher boots whose heartbeat has not expired, this one included once it beats. */
  liveInstances: string[];
  /** Claimants of boots whose heartbeat expired: they are gone, their claims may be taken at once. */
  expiredInstances: string[];
  /** Every heartbeat row, live or not. */
  instances: InstanceBeat[];
}

type AppGateEntity = { partitionKey: string; rowKey: string; untilMs: string; reason: string };
type InstanceEntity = { partitionKey: string; rowKey: string; expiresAt: string; stopping?: boolean };
type ThrottleEntity = { partitionKey: string; rowKey: string; conversationKey: string };

/**
 * The state dispatcher instances share through Tables so that a second instance respects what the
 * first learned: the app-wide "do not send before" instant, per-conversation Retry-After pauses,
 * and who is alive (each instance paces at its share of the app rate; a boot whose heartbeat has
 * stopped is dead, and its claims are taken over without waiting out their lease). Heartbeat rows
 * are `instance_<name>|<boot id>`, one per process start.
 */
export class DeliveryControl {
  constructor(private readonly table: TableClient) {}

  async read(nowMs: number): Promise<ControlSnapshot> {
    const snapshot: ControlSnapshot = { appGateUntilMs: 0, liveInstances: [], expiredInstances: [], instances: [] };
    const query = this.table.listEntities<AppGateEntity & InstanceEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${CONTROL_PARTITION}` },
    });
    for await (const entity of query) {
      if (entity.rowKey === APP_GATE_ROW) snapshot.appGateUntilMs = Number(entity.untilMs) || 0;
      else if (entity.rowKey.startsWith(INSTANCE_PREFIX)) {
        const claimant = entity.rowKey.slice(INSTANCE_PREFIX.length);
        const beat: InstanceBeat = {
          ...identityOf(claimant),
          claimant,
          expiresAtMs: Number(entity.expiresAt) || 0,
          stopping: entity.stopping === true,
        };
        snapshot.instances.push(beat);
        (beat.expiresAtMs > nowMs ? snapshot.liveInstances : snapshot.expiredInstances).push(claimant);
      }
    }
    return snapshot;
  }

  /** This boot is alive until `expiresAtMs`; `stopping` while a graceful stop finishes its sends. */
  async heartbeat(claimant: string, expiresAtMs: number, stopping = false): Promise<void> {
    await this.table.upsertEntity<InstanceEntity>(
      { partitionKey: CONTROL_PARTITION, rowKey: INSTANCE_PREFIX + claimant, expiresAt: padMs(expiresAtMs), stopping },
      'Replace',
    );
  }

  async leave(claimant: string): Promise<void> {
    await this.deleteQuietly(CONTROL_PARTITION, INSTANCE_PREFIX + claimant);
  }

  /** Pauses every instance until `untilMs`; never shortens a longer pause set by someone else. */
  async raiseAppGate(untilMs: number, reason: string): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const current = await this.table.getEntity<AppGateEntity>(CONTROL_PARTITION, APP_GATE_ROW);
        if (Number(current.untilMs) >= untilMs) return;
        await this.table.updateEntity<AppGateEntity>(
          { partitionKey: CONTROL_PARTITION, rowKey: APP_GATE_ROW, untilMs: padMs(untilMs), reason },
          'Replace',
          { etag: current.etag },
        );
        return;
      } catch (error) {
        if (isNotFound(error)) {
          if (await this.createGate(untilMs, reason)) return;
        } else if (!isPreconditionFailed(error)) throw error;
      }
    }
  }

  /** Remembers a conversation's Retry-After for every instance; keyed by its end so reads skip old ones. */
  async throttleConversation(conversationKey: string, untilMs: number): Promise<void> {
    await this.table.upsertEntity<ThrottleEntity>(
      { partitionKey: THROTTLE_PARTITION, rowKey: `${padMs(untilMs)}_${conversationKey}`, conversationKey },
      'Replace',
    );
  }

  /** Conversations paused now or later, with the end of their pause: a range read of live pauses only. */
  async activeConversationThrottles(nowMs: number): Promise<Map<string, number>> {
    const active = new Map<string, number>();
    const filter = odata`PartitionKey eq ${THROTTLE_PARTITION} and RowKey gt ${padMs(nowMs)}`;
    for await (const entity of this.table.listEntities<ThrottleEntity>({ queryOptions: { filter } })) {
      const untilMs = Number(entity.rowKey.slice(0, entity.rowKey.indexOf('_')));
      if (untilMs > (active.get(entity.conversationKey) ?? 0)) active.set(entity.conversationKey, untilMs);
    }
    return active;
  }

  /** Deletes up to a hundred pauses that ended before `beforeMs` and the given dead boots' heartbeat rows. */
  async sweep(beforeMs: number, expiredInstances: readonly string[]): Promise<number> {
    let deleted = 0;
    const filter = odata`PartitionKey eq ${THROTTLE_PARTITION} and RowKey lt ${padMs(beforeMs)}`;
    const page = await this.table
      .listEntities<ThrottleEntity>({ queryOptions: { filter, select: ['RowKey'] } })
      .byPage({ maxPageSize: SWEEP_BATCH })
      .next();
    for (const entity of page.done ? [] : page.value) {
      if (await this.deleteQuietly(THROTTLE_PARTITION, entity.rowKey)) deleted++;
    }
    for (const id of expiredInstances) if (await this.deleteQuietly(CONTROL_PARTITION, INSTANCE_PREFIX + id)) deleted++;
    return deleted;
  }

  private async createGate(untilMs: number, reason: string): Promise<boolean> {
    try {
      await this.table.createEntity<AppGateEntity>({
        partitionKey: CONTROL_PARTITION,
        rowKey: APP_GATE_ROW,
        untilMs: padMs(untilMs),
        reason,
      });
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }

  private async deleteQuietly(partitionKey: string, rowKey: string): Promise<boolean> {
    try {
      await this.table.deleteEntity(partitionKey, rowKey);
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }
}
