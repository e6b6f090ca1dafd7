import { inLondon } from '../../../platform/time/london';
import { csvTable } from '../../../platform/process/csv-table';
import { ParticipationEvent } from './event';
import { RSVP_LABELS, RSVP_RESPONSES, Rsvp, byName } from './rsvp';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/**
 * The attendee list as CSV (the one CSV configuration, see csvTable): Name, Response,
 * Responded at (Europe/London). Going first, then Maybe, then Can't go, by name within each.
 */
export function attendeesCsv(rsvps: readonly Rsvp[]): string {
  const order = (rsvp: Rsvp) => RSVP_RESPONSES.indexOf(rsvp.response);
  const rows = [...rsvps]
    .sort((a, b) => order(a) - order(b) || byName(a, b))
    .map((rsvp) => [rsvp.name, RSVP_LABELS[rsvp.response], inLondon(rsvp.respondedAtUtc).toFormat('yyyy-MM-dd HH:mm')]);
  return csvTable(['Name', 'Response', 'Responded at (Europe/London)'], rows);
}

/** 'virtual-school-kent-summer-activity-day-attendees-2027-07-14.csv'. */
export function attendeesCsvFileName(event: Pick<ParticipationEvent, 'title' | 'startUtc'>): string {
  const slug =
    event.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'event';
  return `${slug}-attendees-${inLondon(event.startUtc).toFormat('yyyy-MM-dd')}.csv`;
}
