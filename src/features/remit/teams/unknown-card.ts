import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';

export interface UnknownCardData {
  explanation: string;
  contactTitle: string;
  contactText: string;
  contactSource: string;
  /** "Is it one of these?" over the entries that came close, or "You could try one of these:" over examples. */
  suggestionsTitle: string;
  suggestions: { question: string }[];
  /** What the member asked, for "Ask an officer"; empty hides the button. */
  question: string;
  requestId: string;
}

export function renderUnknownCard(data: UnknownCardData): AdaptiveCardJson {
  return cardTemplate('unknown').expand(data);
}
