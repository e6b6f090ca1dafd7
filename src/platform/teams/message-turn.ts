import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { TurnSender } from '../../shared/access/actor';
import { admitTo } from '../../shared/access/policy';
import { noticeCard } from '../../shared/cards/notice-card';
import { MAX_QUESTION_LENGTH, readInboundText } from '../../shared/text/inbound-text';
import type { CommandTable } from './command-table';
import { sendCard } from './replies';

const askButtonData = z.object({ action: z.literal('ask'), question: z.string() });

/** A typed message: a registered command, or free text for the first feature that takes it. */
export async function handleMessage(context: TurnContext, sender: TurnSender, commands: CommandTable): Promise<void> {
  const inbound = readInboundText(context.activity.text ?? askedFromCard(context.activity.value));
  switch (inbound.kind) {
    case 'empty':
      return sendCard(
        context,
        noticeCard('I can only read text', 'Type a question about the Corporate Parenting Panel, or **help** to see what I can do.'),
      );
    case 'too_long':
      return sendCard(
        context,
        noticeCard('That message is too long', `Please ask a shorter question (up to ${MAX_QUESTION_LENGTH} characters).`, 'attention'),
      );
    case 'unreadable':
      return sendCard(
        context,
        noticeCard(
          "I couldn't read that",
          'That message looks like it contains unreadable characters. Please type your question as plain text.',
          'attention',
        ),
      );
    case 'text':
      return handleText(context, inbound.text, sender, commands);
  }
}

async function handleText(context: TurnContext, text: string, sender: TurnSender, commands: CommandTable): Promise<void> {
  const routed = commands.route(text);
  if (routed) {
    // The access matrix guards every command before it runs; the use case decides on the record.
    await admitTo(sender, routed.command.access);
    const reply = await routed.command.run(routed.input, sender);
    for (const card of Array.isArray(reply) ? reply : [reply]) await sendCard(context, card);
    return;
  }
  for (const route of commands.freeTextRoutes(text)) {
    await admitTo(sender, route.access);
    const reply = await route.run(text, sender);
    if (reply) return sendCard(context, reply);
  }
}

/** A question button (Action.Submit with data {action: 'ask', question}) arrives as a message with a value and no text. */
function askedFromCard(value: unknown): string | undefined {
  const parsed = askButtonData.safeParse(value);
  return parsed.success ? parsed.data.question : undefined;
}
