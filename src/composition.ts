import { ApologyBook } from './apologies/apology-book';
import { ApologyDesk, OfficerNotice } from './apologies/apology-desk';
import { AppConfig } from './config';
import { DeliveryControl } from './delivery/delivery-control';
import { DeliveryDispatcher } from './delivery/delivery-dispatcher';
import { DeliveryService } from './delivery/delivery-service';
import { OutboxStore } from './delivery/outbox-store';
import { UnreachableMembers } from './delivery/unreachable-members';
import { Logger } from './logging/logger';
import { IcalSource } from './meetings/ical-source';
import { MeetingQueries } from './meetings/meeting-query';
import { MeetingRepository } from './meetings/meeting-repository';
import { MeetingSourceReader } from './meetings/source-snapshot';
import { MeetingSync, MeetingSyncScheduler } from './meetings/meeting-sync';
import { ModernGovClient, ModernGovSource } from './meetings/moderngov-client';
import { OfficerMeetings } from './meetings/officer-meetings';
import { MemberDirectory } from './members/member-directory';
import { RoleDirectory } from './members/role-directory';
import { RoleService } from './members/role-service';
import { TeamRegistry } from './members/team-registry';
import { RecentSightings } from './members/recent-sightings';
import { TeamRoster } from './teams/team-roster';
import { Member } from './members/member';
import { AnswerFeedbackStore } from './remit/answer-feedback-store';
import { KnowledgeBase } from './remit/knowledge-base';
import { RemitService } from './remit/remit-service';
import { MeetingReminders } from './reminders/meeting-reminders';
import { ReminderLog } from './reminders/reminder-log';
import { reminderCards } from './reminders/reminder-cards';
import { JobStore } from './scheduler/job-store';
import { DEFAULT_SCHEDULER_OPTIONS, Scheduler } from './scheduler/scheduler';
import { TableStore } from './storage/table-store';
import { BotServices } from './teams/bot-services';
import { TeamsProactiveSender } from './teams/teams-proactive-sender';
import { Clock } from './time/clock';
import { WorkingDayCalendar } from './time/working-days';
import { BulletinOptOuts } from './events/bulletin-opt-outs';
import { CalendarFeed } from './events/calendar-feed';
import { CalendarTokens } from './events/calendar-tokens';
import { eventIdSchema } from './events/event';
import { EventDesk } from './events/event-desk';
import { EventInvitations } from './events/event-invitations';
import { EventRepository } from './events/event-repository';
import { EventRsvps } from './events/event-rsvps';
import { EventServices } from './events/event-services';
import { MemberBulletin } from './events/member-bulletin';
import { eventIcsFileName, eventToIcs } from './events/members-calendar';
import { OfficerEvents } from './events/officer-events';
import { RsvpBook } from './events/rsvp-book';
import { SignedLinks } from './security/signed-links';
import { BulletinSender } from './events/bulletin-sender';
import { ChallengeDesk } from './challenges/challenge-desk';
import { ChallengeRepository } from './challenges/challenge-repository';
import { ChallengeService } from './challenges/challenge-service';
import { directoryPeople } from './challenges/challenge-people';
import { PANEL_NAME } from './meetings/panel-name';
import { Metrics, NO_METRICS } from './telemetry/metrics';
import { WorkerState } from './health/worker-state';



/** The background work of one instance: delivery, scheduled jobs, meeting sync. */
export interface Workers {
  start(): void;
  stop(): Promise<void>;
  /** Each worker's state for the readiness check; the meeting sync only when a source is configured. */
  liveness(): WorkerLiveness;
}

export interface WorkerLiveness {
  delivery: WorkerState;
  scheduler: WorkerState;
  meetingSync: WorkerState | 'not configured';
}

export interface Composition {
  services: BotServices;
  workers: Workers;
  reminders: MeetingReminders;
  delivery: DeliveryService;
  dispatcher: DeliveryDispatcher;
  scheduler: Scheduler;
  bulletin: BulletinSender;
  meetingSync?: MeetingSyncScheduler;
}

