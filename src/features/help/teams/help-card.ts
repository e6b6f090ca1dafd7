import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';

export interface HelpCardData {
  capabilities: { title: string; detail: string }[];
  examples: { question: string }[];
  /** Commands only officers or admins can use; empty for members. */
  staffCommands: { title: string; detail: string }[];
  roleLabel: string;
}

export function renderHelpCard(data: HelpCardData): AdaptiveCardJson {
  return cardTemplate('help').expand(data);
}
