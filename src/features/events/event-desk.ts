import { DateTime, Duration } from 'luxon';
import { AdaptiveCardJson } from '../../shared/cards/card-template';
import { DeliveryService } from '../../platform/delivery/delivery-service';
import { DomainError } from '../../shared/errors/domain-error';
import { Actor, TurnSender, hasRole } from '../members/domain/actor';
import { Member } from '../members/domain/member';
import { MemberDirectory } from '../members/data/member-directory';
import { RoleService } from '../members/role-service';
import { TeamRegistry } from '../members/data/team-registry';
import { JobStore } from '../../platform/scheduler/job-store';
import { JobHandler, JobOutcome, ScheduledJob } from '../../platform/scheduler/scheduled-job';
import { SignedLinks } from '../../platform/security/signed-links';
import { Clock, LONDON } from '../../platform/time/clock';
import { EventAudience, ParticipationEvent, eventBatchId } from './domain/event';
import { eventAttendeesCard, eventFormCard, eventInvitationCard, eventStatusCard } from './teams/event-cards';
import { EventFormError, TeamChoice } from './domain/event-form';
import { EventInvitations } from './data/event-invitations';
import { EventRepository } from './data/event-repository';
import { EventRsvps } from './event-rsvps';
import { OfficerEvents } from './officer-events';

export const EVENT_REMINDER_JOB = 'event-reminder';
export const ATTENDEES_CSV = 'attendees-csv';

