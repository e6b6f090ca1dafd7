import { inLondon } from '../../../platform/time/london';
import { csvTable } from '../../../platform/process/csv-table';
import type { ParticipationEvent } from './event';
import { RSVP_LABELS, RSVP_RESPONSES, type Rsvp, byName } from './rsvp';
import { datedDownloadName } from '../../../shared/text/download-name';

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
  return datedDownloadName(event.title, { startUtc: event.startUtc, extension: 'csv', fallback: 'event', qualifier: 'attendees' });
}
