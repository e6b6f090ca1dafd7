import { DateTime } from 'luxon';
import { participationEventSchema } from '../../../src/features/events/domain/event';
import { loadSampleEventDefinition, sampleEventFor } from '../../../src/local/sample-event';
import { LONDON } from '../../../src/platform/time/clock';
import { bulletinWindow } from '../../../src/features/calendar/domain/bulletin';

describe('the sample participation event', () => {
  const definition = loadSampleEventDefinition();

  it.each([
    '2026-01-01T00:00:00Z',
    '2026-12-01T09:00:00Z',
    // 15 days before a Thursday 18:00, just after it: the next Thursday is a week later.
    '2026-12-02T18:05:00Z',
    '2027-03-28T00:30:00Z',
    '2033-10-30T23:59:00Z',
  ])(
    'at %s: a valid, labelled event on a Thursday at 18:00 London time, 15 to 22 days ahead and within the bulletin window, RSVP a week before',
    (at) => {
      const now = DateTime.fromISO(at).setZone(LONDON);
      const event = sampleEventFor(definition, now);
      expect(participationEventSchema.safeParse(event).success).toBe(true);
      const start = DateTime.fromISO(event.startUtc).setZone(LONDON);
      expect(start.weekdayLong).toBe('Thursday');
      expect(start.toFormat('HH:mm')).toBe('18:00');
      const daysAhead = start.diff(now, 'days').days;
      expect(daysAhead).toBeGreaterThanOrEqual(15);
      expect(daysAhead).toBeLessThan(15 + 7);
      expect(event.startUtc < bulletinWindow(now.toUTC().toISO()!).toUtc).toBe(true);
      expect(DateTime.fromISO(event.rsvpByUtc).setZone(LONDON).toISODate()).toBe(start.minus({ days: 7 }).toISODate());
      expect(event.title).toContain('(sample data)');
      expect(event.audience).toEqual({ kind: 'panel' });
    },
  );

  it('is the same event (same id and start) for every start within a week, and a new one after it', () => {
    const first = sampleEventFor(definition, DateTime.fromISO('2026-12-01T09:00:00Z'));
    const sameCycle = sampleEventFor(definition, DateTime.fromISO('2026-12-02T09:00:00Z'));
    const later = sampleEventFor(definition, DateTime.fromISO('2026-12-04T09:00:00Z'));
    expect(sameCycle.id).toBe(first.id);
    expect(sameCycle.startUtc).toBe(first.startUtc);
    expect(later.id).not.toBe(first.id);
  });
});
