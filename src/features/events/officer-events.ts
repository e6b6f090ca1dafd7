import type { Duration } from 'luxon';
import { DomainError } from '../../shared/errors/domain-error';
import type { Actor } from '../../shared/access/actor';
import { utcIso } from '../meetings';
import { type Clock, LONDON } from '../../platform/time/clock';
import { type EventChange, type EventId, type ParticipationEvent, eventIdForForm, eventIdSchema, newEventId } from './domain/event';
import { EventConcurrencyError, type EventRepository } from './data/event-repository';
import { type TeamChoice, type ValidEventForm, validateEventForm } from './domain/event-form';
import { requirePermission } from '../../shared/access/policy';
import { formIdOf } from '../../shared/forms/form';
import { isConflict } from '../../platform/storage/keys';
import { withoutUndefined } from '../../shared/objects/without-undefined';

export interface OfficerEventsOptions {
  /** EVENT_MIN_NOTICE: less notice than this needs the officer's confirmation and is flagged. */
  minNotice: Duration;
}

/** A change to an event and whether it changed anything (only then do invitees need telling). */
export interface EventChangeResult {
  event: ParticipationEvent;
  changed: boolean;
}

/**
 * Participation events as officers create, update and cancel them. Only officers (and admins) may.
 * Validation errors come back as EventFormError so the form is redrawn with them. Sending the
 * invitations is the caller's job: these methods return the event to send.
 */
export class OfficerEvents {
  constructor(
    private readonly repository: EventRepository,
    private readonly clock: Clock,
    private readonly options: OfficerEventsOptions,
  ) {}

  /**
   * Creates an event from the form's values (`teams`: the Teams the bot is installed in, for the
   * audience). The form's `formId` decides the event's id, so the same form delivered twice, even
   * at once, creates one event: the later delivery gets the first's event back as a duplicate.
   */
  async create(
    actor: Actor,
    input: unknown,
    teams: readonly TeamChoice[],
  ): Promise<{ event: ParticipationEvent; outcome: 'created' | 'duplicate' }> {
    assertOfficer(actor);
    const formId = formIdOf(input);
    const id = formId ? eventIdForForm(formId) : newEventId();
    const earlier = await this.repository.get(id);
    if (earlier) return { event: earlier.event, outcome: 'duplicate' };
    const nowUtc = this.nowUtc();
    const form = validateEventForm(input, { nowUtc, minNotice: this.options.minNotice, teams });
    const event: ParticipationEvent = withoutUndefined({
      ...form,
      id,
      zone: LONDON,
      status: 'scheduled' as const,
      lastChanges: [],
      sequence: 0,
      createdBy: { aadObjectId: actor.aadObjectId, name: actor.name },
      createdAt: nowUtc,
      updatedAt: nowUtc,
    });
    try {
      await this.repository.create(event);
    } catch (error) {
      const winner = isConflict(error) ? await this.repository.get(id) : undefined;
      if (winner) return { event: winner.event, outcome: 'duplicate' };
      throw error;
    }
    return { event, outcome: 'created' };
  }

  /**
   * Updates an event from the form's values. `expectedSequence`, from the card the officer
   * edited, refuses a change made on top of someone else's newer one. RSVPs are untouched.
   */
  async update(
    actor: Actor,
    eventId: unknown,
    input: unknown,
    teams: readonly TeamChoice[],
    expectedSequence?: number,
  ): Promise<EventChangeResult> {
    assertOfficer(actor);
    const nowUtc = this.nowUtc();
    return this.change(parseId(eventId), expectedSequence, (current) => {
      if (current.status === 'cancelled')
        throw new DomainError('conflict', 'This event has been cancelled, so it cannot be changed. Create a new event instead.');
      const form = validateEventForm(input, { nowUtc, minNotice: this.options.minNotice, teams, current });
      return applyForm(current, form, nowUtc);
    });
  }

  /** Cancels an event: it stays listed, shown as cancelled, with its RSVPs. Cancelling twice is harmless. */
  async cancel(actor: Actor, eventId: unknown, expectedSequence?: number): Promise<EventChangeResult> {
    assertOfficer(actor);
    const nowUtc = this.nowUtc();
    return this.change(parseId(eventId), expectedSequence, (current) => {
      if (current.status === 'cancelled') return 'unchanged';
      return { ...current, status: 'cancelled', lastChanges: [], cancelledAt: nowUtc, sequence: current.sequence + 1, updatedAt: nowUtc };
    });
  }

  /** The event to prefill the update form with, or to show on the officer's status card. */
  async get(actor: Actor, eventId: unknown): Promise<ParticipationEvent> {
    assertOfficer(actor);
    const stored = await this.repository.get(parseId(eventId));
    if (!stored) throw notFound();
    return stored.event;
  }

  private async change(
    id: EventId,
    expectedSequence: number | undefined,
    decide: (current: ParticipationEvent) => ParticipationEvent | 'unchanged',
  ): Promise<EventChangeResult> {
    try {
      const result = await this.repository.mutate(id, (current) => {
        // A cancel repeated from a stale card is still harmless, so only real changes check the version.
        if (expectedSequence !== undefined && current.sequence !== expectedSequence && current.status !== 'cancelled') {
          throw new DomainError(
            'conflict',
            'Someone else changed this event after you opened it. Open it again to see the latest version, then make your change.',
          );
        }
        return decide(current);
      });
      if (!result) throw notFound();
      return result;
    } catch (error) {
      if (error instanceof EventConcurrencyError)
        throw new DomainError('conflict', 'This event is being changed by someone else right now. Please try again.', { cause: error });
      throw error;
    }
  }

  private nowUtc(): string {
    return utcIso(this.clock.now());
  }
}

/** The event after the form's changes, or 'unchanged' when the form says nothing new. */
export function applyForm(current: ParticipationEvent, form: ValidEventForm, nowUtc: string): ParticipationEvent | 'unchanged' {
  const changes = changesBetween(current, form);
  if (changes.length === 0) return 'unchanged';
  const next: ParticipationEvent = {
    ...current,
    ...form,
    onlineUrl: form.onlineUrl,
    details: form.details,
    lastChanges: changes,
    previousStartUtc: changes.includes('time') && form.startUtc !== current.startUtc ? current.startUtc : current.previousStartUtc,
    sequence: current.sequence + 1,
    updatedAt: nowUtc,
  };
  return withoutUndefined(next);
}

function changesBetween(current: ParticipationEvent, form: ValidEventForm): EventChange[] {
  const changes: EventChange[] = [];
  if (current.title !== form.title) changes.push('title');
  if (current.kind !== form.kind) changes.push('kind');
  if (current.startUtc !== form.startUtc || current.endUtc !== form.endUtc) changes.push('time');
  if (current.venue !== form.venue) changes.push('venue');
  if ((current.details ?? '') !== (form.details ?? '')) changes.push('details');
  if (current.rsvpByUtc !== form.rsvpByUtc) changes.push('rsvpBy');
  if (JSON.stringify(current.audience) !== JSON.stringify(form.audience)) changes.push('audience');
  return changes;
}

function assertOfficer(actor: Actor): void {
  requirePermission(actor, 'events.manage');
}

function parseId(value: unknown): EventId {
  const parsed = eventIdSchema.safeParse(value);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

function notFound(): DomainError {
  return new DomainError('not_found', 'That event could not be found.');
}
