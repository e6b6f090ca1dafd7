import type { DateTime } from 'luxon';
import type { Member } from '../../features/members';
import type { Clock } from '../time/clock';
import { isUsableReference } from './conversation-reference';
import type { BatchProgress } from './delivery-progress';
import type { OutboxStore } from './outbox-store';
import { messageKeys } from './outbox-keys';
import type { OutboundMessage } from './outbound-message';
import { prepareMessage } from './prepared-message';
import type { UnreachableMembers } from './unreachable-members';

/** One broadcast: the same kind of card to many members, tracked as one batch. */
export interface Broadcast {
  batchId: string;
  members: readonly Member[];
  /** Renders one member's card; called lazily, a slice of members at a time. */
  card: (member: Member) => Record<string, unknown>;
  /** Default `<batchId>:<aadObjectId>`: one message per member per batch. */
  dedupeKey?: (member: Member) => string;
  notBefore?: DateTime;
}

export interface BroadcastSummary {
  queued: number;
  /** Already in the batch from an earlier call (enqueue is idempotent). */
  duplicates: number;
  /** Recorded as failed without a send: no 1:1 conversation, or known unreachable. */
  skipped: number;
}

// Members are turned into cards and rows a slice at a time, so a broadcast's memory does not grow with its size.
const SLICE = 250;

/**
 * What the rest of the bot calls to send proactively: enqueue (idempotent by dedupe key),
 * broadcast to members, and read a batch's progress. Sending itself is the dispatcher's job.
 */
export class DeliveryService {
  constructor(
    private readonly outbox: OutboxStore,
    private readonly unreachable: UnreachableMembers,
    private readonly clock: Clock,
  ) {}

  /** Queues one message; 'duplicate' when the same batch already holds its dedupe key. */
  async enqueue(message: OutboundMessage): Promise<'queued' | 'duplicate'> {
    const counts = await this.outbox.enqueue([prepareMessage(message, this.clock)]);
    return counts.queued === 1 ? 'queued' : 'duplicate';
  }

  /** Queues many messages, in transactions of up to fifty per partition. All are checked before any is written. */
  async enqueueMany(messages: readonly OutboundMessage[]): Promise<{ queued: number; duplicates: number }> {
    return this.outbox.enqueue(messages.map((message) => prepareMessage(message, this.clock)));
  }

  /**
   * Queues a card for every member. Members without a personal conversation with the bot, and
   * members marked unreachable who have not been seen since, are recorded as failed (with the
   * reason) instead of sent to, so the batch's progress accounts for everyone.
   */
  async broadcast(broadcast: Broadcast): Promise<BroadcastSummary> {
    const summary: BroadcastSummary = { queued: 0, duplicates: 0, skipped: 0 };
    const { reachable, unreachable } = await this.unreachable.partition(broadcast.members);
    const dedupeKey = broadcast.dedupeKey ?? ((member: Member) => `${broadcast.batchId}:${member.aadObjectId}`);
    const sendable: Member[] = [];
    for (const member of reachable) {
      if (member.conversationReference && isUsableReference(member.conversationReference)) sendable.push(member);
      else await this.skip(broadcast.batchId, dedupeKey(member), member, 'no_conversation_reference', summary);
    }
    for (const member of unreachable) await this.skip(broadcast.batchId, dedupeKey(member), member, 'unreachable', summary);
    for (let start = 0; start < sendable.length; start += SLICE) {
      const slice = sendable.slice(start, start + SLICE).map((member) => ({
        batchId: broadcast.batchId,
        dedupeKey: dedupeKey(member),
        recipient: { aadObjectId: member.aadObjectId, conversationReference: member.conversationReference },
        card: broadcast.card(member),
        notBefore: broadcast.notBefore,
      }));
      const counts = await this.enqueueMany(slice);
      summary.queued += counts.queued;
      summary.duplicates += counts.duplicates;
    }
    return summary;
  }

  progress(batchId: string): Promise<BatchProgress> {
    return this.outbox.progress(batchId);
  }

  private async skip(
    batchId: string,
    dedupeKey: string,
    member: Member,
    reason: 'no_conversation_reference' | 'unreachable',
    summary: BroadcastSummary,
  ): Promise<void> {
    const recorded = await this.outbox.recordSkipped({
      keys: messageKeys(batchId, dedupeKey),
      batchId,
      dedupeKey,
      aadObjectId: member.aadObjectId,
      reason,
    });
    if (recorded) summary.skipped++;
    else summary.duplicates++;
  }
}