export interface EventDeskDependencies {
  repository: EventRepository;
  officers: OfficerEvents;
  invitations: EventInvitations;
  rsvps: EventRsvps;
  members: MemberDirectory;
  roles: RoleService;
  teams: TeamRegistry;
  delivery: Pick<DeliveryService, 'broadcast' | 'progress'>;
  jobs: JobStore;
  links: SignedLinks;
  clock: Clock;
  minNotice: Duration;
  publicBaseUrl: string;
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
      const event = await this.deps.officers.create(actor, input, teams);
      await this.invite(event, await this.audience(event.audience), 'invitation');
      await this.planReminder(event);
      return this.statusCard(actor, event, 'Event created: invitations are on their way');
    } catch (error) {
      if (error instanceof EventFormError) return eventFormCard({ teams, minNotice: this.deps.minNotice, error });
      throw error;
    }
  }

  async update(actor: Actor, eventId: unknown, input: unknown, sequence: number | undefined): Promise<AdaptiveCardJson> {
    const teams = await this.teamChoices();
    try {
      const { event, changed } = await this.deps.officers.update(actor, eventId, input, teams, sequence);
      if (changed) {
        await this.tellInvited(event, 'Event updated');
        await this.invite(event, await this.audience(event.audience), 'invitation');
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
      await this.tellInvited(event, 'Event cancelled');
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
    const view = await this.deps.rsvps.respond(eventId, { aadObjectId: sender.aadObjectId, name: sender.name }, response);
    const heading = view.outcome === 'unchanged' ? 'Your answer was already recorded' : 'Thank you: your answer is recorded';
    return eventInvitationCard(view.event, { ...this.invitationOptions(view.event), mine: view.mine, totals: view.totals, heading });
  }

  async invitation(sender: TurnSender, eventId: unknown, heading?: string): Promise<AdaptiveCardJson> {
    const view = await this.deps.rsvps.view(eventId, sender.aadObjectId);
    const checkedIn = await this.deps.attendance?.attended(view.event.id, sender.aadObjectId);
    return eventInvitationCard(view.event, { ...this.invitationOptions(view.event), mine: view.mine, totals: view.totals, heading, checkedInAtUtc: checkedIn?.atUtc });
  }

  async attendees(actor: Actor, eventId: unknown): Promise<AdaptiveCardJson> {
    const list = await this.deps.rsvps.attendees(actor, eventId);
    return eventAttendeesCard(list, { csvUrl: this.csvUrl(actor, list.event.id) });
  }

  /** The CSV behind a signed link: the link must be genuine and its holder still an officer. */
  async attendeesCsv(eventId: string, params: URLSearchParams): Promise<{ fileName: string; contentType: string; body: string } | undefined> {
    const grant = this.deps.links.verify(ATTENDEES_CSV, eventId, params);
    if (!grant) return undefined;
    const role = await this.deps.roles.roleOf(grant.aadObjectId);
    if (!hasRole(role, 'officer')) return undefined;
    return this.deps.rsvps.attendeesCsv({ aadObjectId: grant.aadObjectId, name: 'officer', tenantId: '', role }, eventId);
  }

  async upcoming(limit = 10): Promise<ParticipationEvent[]> {
    return this.deps.repository.listUpcoming(this.deps.clock.now().toUTC().toISO()!, limit);
  }

  handlers(): Record<string, JobHandler> {
    return { [EVENT_REMINDER_JOB]: (job) => this.remind(job) };
  }

  private async invite(event: ParticipationEvent, audience: Member[], kind: 'invitation'): Promise<void> {
    const newcomers = new Set((await this.deps.invitations.record(event.id, audience)).map((person) => person.aadObjectId));
    const members = audience.filter((member) => newcomers.has(member.aadObjectId));
    await this.deps.delivery.broadcast({
      batchId: `${eventBatchId(event)}:${kind}`,
      members,
      card: (member) => eventInvitationCard(event, { ...this.invitationOptions(event), refreshUserIds: [member.teamsUserId] }),
    });
  }

  /** Updates and cancellations go to everyone ever invited; their replies are kept. */
  private async tellInvited(event: ParticipationEvent, heading: string): Promise<void> {
    const invited = new Set((await this.deps.invitations.list(event.id)).map((invitation) => invitation.aadObjectId));
    const members = (await this.deps.members.list({ activeOnly: true })).filter((member) => invited.has(member.aadObjectId));
    await this.deps.delivery.broadcast({
      batchId: `${eventBatchId(event)}:change`,
      members,
      card: (member) => eventInvitationCard(event, { ...this.invitationOptions(event), heading, refreshUserIds: [member.teamsUserId] }),
    });
  }

  private async planReminder(event: ParticipationEvent): Promise<void> {
    const prefix = `${EVENT_REMINDER_JOB}|${event.id}|`;
    await this.deps.jobs.cancelWithPrefix(prefix);
    const due = DateTime.fromISO(event.startUtc, { zone: 'utc' }).setZone(LONDON).minus({ days: 1 });
    if (due <= this.deps.clock.now()) return;
    await this.deps.jobs.schedule({ key: `${prefix}${event.startUtc}`, kind: EVENT_REMINDER_JOB, due, payload: { eventId: event.id, startUtc: event.startUtc } });
  }

  /** The day before: members who said Going or Maybe. Idempotent per member through the delivery batch. */
  private async remind(job: ScheduledJob): Promise<JobOutcome> {
    const { eventId, startUtc } = job.payload as { eventId: string; startUtc: string };
    const event = (await this.deps.repository.get(eventId))?.event;
    if (!event || event.status === 'cancelled' || event.startUtc !== startUtc) return { kind: 'done', note: 'event cancelled, moved or gone' };
    const attending = new Set((await this.deps.rsvps.membersToRemind(event.id)).map((person) => person.aadObjectId));
    const members = (await this.deps.members.list({ activeOnly: true })).filter((member) => attending.has(member.aadObjectId));
    const summary = await this.deps.delivery.broadcast({ batchId: `event-reminder|${event.id}|${startUtc}`, members, card: () => eventInvitationCard(event, { ...this.invitationOptions(event), heading: 'Reminder: this is tomorrow' }) });
    return { kind: 'done', note: `queued ${summary.queued}` };
  }

  private async audience(audience: EventAudience): Promise<Member[]> {
    if (audience.kind === 'all') return this.deps.members.list({ activeOnly: true });
    if (audience.kind === 'role') {
      return audience.role === 'officer' ? this.deps.roles.activeOfficers() : this.deps.roles.activeAdmins();
    }
    if (!this.deps.teamMembers) throw new DomainError('unavailable', 'I cannot read that Team\'s members at the moment. Please choose another audience.');
    return this.deps.teamMembers(audience.teamId);
  }

  private async statusCard(actor: Actor, event: ParticipationEvent, heading?: string): Promise<AdaptiveCardJson> {
    const [progress, attendees] = await Promise.all([this.deps.delivery.progress(`${eventBatchId(event)}:invitation`), this.deps.rsvps.attendees(actor, event.id)]);
    return eventStatusCard(event, { progress, totals: attendees.totals, noAnswer: attendees.noAnswer, csvUrl: this.csvUrl(actor, event.id), heading, nowUtc: this.deps.clock.now().toUTC().toISO()! });
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
  if (!hasRole(actor.role, 'officer')) throw new DomainError('forbidden', 'Only officers can create events.');
}
