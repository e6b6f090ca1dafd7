import { DateTime, type Duration } from 'luxon';
import type { AdaptiveCardJson } from '../../shared/cards/card-template';
import type { BroadcastSummary, DeliveryService } from '../../platform/delivery/delivery-service';
import type { AuditTrail } from '../audit';
import type { Actor, TurnSender } from '../../shared/access/actor';
import type { Member, MemberDirectory, RoleService, TeamRegistry, TeamRosterPages } from '../members';
import type { JobStore } from '../../platform/scheduler/job-store';
import { type JobHandler, type JobOutcome, jobHandler } from '../../platform/scheduler/scheduled-job';
import type { SignedLinks } from '../../platform/security/signed-links';
import { type Clock, LONDON } from '../../platform/time/clock';
import { type EventAudience, type ParticipationEvent, audienceCode, audienceIncludes, eventIdSchema } from './domain/event';
import { eventAttendeesCard, eventFormCard, eventInvitationCard, eventStatusCard } from './teams/event-cards';
import { EventFormError, type TeamChoice } from './domain/event-form';
import type { EventInvitations } from './data/event-invitations';
import type { EventRepository } from './data/event-repository';
import type { EventRsvps } from './event-rsvps';
import type { OfficerEvents } from './officer-events';
import { TeamInvitations } from './team-invitations';
import type { BatchProgress } from '../../platform/delivery/delivery-progress';
import { literalText } from '../../shared/text/literal-text';
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
  members: MemberDirectory;
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
  /** A Team's members, a roster page at a time (Teams API); absent means Team audiences cannot be invited. */
  teamRoster?: TeamRosterPages;
  /** Asks the scheduler to run due jobs now: a Team's invitations start in the background at once. */
  runSoon?: () => void;
}

/**
 * Participation events (Recommendation 6) behind the cards: officers create, change and cancel;
 * every member of the audience is invited through the delivery engine; members answer; officers
 * see delivery progress and replies. The event is always reloaded server-side.
 */
export class EventDesk {
  private readonly teamInvitations: TeamInvitations;

  constructor(private readonly deps: EventDeskDependencies) {
    this.teamInvitations = new TeamInvitations({
      roster: deps.teamRoster,
      jobs: deps.jobs,
      repository: deps.repository,
      clock: deps.clock,
      runSoon: deps.runSoon,
      // Guests are in no broadcast: of a Team's members, only those who hold a role (or are councillors) are invited.
      invite: async (event, members) => this.inviteMembers(event, await this.eligibleOf(members)),
      audit: (actor, event, summary) => this.auditBroadcast(actor, event, 'invitations', summary),
    });
  }

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
      await this.invite(actor, event, { repeat: outcome !== 'created' });
      await this.planReminder(event);
      const sending = event.audience.kind === 'team' ? teamSendingText(event.audience.teamName) : 'invitations are on their way';
      return this.statusCard(
        actor,
        event,
        outcome === 'created' ? `Event created: ${sending}` : `This event was already created: ${sending}`,
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
        await this.invite(actor, event, { repeat: false });
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
      ...(await this.deps.roles.holdingOf(grant.aadObjectId)),
    };
    if (!may(holder, 'events.attendees')) return undefined;
    return this.deps.rsvps.attendeesCsv(holder, eventId);
  }

  async upcoming(limit = 10): Promise<ParticipationEvent[]> {
    return this.deps.repository.listUpcoming(this.deps.clock.now().toUTC().toISO()!, limit);
  }

  handlers(): Record<string, JobHandler> {
    return {
      [EVENT_REMINDER_JOB]: jobHandler(eventReminderPayload, (payload) => this.remind(payload)),
      ...this.teamInvitations.handlers(),
    };
  }

  /**
   * Invites the event's audience. The panel, councillors and officers are known here and queued at once; a Team's
   * members are read from its roster in the background (TeamInvitations), so the officer's card
   * comes back at once whatever the Team's size. `repeat`: the same form delivered again.
   */
  private async invite(actor: Actor, event: ParticipationEvent, options: { repeat: boolean }): Promise<void> {
    if (event.audience.kind === 'team') {
      const alreadySent = options.repeat && (await this.invitationProgress(event)).queued > 0;
      return this.teamInvitations.start(actor, event, { alreadySent });
    }
    const summary = await this.inviteMembers(event, await this.knownAudience(event.audience));
    await this.auditBroadcast(actor, event, 'invitations', summary);
  }

  /** Queues this version's invitation for those of `members` no earlier version invited; repeats send nothing twice. */
  private async inviteMembers(event: ParticipationEvent, members: Member[]): Promise<BroadcastSummary> {
    const invited = new Set((await this.deps.invitations.recordForVersion(event.id, members, event.sequence)).map((p) => p.aadObjectId));
    return this.deps.delivery.broadcast({
      batchId: batchIds.eventVersion(event.id, event.sequence, 'invitation'),
      members: members.filter((member) => invited.has(member.aadObjectId)),
      card: (member) => eventInvitationCard(event, { ...this.invitationOptions(event), refreshUserIds: [member.teamsUserId] }),
    });
  }

  private invitationProgress(event: ParticipationEvent): Promise<BatchProgress> {
    return this.deps.delivery.progress(batchIds.eventVersion(event.id, event.sequence, 'invitation'));
  }

  private async auditBroadcast(
    actor: Pick<Actor, 'aadObjectId' | 'role'>,
    event: ParticipationEvent,
    what: string,
    summary: BroadcastSummary,
  ): Promise<void> {
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

  /** The panel, all councillors or the officers: audiences the roles table knows without asking Teams. */
  private knownAudience(audience: Exclude<EventAudience, { kind: 'team' }>): Promise<Member[]> {
    return this.deps.roles.activeWhere((person) => audienceIncludes(audience, person));
  }

  /** Active people who may hear about events now: someone invited who has since become a guest is told nothing more. */
  private eligible(): Promise<Member[]> {
    return this.deps.roles.activeWhere((person) => may(person, 'events.respond'));
  }

  /** Of a Team roster page's people (just recorded in the directory), those who may be invited. */
  private async eligibleOf(members: readonly Member[]): Promise<Member[]> {
    const allowed = new Set((await this.eligible()).map((member) => member.aadObjectId));
    return members.filter((member) => allowed.has(member.aadObjectId));
  }

  private async statusCard(actor: Actor, event: ParticipationEvent, heading?: string): Promise<AdaptiveCardJson> {
    const [progress, attendees, findingMembers] = await Promise.all([
      this.invitationProgress(event),
      this.deps.rsvps.attendees(actor, event.id),
      event.audience.kind === 'team' && event.status !== 'cancelled' ? this.teamInvitations.inProgress(event) : false,
    ]);
    return eventStatusCard(event, {
      progress,
      findingMembers,
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

/** What the officer reads at once when the audience is a Team: its members are found in the background. */
function teamSendingText(teamName: string): string {
  return `finding the members of ${literalText(teamName)} and sending their invitations in the background. Refresh to see how many have been sent.`;
}

function requireOfficer(actor: Actor): void {
  requirePermission(actor, 'events.create');
}
