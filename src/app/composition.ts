import {
  ApologyBook,
  ApologyDesk,
  type OfficerNotice,
  apologiesFeature,
  ApologyNotices,
  apologyMeeting,
  apologiesPersonalData,
} from '../features/apologies';
import type { AppConfig } from './config';
import { DeliveryControl } from '../platform/delivery/delivery-control';
import { DeliveryDispatcher } from '../platform/delivery/delivery-dispatcher';
import { DeliveryService } from '../platform/delivery/delivery-service';
import { OutboxStore } from '../platform/delivery/outbox-store';
import { UnreachableMembers } from '../platform/delivery/unreachable-members';
import type { Logger } from '../platform/logging/logger';
import {
  IcalSource,
  MeetingQueries,
  MeetingRepository,
  type MeetingSourceReader,
  MeetingSync,
  MeetingSyncScheduler,
  ModernGovClient,
  ModernGovSource,
  OfficerMeetings,
  MeetingReminders,
  ReminderLog,
  reminderCards,
  MeetingDesk,
  meetingsFeature,
  MeetingCalendar,
  PANEL_NAME,
  meetingsPersonalData,
} from '../features/meetings';
import {
  MemberDirectory,
  RoleDirectory,
  RoleService,
  TeamRegistry,
  RecentSightings,
  membersFeature,
  MemberImport,
  narrows,
  type TeamRosterPages,
  membersPersonalData,
} from '../features/members';
import { may } from '../shared/access/policy';
import { TeamRoster } from '../platform/teams/team-roster';
import {
  AnswerFeedbackStore,
  type KnowledgeBase,
  RemitService,
  LiveKnowledge,
  OfficerDesk,
  OfficerEntryStore,
  OfficerQuestionStore,
  remitFeature,
  remitPersonalData,
} from '../features/remit';
import { JobStore } from '../platform/scheduler/job-store';
import type { JobHandler } from '../platform/scheduler/scheduled-job';
import { DEFAULT_SCHEDULER_OPTIONS, Scheduler } from '../platform/scheduler/scheduler';
import type { TableStore } from '../platform/storage/table-store';
import type { TeamsPlatformServices } from '../platform/teams/bot-services';
import type { Feature } from '../shared/feature';
import { helpFeature } from '../features/help';
import {
  eventsFeature,
  eventIdSchema,
  EventDesk,
  EventInvitations,
  EventRepository,
  EventRsvps,
  OfficerEvents,
  RsvpBook,
  eventsPersonalData,
} from '../features/events';
import {
  type CalendarServices,
  calendarFeature,
  BulletinOptOuts,
  CalendarFeed,
  CalendarTokens,
  MemberBulletin,
  eventIcsFileName,
  eventToIcs,
  BulletinSender,
  calendarPersonalData,
} from '../features/calendar';
import {
  challengesFeature,
  YouSaidWeDidDesk,
  YouSaidWeDidStore,
  ChallengeDesk,
  ChallengeRepository,
  ChallengeService,
  directoryPeople,
  challengesPersonalData,
} from '../features/challenges';
import { auditFeature, AuditLog, AuditDesk, type AuditTrail, auditPersonalData } from '../features/audit';
import { attendanceFeature, AttendanceDesk, AttendanceBook, Occasions, attendancePersonalData } from '../features/attendance';
import { trainingFeature, TrainingDesk, TrainingPreferences, FlaggedCouncillors, trainingPersonalData } from '../features/training';
import { participationFeature, ParticipationDesk } from '../features/participation';
import {
  keyFiguresFeature,
  KeyFiguresDesk,
  KeyFiguresStore,
  loadKeyFigureDefinitions,
  keyFiguresPersonalData,
} from '../features/key-figures';
import { TeamsProactiveSender } from '../platform/teams/teams-proactive-sender';
import type { Clock } from '../platform/time/clock';
import { WorkingDayCalendar } from '../platform/time/working-days';
import { ChartRenderer } from '../platform/charts/chart-renderer';
import { SignedLinks } from '../platform/security/signed-links';
import { type Metrics, NO_METRICS } from '../platform/telemetry/metrics';
import type { WorkerState } from '../platform/health/worker-state';
import { Duration } from 'luxon';
import type { PersonalDataContribution } from '../shared/personal-data';
import { deliveryPersonalData } from '../platform/delivery/delivery-personal-data';
import { jobsPersonalData } from '../platform/scheduler/jobs-personal-data';
import {
  PersonalDataRegistry,
  PrivacyDesk,
  PrivacyNoticeDesk,
  PrivacyStore,
  RetentionPurge,
  privacyFeature,
  privacyPersonalData,
} from '../features/privacy';
import { readPageSource } from './pages/public-pages';

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

