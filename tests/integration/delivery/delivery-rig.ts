import type { TableClient } from '@azure/data-tables';
import { DeliveryControl } from '../../../src/platform/delivery/delivery-control';
import { DeliveryDispatcher, type DeliveryDispatcherOptions } from '../../../src/platform/delivery/delivery-dispatcher';
import { DeliveryService } from '../../../src/platform/delivery/delivery-service';
import type { OutboundMessage } from '../../../src/platform/delivery/outbound-message';
import { OutboxStore } from '../../../src/platform/delivery/outbox-store';
import type { ProactiveSender } from '../../../src/platform/delivery/proactive-sender';
import { UnreachableMembers } from '../../../src/platform/delivery/unreachable-members';
import { silentLogger } from '../../../src/platform/logging/logger';
import { TeamsProactiveSender } from '../../../src/platform/teams/teams-proactive-sender';
import { type Clock, SystemClock } from '../../../src/platform/time/clock';
import { EmulatedConnector, type EmulatedConnectorOptions, markerCard } from '../../support/emulated-connector';
import type { TableStore } from '../../../src/platform/storage/table-store';
import { testTableStore } from '../../support/test-storage';
import { teamsPersonalChatId } from '../../support/teams-ids';

/**
 * Settings for tests: short polls and backoff, so retries play out in a moment. Nothing here may
 * depend on how fast this machine is: on a loaded machine a send can take seconds and the event
 * loop can stall, so the lease, the send timeout and the time after which an instance counts as
 * dead are far longer than any such stall. Tests of takeovers set their own, and finish well
 * before any lease they did not shorten could end.
 */
export const FAST: Partial<DeliveryDispatcherOptions> = {
  pollIntervalMs: 50,
  leaseMs: 60_000,
  leaseSafetyMs: 5_000,
  backoff: { baseMs: 60, maxMs: 400 },
  maxAttempts: 5,
  ratePerSecond: 100,
  heartbeatIntervalMs: 200,
  instanceTimeoutMs: 30_000,
};

/** Far longer than any stall of a loaded machine: a send that times out here never reached the connector. */
export const SEND_TIMEOUT_MS = 15_000;

export interface DeliveryRig {
  store: TableStore;
  connector: EmulatedConnector;
  outbox: OutboxStore;
  outboxTable: TableClient;
  unreachableTable: TableClient;
  control: DeliveryControl;
  unreachable: UnreachableMembers;
  service: DeliveryService;
  sender: TeamsProactiveSender;
  clock: Clock;
  dispatcher(overrides?: Partial<DeliveryDispatcherOptions> & { sender?: ProactiveSender }): DeliveryDispatcher;
  message(i: number, batchId?: string): OutboundMessage;
  close(): Promise<void>;
}

/** Azurite tables of this test's own, an emulated Teams connector, and the real TeamsProactiveSender. */
export async function deliveryRig(connectorOptions: EmulatedConnectorOptions = {}, clock: Clock = new SystemClock()): Promise<DeliveryRig> {
  const store = await testTableStore();
  const connector = new EmulatedConnector(connectorOptions);
  await connector.start();
  const outboxTable = store.client('outbox');
  const outbox = new OutboxStore(outboxTable, clock);
  const control = new DeliveryControl(outboxTable);
  const unreachable = new UnreachableMembers(store.client('unreachable'), clock);
  const sender = new TeamsProactiveSender({ logger: silentLogger(), timeoutMs: SEND_TIMEOUT_MS, clock });
  const dispatchers: DeliveryDispatcher[] = [];
  return {
    store,
    connector,
    outbox,
    outboxTable,
    unreachableTable: store.client('unreachable'),
    control,
    unreachable,
    service: new DeliveryService(outbox, unreachable, clock),
    sender,
    clock,
    dispatcher(overrides = {}) {
      // Each call is another instance (its own name) unless the test names it: the same name is a restart of that instance.
      const dispatcher = new DeliveryDispatcher({
        outbox,
        control,
        unreachable,
        sender,
        clock,
        logger: silentLogger(),
        instanceId: `instance-${dispatchers.length + 1}`,
        ...FAST,
        ...overrides,
      });
      dispatchers.push(dispatcher);
      return dispatcher;
    },
    message(i, batchId = 'batch-1') {
      return {
        batchId,
        dedupeKey: `${batchId}:m${i}`,
        recipient: { aadObjectId: `member-${i}`, conversationReference: connector.reference(teamsPersonalChatId(`conv-${i}`)) },
        card: markerCard(`${batchId}:m${i}`),
      };
    },
    async close() {
      for (const dispatcher of dispatchers) await dispatcher.stop();
      await connector.stop();
    },
  };
}

/** Polls until `check` passes or the time is up (then fails with the last error). */
export async function eventually(check: () => Promise<void> | void, timeoutMs = 25_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Rows of one kind in the outbox table: 'q' pending, 'm' records. */
export async function countRows(table: TableClient, prefix: 'q' | 'm'): Promise<number> {
  let count = 0;
  for await (const entity of table.listEntities({ queryOptions: { select: ['RowKey'] } })) {
    if (String(entity.rowKey).startsWith(`${prefix}_`)) count++;
  }
  return count;
}
