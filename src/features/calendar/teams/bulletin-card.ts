import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';

export interface BulletinItem {
  type: 'meeting' | 'event';
  id: string;
  /** Tapping the item: `meeting.show` or `event.invitation`. */
  verb: 'meeting.show' | 'event.invitation';
  /** `{meetingId}` or `{eventId}`. */
  actionData: Record<string, string>;
  /** 'Panel meeting', 'Virtual School Kent activity', ... */
  kindLabel: string;
  when: string;
  title: string;
  venue: string;
  /** 'CANCELLED', 'MOVED', 'SHORT NOTICE' or empty. */
  statusLabel: string;
  statusColor: 'Attention' | 'Warning' | 'Default';
}

export interface BulletinCardData {
  heading: string;
  /** 'Monday 1 February to Sunday 28 February 2027'. */
  period: string;
  weeks: { label: string; items: BulletinItem[] }[];
  nothingScheduled: boolean;
  emptyText: string;
  /** The Members' Calendar page or feed; empty hides the button. */
  calendarUrl: string;
  /** The quarter's key figures, in the first bulletin after officers enter them. */
  keyFigures: {
    shown: boolean;
    title: string;
    facts: { title: string; value: string }[];
    image: { url: string; altText: string };
    source: string;
  };
}

/** The weekly Member Bulletin. 'Stop the bulletin' posts Action.Execute `bulletin.optOut` {}. */
export function renderBulletinCard(data: BulletinCardData): AdaptiveCardJson {
  return cardTemplate('bulletin').expand(data);
}
