import { AdaptiveCardJson, expandCardTemplate } from './card-template';

export interface NoticeCardData {
  title: string;
  text: string;
  style: 'default' | 'attention' | 'good' | 'warning';
}

/** A short message: errors the user can act on, confirmations, refusals. */
export function renderNoticeCard(data: NoticeCardData): AdaptiveCardJson {
  return expandCardTemplate('notice', data);
}
