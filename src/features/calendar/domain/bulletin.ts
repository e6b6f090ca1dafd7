import type { KeyFiguresSection } from '../../key-figures';
import type { BulletinCardData, BulletinItem } from '../teams/bulletin-card';
import { literalText } from '../../../shared/text/literal-text';
import { type Meeting, utcIso } from '../../meetings/domain/meeting';
import { formatLondonDate, formatLondonDateTime, inLondon } from '../../../platform/time/london';
import { EVENT_KIND_LABELS, type ParticipationEvent } from '../../events/domain/event';
import { batchIds } from '../../../shared/keys';

export const DEFAULT_BULLETIN_WEEKS = 4;

export interface BulletinInput {
  meetings: readonly Meeting[];
  events: readonly ParticipationEvent[];
  nowUtc: string;
  /** How many weeks ahead, counting this one (default 4). */
  weeks?: number;
  /** The Members' Calendar address for the button; omit to hide it. */
  calendarUrl?: string;
  /** The latest key figures, when this bulletin is the first to carry them. */
  keyFigures?: KeyFiguresSection;
}

/** [from, to) of the bulletin: from now to the end of the Sunday closing the last week (London). */
export function bulletinWindow(nowUtc: string, weeks = DEFAULT_BULLETIN_WEEKS): { fromUtc: string; toUtc: string } {
  const weekStart = inLondon(nowUtc).startOf('week');
  return { fromUtc: utcIso(nowUtc), toUtc: utcIso(weekStart.plus({ weeks })) };
}

/**
 * The weekly digest for one reader: the meetings and the events of the coming weeks (already
 * chosen for what the reader may see, see eventVisibleTo), grouped by London week, cancellations
 * and short notice flagged. Pure, so the same input gives the same card.
 */
export function bulletinData(input: BulletinInput): BulletinCardData {
  const weeks = input.weeks ?? DEFAULT_BULLETIN_WEEKS;
  const { fromUtc, toUtc } = bulletinWindow(input.nowUtc, weeks);
  const inWindow = (startUtc: string) => startUtc >= fromUtc && startUtc < toUtc;
  const entries = [
    ...input.meetings.filter((m) => inWindow(m.startUtc)).map((m) => ({ startUtc: m.startUtc, item: meetingItem(m) })),
    ...input.events.filter((e) => inWindow(e.startUtc)).map((e) => ({ startUtc: e.startUtc, item: eventItem(e) })),
  ].sort((a, b) => a.startUtc.localeCompare(b.startUtc));
  const lastDay = inLondon(toUtc).minus({ days: 1 });
  return {
    heading: 'Member Bulletin',
    period: `${formatLondonDate(input.nowUtc)} to ${formatLondonDate(lastDay)}`,
    weeks: groupByWeek(entries),
    nothingScheduled: entries.length === 0,
    emptyText: `Nothing is scheduled in the next ${weeks} weeks. New meetings and events will appear here and in your Members' Calendar.`,
    calendarUrl: input.calendarUrl ?? '',
    keyFigures: keyFiguresData(input.keyFigures),
  };
}

function keyFiguresData(section: KeyFiguresSection | undefined): BulletinCardData['keyFigures'] {
  if (!section) return { shown: false, title: '', facts: [], image: { url: '', altText: '' }, source: '' };
  return {
    shown: true,
    title: section.title,
    facts: section.lines.map((line) => ({ title: line.label, value: line.change ? `${line.value} (${line.change})` : line.value })),
    image: section.image ?? { url: '', altText: '' },
    source: section.source,
  };
}

/** One delivery batch per London ISO week (`bulletin:2027-W05`), so a repeated weekly run sends nothing twice. */
export function bulletinBatchId(nowUtc: string): string {
  return batchIds.bulletin(inLondon(nowUtc).toFormat("kkkk-'W'WW"));
}

function groupByWeek(entries: { startUtc: string; item: BulletinItem }[]): BulletinCardData['weeks'] {
  const weeks = new Map<string, BulletinItem[]>();
  for (const entry of entries) {
    const label = `Week beginning ${formatLondonDate(inLondon(entry.startUtc).startOf('week'))}`;
    weeks.set(label, [...(weeks.get(label) ?? []), entry.item]);
  }
  return [...weeks].map(([label, items]) => ({ label, items }));
}

function meetingItem(meeting: Meeting): BulletinItem {
  const status = meeting.status === 'cancelled' ? 'CANCELLED' : meeting.status === 'moved' ? 'MOVED' : '';
  return {
    type: 'meeting',
    id: meeting.id,
    verb: 'meeting.show',
    actionData: { meetingId: meeting.id },
    kindLabel: 'Panel meeting',
    when: meeting.allDay ? `${formatLondonDate(meeting.startUtc)} (time to be confirmed)` : formatLondonDateTime(meeting.startUtc),
    title: literalText(meeting.title),
    venue: meeting.venue ? literalText(meeting.venue) : '',
    statusLabel: status,
    statusColor: status === 'CANCELLED' ? 'Attention' : status === 'MOVED' ? 'Warning' : 'Default',
  };
}

function eventItem(event: ParticipationEvent): BulletinItem {
  const cancelled = event.status === 'cancelled';
  const status = cancelled ? 'CANCELLED' : event.shortNotice ? 'SHORT NOTICE' : '';
  return {
    type: 'event',
    id: event.id,
    verb: 'event.invitation',
    actionData: { eventId: event.id },
    kindLabel: EVENT_KIND_LABELS[event.kind],
    when: formatLondonDateTime(event.startUtc),
    title: literalText(event.title),
    venue: literalText(event.venue),
    statusLabel: status,
    statusColor: cancelled ? 'Attention' : event.shortNotice ? 'Warning' : 'Default',
  };
}
