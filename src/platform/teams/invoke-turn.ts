import { TurnContext } from 'botbuilder';
import { TurnSender } from '../../features/members/domain/actor';
import { BotServices } from './bot-services';
import { findCardAction } from './card-actions';
import { cardInvokeResponse, errorInvokeResponse, sendInvokeResponse, unknownVerbError } from './replies';

interface ActionInvokeValue {
  action?: { type?: unknown; verb?: unknown; data?: unknown };
}

/** adaptiveCard/action (Action.Execute): route the verb, answer with the card that replaces the clicked one. */
export async function handleCardActionInvoke(context: TurnContext, sender: TurnSender, services: BotServices): Promise<void> {
  const value = (context.activity.value ?? {}) as ActionInvokeValue;
  const action = findCardAction(value.action?.verb);
  try {
    if (!action || value.action?.type !== 'Action.Execute') throw unknownVerbError();
    const card = await action.run(value.action.data ?? {}, sender, services);
    await sendInvokeResponse(context, cardInvokeResponse(card));
  } catch (error) {
    services.logger.warn({ event: 'card.action.refused', verb: typeof value.action?.verb === 'string' ? value.action.verb.slice(0, 50) : undefined, err: error }, 'card action refused');
    await sendInvokeResponse(context, errorInvokeResponse(error));
  }
}
