import { DateTime, Duration } from 'luxon';
import { parseReminderOffsets, reminderDueAt } from '../../../src/features/meetings/domain/reminder-offsets';

const london = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/London' });

describe('parseReminderOffsets', () => {
  it('reads the default and sorts longest first', () => {
    expect(parseReminderOffsets('P1D, P7D').map((d) => d.toISO())).toEqual(['P7D', 'P1D']);
    expect(parseReminderOffsets('PT2H').map((d) => d.as('minutes'))).toEqual([120]);
  });

  it.each(['', 'P1X', '7 days', 'P0D', '-P1D'])('refuses %p', (text) => {
    expect(() => parseReminderOffsets(text)).toThrow();
  });
});

describe('reminderDueAt across clock changes (Europe/London)', () => {
  const day = Duration.fromISO('P1D');
  const week = Duration.fromISO('P7D');

  it('keeps the wall time the day before a meeting just after the spring change (29 Mar 2026)', () => {
    const due = reminderDueAt(london('2026-03-30T10:00'), day);
    expect(due.setZone('Europe/London').toISO()).toBe('2026-03-29T10:00:00.000+01:00');
    expect(due.toISO()).toBe('2026-03-29T09:00:00.000Z');
  });

  it('keeps the wall time a week before a meeting just after the autumn change (25 Oct 2026)', () => {
    expect(reminderDueAt(london('2026-10-28T14:00'), week).setZone('Europe/London').toISO()).toBe('2026-10-21T14:00:00.000+01:00');
    expect(reminderDueAt(london('2026-10-26T14:00'), day).toISO()).toBe('2026-10-25T14:00:00.000Z');
  });

  it('moves a due time that falls in the spring gap (28 Mar 2027, 01:00-01:59 does not exist) forward, once', () => {
    const due = reminderDueAt(london('2027-03-29T01:30'), day);
    expect(due.toISO()).toBe('2027-03-28T01:30:00.000Z');
    expect(due.setZone('Europe/London').toFormat('HH:mm')).toBe('02:30');
  });

  it("takes one of the two 01:30s on the autumn day (31 Oct 2027): the GMT one, the meeting's own offset", () => {
    const due = reminderDueAt(london('2027-11-01T01:30'), day);
    expect(due.toISO()).toBe('2027-10-31T01:30:00.000Z');
    expect(due.setZone('Europe/London').toISO()).toBe('2027-10-31T01:30:00.000+00:00');
  });

  it('subtracts exact hours as elapsed time', () => {
    expect(reminderDueAt(london('2026-03-29T03:00'), Duration.fromISO('PT2H')).toISO()).toBe('2026-03-29T00:00:00.000Z');
  });
});
