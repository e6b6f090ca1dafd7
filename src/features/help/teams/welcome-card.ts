import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';

export interface WelcomeCardData {
  intro: string;
  /** One line on what the bot keeps. */
  dataNotice: string;
  /** The privacy notice the bot serves, e.g. https://cpp-bot.azurewebsites.net/privacy. */
  privacyUrl: string;
  capabilities: { title: string; detail: string }[];
  suggestions: { question: string }[];
}

export function renderWelcomeCard(data: WelcomeCardData): AdaptiveCardJson {
  return cardTemplate('welcome').expand(data);
}
