import { DateTime } from 'luxon';
import type { ParticipationEvent, EventRepository } from '../../events';
import type { Meeting, MeetingRepository } from '../../meetings';
import { type Occasion, type OccasionId, occasionIdSchema } from '../domain/attendance';

/** A meeting with no finishing time is taken to last two hours; an all-day one, the day. */
const DEFAULT_MEETING_HOURS = 2;

export function occasionOfEvent(event: ParticipationEvent): Occasion {
  return {
    kind: 'event',
    id: event.id,
    title: event.title,
    startUtc: event.startUtc,
    endUtc: event.endUtc,
    cancelled: event.status === 'cancelled',
    eventKind: event.kind,
  };
}

export function occasionOfMeeting(meeting: Meeting): Occasion {
  const start = DateTime.fromISO(meeting.startUtc, { zone: 'utc' });
  const endUtc =
    meeting.endUtc ??
    start
      .plus(meeting.allDay ? { days: 1 } : { hours: DEFAULT_MEETING_HOURS })
      .toUTC()
      .toISO()!;
  return {
    kind: 'meeting',
    id: meeting.id,
    title: meeting.title,
    startUtc: meeting.startUtc,
    endUtc,
    cancelled: meeting.status === 'cancelled',
  };
}

/** Events and meetings as occasions for attendance, looked up by id (validated) or by time. */
export class Occasions {
  constructor(
    private readonly events: EventRepository,
    private readonly meetings: MeetingRepository,
  ) {}

  /** The occasion with this id, or undefined (also for anything that is not an id). */
  async get(id: unknown): Promise<Occasion | undefined> {
    const parsed = occasionIdSchema.safeParse(id);
    if (!parsed.success) return undefined;
    return this.byId(parsed.data);
  }

  /** Events and meetings that started in [fromUtc, toUtc), earliest first. */
  async startingBetween(fromUtc: string, toUtc: string): Promise<Occasion[]> {
    const [events, meetings] = await Promise.all([
      this.events.listStartingBetween(fromUtc, toUtc),
      this.meetings.listStartingBetween(fromUtc, toUtc),
    ]);
    return [...events.map(occasionOfEvent), ...meetings.map(occasionOfMeeting)].sort((a, b) => a.startUtc.localeCompare(b.startUtc));
  }

  private async byId(id: OccasionId): Promise<Occasion | undefined> {
    if (id.startsWith('ev-')) {
      const stored = await this.events.get(id);
      return stored && occasionOfEvent(stored.event);
    }
    const stored = await this.meetings.get(id);
    return stored && occasionOfMeeting(stored.meeting);
  }
}
