import type { DateTime } from 'luxon';
import { hashedKey } from '../storage/keys';

/** Who a message goes to: the member and, when they installed the bot personally, their 1:1 conversation. */
export interface Recipient {
  /** The member's Entra object id, or `channelRecipientId(...)` for a Team channel. */
  aadObjectId: string;
  conversationReference?: Record<string, unknown>;
}

/** One message to one member, as a caller hands it to the outbox. */
export interface OutboundMessage {
  /** Groups the messages of one broadcast for progress reporting, e.g. `invitation:<eventId>`. */
  batchId: string;
  /**
   * Identifies the message within its batch; enqueuing the same key twice stores it once,
   * e.g. `reminder:<meetingId>:<offset>:<aadObjectId>`.
   */
  dedupeKey: string;
  recipient: Recipient;
  card: Record<string, unknown>;
  /** Not before this instant (a reminder queued ahead of time); default now. */
  notBefore?: DateTime;
}

/**
 * The recipient id of a Team channel (a channel has no Entra object id). Derived by hashing the
 * Teams conversation id, which holds characters an object id never does (`19:...@thread.tacv2`),
 * so it passes the same recipient validation and is safe as a table key.
 */
export function channelRecipientId(conversationId: string): string {
  return `channel:${hashedKey('channel', conversationId)}`;
}
