import type { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { CARD_BUDGET_BYTES, cardBytes, splitToFit } from '../../../shared/cards/card-budget';
import { type BulletinInput, bulletinData } from '../domain/bulletin';
import { type BulletinCardData, type BulletinItem, renderBulletinCard } from './bulletin-card';
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