/**
 * The wired services, named by feature: the Teams layer reaches them only through `features`;
 * tests and benchmarks drive them directly.
 */
export interface AppServices {
  knowledge: KnowledgeBase;
  /** The curated search alone (benchmarks, tests); the bot answers from `liveKnowledge`. */
  remit: RemitService;
  /** Curated entries plus those officers added in Teams, kept current across instances. */
  liveKnowledge: LiveKnowledge;
  officerQuestions: OfficerDesk;
  feedback: AnswerFeedbackStore;
  members: MemberDirectory;
  sightings: RecentSightings;
  roles: RoleService;
  imports: MemberImport;
  teams: TeamRegistry;
  meetings: {
    repository: MeetingRepository;
    queries: MeetingQueries;
    officers: OfficerMeetings;
    desk: MeetingDesk;
    calendar: MeetingCalendar;
  };
  apologies: ApologyDesk;
  apologyNotices: ApologyNotices;
  events: {
    desk: EventDesk;
    repository: EventRepository;
    invitations: EventInvitations;
    eventIcs(eventId: string): Promise<{ fileName: string; body: string } | undefined>;
  };
  calendar: CalendarServices;
  challenges: ChallengeDesk;
  audit: AuditDesk;
  attendance: AttendanceDesk;
  training: TrainingDesk;
  participation: ParticipationDesk;
  keyFigures: KeyFiguresDesk;
  youSaidWeDid: YouSaidWeDidDesk;
  privacy: { desk: PrivacyDesk; notice: PrivacyNoticeDesk; purge: RetentionPurge };
}

export interface Composition {
  services: AppServices;
  /** The storage account's tables, for start-up work and tests that arrange data (e.g. roles) directly. */
  tables: TableStore;
  /** Every feature's registrations, in the order free text is offered to them. */
  features: readonly Feature[];
  platform: TeamsPlatformServices;
  workers: Workers;
  reminders: MeetingReminders;
  delivery: DeliveryService;
  dispatcher: DeliveryDispatcher;
  scheduler: Scheduler;
  bulletin: BulletinSender;
  meetingSync?: MeetingSyncScheduler;
  /** Every table's personal-data owner: what "my data", subject access, erasure and the retention purge ask. */
  personalData: PersonalDataRegistry;
}

