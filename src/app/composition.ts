import { ApologyBook } from '../features/apologies/data/apology-book';
import { ApologyDesk, OfficerNotice } from '../features/apologies/apology-desk';
import { AppConfig } from './config';
import { DeliveryControl } from '../platform/delivery/delivery-control';
import { DeliveryDispatcher } from '../platform/delivery/delivery-dispatcher';
import { DeliveryService } from '../platform/delivery/delivery-service';
import { OutboxStore } from '../platform/delivery/outbox-store';
import { UnreachableMembers } from '../platform/delivery/unreachable-members';
import { Logger } from '../platform/logging/logger';
import { IcalSource } from '../features/meetings/data/ical-source';
import { MeetingQueries } from '../features/meetings/meeting-query';
import { MeetingRepository } from '../features/meetings/data/meeting-repository';
import { MeetingSourceReader } from '../features/meetings/domain/source-snapshot';
import { MeetingSync, MeetingSyncScheduler } from '../features/meetings/meeting-sync';
import { ModernGovClient, ModernGovSource } from '../features/meetings/data/moderngov-client';
import { OfficerMeetings } from '../features/meetings/officer-meetings';
import { MemberDirectory } from '../features/members/data/member-directory';
import { RoleDirectory } from '../features/members/data/role-directory';
import { RoleService } from '../features/members/role-service';
import { TeamRegistry } from '../features/members/data/team-registry';
import { RecentSightings } from '../features/members/domain/recent-sightings';
import { TeamRoster } from '../platform/teams/team-roster';
import { Member } from '../features/members/domain/member';
import { AnswerFeedbackStore } from '../features/remit/data/answer-feedback-store';
import { KnowledgeBase } from '../features/remit/domain/knowledge-base';
import { RemitService } from '../features/remit/remit-service';
import { MeetingReminders } from '../features/meetings/meeting-reminders';
import { ReminderLog } from '../features/meetings/data/reminder-log';
import { reminderCards } from '../features/meetings/teams/reminder-cards';
import { JobStore } from '../platform/scheduler/job-store';
import { DEFAULT_SCHEDULER_OPTIONS, Scheduler } from '../platform/scheduler/scheduler';
import { TableStore } from '../platform/storage/table-store';
import { BotServices } from '../platform/teams/bot-services';
import { TeamsProactiveSender } from '../platform/teams/teams-proactive-sender';
import { Clock } from '../platform/time/clock';
import { WorkingDayCalendar } from '../platform/time/working-days';
import { BulletinOptOuts } from '../features/calendar/data/bulletin-opt-outs';
import { CalendarFeed } from '../features/calendar/calendar-feed';
import { CalendarTokens } from '../features/calendar/data/calendar-tokens';
import { eventIdSchema } from '../features/events/domain/event';
import { EventDesk } from '../features/events/event-desk';
import { EventInvitations } from '../features/events/data/event-invitations';
import { EventRepository } from '../features/events/data/event-repository';
import { EventRsvps } from '../features/events/event-rsvps';
import { EventServices } from '../features/events/event-services';
import { MemberBulletin } from '../features/calendar/member-bulletin';
import { eventIcsFileName, eventToIcs } from '../features/calendar/domain/members-calendar';
import { OfficerEvents } from '../features/events/officer-events';
import { RsvpBook } from '../features/events/data/rsvp-book';
import { ChartRenderer } from '../platform/charts/chart-renderer';
import { AttendanceDesk } from '../features/attendance/attendance-desk';
import { AttendanceBook } from '../features/attendance/data/attendance-book';
import { Occasions } from '../features/attendance/data/occasions';
import { KeyFiguresDesk } from '../features/key-figures/key-figures-desk';
import { KeyFiguresStore } from '../features/key-figures/data/key-figures-store';
import { loadKeyFigureDefinitions } from '../features/key-figures/domain/key-figure-definitions';
import { TrainingDesk } from '../features/training/training-desk';
import { TrainingPreferences } from '../features/training/data/training-preferences';
import { RoleDerivedCouncillors } from '../features/training/domain/councillor-directory';
import { ParticipationDesk } from '../features/participation/participation-desk';
import { YouSaidWeDidDesk } from '../features/challenges/you-said-we-did-desk';
import { YouSaidWeDidStore } from '../features/challenges/data/you-said-we-did-store';
import { SignedLinks } from '../platform/security/signed-links';
import { BulletinSender } from '../features/calendar/bulletin-sender';
import { ChallengeDesk } from '../features/challenges/challenge-desk';
import { ChallengeRepository } from '../features/challenges/data/challenge-repository';
import { ChallengeService } from '../features/challenges/challenge-service';
import { directoryPeople } from '../features/challenges/domain/challenge-people';
import { PANEL_NAME } from '../features/meetings/domain/panel-name';



