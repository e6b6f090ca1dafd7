import { z } from 'zod';
import { hashedKey } from '../storage/keys';

const referenceShape = z.object({
  serviceUrl: z.string().regex(/^https?:\/\//i),
  conversation: z.object({ id: z.string().min(1) }),
});

/** True when the reference has what a send needs: a serviceUrl and a conversation id. */
export function isUsableReference(reference: Record<string, unknown>): boolean {
  return referenceShape.safeParse(reference).success;
}

/**
 * A short stable id for the conversation a reference points to: the unit Teams rate-limits and
 * throttles. Hashed, so it can be a table key and does not spread the conversation id around.
 */
export function conversationKeyOf(reference: Record<string, unknown>): string {
  const parsed = referenceShape.parse(reference);
  return hashedKey('conversation', parsed.serviceUrl.replace(/\/+$/, '').toLowerCase(), parsed.conversation.id).slice(0, 32);
}
