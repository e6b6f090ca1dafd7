import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';

export interface UnknownCardData {
  explanation: string;
  contactTitle: string;
  contactText: string;
  contactSource: string;
  /** The questions of the entries that came close, offered first as "Is it one of these?"... */
  nearby: { question: string }[];
  /** ...or, when none did, example questions that do work (one of the two is empty). */
  examples: { question: string }[];
  /** What the member asked, for "Ask an officer"; empty hides the button. */
  question: string;
  requestId: string;
}

export function renderUnknownCard(data: UnknownCardData): AdaptiveCardJson {
  return cardTemplate('unknown').expand(data);
}
