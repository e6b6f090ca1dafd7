import { AdaptiveCardJson, expandCardTemplate } from '../../../shared/cards/card-template';

export type FeedbackState = 'none' | 'helpful' | 'not_helpful';

export interface AnswerCardData {
  entryId: string;
  /** The knowledge entry's canonical question, shown as the card title. */
  title: string;
  answer: string;
  sourceLabel: string;
  related: { question: string }[];
  /** What the member asked, carried on the feedback buttons so feedback can be read against it. */
  question: string;
  feedbackState: FeedbackState;
}

export function renderAnswerCard(data: AnswerCardData): AdaptiveCardJson {
  return expandCardTemplate('answer', data);
}
