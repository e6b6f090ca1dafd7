import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';

export interface ChallengeListItem {
  reference: string;
  title: string;
  statusLabel: string;
  statusColor: 'Default' | 'Accent' | 'Good' | 'Warning' | 'Attention';
  /** 'Due Friday 3 July 2026' or 'Overdue: due Friday 3 July 2026'. */
  due: string;
  dueColor: 'Default' | 'Attention';
  priority: string;
  lead: string;
}

export interface ChallengeListCardData {
  heading: string;
  items: ChallengeListItem[];
  /** 'Showing 25 of 140: narrow the list with the filters.' or empty. */
  note: string;
  /** Filter inputs (`challenge.list`); hidden for "my challenge cards". */
  showFilters: boolean;
  filter: { status: string; priorityArea: string; overdue: string };
  statusChoices: { title: string; value: string }[];
  areaChoices: { title: string; value: string }[];
}

/** A list of challenge cards; a row sends `challenge.show` {reference}; the filters send `challenge.list`. */
export function renderChallengeListCard(data: ChallengeListCardData): AdaptiveCardJson {
  return cardTemplate('challenge-list').expand(data);
}