/** Builds every service on one storage account; nothing here starts until `workers.start()`. */
export function compose(config: AppConfig & { publicBaseUrl: string }, store: TableStore, knowledge: KnowledgeBase, clock: Clock, logger: Logger, metrics: Metrics = NO_METRICS): Composition {
  const members = new MemberDirectory(store.client('members'), clock);
  const roles = new RoleService(new RoleDirectory(store.client('roles'), clock), members, config.adminAadObjectIds);
  const outbox = new OutboxStore(store.client('outbox'), clock);
  const unreachable = new UnreachableMembers(store.client('unreachable'), clock);
  const delivery = new DeliveryService(outbox, unreachable, clock);
  const dispatcher = new DeliveryDispatcher({
    outbox, unreachable, clock, logger, metrics,
    control: new DeliveryControl(store.client('outbox')),
    sender: new TeamsProactiveSender({ credentials: config.credentials, logger, clock }),
  });
  const meetingRepository = new MeetingRepository(store.client('meetings'));
  const jobs = new JobStore(store.client('jobs'));
  const reminders = new MeetingReminders({
    jobs, meetings: meetingRepository, members, delivery, clock, logger,
    log: new ReminderLog(store.client('reminderlog')),
    cards: reminderCards(config.publicBaseUrl, clock),
    offsets: config.reminderOffsets,
    metrics,
  });
  const teams = new TeamRegistry(store.client('teams'), clock);
  const links = new SignedLinks(config.linkSigningSecret, clock);
  const roster = new TeamRoster(config.credentials, teams, members, logger);
  const events = eventServices(config, store, { members, roles, teams, delivery, jobs, links, meetings: meetingRepository, clock, teamMembers: (teamId) => roster.membersOf(teamId) });
  const bulletin = new BulletinSender({ jobs, bulletin: events.bulletin, optOuts: events.bulletinOptOuts, members, delivery, clock, schedule: config.bulletinSchedule });
  const challenges = new ChallengeDesk({
    service: new ChallengeService(new ChallengeRepository(store.client('challenges')), directoryPeople(members, roles), clock),
    members, roles, teams, delivery, jobs, clock, links,
    nudgeInterval: config.challengeNudgeInterval,
    publicBaseUrl: config.publicBaseUrl,
    panelTeamId: config.panelChannel,
  });
  const scheduler = new Scheduler(jobs, { ...reminders.handlers(), ...events.desk.handlers(), ...bulletin.handlers(), ...challenges.handlers() }, clock, logger, { ...DEFAULT_SCHEDULER_OPTIONS, pollInterval: config.schedulerPollInterval });
  const meetingSync = syncScheduler(config, meetingRepository, clock, logger, () => reminders.planUpcoming());
  const notifyOfficers: OfficerNotice = async (batchId, card) => {
    await delivery.broadcast({ batchId, members: await roles.activeOfficers(), card: () => card });
  };
  const services: BotServices = {
    knowledge,
    remit: new RemitService(knowledge, metrics),
    feedback: new AnswerFeedbackStore(store.client('feedback'), clock),
    members,
    sightings: new RecentSightings(clock),
    roles,
    teams,
    events,
    challenges,
    meetings: {
      repository: meetingRepository,
      queries: new MeetingQueries(meetingRepository, clock, { workingDays: new WorkingDayCalendar() }),
      officers: new OfficerMeetings(meetingRepository, clock, { committee: PANEL_NAME }),
      changed: (meeting) => reminders.plan(meeting),
    },
    apologies: new ApologyDesk(new ApologyBook(store.client('apologies'), clock), meetingRepository, clock, notifyOfficers),
    publicBaseUrl: config.publicBaseUrl,
    clock,
    logger,
    allowedTenantIds: config.allowedTenantIds,
  };
  const workers: Workers = {
    start: () => {
      dispatcher.start();
      challenges.ensureScheduled().catch((error: unknown) => logger.error({ event: 'challenges.plan_failed', err: error }, 'could not plan challenge nudges and reports'));
      bulletin.ensureScheduled().catch((error: unknown) => logger.error({ event: 'bulletin.plan_failed', err: error }, 'could not plan the weekly bulletin'));
      scheduler.start();
      meetingSync?.start();
    },
    stop: async () => {
      await meetingSync?.stop();
      await scheduler.stop();
      await dispatcher.stop();
    },
    liveness: () => ({ delivery: dispatcher.liveness(), scheduler: scheduler.liveness(), meetingSync: meetingSync?.liveness() ?? 'not configured' }),
  };
  return { services, workers, reminders, delivery, dispatcher, scheduler, bulletin, meetingSync };
}

function syncScheduler(config: AppConfig, repository: MeetingRepository, clock: Clock, logger: Logger, afterSync: () => Promise<unknown>): MeetingSyncScheduler | undefined {
  const sources: MeetingSourceReader[] = [];
  const { moderngov, icalUrl, syncInterval } = config.meetings;
  if (moderngov) {
    sources.push(new ModernGovSource(new ModernGovClient({ url: moderngov.baseUrl }), clock, logger, { committeeId: moderngov.committeeId, committeeName: PANEL_NAME }));
  }
  if (icalUrl) sources.push(new IcalSource({ url: icalUrl, committee: PANEL_NAME }, clock, logger));
  if (sources.length === 0) return undefined;
  return new MeetingSyncScheduler(
    sources,
    new MeetingSync(repository, clock, logger),
    logger,
    syncInterval,
    async () => {
      await afterSync();
    },
    clock,
  );
}

interface EventWiring {
  members: MemberDirectory;
  roles: RoleService;
  teams: TeamRegistry;
  delivery: DeliveryService;
  jobs: JobStore;
  links: SignedLinks;
  meetings: MeetingRepository;
  clock: Clock;
  teamMembers: (teamId: string) => Promise<Member[]>;
}

function eventServices(config: AppConfig & { publicBaseUrl: string }, store: TableStore, wiring: EventWiring): EventServices {
  const { clock } = wiring;
  const repository = new EventRepository(store.client('events'));
  const invitations = new EventInvitations(store.client('eventinvites'), clock);
  const calendarOptions = { calendarName: `Members' Calendar - ${PANEL_NAME}`, uidDomain: new URL(config.publicBaseUrl).hostname };
  const desk = new EventDesk({
    ...wiring,
    repository,
    invitations,
    officers: new OfficerEvents(repository, clock, { minNotice: config.eventMinNotice }),
    rsvps: new EventRsvps(repository, new RsvpBook(store.client('rsvps'), clock), invitations),
    minNotice: config.eventMinNotice,
    publicBaseUrl: config.publicBaseUrl,
  });
  return {
    desk,
    repository,
    tokens: new CalendarTokens(store.client('calendartokens'), clock),
    feed: new CalendarFeed(repository, wiring.meetings, invitations, clock, calendarOptions),
    bulletin: new MemberBulletin(repository, wiring.meetings, clock),
    bulletinOptOuts: new BulletinOptOuts(store.client('bulletinoptouts'), clock),
    eventIcs: async (eventId) => {
      const id = eventIdSchema.safeParse(eventId);
      const event = id.success ? (await repository.get(id.data))?.event : undefined;
      return event ? { fileName: eventIcsFileName(event), body: eventToIcs(event, calendarOptions) } : undefined;
    },
  };
}
