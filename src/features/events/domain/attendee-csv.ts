import { stringify } from 'csv-stringify/sync';
import { inLondon } from '../../../platform/time/london';
import { ParticipationEvent } from './event';
import { RSVP_LABELS, RSVP_RESPONSES, Rsvp, byName } from './rsvp';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/**
 * The attendee list as CSV (RFC 4180, CRLF, quoted where needed - including any line break, which
 * Excel would otherwise take for a new row - by csv-stringify): Name, Response,
 * Responded at (Europe/London). Going first, then Maybe, then Can't go, by name within each.
 * A byte-order mark makes Excel read the names as UTF-8.
 */
export function attendeesCsv(rsvps: readonly Rsvp[]): string {
  const order = (rsvp: Rsvp) => RSVP_RESPONSES.indexOf(rsvp.response);
  const rows = [...rsvps].sort((a, b) => order(a) - order(b) || byName(a, b)).map((rsvp) => [safeCell(rsvp.name), RSVP_LABELS[rsvp.response], inLondon(rsvp.respondedAtUtc).toFormat('yyyy-MM-dd HH:mm')]);
  return `\uFEFF${stringify(rows, { header: true, columns: ['Name', 'Response', 'Responded at (Europe/London)'], record_delimiter: 'windows', quoted_match: /[\r\n]/ })}`;
}

/** 'virtual-school-kent-summer-activity-day-attendees-2027-07-14.csv'. */
export function attendeesCsvFileName(event: Pick<ParticipationEvent, 'title' | 'startUtc'>): string {
  const slug = event.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'event';
  return `${slug}-attendees-${inLondon(event.startUtc).toFormat('yyyy-MM-dd')}.csv`;
}

/**
 * Spreadsheets run a cell starting with = + - @ (or a tab or carriage return) as a formula
 * (OWASP "CSV injection"); names come from Teams profiles, so defuse them with a leading quote.
 */
function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