/** Builds every service on one storage account; nothing here starts until `workers.start()`. */
export function compose(
  config: AppConfig & { publicBaseUrl: string },
  store: TableStore,
  knowledge: KnowledgeBase,
  clock: Clock,
  logger: Logger,
  metrics: Metrics = NO_METRICS,
): Composition {
  const members = new MemberDirectory(store.client('members'), clock);
  const audit = new AuditLog(store.client('audit'), clock, logger);
  const roles = new RoleService(new RoleDirectory(store.client('roles'), clock), members, config.adminAadObjectIds, audit);
  const outbox = new OutboxStore(store.client('outbox'), clock);
  const unreachable = new UnreachableMembers(store.client('unreachable'), clock);
  const delivery = new DeliveryService(outbox, unreachable, clock);
  const dispatcher = new DeliveryDispatcher({
    outbox,
    unreachable,
    clock,
    logger,
    metrics,
    instanceId: config.instanceName,
    control: new DeliveryControl(store.client('outbox')),
    sender: new TeamsProactiveSender({ credentials: config.credentials, logger, clock }),
  });
  const meetingRepository = new MeetingRepository(store.client('meetings'));
  const jobs = new JobStore(store.client('jobs'));
  const reminders = new MeetingReminders({
    jobs,
    meetings: meetingRepository,
    recipients: () => roles.activeWhere((person) => may(person, 'meetings.reminders')),
    delivery,
    clock,
    logger,
    metrics,
    log: new ReminderLog(store.client('reminderlog')),
    cards: reminderCards(config.publicBaseUrl, clock),
    offsets: config.reminderOffsets,
  });
  const teams = new TeamRegistry(store.client('teams'), clock);
  const links = new SignedLinks(config.linkSigningSecret, clock);
  const charts = new ChartRenderer();
  const roster = new TeamRoster({ credentials: config.credentials, teams, directory: members, logger, clock });
  // The scheduler is built last (it takes every feature's jobs); work that should start at once calls it through this.
  let wakeScheduler = () => {};
  const runSoon = () => wakeScheduler();
  const apologyBook = new ApologyBook(store.client('apologies'), clock);
  const attendanceBook = new AttendanceBook(store.client('attendance'));
  const keyFigures = new KeyFiguresDesk({
    store: new KeyFiguresStore(store.client('keyfigures')),
    definitions: loadKeyFigureDefinitions(),
    charts,
    clock,
  });
  const eventRepository = new EventRepository(store.client('events'));
  const eventInvitations = new EventInvitations(store.client('eventinvites'), clock);
  const attendance = new AttendanceDesk({
    book: attendanceBook,
    occasions: new Occasions(eventRepository, meetingRepository),
    invitations: eventInvitations,
    rsvps: new RsvpBook(store.client('rsvps'), clock),
    apologies: apologyBook,
    meetingPeople: () => roles.activeWhere((person) => may(person, 'apologies.send')),
    clock,
  });
  const events = eventServices(config, store, {
    members,
    roles,
    teams,
    delivery,
    jobs,
    links,
    clock,
    audit,
    attendance,
    teamRoster: roster,
    runSoon,
  });
  const calendar = calendarServices(config, store, {
    events,
    meetings: meetingRepository,
    members,
    delivery,
    jobs,
    clock,
    audit,
    keyFigures,
    roles,
  });
  const councillors = new FlaggedCouncillors(roles);
  // A change that takes something away withdraws the person's calendar address (they ask for a new one, which shows what they may see now).
  roles.onChange(async (change) => {
    if (!narrows(change)) return;
    try {
      await calendar.tokens.revokeFor(change.aadObjectId, 'role changed');
    } catch (error) {
      // The feed checks the role at every fetch as well, so a failed withdrawal shows nothing it should not.
      logger.error({ event: 'calendar.revoke_failed', err: error }, 'could not withdraw a calendar address after a role change');
    }
  });
  const training = new TrainingDesk({
    events: eventRepository,
    attendance: attendanceBook,
    councillors,
    preferences: new TrainingPreferences(store.client('training')),
    delivery,
    jobs,
    clock,
    electionDate: config.electionDate,
  });
  const participation = new ParticipationDesk({
    events: eventRepository,
    invitations: eventInvitations,
    rsvps: new RsvpBook(store.client('rsvps'), clock),
    attendance: attendanceBook,
    councillors,
    roles,
    charts,
    links,
    clock,
    publicBaseUrl: config.publicBaseUrl,
  });
  const challengeRepository = new ChallengeRepository(store.client('challenges'));
  const youSaidWeDid = new YouSaidWeDidDesk({
    challenges: challengeRepository,
    store: new YouSaidWeDidStore(store.client('yousaidwedid')),
    members,
    roles,
    delivery,
    links,
    clock,
    publicBaseUrl: config.publicBaseUrl,
  });
  const challenges = new ChallengeDesk({
    service: new ChallengeService(challengeRepository, directoryPeople(members, roles), clock, audit),
    members,
    roles,
    teams,
    delivery,
    jobs,
    clock,
    links,
    charts,
    nudgeInterval: config.challengeNudgeInterval,
    publicBaseUrl: config.publicBaseUrl,
    panelTeamId: config.panelChannel,
  });
  const meetingQueries = new MeetingQueries(meetingRepository, clock, { workingDays: new WorkingDayCalendar() });
  const officerMeetings = new OfficerMeetings(meetingRepository, clock, { committee: PANEL_NAME });
  const meetingDesk = new MeetingDesk({
    repository: meetingRepository,
    queries: meetingQueries,
    officers: officerMeetings,
    clock,
    publicBaseUrl: config.publicBaseUrl,
    replan: (meeting) => reminders.plan(meeting),
  });
  const meetingCalendar = new MeetingCalendar(meetingRepository, config.publicBaseUrl);
  const notifyOfficers: OfficerNotice = async (batchId, card) => {
    await delivery.broadcast({ batchId, members: await roles.activeOfficers(), card: () => card });
  };
  const apologyNotices = new ApologyNotices({
    jobs,
    book: apologyBook,
    notifyOfficers,
    clock,
    delay: config.apologyNoticeDelay,
    meeting: async (meetingId) => {
      const stored = await meetingRepository.get(meetingId);
      return stored ? apologyMeeting(stored.meeting) : undefined;
    },
  });
  const remit = new RemitService(knowledge);
  const liveKnowledge = new LiveKnowledge(
    knowledge,
    new OfficerEntryStore(store.client('officerentries')),
    clock,
    config.knowledgeSyncInterval,
    logger,
    remit,
  );
  const officerQuestions = new OfficerDesk({
    questions: new OfficerQuestionStore(store.client('officerquestions')),
    metrics,
    entries: new OfficerEntryStore(store.client('officerentries')),
    knowledge: liveKnowledge,
    members,
    roles,
    teams,
    delivery,
    jobs,
    links,
    clock,
    workingDays: new WorkingDayCalendar(),
    nudgeAfterWorkingDays: config.officerQuestionNudgeAfter,
    officersTeamId: config.officersChannel,
    publicBaseUrl: config.publicBaseUrl,
  });
  const personal = personalDataOwners(store, calendar.tokens);
  const personalData = new PersonalDataRegistry([...Object.values(personal.features), ...personal.platform]);
  const privacyStore = new PrivacyStore(store.client('privacy'), clock);
  const privacy: AppServices['privacy'] = {
    desk: new PrivacyDesk({
      registry: personalData,
      members,
      roleOf: (aadObjectId) => roles.roleOf(aadObjectId),
      links: new SignedLinks(config.linkSigningSecret, clock, Duration.fromObject({ minutes: 15 })),
      store: privacyStore,
      audit,
      clock,
      logger,
      publicBaseUrl: config.publicBaseUrl,
    }),
    notice: new PrivacyNoticeDesk({
      store: privacyStore,
      audit,
      defaultMarkdown: readPageSource('privacy'),
      publicBaseUrl: config.publicBaseUrl,
    }),
    purge: new RetentionPurge({ registry: personalData, retention: config.retention, jobs, audit, clock }),
  };
  const services: AppServices = {
    knowledge,
    remit,
    liveKnowledge,
    officerQuestions,
    feedback: new AnswerFeedbackStore(store.client('feedback'), clock),
    members,
    sightings: new RecentSightings(clock),
    roles,
    imports: new MemberImport({ roles, teams, roster, audit }),
    teams,
    meetings: {
      repository: meetingRepository,
      queries: meetingQueries,
      officers: officerMeetings,
      desk: meetingDesk,
      calendar: meetingCalendar,
    },
    audit: new AuditDesk(audit, members),
    apologies: new ApologyDesk(apologyBook, meetingRepository, clock, apologyNotices),
    apologyNotices,
    events,
    calendar,
    challenges,
    attendance,
    training,
    participation,
    keyFigures,
    youSaidWeDid,
    privacy,
  };
  const features = registerFeatures(services, {
    reminders,
    clock,
    logger,
    publicBaseUrl: config.publicBaseUrl,
    metrics,
    personalData: personal.features,
  });
  const scheduler = new Scheduler(jobs, jobHandlers(features), clock, logger, {
    ...DEFAULT_SCHEDULER_OPTIONS,
    pollInterval: config.schedulerPollInterval,
  });
  wakeScheduler = () => scheduler.wake();
  const meetingSync = syncScheduler(config, meetingRepository, clock, logger, () => reminders.planUpcoming());
  const platform: TeamsPlatformServices = {
    features,
    publicBaseUrl: config.publicBaseUrl,
    members,
    sightings: services.sightings,
    roles,
    teams,
    logger,
    allowedTenantIds: config.allowedTenantIds,
  };
  const workers: Workers = {
    start: () => {
      dispatcher.start();
      for (const feature of features) {
        feature
          .start?.()
          .catch((error: unknown) =>
            logger.error(
              { event: 'feature.start_failed', feature: feature.name, err: error },
              "could not plan a feature's background work",
            ),
          );
      }
      scheduler.start();
      meetingSync?.start();
    },
    liveness: () => ({
      delivery: dispatcher.liveness(),
      scheduler: scheduler.liveness(),
      meetingSync: meetingSync?.liveness() ?? 'not configured',
    }),
    stop: async () => {
      await meetingSync?.stop();
      await scheduler.stop();
      await dispatcher.stop();
    },
  };
  return {
    services,
    tables: store,
    features,
    platform,
    workers,
    reminders,
    delivery,
    dispatcher,
    scheduler,
    bulletin: calendar.bulletinSender,
    meetingSync,
    personalData,
  };
}

