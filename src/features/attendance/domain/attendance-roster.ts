import { RSVP_LABELS, type RsvpResponse } from '../../events/domain/rsvp';
import { formatLondonTime } from '../../../platform/time/london';
import type { AttendancePerson, AttendanceRecord, AttendanceStatus, OccasionKind } from './attendance';

/** One line of the "Record attendance" list. */
export interface RosterEntry {
  aadObjectId: string;
  name: string;
  /** As recorded, if it has been. */
  recorded?: AttendanceStatus;
  /** Ticked when the form opens: recorded as attended, or (nothing recorded yet) said Going or Maybe. */
  preTicked: boolean;
  /** 'Going', 'Apologies sent', 'Checked in 6:02pm', ''. */
  note: string;
  apologies: boolean;
}

export interface RosterInput {
  kind: OccasionKind;
  /** Who was expected: the event's invitation list, or every active member for a meeting. */
  invited: readonly AttendancePerson[];
  rsvps?: ReadonlyMap<string, RsvpResponse>;
  /** Members who sent apologies (meetings). */
  apologies?: ReadonlySet<string>;
  records: readonly AttendanceRecord[];
}

/** Members shown on one page of the form: a ChoiceSet of this many stays far below Teams' ~28 KB card limit. */
export const ROSTER_PAGE_SIZE = 50;

/**
 * The list an officer ticks: everyone expected plus anyone already recorded (a walk-in an officer
 * added, a member who has since left), by name. Pure.
 */
export function buildRoster(input: RosterInput): RosterEntry[] {
  const records = new Map(input.records.map((record) => [record.aadObjectId, record]));
  const people = new Map<string, AttendancePerson>();
  for (const person of input.invited) people.set(person.aadObjectId, person);
  for (const record of input.records)
    if (!people.has(record.aadObjectId)) people.set(record.aadObjectId, { aadObjectId: record.aadObjectId, name: record.name });
  return [...people.values()]
    .map((person) => entryFor(person, records.get(person.aadObjectId), input))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.aadObjectId.localeCompare(b.aadObjectId));
}

/** Page `page` (0-based) of the roster, and how many pages there are. */
export function rosterPage(roster: readonly RosterEntry[], page: number): { entries: RosterEntry[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(roster.length / ROSTER_PAGE_SIZE));
  const current = Math.min(Math.max(0, Math.trunc(page)), pages - 1);
  return { entries: roster.slice(current * ROSTER_PAGE_SIZE, (current + 1) * ROSTER_PAGE_SIZE), page: current, pages };
}

export interface RosterTotals {
  attended: number;
  absent: number;
  apologies: number;
  notRecorded: number;
}

export function rosterTotals(roster: readonly RosterEntry[]): RosterTotals {
  const totals: RosterTotals = { attended: 0, absent: 0, apologies: 0, notRecorded: 0 };
  for (const entry of roster) {
    if (entry.recorded === 'attended') totals.attended++;
    else if (entry.apologies) totals.apologies++;
    else if (entry.recorded === 'absent') totals.absent++;
    else totals.notRecorded++;
  }
  return totals;
}

function entryFor(person: AttendancePerson, record: AttendanceRecord | undefined, input: RosterInput): RosterEntry {
  const rsvp = input.rsvps?.get(person.aadObjectId);
  const apologies = input.apologies?.has(person.aadObjectId) ?? false;
  const preTicked = record ? record.status === 'attended' : rsvp === 'going' || rsvp === 'maybe';
  return {
    aadObjectId: person.aadObjectId,
    name: person.name,
    ...(record ? { recorded: record.status } : {}),
    preTicked,
    note: noteFor(record, rsvp, apologies),
    apologies,
  };
}

function noteFor(record: AttendanceRecord | undefined, rsvp: RsvpResponse | undefined, apologies: boolean): string {
  if (record?.source === 'check_in' && record.status === 'attended') return `checked in ${formatLondonTime(record.atUtc)}`;
  if (apologies) return 'apologies sent';
  if (rsvp) return `said ${RSVP_LABELS[rsvp]}`;
  return '';
}
