import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';

export interface FeedbackReportCardData {
  summary: string;
  entries: { entryId: string; title: string; helpful: number; notHelpful: number; recentUnhelpful: string }[];
}

export function renderFeedbackReportCard(data: FeedbackReportCardData): AdaptiveCardJson {
  return cardTemplate('feedback-report').expand(data);
}
