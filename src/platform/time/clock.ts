import { DateTime } from 'luxon';

/** Europe/London: the zone every person-facing time is shown in. */
export const LONDON = 'Europe/London';

/** The one source of "now", injected everywhere so tests can travel in time. */
export interface Clock {
  now(): DateTime;
}

/** The real clock, in Europe/London. */
export class SystemClock implements Clock {
  now(): DateTime {
    return DateTime.now().setZone(LONDON);
  }
}

/** A clock that stands still until moved: for tests and benchmarks. */
export class ManualClock implements Clock {
  private current: DateTime;

  constructor(start: DateTime | string) {
    this.current = (typeof start === 'string' ? DateTime.fromISO(start, { setZone: true }) : start).setZone(LONDON);
    if (!this.current.isValid) throw new Error(`ManualClock: invalid start ${String(start)}`);
  }

  now(): DateTime {
    return this.current;
  }

  set(to: DateTime): void {
    this.current = to.setZone(LONDON);
  }

  advance(duration: Parameters<DateTime['plus']>[0]): void {
    this.current = this.current.plus(duration);
  }
}
