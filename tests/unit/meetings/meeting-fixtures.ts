import { type Meeting, meetingIdFor } from '../../../src/features/meetings/domain/meeting';
import type { MeetingTimeline } from '../../../src/features/meetings/data/meeting-repository';

/** A meeting with Kent defaults; override what a test cares about. */
export function aMeeting(overrides: Partial<Meeting> & { sourceId: string; startUtc: string }): Meeting {
  const source = overrides.source ?? 'moderngov';
  return {
    id: meetingIdFor(source, overrides.sourceId),
    source,
    committee: 'Corporate Parenting Panel',
    title: 'Corporate Parenting Panel',
    endUtc: undefined,
    zone: 'Europe/London',
    allDay: false,
    venue: 'Darent Room, Sessions House, County Hall, Maidstone',
    status: 'scheduled',
    agenda: { published: false, items: [] },
    minutes: { published: false },
    documents: [],
    sequence: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** The timeline over an array, for answering questions without storage. */
export class ArrayTimeline implements MeetingTimeline {
  constructor(private readonly meetings: Meeting[]) {}

  async listStartingBetween(fromUtc: string, toUtc: string): Promise<Meeting[]> {
    return this.sorted().filter((m) => m.startUtc >= fromUtc && m.startUtc < toUtc);
  }

  async listStartingFrom(fromUtc: string, limit: number): Promise<Meeting[]> {
    return this.sorted()
      .filter((m) => m.startUtc >= fromUtc)
      .slice(0, limit);
  }

  private sorted(): Meeting[] {
    return [...this.meetings].sort((a, b) => a.startUtc.localeCompare(b.startUtc));
  }
}
