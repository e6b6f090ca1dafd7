import { DateTime } from 'luxon';
import {
  formatLondonDate,
  formatLondonDateTime,
  formatLondonTime,
  londonStartOfDay,
  londonWallTimeToUtc,
  wallTimeToUtc,
} from '../../../src/platform/time/london';

const utc = (wall: { year: number; month: number; day: number; hour: number; minute: number }) => londonWallTimeToUtc(wall).toISO();

describe('London wall time to UTC', () => {
  it('uses GMT in winter and BST in summer', () => {
    expect(utc({ year: 2026, month: 1, day: 20, hour: 10, minute: 0 })).toBe('2026-01-20T10:00:00.000Z');
    expect(utc({ year: 2026, month: 7, day: 14, hour: 10, minute: 0 })).toBe('2026-07-14T09:00:00.000Z');
  });

  it.each([
    // Spring 2026 and 2027: 01:00-01:59 does not exist; it moves forward by the hour gap.
    [{ year: 2026, month: 3, day: 29, hour: 0, minute: 59 }, '2026-03-29T00:59:00.000Z'],
    [{ year: 2026, month: 3, day: 29, hour: 1, minute: 0 }, '2026-03-29T01:00:00.000Z'],
    [{ year: 2026, month: 3, day: 29, hour: 1, minute: 30 }, '2026-03-29T01:30:00.000Z'],
    [{ year: 2026, month: 3, day: 29, hour: 2, minute: 0 }, '2026-03-29T01:00:00.000Z'],
    [{ year: 2027, month: 3, day: 28, hour: 1, minute: 30 }, '2027-03-28T01:30:00.000Z'],
    [{ year: 2027, month: 3, day: 28, hour: 2, minute: 30 }, '2027-03-28T01:30:00.000Z'],
  ])('spring gap: %o -> %s', (wall, expected) => {
    expect(utc(wall)).toBe(expected);
  });

  it.each([
    // Autumn 2026 and 2027: 01:00-01:59 happens twice; the first (BST) occurrence is chosen.
    [{ year: 2026, month: 10, day: 25, hour: 0, minute: 30 }, '2026-10-24T23:30:00.000Z'],
    [{ year: 2026, month: 10, day: 25, hour: 1, minute: 0 }, '2026-10-25T00:00:00.000Z'],
    [{ year: 2026, month: 10, day: 25, hour: 1, minute: 30 }, '2026-10-25T00:30:00.000Z'],
    [{ year: 2026, month: 10, day: 25, hour: 2, minute: 0 }, '2026-10-25T02:00:00.000Z'],
    [{ year: 2027, month: 10, day: 31, hour: 1, minute: 30 }, '2027-10-31T00:30:00.000Z'],
    [{ year: 2027, month: 10, day: 31, hour: 2, minute: 30 }, '2027-10-31T02:30:00.000Z'],
  ])('autumn overlap: %o -> %s', (wall, expected) => {
    expect(utc(wall)).toBe(expected);
  });

  it('the spring-gap result reads back as the wall time an hour later, the autumn one as the first 01:30', () => {
    const gap = londonWallTimeToUtc({ year: 2026, month: 3, day: 29, hour: 1, minute: 30 }).setZone('Europe/London');
    expect(gap.toFormat('HH:mm ZZ')).toBe('02:30 +01:00');
    const overlap = londonWallTimeToUtc({ year: 2026, month: 10, day: 25, hour: 1, minute: 30 }).setZone('Europe/London');
    expect(overlap.toFormat('HH:mm ZZ')).toBe('01:30 +01:00');
  });

  it('works for other zones and refuses impossible dates and unknown zones', () => {
    expect(wallTimeToUtc({ year: 2026, month: 7, day: 1, hour: 10, minute: 0 }, 'Europe/Berlin').toISO()).toBe('2026-07-01T08:00:00.000Z');
    expect(() => londonWallTimeToUtc({ year: 2026, month: 2, day: 31, hour: 10, minute: 0 })).toThrow(RangeError);
    expect(() => wallTimeToUtc({ year: 2026, month: 2, day: 1, hour: 10, minute: 0 }, 'Mars/Olympus')).toThrow(RangeError);
  });

  it('London midnight on DST days', () => {
    expect(londonStartOfDay('2026-03-29').toISO()).toBe('2026-03-29T00:00:00.000Z');
    expect(londonStartOfDay('2026-03-30').toISO()).toBe('2026-03-29T23:00:00.000Z');
    expect(londonStartOfDay('2026-10-25').toISO()).toBe('2026-10-24T23:00:00.000Z');
    expect(londonStartOfDay('2026-10-26').toISO()).toBe('2026-10-26T00:00:00.000Z');
  });
});

describe('London formatting', () => {
  it("formats like 'Monday 20 March 2017, 1:00pm'", () => {
    expect(formatLondonDateTime('2017-03-20T13:00:00Z')).toBe('Monday 20 March 2017, 1:00pm');
    expect(formatLondonDateTime(DateTime.fromISO('2026-07-14T09:00:00Z'))).toBe('Tuesday 14 July 2026, 10:00am');
  });

  it('shows noon, midnight and minutes the way people write them', () => {
    expect(formatLondonTime('2026-01-20T12:00:00Z')).toBe('12:00pm');
    expect(formatLondonTime('2026-01-20T00:05:00Z')).toBe('12:05am');
    expect(formatLondonTime('2026-06-20T13:30:00Z')).toBe('2:30pm');
  });

  it('uses the London date, not the UTC one, around midnight in summer', () => {
    expect(formatLondonDate('2026-06-30T23:30:00Z')).toBe('Wednesday 1 July 2026');
  });
});
