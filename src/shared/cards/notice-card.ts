import { type AdaptiveCardJson, cardTemplate } from './card-template';

export interface NoticeCardData {
  title: string;
  text: string;
  style: 'default' | 'attention' | 'good' | 'warning';
}

/** A short message: errors the user can act on, confirmations, refusals. */
export function renderNoticeCard(data: NoticeCardData): AdaptiveCardJson {
  return cardTemplate('notice').expand(data);
}

/** The same, from its parts. */
export function noticeCard(title: string, text: string, style: NoticeCardData['style'] = 'default'): AdaptiveCardJson {
  return renderNoticeCard({ title, text, style });
}