/** Each feature's part in the person's data rights, for its own tables, and the platform's (outbox, jobs). */
function personalDataOwners(
  store: TableStore,
  calendarFeeds: CalendarTokens,
): {
  features: Record<PersonalDataOwner, PersonalDataContribution>;
  platform: PersonalDataContribution[];
} {
  return {
    features: {
      members: membersPersonalData({ members: store.client('members'), roles: store.client('roles'), teams: store.client('teams') }),
      meetings: meetingsPersonalData({ meetings: store.client('meetings'), reminderLog: store.client('reminderlog') }),
      apologies: apologiesPersonalData(store.client('apologies')),
      events: eventsPersonalData({
        events: store.client('events'),
        invitations: store.client('eventinvites'),
        rsvps: store.client('rsvps'),
      }),
      calendar: calendarPersonalData(
        { tokens: store.client('calendartokens'), bulletinOptOuts: store.client('bulletinoptouts') },
        calendarFeeds,
      ),
      challenges: challengesPersonalData({ challenges: store.client('challenges'), youSaidWeDid: store.client('yousaidwedid') }),
      attendance: attendancePersonalData(store.client('attendance')),
      training: trainingPersonalData(store.client('training')),
      keyFigures: keyFiguresPersonalData(store.client('keyfigures')),
      audit: auditPersonalData(store.client('audit')),
      remit: remitPersonalData({
        feedback: store.client('feedback'),
        officerQuestions: store.client('officerquestions'),
        officerEntries: store.client('officerentries'),
      }),
      privacy: privacyPersonalData(store.client('privacy')),
    },
    platform: [
      deliveryPersonalData({ outbox: store.client('outbox'), unreachable: store.client('unreachable') }),
      jobsPersonalData(store.client('jobs')),
    ],
  };
}

