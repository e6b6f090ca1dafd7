import { DomainError } from '../../shared/errors/domain-error';
import type { Actor } from '../../shared/access/actor';
import { type EventId, type EventPerson, type ParticipationEvent, eventIdSchema } from './domain/event';
import type { EventInvitations } from './data/event-invitations';
import type { EventRepository } from './data/event-repository';
import { CSV_CONTENT_TYPE, attendeesCsv, attendeesCsvFileName } from './domain/attendee-csv';
import { type NamesByResponse, type Rsvp, type RsvpTotals, namesByResponse, rsvpResponseSchema, totalsOf } from './domain/rsvp';
import type { RsvpBook, RsvpOutcome } from './data/rsvp-book';
import { requirePermission } from '../../shared/access/policy';
import { type EventViewer, eventVisibleTo } from './domain/event-visibility';

const NO_EVENT = 'That event could not be found.';

/** What a member's invitation card shows after a click or a refresh. */
export interface InvitationView {
  event: ParticipationEvent;
  /** The viewer's own answer, if they gave one. */
  mine?: Rsvp;
  totals: RsvpTotals;
}

/** What the officer's attendee card and status card show. */
export interface AttendeeList {
  event: ParticipationEvent;
  rsvps: Rsvp[];
  names: NamesByResponse;
  totals: RsvpTotals;
  invited: number;
  /** Invited members who have not answered. */
  noAnswer: number;
}

export interface CsvFile {
  fileName: string;
  contentType: string;
  body: string;
}

/**
 * RSVPs as the Teams layer uses them: ids and answers from card data are validated here, the
 * member is whoever Teams says clicked, and only invited members may answer (a forwarded card
 * does not let a stranger put their name down).
 */
export class EventRsvps {
  constructor(
    private readonly events: EventRepository,
    private readonly book: RsvpBook,
    private readonly invitations: EventInvitations,
  ) {}

  /**
   * Records the member's answer (`event.rsvp`); the same answer twice records once. Whoever may
   * see the event may answer: someone whose role it is for but who was not invited yet (they
   * joined the panel since) is added to the invitation list, so they hear of changes too.
   */
  async respond(
    eventId: unknown,
    member: EventPerson & EventViewer,
    response: unknown,
  ): Promise<InvitationView & { outcome: RsvpOutcome['kind'] }> {
    const answer = rsvpResponseSchema.safeParse(response);
    if (!answer.success) throw new DomainError('invalid_input', "Please choose Going, Maybe or Can't go.");
    const { event, invited } = await this.visible(eventId, member);
    if (!invited) await this.invitations.record(event.id, [{ aadObjectId: member.aadObjectId, name: member.name }]);
    const outcome = await this.book.respond(event, member, answer.data);
    return { event, mine: outcome.rsvp, totals: totalsOf(await this.book.forEvent(event.id)), outcome: outcome.kind };
  }

  /** The member's invitation as it stands (card refresh); an event they may not see is answered as if it did not exist. */
  async view(eventId: unknown, viewer: EventViewer): Promise<InvitationView> {
    const { event } = await this.visible(eventId, viewer);
    const aadObjectId = viewer.aadObjectId;
    const rsvps = await this.book.forEvent(event.id);
    const mine = rsvps.find((rsvp) => rsvp.aadObjectId === aadObjectId);
    return mine ? { event, mine, totals: totalsOf(rsvps) } : { event, totals: totalsOf(rsvps) };
  }

  /** "attendees for <event>": names by answer, for officers. */
  async attendees(actor: Actor, eventId: unknown): Promise<AttendeeList> {
    assertOfficer(actor);
    const event = await this.load(eventId);
    const [rsvps, invited] = await Promise.all([this.book.forEvent(event.id), this.invitations.list(event.id)]);
    const invitedIds = new Set(invited.map((invitation) => invitation.aadObjectId));
    const answered = rsvps.filter((rsvp) => invitedIds.has(rsvp.aadObjectId)).length;
    return {
      event,
      rsvps,
      names: namesByResponse(rsvps),
      totals: totalsOf(rsvps),
      invited: invited.length,
      noAnswer: invited.length - answered,
    };
  }

  /** The attendee CSV, for officers only. */
  async attendeesCsv(actor: Actor, eventId: unknown): Promise<CsvFile> {
    const list = await this.attendees(actor, eventId);
    return { fileName: attendeesCsvFileName(list.event), contentType: CSV_CONTENT_TYPE, body: attendeesCsv(list.rsvps) };
  }

  /** Who gets the day-before reminder: Going or Maybe, and nobody once the event is cancelled. */
  async membersToRemind(eventId: EventId): Promise<EventPerson[]> {
    const stored = await this.events.get(eventIdSchema.parse(eventId));
    if (!stored || stored.event.status === 'cancelled') return [];
    return (await this.book.goingOrMaybe(eventId)).map(({ aadObjectId, name }) => ({ aadObjectId, name }));
  }

  private async load(eventId: unknown): Promise<ParticipationEvent> {
    const id = eventIdSchema.safeParse(eventId);
    const stored = id.success ? await this.events.get(id.data) : undefined;
    if (!stored) throw new DomainError('not_found', NO_EVENT);
    return stored.event;
  }

  /**
   * The event if `viewer` may see it. The event and the viewer's invitation are read together
   * whether or not the event exists, and a hidden event gets the missing event's words: the
   * answer tells a stranger nothing.
   */
  private async visible(eventId: unknown, viewer: EventViewer): Promise<{ event: ParticipationEvent; invited: boolean }> {
    const id = eventIdSchema.safeParse(eventId);
    if (!id.success) throw new DomainError('not_found', NO_EVENT);
    const [stored, invited] = await Promise.all([this.events.get(id.data), this.invitations.isInvited(id.data, viewer.aadObjectId)]);
    if (!stored || !eventVisibleTo(stored.event, viewer, invited)) throw new DomainError('not_found', NO_EVENT);
    return { event: stored.event, invited };
  }
}

function assertOfficer(actor: Actor): void {
  requirePermission(actor, 'events.attendees');
}
