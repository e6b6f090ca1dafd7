import { type DateTime, Duration } from 'luxon';
import { LONDON } from '../../../platform/time/clock';

/** "P7D,P1D" -> durations, longest first; throws naming the bad part. */
export function parseReminderOffsets(text: string): Duration[] {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) throw new Error('no reminder offsets given');
  const offsets = parts.map((part) => {
    const duration = Duration.fromISO(part);
    if (!duration.isValid || duration.toMillis() <= 0) throw new Error(`"${part}" is not a positive ISO-8601 duration such as P7D or PT2H`);
    return duration;
  });
  return offsets.sort((a, b) => b.toMillis() - a.toMillis());
}

/**
 * When a reminder `offset` before `start` is due. Calendar parts (days, weeks) are taken in
 * Europe/London wall time, so "P1D" before a 10:00 meeting is 10:00 the day before across a clock
 * change. A wall time that does not exist (the spring gap) comes out one hour later; one that
 * happens twice (autumn) keeps the meeting's own UTC offset, i.e. the later, GMT, occurrence.
 * Either way it is one instant, so the reminder fires once.
 */
export function reminderDueAt(start: DateTime, offset: Duration): DateTime {
  return start.setZone(LONDON).minus(offset).toUTC();
}