/** The features that keep rows about people, by the name their registration carries. */
type PersonalDataOwner =
  | 'members'
  | 'meetings'
  | 'apologies'
  | 'events'
  | 'calendar'
  | 'challenges'
  | 'attendance'
  | 'training'
  | 'keyFigures'
  | 'audit'
  | 'remit'
  | 'privacy';

/**
 * The features in the order free text is offered to them: meeting questions before the
 * knowledge base, which takes anything. Commands and verbs may come from any of them.
 */
function registerFeatures(
  services: AppServices,
  wiring: {
    reminders: MeetingReminders;
    clock: Clock;
    logger: Logger;
    publicBaseUrl: string;
    metrics: Metrics;
    personalData: Record<PersonalDataOwner, PersonalDataContribution>;
  },
): Feature[] {
  const personal = wiring.personalData;
  const features: Feature[] = [
    {
      ...membersFeature({ members: services.members, roles: services.roles, imports: services.imports, logger: wiring.logger }),
      personalData: personal.members,
    },
    {
      ...meetingsFeature({ desk: services.meetings.desk, calendar: services.meetings.calendar, jobs: wiring.reminders.handlers() }),
      personalData: personal.meetings,
    },
    {
      ...apologiesFeature({
        desk: services.apologies,
        notices: services.apologyNotices,
        nextMeetingId: () => services.meetings.desk.nextMeetingId(),
      }),
      personalData: personal.apologies,
    },
    {
      ...eventsFeature({ desk: services.events.desk, clock: wiring.clock, eventIcs: services.events.eventIcs }),
      personalData: personal.events,
    },
    {
      ...calendarFeature({ ...services.calendar, members: services.members, roles: services.roles, publicBaseUrl: wiring.publicBaseUrl }),
      personalData: personal.calendar,
    },
    { ...challengesFeature(services.challenges, services.youSaidWeDid), personalData: personal.challenges },
    {
      ...attendanceFeature({ desk: services.attendance, events: services.events.desk, meetings: services.meetings.desk }),
      personalData: personal.attendance,
    },
    { ...trainingFeature(services.training), personalData: personal.training },
    participationFeature(services.participation),
    { ...keyFiguresFeature(services.keyFigures), personalData: personal.keyFigures },
    { ...auditFeature(services.audit), personalData: personal.audit },
    privacyFeature({ ...services.privacy, personalData: personal.privacy, publicBaseUrl: wiring.publicBaseUrl }),
    {
      ...remitFeature({
        knowledge: services.liveKnowledge,
        feedback: services.feedback,
        officers: services.officerQuestions,
        clock: wiring.clock,
        logger: wiring.logger,
        metrics: wiring.metrics,
      }),
      personalData: personal.remit,
    },
  ];
  const staffCommands = () =>
    features.flatMap((feature) => (feature.commands ?? []).flatMap((command) => (command.help ? [command.help] : [])));
  return [helpFeature(staffCommands, wiring.publicBaseUrl), ...features];
}

