import type { TurnContext } from 'botbuilder';
import type { TurnSender } from '../../shared/access/actor';
import { admitTo } from '../../shared/access/policy';
import type { Logger } from '../logging/logger';
import { cardInvokeResponse, errorInvokeResponse, sendInvokeResponse, unknownVerbError } from './replies';
import type { VerbTable } from './verb-table';

interface ActionInvokeValue {
  action?: { type?: unknown; verb?: unknown; data?: unknown };
}

/** adaptiveCard/action (Action.Execute): route the verb, answer with the card that replaces the clicked one. */
export async function handleCardActionInvoke(context: TurnContext, sender: TurnSender, verbs: VerbTable, logger: Logger): Promise<void> {
  const value = (context.activity.value ?? {}) as ActionInvokeValue;
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
