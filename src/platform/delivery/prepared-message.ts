import { isValidAadObjectId } from '../../features/members';
import type { Clock } from '../time/clock';
import { conversationKeyOf, isUsableReference } from './conversation-reference';
import { DeliveryError } from './delivery-error';
import { type MessageKeys, messageKeys } from './outbox-keys';
import type { OutboundMessage } from './outbound-message';

// A table string property holds 64 KiB of UTF-16, i.e. 32K characters; Teams itself stops at about 28 KB.
const MAX_CARD_CHARACTERS = 32_000;
const MAX_ID_LENGTH = 512;

/** A message checked and serialised for the outbox: what the store writes. */
export interface PreparedMessage {
  keys: MessageKeys;
  batchId: string;
  dedupeKey: string;
  aadObjectId: string;
  conversationKey: string;
  conversationReference: string;
  card: string;
  dueMs: number;
}

/** Validates a message before anything is stored; throws DeliveryError naming the problem. */
export function prepareMessage(message: OutboundMessage, clock: Clock): PreparedMessage {
  const { batchId, dedupeKey, recipient } = message;
  assertId(batchId, 'batchId');
  assertId(dedupeKey, 'dedupeKey');
  if (!isValidAadObjectId(recipient.aadObjectId)) throw new DeliveryError('invalid_message', 'the recipient has no valid aadObjectId');
  const reference = recipient.conversationReference;
  if (!reference || !isUsableReference(reference))
    throw new DeliveryError('invalid_reference', 'the recipient has no usable conversation reference');
  const card = JSON.stringify(message.card);
  if (card.length > MAX_CARD_CHARACTERS)
    throw new DeliveryError('card_too_large', `the card is ${card.length} characters (at most ${MAX_CARD_CHARACTERS})`);
  const nowMs = clock.now().toMillis();
  return {
    keys: messageKeys(batchId, dedupeKey),
    batchId,
    dedupeKey,
    aadObjectId: recipient.aadObjectId,
    conversationKey: conversationKeyOf(reference),
    conversationReference: JSON.stringify(reference),
    card,
    dueMs: message.notBefore ? Math.max(message.notBefore.toMillis(), 0) : nowMs,
  };
}

function assertId(value: unknown, what: string): void {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ID_LENGTH)
    throw new DeliveryError('invalid_message', `${what} must be 1-${MAX_ID_LENGTH} characters`);
}