/** Every feature's scheduled-job handlers; two features claiming one job kind stop the start. */
function jobHandlers(features: readonly Feature[]): Record<string, JobHandler> {
  const handlers: Record<string, JobHandler> = {};
  for (const feature of features) {
    for (const [kind, handler] of Object.entries(feature.jobs ?? {})) {
      if (handlers[kind]) throw new Error(`feature ${feature.name}: job ${kind} is registered twice`);
      handlers[kind] = handler;
    }
  }
  return handlers;
}

function syncScheduler(
  config: AppConfig,
  repository: MeetingRepository,
  clock: Clock,
  logger: Logger,
  afterSync: () => Promise<unknown>,
): MeetingSyncScheduler | undefined {
  const sources: MeetingSourceReader[] = [];
  const { moderngov, icalUrl, syncInterval } = config.meetings;
  if (moderngov) {
    sources.push(
      new ModernGovSource(new ModernGovClient({ url: moderngov.baseUrl }), clock, logger, {
        committeeId: moderngov.committeeId,
        committeeName: PANEL_NAME,
      }),
    );
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
  clock: Clock;
  audit: AuditTrail;
  attendance: AttendanceDesk;
  teamRoster: TeamRosterPages;
  runSoon: () => void;
}

function calendarOptions(config: { publicBaseUrl: string }) {
  return { calendarName: `Members' Calendar - ${PANEL_NAME}`, uidDomain: new URL(config.publicBaseUrl).hostname };
}

function eventServices(config: AppConfig & { publicBaseUrl: string }, store: TableStore, wiring: EventWiring): AppServices['events'] {
  const { clock } = wiring;
  const repository = new EventRepository(store.client('events'));
  const invitations = new EventInvitations(store.client('eventinvites'), clock);
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
    invitations,
    eventIcs: async (eventId) => {
      const id = eventIdSchema.safeParse(eventId);
      const event = id.success ? (await repository.get(id.data))?.event : undefined;
      return event ? { fileName: eventIcsFileName(event), body: eventToIcs(event, calendarOptions(config)) } : undefined;
    },
  };
}

interface CalendarWiring {
  audit: AuditTrail;
  roles: RoleService;
  keyFigures: KeyFiguresDesk;
  events: AppServices['events'];
  meetings: MeetingRepository;
  members: MemberDirectory;
  delivery: DeliveryService;
  jobs: JobStore;
  clock: Clock;
}

function calendarServices(config: AppConfig & { publicBaseUrl: string }, store: TableStore, wiring: CalendarWiring): CalendarServices {
  const { clock, events } = wiring;
  const bulletin = new MemberBulletin(events.repository, wiring.meetings, events.invitations, clock, { keyFigures: wiring.keyFigures });
  const bulletinOptOuts = new BulletinOptOuts(store.client('bulletinoptouts'), clock);
  return {
    tokens: new CalendarTokens(store.client('calendartokens'), clock),
    feed: new CalendarFeed(events.repository, wiring.meetings, events.invitations, clock, calendarOptions(config)),
    bulletin,
    bulletinOptOuts,
    bulletinSender: new BulletinSender({
      jobs: wiring.jobs,
      bulletin,
      optOuts: bulletinOptOuts,
      people: wiring.roles,
      delivery: wiring.delivery,
      clock,
      schedule: config.bulletinSchedule,
      audit: wiring.audit,
    }),
  };
}
