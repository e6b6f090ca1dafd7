import ical, { type ICalCalendar, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Meeting } from '../../meetings/domain/meeting';
import { addMeetingToCalendar } from '../../meetings/domain/ics-export';
import { formatLondonDateTime } from '../../../platform/time/london';
import { EVENT_KIND_LABELS, type ParticipationEvent } from '../../events/domain/event';
import { datedDownloadName } from '../../../shared/text/download-name';

export interface MembersCalendarOptions {
  /** X-WR-CALNAME, the name Outlook gives the subscribed calendar: "Members' Calendar - Corporate Parenting Panel". */
  calendarName: string;
  /** Right-hand side of every UID, fixed for the deployment: the same UIDs as the single-meeting .ics files. */
  uidDomain: string;
  /** How often subscribers should poll (REFRESH-INTERVAL, X-PUBLISHED-TTL); Outlook may poll less often. Default one hour. */
  refreshSeconds?: number;
  meetingUrlFor?: (meeting: Meeting) => string | undefined;
  eventUrlFor?: (event: ParticipationEvent) => string | undefined;
}

/** Meetings with no finishing time are given this long, as in the meetings feature (domain/ics-export.ts). */

/**
 * The Members' Calendar: one iCalendar feed (METHOD:PUBLISH) of panel meetings and participation
 * events for an Outlook "subscribe from web" calendar. Each entry keeps one UID for life
 * (`<id>@<uidDomain>`) and carries SEQUENCE and LAST-MODIFIED, so a change or a cancellation
 * (STATUS:CANCELLED, 'CANCELLED:' in the title so it shows in any client) updates the entry in
 * place instead of adding a second one. Times are UTC, which every client places correctly.
 */
export function membersCalendarIcs(
  meetings: readonly Meeting[],
  events: readonly ParticipationEvent[],
  options: MembersCalendarOptions,
): string {
  const calendar = ical({
    name: options.calendarName,
    description: 'Corporate Parenting Panel meetings and participation events (Recommendation 6).',
    prodId: { company: 'Kent County Council', product: 'Corporate Parenting Panel bot', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: options.refreshSeconds ?? 3600,
  });
  for (const meeting of meetings) addMeetingToCalendar(calendar, meeting, { uidDomain: options.uidDomain, urlFor: options.meetingUrlFor });
  for (const event of events) addEvent(calendar, event, options);
  return calendar.toString();
}

function addEvent(calendar: ICalCalendar, event: ParticipationEvent, options: MembersCalendarOptions): void {
  const cancelled = event.status === 'cancelled';
  const description = [
    cancelled ? 'CANCELLED.' : '',
    EVENT_KIND_LABELS[event.kind],
    event.details ?? '',
    event.onlineUrl ? `Join online: ${event.onlineUrl}` : '',
    cancelled ? '' : `Please reply by ${formatLondonDateTime(event.rsvpByUtc)} (in Teams).`,
  ]
    .filter((line) => line.length > 0)
    .join('\n\n');
  calendar.createEvent({
    id: `${event.id}@${options.uidDomain}`,
    sequence: event.sequence,
    stamp: new Date(event.updatedAt),
    lastModified: new Date(event.updatedAt),
    created: new Date(event.createdAt),
    start: new Date(event.startUtc),
    end: new Date(event.endUtc),
    summary: cancelled ? `CANCELLED: ${event.title}` : event.title,
    location: event.venue,
    description,
    url: options.eventUrlFor?.(event) ?? event.onlineUrl ?? null,
    categories: [{ name: EVENT_KIND_LABELS[event.kind] }],
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

/** The .ics for one event: what 'Add to my calendar' on an invitation downloads. Same UID as in the feed. */
export function eventToIcs(event: ParticipationEvent, options: MembersCalendarOptions): string {
  return membersCalendarIcs([], [event], options);
}

/** A safe download name: 'virtual-school-kent-achievement-awards-2027-02-10.ics'. */
export function eventIcsFileName(event: Pick<ParticipationEvent, 'title' | 'startUtc'>): string {
  return datedDownloadName(event.title, { startUtc: event.startUtc, extension: 'ics', fallback: 'event' });
}
