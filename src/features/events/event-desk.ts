import { DateTime, Duration } from 'luxon';
import { AdaptiveCardJson } from '../../shared/cards/card-template';
import { BroadcastSummary, DeliveryService } from '../../platform/delivery/delivery-service';
import { AuditTrail } from '../audit/domain/audit-entry';
import { DomainError } from '../../shared/errors/domain-error';
import { Actor, TurnSender } from '../../shared/access/actor';
import { Member } from '../members';
import { RoleService } from '../members';
import { TeamRegistry } from '../members';
import { JobStore } from '../../platform/scheduler/job-store';
import { JobHandler, JobOutcome, jobHandler } from '../../platform/scheduler/scheduled-job';
import { SignedLinks } from '../../platform/security/signed-links';
import { Clock, LONDON } from '../../platform/time/clock';
import { EventAudience, ParticipationEvent, audienceCode, audienceIncludes, eventIdSchema } from './domain/event';
import { eventAttendeesCard, eventFormCard, eventInvitationCard, eventStatusCard } from './teams/event-cards';
import { EventFormError, TeamChoice } from './domain/event-form';
import { EventInvitations } from './data/event-invitations';
import { EventRepository } from './data/event-repository';
import { EventRsvps } from './event-rsvps';
import { OfficerEvents } from './officer-events';
import { may, requirePermission } from '../../shared/access/policy';
import { JOB_KINDS, batchIds, jobKeys } from '../../shared/keys';
import { formIdOf } from '../../shared/forms/form';
import { z } from 'zod';

export const EVENT_REMINDER_JOB = JOB_KINDS.eventReminder;
export const ATTENDEES_CSV = 'attendees-csv';

const eventReminderPayload = z.object({ eventId: eventIdSchema, startUtc: z.string() });

export interface EventDeskDependencies {
  repository: EventRepository;
  officers: OfficerEvents;
  invitations: EventInvitations;
  rsvps: EventRsvps;
  roles: RoleService;
  teams: TeamRegistry;
  delivery: Pick<DeliveryService, 'broadcast' | 'progress'>;
  jobs: JobStore;
  links: SignedLinks;
  clock: Clock;
  minNotice: Duration;
  publicBaseUrl: string;
  /** Invitations and notices to everyone invited are broadcasts: each is recorded. */
  audit: AuditTrail;
  /** Who has checked in, so a refreshed invitation says so instead of offering "I'm here" again. */
  attendance?: { attended(occasionId: string, aadObjectId: string): Promise<{ atUtc: string } | undefined> };
  /** Members of a Team, from its roster (Teams API); absent means team audiences reach known members only. */
  teamMembers?: (teamId: string) => Promise<Member[]>;
}

/**
 * Participation events (Recommendation 6) behind the cards: officers create, change and cancel;
 * every member of the audience is invited through the delivery engine; members answer; officers
 * see delivery progress and replies. The event is always reloaded server-side.
 */
export class EventDesk {
  constructor(private readonly deps: EventDeskDependencies) {}

  async newEventForm(actor: Actor): Promise<AdaptiveCardJson> {
    requireOfficer(actor);
    return eventFormCard({ teams: await this.teamChoices(), minNotice: this.deps.minNotice });
  }

  async create(actor: Actor, input: unknown): Promise<AdaptiveCardJson> {
    const teams = await this.teamChoices();
    try {
      const { event, outcome } = await this.deps.officers.create(actor, input, teams);
      // Sending and planning are idempotent (one message per member per batch), so a repeated
      // delivery of the form also finishes a run that stopped after the event was stored.
      await this.invite(actor, event, await this.audience(event.audience));
      await this.planReminder(event);
      return this.statusCard(
        actor,
        event,
        outcome === 'created'
          ? 'Event created: invitations are on their way'
          : 'This event was already created: invitations are on their way',
      );
    } catch (error) {
      if (error instanceof EventFormError) return eventFormCard({ teams, minNotice: this.deps.minNotice, error, formId: formIdOf(input) });
      throw error;
    }
  }

  async update(actor: Actor, eventId: unknown, input: unknown, sequence: number | undefined): Promise<AdaptiveCardJson> {
    const teams = await this.teamChoices();
    try {
      const { event, changed } = await this.deps.officers.update(actor, eventId, input, teams, sequence);
      if (changed) {
        await this.tellInvited(actor, event, 'Event updated');
        await this.invite(actor, event, await this.audience(event.audience));
        await this.planReminder(event);
      }
      return this.statusCard(actor, event, changed ? 'Event updated: everyone invited is being told' : 'Nothing changed');
    } catch (error) {
      if (error instanceof EventFormError) return eventFormCard({ teams, minNotice: this.deps.minNotice, error });
      throw error;
    }
  }

