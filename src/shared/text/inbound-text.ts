/** Longest question we try to answer; Teams allows far more, but no real question is this long. */
export const MAX_QUESTION_LENGTH = 1000;

export type InboundText =
  { kind: 'text'; text: string } | { kind: 'empty' } | { kind: 'too_long'; length: number } | { kind: 'unreadable' };

// "@Panel Bot who chairs the panel?" typed or pasted as plain text, with no mention entity: the
// bot's name is up to four words ending in "bot" (or just "@bot").
const TYPED_MENTION = /^@\s*(?:[a-z0-9'-]+\s+){0,3}bot\b[\s,:;.!\-\u2013\u2014]*/i;

/**
 * Normalises what a person typed: removes the bot's @mention (channels and group chats, or typed
 * as plain text), HTML tags Teams may wrap around text, and surrounding space; then refuses what
 * cannot be a question.
 */
export function readInboundText(raw: unknown): InboundText {
  if (typeof raw !== 'string') return { kind: 'empty' };
  const text = raw
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(TYPED_MENTION, '');
  if (text.length === 0) return { kind: 'empty' };
  if (text.length > MAX_QUESTION_LENGTH) return { kind: 'too_long', length: text.length };
  if (looksBinary(text)) return { kind: 'unreadable' };
  return { kind: 'text', text };
}

// Control characters, replacement characters and private-use code points are what binary pasted
// as text turns into; a real question has almost none.
function looksBinary(text: string): boolean {
  const suspicious = text.match(/[\u0000-\u0008\u000e-\u001f\u007f\ufffd\ue000-\uf8ff]/g)?.length ?? 0;
  return suspicious > 0 && suspicious / text.length > 0.05;
}
