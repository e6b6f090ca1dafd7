import { AdaptiveCardJson, expandCardTemplate } from '../../../shared/cards/card-template';

export interface UnknownCardData {
  explanation: string;
  contactTitle: string;
  contactText: string;
  contactSource: string;
  suggestions: { question: string }[];
}

export function renderUnknownCard(data: UnknownCardData): AdaptiveCardJson {
  return expandCardTemplate('unknown', data);
}
