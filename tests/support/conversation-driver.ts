import type { Playground, PlaygroundMessage } from './playground';

/** The JSON of a message's cards, for "the card says ..." assertions. */
export function cardJson(message: PlaygroundMessage): string {
  return JSON.stringify(message.attachments.map((a) => a.content));
}

/** The first Adaptive Card of a message. */
export function firstCard(message: PlaygroundMessage): Record<string, unknown> {
  const card = message.attachments.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  if (!card) throw new Error(`message ${message.messageId} has no Adaptive Card: ${JSON.stringify(message)}`);
  return card.content as Record<string, unknown>;
}

/**
 * Says something as one user and resolves with the bot's next new message, so each step of a
 * conversation test reads the reply to that step and not an earlier one.
 */
export async function ask(
  playground: Playground,
  text: string,
  options: { from: string; conversationId?: string },
  timeoutMs = 60_000,
): Promise<PlaygroundMessage> {
  const seen = new Set(playground.messages().map((m) => m.messageId));
  await playground.sendMessage(text, { fromUserId: options.from, conversationId: options.conversationId });
  return playground.waitForMessage((m) => !seen.has(m.messageId), timeoutMs);
}

/** Finds an Action.Execute in a card by verb and returns its data, as the client would send it. */
export function executeActionData(
  card: Record<string, unknown>,
  verb: string,
  match: (data: Record<string, unknown>) => boolean = () => true,
): Record<string, unknown> {
  const found: Record<string, unknown>[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Execute' && record.verb === verb) found.push((record.data ?? {}) as Record<string, unknown>);
      Object.values(record).forEach(visit);
    }
  };
  visit(card);
  const data = found.find(match);
  if (!data) throw new Error(`no Action.Execute with verb ${verb} in card`);
  return data;
}

/**
 * Waits for a message that arrives after this call and matches: taken before the step that causes
 * it (a send, a card action, a scheduler tick), so an earlier message can never satisfy the wait.
 */
export function newMessageWaiter(
  playground: Playground,
): (matches: (message: PlaygroundMessage) => boolean, timeoutMs?: number) => Promise<PlaygroundMessage> {
  const seen = new Set(playground.messages().map((m) => m.messageId));
  return (matches, timeoutMs = 60_000) => playground.waitForMessage((m) => !seen.has(m.messageId) && matches(m), timeoutMs);
}

/**
 * Says something and resolves with the reply whose cards contain `marker`: proactive messages
 * (invitations, a challenge card's copies) reach the same chat through the outbox meanwhile, so
 * "the next message" is not always the reply.
 */
export async function askFor(
  playground: Playground,
  text: string,
  options: { from: string; conversationId?: string },
  marker: string,
  timeoutMs = 60_000,
): Promise<PlaygroundMessage> {
  const next = newMessageWaiter(playground);
  await playground.sendMessage(text, { fromUserId: options.from, conversationId: options.conversationId });
  return next((m) => cardJson(m).includes(marker), timeoutMs);
}

/** The bot's signed download link to `/exports/<file>` in a card's JSON, unescaped as a browser would follow it. */
export function exportUrl(cardJsonText: string, file: string): string {
  const pattern = new RegExp(`(http://127\\.0\\.0\\.1:\\d+/exports/${file.replace(/[.]/g, '\\.')}\\?[^"]+)`);
  const match = pattern.exec(cardJsonText);
  if (!match) throw new Error(`no /exports/${file} link in the card`);
  return match[1]!.replace(/\\u0026/g, '&');
}
