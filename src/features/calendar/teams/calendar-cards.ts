import { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { BulletinInput, bulletinData } from '../domain/bulletin';
import { renderBulletinCard } from './bulletin-card';
import { renderEventCalendarLinkCard } from './event-calendar-link-card';

/**
 * The person's own Members' Calendar address, shown once (only its hash is stored). Without `url`
 * it offers a new one: for someone who already has a link and may be subscribed with it.
 */
export function calendarLinkCard(options: { url?: string; officer: boolean }): AdaptiveCardJson {
  const covers = options.officer
    ? 'panel meetings and every participation event (as an officer you see them all)'
    : 'panel meetings and the participation events you are invited to';
  const text = options.url
    ? `Your Members' Calendar: ${covers}. In Outlook choose Add calendar, then Subscribe from web, and paste this address. It is yours alone: keep it to yourself. It stops working if you get a new link, remove the bot or your role changes.`
    : "Your Members' Calendar link was sent to you before. For safety it is not stored, so it cannot be shown again. Get a new link to subscribe again (the old one stops working).";
  return renderEventCalendarLinkCard({ heading: "Members' Calendar", text, url: options.url ?? '', scope: 'member' });
}

/** The weekly Member Bulletin card. */
export function bulletinCard(input: BulletinInput): AdaptiveCardJson {
  return renderBulletinCard(bulletinData(input));
}
