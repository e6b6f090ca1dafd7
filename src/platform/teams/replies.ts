import { ActivityTypes, CardFactory, type InvokeResponse, MessageFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../../shared/cards/card-template';
import { noticeCard } from '../../shared/cards/notice-card';
import { DomainError, type DomainErrorCode, isDomainError } from '../../shared/errors/domain-error';

export async function sendCard(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

const GENERIC_FAULT =
  'Sorry, something went wrong on my side. Please try again in a minute; if it keeps happening, tell Democratic Services.';

/** What the user sees for a failure: their own mistake explained, or a generic apology with no internals. */
export function failureCard(error: unknown): AdaptiveCardJson {
  if (isDomainError(error)) return noticeCard("I couldn't do that", error.userMessage, 'attention');
  return noticeCard('Sorry', GENERIC_FAULT, 'attention');
}

const INVOKE_STATUS: Record<DomainErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  unavailable: 503,
};

/** The Universal Actions response that replaces the card the user clicked. */
export function cardInvokeResponse(card: AdaptiveCardJson): InvokeResponse {
  return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } };
}

/** The Universal Actions error shape: Teams shows `message` to the user and keeps the card. */
export function errorInvokeResponse(error: unknown): InvokeResponse {
  const domain = isDomainError(error) ? error : undefined;
  const statusCode = domain ? INVOKE_STATUS[domain.code] : 500;
  const message = domain ? domain.userMessage : GENERIC_FAULT;
  return {
    status: 200,
    body: { statusCode, type: 'application/vnd.microsoft.error', value: { code: domain?.code ?? 'internal_error', message } },
  };
}

export async function sendInvokeResponse(context: TurnContext, response: InvokeResponse): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: response });
}

export function unknownVerbError(): DomainError {
  return new DomainError(
    'invalid_input',
    'This button is not one I recognise. It may come from an older version of the bot; please ask again.',
  );
}