  async cancel(actor: Actor, eventId: unknown, sequence: number | undefined): Promise<AdaptiveCardJson> {
    const { event, changed } = await this.deps.officers.cancel(actor, eventId, sequence);
    if (changed) {
      await this.tellInvited(actor, event, 'Event cancelled');
      await this.deps.jobs.cancelWithPrefix(`${EVENT_REMINDER_JOB}|${event.id}|`);
    }
    return this.statusCard(actor, event, 'Event cancelled: everyone invited is being told');
  }

  async editForm(actor: Actor, eventId: unknown): Promise<AdaptiveCardJson> {
    const event = await this.deps.officers.get(actor, eventId);
    return eventFormCard({ teams: await this.teamChoices(), minNotice: this.deps.minNotice, event });
  }

  async status(actor: Actor, eventId: unknown): Promise<AdaptiveCardJson> {
    return this.statusCard(actor, await this.deps.officers.get(actor, eventId));
  }

  async rsvp(sender: TurnSender, eventId: unknown, response: unknown): Promise<AdaptiveCardJson> {
    const view = await this.deps.rsvps.respond(eventId, await sender.actor(), response);
    const heading = view.outcome === 'unchanged' ? 'Your answer was already recorded' : 'Thank you: your answer is recorded';
    return eventInvitationCard(view.event, { ...this.invitationOptions(view.event), mine: view.mine, totals: view.totals, heading });
  }

  async invitation(sender: TurnSender, eventId: unknown, heading?: string): Promise<AdaptiveCardJson> {
    const view = await this.deps.rsvps.view(eventId, await sender.actor());
    const checkedIn = await this.deps.attendance?.attended(view.event.id, sender.aadObjectId);
    return eventInvitationCard(view.event, {
      ...this.invitationOptions(view.event),
      mine: view.mine,
      totals: view.totals,
      heading,
      checkedInAtUtc: checkedIn?.atUtc,
    });
  }

  async attendees(actor: Actor, eventId: unknown): Promise<AdaptiveCardJson> {
    const list = await this.deps.rsvps.attendees(actor, eventId);
    return eventAttendeesCard(list, { csvUrl: this.csvUrl(actor, list.event.id) });
  }

  /** The CSV behind a signed link: the link must be genuine and its holder still an officer. */
  async attendeesCsv(
    eventId: string,
    params: URLSearchParams,
  ): Promise<{ fileName: string; contentType: string; body: string } | undefined> {
    const grant = this.deps.links.verify(ATTENDEES_CSV, eventId, params);
    if (!grant) return undefined;
    const holder: Actor = {
      aadObjectId: grant.aadObjectId,
      name: 'officer',
      tenantId: '',
      role: await this.deps.roles.roleOf(grant.aadObjectId),
    };
    if (!may(holder, 'events.attendees')) return undefined;
    return this.deps.rsvps.attendeesCsv(holder, eventId);
  }

  async upcoming(limit = 10): Promise<ParticipationEvent[]> {
    return this.deps.repository.listUpcoming(this.deps.clock.now().toUTC().toISO()!, limit);
  }

  handlers(): Record<string, JobHandler> {
    return { [EVENT_REMINDER_JOB]: jobHandler(eventReminderPayload, (payload) => this.remind(payload)) };
  }

  private async invite(actor: Actor, event: ParticipationEvent, audience: Member[]): Promise<void> {
    const newcomers = new Set((await this.deps.invitations.record(event.id, audience)).map((person) => person.aadObjectId));
    const members = audience.filter((member) => newcomers.has(member.aadObjectId));
    const summary = await this.deps.delivery.broadcast({
      batchId: batchIds.eventVersion(event.id, event.sequence, 'invitation'),
      members,
      card: (member) => eventInvitationCard(event, { ...this.invitationOptions(event), refreshUserIds: [member.teamsUserId] }),
    });
    await this.auditBroadcast(actor, event, 'invitations', summary);
  }

  private async auditBroadcast(actor: Actor, event: ParticipationEvent, what: string, summary: BroadcastSummary): Promise<void> {
    if (summary.queued + summary.skipped === 0) return; // a repeat that sent nothing new
    const detail = `${what}: ${summary.queued} queued, ${summary.skipped} not reachable (audience ${audienceCode(event.audience)})`;
    await this.deps.audit.record({
      actor: { aadObjectId: actor.aadObjectId, role: actor.role },
      action: 'broadcast',
      subject: { kind: 'event', id: event.id },
      detail,
    });
  }

