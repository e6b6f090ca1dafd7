import { DateTime } from 'luxon';
import { type Clock, LONDON } from '../../src/platform/time/clock';

/**
 * Real time, shifted: time keeps flowing (so pollers and pacers that wait for it work), and a test
 * can jump to any date, e.g. a week before a meeting, then to the moment a reminder is due.
 */
export class TravelClock implements Clock {
  private offsetMs = 0;

  constructor(start?: string) {
    if (start) this.travelTo(start);
  }

  now(): DateTime {
    return DateTime.fromMillis(Date.now() + this.offsetMs).setZone(LONDON);
  }

  travelTo(iso: string): void {
    const target = DateTime.fromISO(iso, { setZone: true });
    if (!target.isValid) throw new Error(`TravelClock: invalid date ${iso}`);
    this.offsetMs = target.toMillis() - Date.now();
  }
}
