import type { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { type BulletinInput, bulletinData } from '../domain/bulletin';
import { renderBulletinCard } from './bulletin-card';
import { renderEventCalendarLinkCard } from './event-calendar-link-card';

/**
 * The Members' Calendar address, shown once (only its hash is stored). Without `url` it offers
 * a new one: for someone who already has a link and may be subscribed with it.
 */
export function calendarLinkCard(options: { scope: 'member' | 'officers'; url?: string }): AdaptiveCardJson {
  const whose = options.scope === 'officers' ? "The officers' calendar" : "Your Members' Calendar";
  const text = options.url
    ? `${whose}: panel meetings and participation events. In Outlook choose Add calendar, then Subscribe from web, and paste this address. Keep it to yourself: anyone with it can read the calendar. Getting a new link stops this one working.`
    : `${whose} link was sent to you before. For safety it is not stored, so it cannot be shown again. Get a new link to subscribe again (the old one stops working).`;
  return renderEventCalendarLinkCard({
    heading: options.scope === 'officers' ? "Officers' calendar" : "Members' Calendar",
    text,
    url: options.url ?? '',
    scope: options.scope,
  });
}

/** The weekly Member Bulletin card. */
export function bulletinCard(input: BulletinInput): AdaptiveCardJson {
  return renderBulletinCard(bulletinData(input));
}