  /** Updates and cancellations go to everyone ever invited; their replies are kept. */
  private async tellInvited(actor: Actor, event: ParticipationEvent, heading: string): Promise<void> {
    const invited = new Set((await this.deps.invitations.list(event.id)).map((invitation) => invitation.aadObjectId));
    const members = (await this.eligible()).filter((member) => invited.has(member.aadObjectId));
    const summary = await this.deps.delivery.broadcast({
      batchId: batchIds.eventVersion(event.id, event.sequence, 'change'),
      members,
      card: (member) => eventInvitationCard(event, { ...this.invitationOptions(event), heading, refreshUserIds: [member.teamsUserId] }),
    });
    await this.auditBroadcast(actor, event, heading.toLowerCase(), summary);
  }

  private async planReminder(event: ParticipationEvent): Promise<void> {
    const prefix = jobKeys.eventRemindersOf(event.id);
    await this.deps.jobs.cancelWithPrefix(prefix);
    const due = DateTime.fromISO(event.startUtc, { zone: 'utc' }).setZone(LONDON).minus({ days: 1 });
    if (due <= this.deps.clock.now()) return;
    await this.deps.jobs.schedule({
      key: jobKeys.eventReminder(event.id, event.startUtc),
      kind: EVENT_REMINDER_JOB,
      due,
      payload: { eventId: event.id, startUtc: event.startUtc },
    });
  }

  /** The day before: members who said Going or Maybe. Idempotent per member through the delivery batch. */
  private async remind({ eventId, startUtc }: z.infer<typeof eventReminderPayload>): Promise<JobOutcome> {
    const event = (await this.deps.repository.get(eventId))?.event;
    if (!event || event.status === 'cancelled' || event.startUtc !== startUtc)
      return { kind: 'done', note: 'event cancelled, moved or gone' };
    const attending = new Set((await this.deps.rsvps.membersToRemind(event.id)).map((person) => person.aadObjectId));
    const members = (await this.eligible()).filter((member) => attending.has(member.aadObjectId));
    const summary = await this.deps.delivery.broadcast({
      batchId: batchIds.eventReminder(event.id, startUtc),
      members,
      card: () => eventInvitationCard(event, { ...this.invitationOptions(event), heading: 'Reminder: this is tomorrow' }),
    });
    return { kind: 'done', note: `queued ${summary.queued}` };
  }

  /** Active people who may hear about events now: someone invited who has since become a guest is told nothing more. */
  private eligible(): Promise<Member[]> {
    return this.deps.roles.activeWhere((person) => may(person, 'events.respond'));
  }

  /**
   * The people an audience is now. A Team's roster is read from Teams, and only those in it who
   * are not guests are invited: guests are in no broadcast (the access matrix's `events.respond`).
   */
  private async audience(audience: EventAudience): Promise<Member[]> {
    if (audience.kind !== 'team') return this.deps.roles.activeWhere((person) => audienceIncludes(audience, person));
    if (!this.deps.teamMembers)
      throw new DomainError('unavailable', "I cannot read that Team's members at the moment. Please choose another audience.");
    // The roster first: reading it records the Team's members the bot had not met, so roles are read after it.
    const inTeam = await this.deps.teamMembers(audience.teamId);
    const eligible = await this.eligible();
    const allowed = new Set(eligible.map((member) => member.aadObjectId));
    return inTeam.filter((member) => allowed.has(member.aadObjectId));
  }

  private async statusCard(actor: Actor, event: ParticipationEvent, heading?: string): Promise<AdaptiveCardJson> {
    const [progress, attendees] = await Promise.all([
      this.deps.delivery.progress(batchIds.eventVersion(event.id, event.sequence, 'invitation')),
      this.deps.rsvps.attendees(actor, event.id),
    ]);
    return eventStatusCard(event, {
      progress,
      totals: attendees.totals,
      noAnswer: attendees.noAnswer,
      csvUrl: this.csvUrl(actor, event.id),
      heading,
      nowUtc: this.deps.clock.now().toUTC().toISO()!,
    });
  }

  private invitationOptions(event: ParticipationEvent) {
    return { nowUtc: this.deps.clock.now().toUTC().toISO()!, calendarUrl: `${this.deps.publicBaseUrl}/events/${event.id}.ics` };
  }

  private csvUrl(actor: Actor, eventId: string): string {
    return `${this.deps.publicBaseUrl}/events/${eventId}/attendees.csv?${this.deps.links.sign({ purpose: ATTENDEES_CSV, subject: eventId, aadObjectId: actor.aadObjectId })}`;
  }

  private async teamChoices(): Promise<TeamChoice[]> {
    return (await this.deps.teams.list()).map((team) => ({ teamId: team.teamId, teamName: team.name }));
  }
}

function requireOfficer(actor: Actor): void {
  requirePermission(actor, 'events.create');
}
