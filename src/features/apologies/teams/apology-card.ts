import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';

export interface ApologyCardData {
  meetingId: string;
  heading: string;
  meetingTitle: string;
  when: string;
  /** `form`: asking for a reason; `recorded`: the member's apology as stored; `closed`: nothing to do. */
  state: 'form' | 'recorded' | 'closed';
  message: string;
  messageColor: 'Default' | 'Good' | 'Attention';
  reason: string;
  substitute: string;
  reasonShown: string;
  substituteShown: string;
  canWithdraw: boolean;
}

export function renderApologyCard(data: ApologyCardData): AdaptiveCardJson {
  return cardTemplate('apology').expand(data);
}
