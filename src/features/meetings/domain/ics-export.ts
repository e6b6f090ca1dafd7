import ical, { type ICalCalendar, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { LONDON } from '../../../platform/time/clock';
import type { Meeting } from './meeting';
import { datedDownloadName } from '../../../shared/text/download-name';

export interface IcsExportOptions {
  /** Calendar name shown by Outlook: 'Corporate Parenting Panel'. */
  calendarName: string;
  /** Right-hand side of every UID, fixed for the deployment so Outlook recognises updates: 'cpp.kent.gov.uk'. */
  uidDomain: string;
  /** The meeting's page or agenda to link from the calendar entry, when there is one. */
  urlFor?: (meeting: Meeting) => string | undefined;
}

/** Meetings with no finishing time are given this long in calendars. */
const DEFAULT_LENGTH_HOURS = 2;

/**
 * An iCalendar file (RFC 5545, METHOD:PUBLISH) for one or more meetings, made with ical-generator.
 * Times are written in UTC, which Outlook, Google and Apple all place correctly without a
 * VTIMEZONE; all-day entries are London dates. UID is `<meetingId>@<uidDomain>` (stable for the
 * meeting's life, so re-importing updates the entry), SEQUENCE is the meeting's change counter,
 * and a cancelled meeting carries STATUS:CANCELLED so calendars strike it out.
 */
export function meetingsToIcs(meetings: Meeting[], options: IcsExportOptions): string {
  const calendar = ical({
    name: options.calendarName,
    prodId: { company: 'Kent County Council', product: 'Corporate Parenting Panel bot', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const meeting of meetings) addMeetingToCalendar(calendar, meeting, options);
  return calendar.toString();
}

/** One meeting as a VEVENT, shared by the meeting downloads and the Members' Calendar feed. */
export function addMeetingToCalendar(
  calendar: ICalCalendar,
  meeting: Meeting,
  options: Pick<IcsExportOptions, 'uidDomain' | 'urlFor'>,
): void {
  const start = DateTime.fromISO(meeting.startUtc, { zone: 'utc' });
  const end = meeting.endUtc
    ? DateTime.fromISO(meeting.endUtc, { zone: 'utc' })
    : start.plus(meeting.allDay ? { days: 1 } : { hours: DEFAULT_LENGTH_HOURS });
  const cancelled = meeting.status === 'cancelled';
  const description = [
    cancelled ? 'CANCELLED.' : meeting.status === 'moved' ? 'This meeting has moved.' : '',
    meeting.notes ?? '',
    meeting.agenda.published && meeting.agenda.url ? `Agenda: ${meeting.agenda.url}` : '',
  ]
    .filter((line) => line.length > 0)
    .join('\n\n');
  calendar.createEvent({
    id: `${meeting.id}@${options.uidDomain}`,
    sequence: meeting.sequence,
    stamp: new Date(meeting.updatedAt),
    lastModified: new Date(meeting.updatedAt),
    created: new Date(meeting.createdAt),
    // All-day entries go in as London wall dates; timed ones as UTC instants.
    start: meeting.allDay ? start.setZone(LONDON) : start.toJSDate(),
    end: meeting.allDay ? end.setZone(LONDON) : end.toJSDate(),
    allDay: meeting.allDay,
    summary: cancelled ? `CANCELLED: ${meeting.title}` : meeting.title,
    location: meeting.venue ?? null,
    description: description || null,
    url: options.urlFor?.(meeting) ?? meeting.agenda.url ?? meeting.sourceUrl ?? null,
    categories: [{ name: 'Panel meeting' }],
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

/** The .ics for a single meeting (what 'Add to my calendar' downloads). */
export function meetingToIcs(meeting: Meeting, options: IcsExportOptions): string {
  return meetingsToIcs([meeting], options);
}

/** A safe download name: 'corporate-parenting-panel-2026-03-17.ics'. */
export function icsFileName(meeting: Meeting): string {
  return datedDownloadName(meeting.title, { startUtc: meeting.startUtc, extension: 'ics', fallback: 'meeting' });
}

/** Content-Type for the HTTP response serving an .ics. */
export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';