/** The background work of one instance: delivery, scheduled jobs, meeting sync. */
export interface Workers {
  start(): void;
  stop(): Promise<void>;
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
export function compose(config: AppConfig & { publicBaseUrl: string }, store: TableStore, knowledge: KnowledgeBase, clock: Clock, logger: Logger): Composition {
  const members = new MemberDirectory(store.client('members'), clock);
  const roles = new RoleService(new RoleDirectory(store.client('roles'), clock), members, config.adminAadObjectIds);
  const outbox = new OutboxStore(store.client('outbox'), clock);
  const unreachable = new UnreachableMembers(store.client('unreachable'), clock);
  const delivery = new DeliveryService(outbox, unreachable, clock);
  const dispatcher = new DeliveryDispatcher({
    outbox, unreachable, clock, logger,
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
  });
  const teams = new TeamRegistry(store.client('teams'), clock);
  const links = new SignedLinks(config.linkSigningSecret, clock);
  const charts = new ChartRenderer();
  const roster = new TeamRoster(config.credentials, teams, members, logger);
  const eventRepository = new EventRepository(store.client('events'));
  const invitations = new EventInvitations(store.client('eventinvites'), clock);
  const apologyBook = new ApologyBook(store.client('apologies'), clock);
  const attendanceBook = new AttendanceBook(store.client('attendance'));
  const attendance = new AttendanceDesk({ book: attendanceBook, occasions: new Occasions(eventRepository, meetingRepository), invitations, rsvps: new RsvpBook(store.client('rsvps'), clock), apologies: apologyBook, members, clock });
  const keyFigures = new KeyFiguresDesk({ store: new KeyFiguresStore(store.client('keyfigures')), definitions: loadKeyFigureDefinitions(), charts, clock });
  const events = eventServices(config, store, { members, roles, teams, delivery, jobs, links, meetings: meetingRepository, clock, attendance, keyFigures, teamMembers: (teamId) => roster.membersOf(teamId) });
  const councillors = new RoleDerivedCouncillors(roles, members);
  const training = new TrainingDesk({ events: eventRepository, attendance: attendanceBook, councillors, preferences: new TrainingPreferences(store.client('training')), delivery, jobs, clock, electionDate: config.electionDate });
  const participation = new ParticipationDesk({ events: eventRepository, invitations, rsvps: new RsvpBook(store.client('rsvps'), clock), attendance: attendanceBook, councillors, roles, charts, links, clock, publicBaseUrl: config.publicBaseUrl });
  const bulletin = new BulletinSender({ jobs, bulletin: events.bulletin, optOuts: events.bulletinOptOuts, members, delivery, clock, schedule: config.bulletinSchedule });
  const challengeRepository = new ChallengeRepository(store.client('challenges'));
  const youSaidWeDid = new YouSaidWeDidDesk({ challenges: challengeRepository, store: new YouSaidWeDidStore(store.client('yousaidwedid')), members, roles, delivery, links, clock, publicBaseUrl: config.publicBaseUrl });
  const challenges = new ChallengeDesk({
    service: new ChallengeService(challengeRepository, directoryPeople(members, roles), clock),
    members, roles, teams, delivery, jobs, clock, links, charts,
    nudgeInterval: config.challengeNudgeInterval,
    publicBaseUrl: config.publicBaseUrl,
    panelTeamId: config.panelChannel,
  });
  const scheduler = new Scheduler(jobs, { ...reminders.handlers(), ...events.desk.handlers(), ...bulletin.handlers(), ...challenges.handlers(), ...training.handlers() }, clock, logger, { ...DEFAULT_SCHEDULER_OPTIONS, pollInterval: config.schedulerPollInterval });
  const meetingSync = syncScheduler(config, meetingRepository, clock, logger, () => reminders.planUpcoming());
  const notifyOfficers: OfficerNotice = async (batchId, card) => {
    await delivery.broadcast({ batchId, members: await roles.activeOfficers(), card: () => card });
  };
  const services: BotServices = {
    knowledge,
    remit: new RemitService(knowledge),
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
    apologies: new ApologyDesk(apologyBook, meetingRepository, clock, notifyOfficers),
    attendance,
    training,
    participation,
    keyFigures,
    youSaidWeDid,
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
      training.ensureScheduled().catch((error: unknown) => logger.error({ event: 'training.plan_failed', err: error }, 'could not plan the training reminders'));
      scheduler.start();
      meetingSync?.start();
    },
    stop: async () => {
      await meetingSync?.stop();
      await scheduler.stop();
      await dispatcher.stop();
    },
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
  return new MeetingSyncScheduler(sources, new MeetingSync(repository, clock, logger), logger, syncInterval, async () => {
    await afterSync();
  });
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
  attendance: AttendanceDesk;
  keyFigures: KeyFiguresDesk;
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
    bulletin: new MemberBulletin(repository, wiring.meetings, clock, { keyFigures: wiring.keyFigures }),
    bulletinOptOuts: new BulletinOptOuts(store.client('bulletinoptouts'), clock),
    eventIcs: async (eventId) => {
      const id = eventIdSchema.safeParse(eventId);
      const event = id.success ? (await repository.get(id.data))?.event : undefined;
      return event ? { fileName: eventIcsFileName(event), body: eventToIcs(event, calendarOptions) } : undefined;
    },
  };
}
