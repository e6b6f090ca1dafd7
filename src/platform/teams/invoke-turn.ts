import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { TurnSender } from '../../shared/access/actor';
import { admitTo } from '../../shared/access/policy';
import type { Logger } from '../logging/logger';
import { cardInvokeResponse, errorInvokeResponse, sendInvokeResponse, unknownVerbError } from './replies';
import type { VerbTable } from './verb-table';

// Only the envelope is read here; the verb's own schema parses `data` before any feature sees it.
const actionInvokeValue = z.object({
  action: z.object({ type: z.unknown(), verb: z.unknown(), data: z.unknown() }).partial().optional(),
});

/** adaptiveCard/action (Action.Execute): route the verb, answer with the card that replaces the clicked one. */
export async function handleCardActionInvoke(context: TurnContext, sender: TurnSender, verbs: VerbTable, logger: Logger): Promise<void> {
  const parsed = actionInvokeValue.safeParse(context.activity.value);
  const value = parsed.success ? parsed.data : {};
  const action = verbs.find(value.action?.verb);
  try {
    if (!action || value.action?.type !== 'Action.Execute') throw unknownVerbError();
    await admitTo(sender, action.access);
    const card = await action.run(value.action.data ?? {}, sender);
    await sendInvokeResponse(context, cardInvokeResponse(card));
  } catch (error) {
    logger.warn(
      {
        event: 'card.action.refused',
        verb: typeof value.action?.verb === 'string' ? value.action.verb.slice(0, 50) : undefined,
        err: error,
      },
      'card action refused',
    );
    await sendInvokeResponse(context, errorInvokeResponse(error));
  }
}
