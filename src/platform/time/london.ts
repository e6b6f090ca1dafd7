import { DateTime } from 'luxon';
import { LONDON } from './clock';

/** A wall-clock time as people write it, without a zone or offset. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
}

/**
 * Converts a local wall time in `zone` to a UTC instant, deterministically across DST changes:
 *
 * - a time that does not exist (the spring gap: 01:00-01:59 in London on the last Sunday in March)
 *   is moved forward by the length of the gap, so 01:30 becomes 02:30 BST (01:30 UTC);
 * - a time that happens twice (the autumn overlap: 01:00-01:59 on the last Sunday in October)
 *   resolves to its first occurrence, still in BST (so 01:30 becomes 00:30 UTC).
 *
 * Why not leave it to luxon: its choice is documented loosely and these rules are what a person
 * who typed "1:30" most plausibly meant; meetings are never actually held then, but feeds and
 * forms can still carry such times and the answer must not depend on a library's version.
 */
export function wallTimeToUtc(wall: WallTime, zone: string = LONDON): DateTime {
  const asUtc = DateTime.fromObject(
    { year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute, second: wall.second ?? 0 },
    { zone: 'utc' },
  );
  if (!asUtc.isValid) throw new RangeError(`invalid wall time ${JSON.stringify(wall)}`);
  if (!DateTime.local().setZone(zone).isValid) throw new RangeError(`unknown time zone ${zone}`);
  const wallMillis = asUtc.toMillis();
  // The offsets in force a day either side cover every real transition (none lasts longer).
  const offsetBefore = offsetMinutes(wallMillis - 86_400_000, zone);
  const offsetAfter = offsetMinutes(wallMillis + 86_400_000, zone);
  const candidates = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => wallMillis - offset * 60_000)
    .filter((instant) => localMillis(instant, zone) === wallMillis)
    .sort((a, b) => a - b);
  const first = candidates[0];
  const instant = first ?? wallMillis - offsetBefore * 60_000;
  return DateTime.fromMillis(instant, { zone: 'utc' });
}

/** Europe/London wall time to UTC: see {@link wallTimeToUtc} for the gap and overlap rules. */
export function londonWallTimeToUtc(wall: WallTime): DateTime {
  return wallTimeToUtc(wall, LONDON);
}

/** Midnight at the start of a London calendar date (`YYYY-MM-DD`), as a UTC instant. */
export function londonStartOfDay(isoDate: string): DateTime {
  const date = DateTime.fromISO(isoDate, { zone: 'utc' });
  if (!date.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new RangeError(`invalid date ${isoDate}`);
  return londonWallTimeToUtc({ year: date.year, month: date.month, day: date.day, hour: 0, minute: 0 });
}

/** The instant as a London DateTime. */
export function inLondon(instant: DateTime | string): DateTime {
  const value = typeof instant === 'string' ? DateTime.fromISO(instant, { setZone: true }) : instant;
  if (!value.isValid) throw new RangeError(`invalid instant ${String(instant)}`);
  return value.setZone(LONDON);
}

/** The London calendar date of an instant, `YYYY-MM-DD`. */
export function londonDate(instant: DateTime | string): string {
  return inLondon(instant).toFormat('yyyy-MM-dd');
}

/** The first `hour`:`minute` London wall time strictly after `after` (today's, else tomorrow's): daily jobs. */
export function nextLondonTimeOfDay(after: DateTime, hour: number, minute = 0): DateTime {
  const local = after.setZone(LONDON);
  const today = local.set({ hour, minute, second: 0, millisecond: 0 });
  return today > local ? today : today.plus({ days: 1 }).set({ hour, minute });
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 'Monday 20 March 2017' in Europe/London, without depending on the host's ICU data. */
export function formatLondonDate(instant: DateTime | string): string {
  const local = inLondon(instant);
  return `${WEEKDAYS[local.weekday - 1]} ${local.day} ${MONTHS[local.month - 1]} ${local.year}`;
}

/** '1:00pm', '10:30am', '12:00pm' (noon), '12:00am' (midnight), in Europe/London. */
export function formatLondonTime(instant: DateTime | string): string {
  const local = inLondon(instant);
  const hour12 = local.hour % 12 === 0 ? 12 : local.hour % 12;
  return `${hour12}:${String(local.minute).padStart(2, '0')}${local.hour < 12 ? 'am' : 'pm'}`;
}

/** 'Monday 20 March 2017, 1:00pm' in Europe/London. */
export function formatLondonDateTime(instant: DateTime | string): string {
  return `${formatLondonDate(instant)}, ${formatLondonTime(instant)}`;
}

/** 'March 2027'. */
export function formatMonthYear(year: number, month: number): string {
  return `${MONTHS[month - 1]} ${year}`;
}

function offsetMinutes(millis: number, zone: string): number {
  return DateTime.fromMillis(millis, { zone }).offset;
}

function localMillis(instant: number, zone: string): number {
  const local = DateTime.fromMillis(instant, { zone });
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);
}
