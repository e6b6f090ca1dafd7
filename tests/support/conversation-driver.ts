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
