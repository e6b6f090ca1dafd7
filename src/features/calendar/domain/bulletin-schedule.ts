import type { DateTime } from 'luxon';
import { LONDON } from '../../../platform/time/clock';

const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;

/** When the weekly Member Bulletin goes out: a weekday and a Europe/London wall time. */
export interface BulletinSchedule {
  weekday: number;
  hour: number;
  minute: number;
}

/** "MON 08:00" -> schedule; throws with a message naming the expected form. */
export function parseBulletinSchedule(text: string): BulletinSchedule {
  const match = /^(MON|TUE|WED|THU|FRI|SAT|SUN)\s+([01]\d|2[0-3]):([0-5]\d)$/i.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a weekday and time such as MON 08:00`);
  return { weekday: DAYS.indexOf(match[1]!.toUpperCase() as (typeof DAYS)[number]) + 1, hour: Number(match[2]), minute: Number(match[3]) };
}

/** The next time strictly after `now` that the bulletin is due, in Europe/London wall time. */
export function nextBulletinAt(schedule: BulletinSchedule, now: DateTime): DateTime {
  const local = now.setZone(LONDON);
  let candidate = local.set({ weekday: schedule.weekday as 1, hour: schedule.hour, minute: schedule.minute, second: 0, millisecond: 0 });
  if (candidate <= local) candidate = candidate.plus({ weeks: 1 });
  return candidate;
}
