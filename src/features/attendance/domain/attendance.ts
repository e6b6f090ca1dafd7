import { DateTime } from 'luxon';
import { z } from 'zod';
import { type EventKind, eventIdSchema } from '../../events/domain/event';
import { meetingIdSchema } from '../../meetings/domain/meeting';

/** What attendance is taken for: a participation event or a panel meeting. */
export type OccasionKind = 'event' | 'meeting';

/** An event id (`ev-...`) or a meeting id (`mg-`/`ic-`/`of-...`): the two formats never collide. */
export const occasionIdSchema = z.union([eventIdSchema, meetingIdSchema]);
export type OccasionId = z.infer<typeof occasionIdSchema>;

/** The least attendance needs to know about an event or meeting. Instants are UTC ISO strings. */
export interface Occasion {
  kind: OccasionKind;
  id: OccasionId;
  title: string;
  startUtc: string;
  endUtc: string;
  cancelled: boolean;
  /** For events: the kind (training counts towards a member's training record). */
  eventKind?: EventKind;
}

export const ATTENDANCE_STATUSES = ['attended', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** Who said so: an officer recording the list, or the member checking in themselves. */
export const ATTENDANCE_SOURCES = ['officer', 'check_in'] as const;
export type AttendanceSource = (typeof ATTENDANCE_SOURCES)[number];

export interface AttendancePerson {
  aadObjectId: string;
  name: string;
}

/** A member's attendance at one occasion as it stands. */
export interface AttendanceRecord {
  occasionId: OccasionId;
  aadObjectId: string;
  name: string;
  status: AttendanceStatus;
  source: AttendanceSource;
  by: AttendancePerson;
  atUtc: string;
  /** The form (or check-in) that last changed it: a repeated submission is recognised by it. */
  submissionId: string;
}

/** One change, kept for ever (append-only): who changed whose attendance, from what, to what, when. */
export interface AttendanceChange {
  occasionId: OccasionId;
  aadObjectId: string;
  name: string;
  from?: AttendanceStatus;
  to: AttendanceStatus;
  source: AttendanceSource;
  by: AttendancePerson;
  atUtc: string;
  submissionId: string;
}

/** Members may check in from this long before the start until the end. */
export const CHECK_IN_OPENS_BEFORE = { minutes: 30 } as const;

/** Whether "I'm here" is offered at `nowUtc`: from half an hour before the start to the end, unless cancelled. */
export function checkInOpen(occasion: Pick<Occasion, 'startUtc' | 'endUtc' | 'cancelled'>, nowUtc: string): boolean {
  if (occasion.cancelled) return false;
  const opens = DateTime.fromISO(occasion.startUtc, { zone: 'utc' }).minus(CHECK_IN_OPENS_BEFORE);
  const now = DateTime.fromISO(nowUtc, { zone: 'utc' });
  return now >= opens && nowUtc < occasion.endUtc;
}

/** Officers record attendance once the check-in window has opened (never for a future occasion), unless cancelled. */
export function recordingOpen(occasion: Pick<Occasion, 'startUtc' | 'cancelled'>, nowUtc: string): boolean {
  if (occasion.cancelled) return false;
  return DateTime.fromISO(nowUtc, { zone: 'utc' }) >= DateTime.fromISO(occasion.startUtc, { zone: 'utc' }).minus(CHECK_IN_OPENS_BEFORE);
}
