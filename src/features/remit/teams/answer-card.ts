import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';

export type FeedbackState = 'none' | 'helpful' | 'not_helpful';

export interface AnswerCardData {
  entryId: string;
  /** The knowledge entry's canonical question, shown as the card title. */
  title: string;
  answer: string;
  sourceLabel: string;
  /** A source passage quoted beside the answer, as markdown ('' when none), and its citation. */
  passageText: string;
  passageSource: string;
  related: { question: string }[];
  /** What the member asked, carried on the feedback buttons so feedback can be read against it. */
  question: string;
  feedbackState: FeedbackState;
  /** Empty unless the answer was last reviewed more than a year ago. */
  reviewNote: string;
  /** Empty unless other entries are offered (the answer only just won, or did not help): says why, above `alternatives`. */
  alternativesNote: string;
  alternatives: { question: string }[];
  /** The message's other question, answered by another entry: offered as a button (empty or one). */
  alsoAsked: { question: string }[];
  /** Sent with "Ask an officer" (offered once the member says the answer did not help). */
  requestId: string;
}

export function renderAnswerCard(data: AnswerCardData): AdaptiveCardJson {
  return cardTemplate('answer').expand(data);
}
