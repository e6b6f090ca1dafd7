import { Duration } from 'luxon';
import type { ParticipationEvent } from '../../../src/features/events/domain/event';
import type { EventTimeline } from '../../../src/features/events/data/event-repository';
import type { Actor } from '../../../src/shared/access/actor';

export const officer: Actor = {
  aadObjectId: '11111111-1111-4111-8111-111111111111',
  name: 'Sam Officer',
  tenantId: 'kent',
  role: 'officer',
};
export const member: Actor = {
  aadObjectId: '22222222-2222-4222-8222-222222222222',
  name: 'Cllr Martin Hughes',
  tenantId: 'kent',
  role: 'panel',
};
export const priya: Actor = {
  aadObjectId: '33333333-3333-4333-8333-333333333333',
  name: 'Cllr Priya Shah',
  tenantId: 'kent',
  role: 'panel',
};
export const FOURTEEN_DAYS = Duration.fromISO('P14D');

/** A Kent awards evening with defaults; override what a test cares about. */
export function anEvent(overrides: Partial<ParticipationEvent> = {}): ParticipationEvent {
  return {
    id: 'ev-0123456789abcdef01234567',
    title: 'Virtual School Kent achievement awards',
    kind: 'achievement-awards',
    startUtc: '2027-02-10T18:00:00.000Z',
    endUtc: '2027-02-10T20:30:00.000Z',
    zone: 'Europe/London',
    venue: 'Sessions House, County Hall, Maidstone',
    details: 'Celebrating the achievements of children in care and care leavers.',
    rsvpByUtc: '2027-02-04T00:00:00.000Z',
    audience: { kind: 'panel' },
    shortNotice: false,
    status: 'scheduled',
    lastChanges: [],
    sequence: 0,
    createdBy: { aadObjectId: officer.aadObjectId, name: officer.name },
    createdAt: '2027-01-05T09:00:00.000Z',
    updatedAt: '2027-01-05T09:00:00.000Z',
    ...overrides,
  };
}

/** A complete, valid form for an event on 10 February 2027, 6pm to 8:30pm London time. */
export function aForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Virtual School Kent achievement awards',
    kind: 'achievement-awards',
    start: '2027-02-10T18:00',
    end: '2027-02-10T20:30',
    venue: 'Sessions House, County Hall, Maidstone',
    details: 'Celebrating the achievements of children in care and care leavers.',
    rsvpBy: '2027-02-03',
    audience: 'panel',
    confirmShortNotice: 'false',
    ...overrides,
  };
}

/** The timeline over an array. */
export class ArrayEventTimeline implements EventTimeline {
  constructor(private readonly events: ParticipationEvent[]) {}

  async listStartingBetween(fromUtc: string, toUtc: string): Promise<ParticipationEvent[]> {
    return [...this.events].filter((e) => e.startUtc >= fromUtc && e.startUtc < toUtc).sort((a, b) => a.startUtc.localeCompare(b.startUtc));
  }
}
