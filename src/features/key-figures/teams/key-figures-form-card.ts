import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';

export interface KeyFiguresFormCardData {
  quarter: string;
  formId: string;
  title: string;
  dates: string;
  message: string;
  messageColor: 'Default' | 'Good' | 'Attention';
  fields: { id: string; label: string; hint: string; value: string; error: string }[];
  source: string;
  sourceError: string;
}

/** The officers' quarterly form: one input per configured figure and a source line; saves with `keyFigures.save`. */
export function renderKeyFiguresFormCard(data: KeyFiguresFormCardData): AdaptiveCardJson {
  return cardTemplate('key-figures-form').expand(data);
}
