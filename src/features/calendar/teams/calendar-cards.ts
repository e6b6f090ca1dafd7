import type { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { CARD_BUDGET_BYTES, cardBytes, splitToFit } from '../../../shared/cards/card-budget';
import { type BulletinInput, bulletinData } from '../domain/bulletin';
import { type BulletinCardData, type BulletinItem, renderBulletinCard } from './bulletin-card';
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

/** The Member Bulletin's first card (all of it, unless it is too long for one card). */
export function bulletinCard(input: BulletinInput): AdaptiveCardJson {
  return bulletinCards(input)[0]!;
}

interface DatedItem {
  weekLabel: string;
  item: BulletinItem;
}

/**
 * The Member Bulletin as cards that each fit the card budget: one card in a usual month; a busy
 * one is split, in date order, into "Part 1 of 3", "Part 2 of 3", ... so every meeting and event
 * is sent and none is refused as too large. The key figures go with the first part only.
 */
export function bulletinCards(input: BulletinInput): AdaptiveCardJson[] {
  const data = bulletinData(input);
  const whole = renderBulletinCard(data);
  if (data.nothingScheduled || cardBytes(whole) <= CARD_BUDGET_BYTES) return [whole];
  const items: DatedItem[] = data.weeks.flatMap((week) => week.items.map((item) => ({ weekLabel: week.label, item })));
  const part = (run: readonly DatedItem[], index: number, heading: string): AdaptiveCardJson =>
    renderBulletinCard({
      ...data,
      heading,
      weeks: regroupByWeek(run),
      keyFigures: index === 0 ? data.keyFigures : { ...data.keyFigures, shown: false },
    });
  // Measured with the longest label a part can have, so the real (shorter or equal) one fits too.
  const runs = splitToFit(items, (run, index) => part(run, index, `${data.heading} (Part 999 of 999)`));
  return runs.map((run, index) => part(run, index, `${data.heading} (Part ${index + 1} of ${runs.length})`));
}

/** Items back under their week headings; a week split between two parts is headed in both. */
function regroupByWeek(run: readonly DatedItem[]): BulletinCardData['weeks'] {
  const weeks: BulletinCardData['weeks'] = [];
  for (const { weekLabel, item } of run) {
    const last = weeks[weeks.length - 1];
    if (last?.label === weekLabel) last.items.push(item);
    else weeks.push({ label: weekLabel, items: [item] });
  }
  return weeks;
}
