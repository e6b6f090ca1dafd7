/** Where one message is: waiting (first try or a retry), taken by the channel, or given up on. */
export type DeliveryState = 'pending' | 'sent' | 'failed';

/** Why a message was given up on: the officer's progress card counts these. */
export type FailureReason =
  /** 403 ConversationBlockedByUser: the member blocked the bot. */
  | 'blocked_by_user'
  /** 403 BotNotInConversationRoster: the member removed the bot. */
  | 'bot_not_in_roster'
  /** 404 ConversationNotFound. */
  | 'conversation_not_found'
  /** 413: the card is over the Teams size limit (about 28 KB). */
  | 'too_large'
  /** Any other refusal that a retry will not fix (400, 401, other 403 codes). */
  | 'rejected'
  /** Transient failures until the attempts ran out. */
  | 'attempts_exhausted'
  /** Not sent: the member was already known to be unreachable when the batch was queued. */
  | 'unreachable'
  /** Not sent: the member never installed the bot personally, so there is no 1:1 conversation. */
  | 'no_conversation_reference';

/** Every FailureReason, for validating what is read back from storage. */
export const FAILURE_REASONS: readonly FailureReason[] = [
  'blocked_by_user',
  'bot_not_in_roster',
  'conversation_not_found',
  'too_large',
  'rejected',
  'attempts_exhausted',
  'unreachable',
  'no_conversation_reference',
];

/** True for a known FailureReason (records written by a later version may hold others). */
export function isFailureReason(value: unknown): value is FailureReason {
  return typeof value === 'string' && (FAILURE_REASONS as readonly string[]).includes(value);
}
