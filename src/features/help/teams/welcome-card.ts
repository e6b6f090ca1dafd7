import { AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';

export interface WelcomeCardData {
  intro: string;
  capabilities: { title: string; detail: string }[];
  suggestions: { question: string }[];
}

export function renderWelcomeCard(data: WelcomeCardData): AdaptiveCardJson {
  return cardTemplate('welcome').expand(data);
}
