import { DateTime } from 'luxon';
import { nextBulletinAt, parseBulletinSchedule } from '../../../src/features/calendar/domain/bulletin-schedule';

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });

describe('bulletin schedule', () => {
  it('parses a weekday and time and refuses anything else', () => {
    expect(parseBulletinSchedule('mon 08:00')).toEqual({ weekday: 1, hour: 8, minute: 0 });
    expect(parseBulletinSchedule('FRI 17:30')).toEqual({ weekday: 5, hour: 17, minute: 30 });
    for (const bad of ['Monday 8am', 'MON 24:00', 'MON', '']) expect(() => parseBulletinSchedule(bad)).toThrow('MON 08:00');
  });

  it('finds the next Monday 08:00 in London time, also across the clock change', () => {
    const monday8 = parseBulletinSchedule('MON 08:00');
    expect(nextBulletinAt(monday8, at('2026-11-23T07:59:00Z')).toISO()).toBe('2026-11-23T08:00:00.000+00:00');
    expect(nextBulletinAt(monday8, at('2026-11-23T08:00:00Z')).toISO()).toBe('2026-11-30T08:00:00.000+00:00');
    expect(nextBulletinAt(monday8, at('2026-03-25T12:00:00Z')).toISO()).toBe('2026-03-30T08:00:00.000+01:00');
  });
});
