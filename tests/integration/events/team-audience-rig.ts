import { Duration } from 'luxon';
import { AuditLog } from '../../../src/features/audit/data/audit-log';
import { EventInvitations } from '../../../src/features/events/data/event-invitations';
import { EventRepository } from '../../../src/features/events/data/event-repository';
import { RsvpBook } from '../../../src/features/events/data/rsvp-book';
import { EventDesk } from '../../../src/features/events/event-desk';
import { EventRsvps } from '../../../src/features/events/event-rsvps';
import { OfficerEvents } from '../../../src/features/events/officer-events';
import { MemberDirectory } from '../../../src/features/members/data/member-directory';
import { RoleDirectory } from '../../../src/features/members/data/role-directory';
import { TeamRegistry } from '../../../src/features/members/data/team-registry';
import type { TeamRosterPages } from '../../../src/features/members/domain/team-roster-pages';
import { RoleService } from '../../../src/features/members/role-service';
import { DeliveryControl } from '../../../src/platform/delivery/delivery-control';
import { DeliveryDispatcher } from '../../../src/platform/delivery/delivery-dispatcher';
import { DeliveryService } from '../../../src/platform/delivery/delivery-service';
import { OutboxStore } from '../../../src/platform/delivery/outbox-store';
import { UnreachableMembers } from '../../../src/platform/delivery/unreachable-members';
import { silentLogger } from '../../../src/platform/logging/logger';
import { JobStore } from '../../../src/platform/scheduler/job-store';
import { Scheduler } from '../../../src/platform/scheduler/scheduler';
import { SignedLinks } from '../../../src/platform/security/signed-links';
import type { TableStore } from '../../../src/platform/storage/table-store';
import { TeamRoster, type TeamRosterOptions } from '../../../src/platform/teams/team-roster';
import { TeamsProactiveSender } from '../../../src/platform/teams/teams-proactive-sender';
import { ManualClock, SystemClock } from '../../../src/platform/time/clock';
import type { Actor } from '../../../src/shared/access/actor';
import { EmulatedConnector, type EmulatedConnectorOptions, type RosterMember } from '../../support/emulated-connector';
import { testTableStore } from '../../support/test-storage';
import { seedRolesIn } from '../../support/seed-roles';
import { FIXTURE_TENANT_ID, entraObjectId, teamsTeamId, teamsUserId } from '../../support/teams-ids';

export const officer: Actor = {
  aadObjectId: entraObjectId('officer-olivia'),
  name: 'Olivia Officer',
  tenantId: FIXTURE_TENANT_ID,
  role: 'admin',
};

/** The scheduler's lease in these tests: a dead instance's job is taken over once the (manual) clock passes it. */
export const LEASE = Duration.fromObject({ minutes: 2 });

/** A Team of `size` people the bot has never met (real-shaped ids), with its roster at the connector. */
export function aTeam(connector: EmulatedConnector, seed: string, size: number): { teamId: string; members: RosterMember[] } {
  const teamId = teamsTeamId(seed);
  const members = Array.from({ length: size }, (_, i) => ({
    id: teamsUserId(`${seed}-${i}`),
    name: `Member ${i} of ${seed}`,
    aadObjectId: entraObjectId(`${seed}-${i}`),
    tenantId: FIXTURE_TENANT_ID,
    userRole: 'user',
  }));
  connector.setRoster(teamId, members);
  return { teamId, members };
}

export interface Instance {
  desk: EventDesk;
  scheduler: Scheduler;
  roster: TeamRoster;
  /** Ticks until nothing is due (a dead instance's claims wait for their lease). */
  drain(): Promise<number>;
}

export interface TeamAudienceRig {
  store: TableStore;
  connector: EmulatedConnector;
  /** Desk and scheduler time: moved by hand, so leases end when a test says. */
  clock: ManualClock;
  jobs: JobStore;
  delivery: DeliveryService;
  teams: TeamRegistry;
  members: MemberDirectory;
  /** One instance of the bot's event desk and scheduler on the shared tables; `wrap` can stand between it and Teams. */
  instance(options?: {
    roster?: Partial<TeamRosterOptions>;
    wrapRoster?: (real: TeamRosterPages) => TeamRosterPages;
    wrapDelivery?: (real: DeliveryService) => Pick<DeliveryService, 'broadcast' | 'progress'>;
  }): Instance;
  /**
   * Records the Team as installed, its General channel at the connector; `panel`: people of it who
   * are panel members (everyone else in a Team is a guest, and guests are never invited).
   */
  install(teamId: string, name: string, panel?: readonly { aadObjectId: string }[]): Promise<void>;
  /** Starts delivering the outbox to the connector. */
  startDispatcher(): void;
  close(): Promise<void>;
}

/** Azurite tables of the test's own, an emulated Teams connector, and whole instances of the events desk over them. */
export async function teamAudienceRig(connectorOptions: EmulatedConnectorOptions = {}, tables?: TableStore): Promise<TeamAudienceRig> {
  const store = tables ?? (await testTableStore());
  const connector = new EmulatedConnector({
    // Each member's invitations counted per chat: one per chat is the only right answer.
    markerOf: (activity) => String((activity.conversation as { id?: unknown } | undefined)?.id),
    ...connectorOptions,
  });
  await connector.start();
  const clock = new ManualClock(new SystemClock().now());
  // The outbox runs on real time, so the dispatcher's pacing is not stopped by the manual clock.
  const realClock = new SystemClock();
  const outbox = new OutboxStore(store.client('outbox'), realClock);
  const unreachable = new UnreachableMembers(store.client('unreachable'), realClock);
  const delivery = new DeliveryService(outbox, unreachable, realClock);
  const jobs = new JobStore(store.client('jobs'));
  const members = new MemberDirectory(store.client('members'), clock);
  const teams = new TeamRegistry(store.client('teams'), clock);
  const audit = new AuditLog(store.client('audit'), clock);
  const roles = new RoleService(new RoleDirectory(store.client('roles'), clock), members, [officer.aadObjectId], audit);
  const dispatchers: DeliveryDispatcher[] = [];
  await members.recordSighting({ ...officer, teamsUserId: teamsUserId('officer-olivia') });

  return {
    store,
    connector,
    clock,
    jobs,
    delivery,
    teams,
    members,
    instance(options = {}) {
      const repository = new EventRepository(store.client('events'));
      const invitations = new EventInvitations(store.client('eventinvites'), clock);
      const roster = new TeamRoster({
        teams,
        directory: members,
        logger: silentLogger(),
        clock,
        wait: async () => undefined,
        ...options.roster,
      });
      const jobStore = new JobStore(store.client('jobs'));
      const desk = new EventDesk({
        repository,
        invitations,
        officers: new OfficerEvents(repository, clock, { minNotice: Duration.fromISO('P14D') }),
        rsvps: new EventRsvps(repository, new RsvpBook(store.client('rsvps'), clock), invitations),
        members,
        roles,
        teams,
        delivery: options.wrapDelivery ? options.wrapDelivery(delivery) : delivery,
        jobs: jobStore,
        links: new SignedLinks('a-test-secret-that-is-at-least-32-characters', clock),
        clock,
        minNotice: Duration.fromISO('P14D'),
        publicBaseUrl: 'https://cpp.example.org',
        audit,
        teamRoster: options.wrapRoster ? options.wrapRoster(roster) : roster,
        // No runSoon: the tests tick the scheduler themselves, so each page's moment is theirs.
      });
      const scheduler = new Scheduler(jobStore, desk.handlers(), clock, silentLogger(), {
        pollInterval: Duration.fromObject({ seconds: 30 }),
        lease: LEASE,
        batchSize: 10,
        maxAttempts: 3,
      });
      return {
        desk,
        scheduler,
        roster,
        drain: async () => {
          let total = 0;
          for (let ran = await scheduler.tick(); ran > 0; ran = await scheduler.tick()) total += ran;
          return total;
        },
      };
    },
    async install(teamId, name, panel = []) {
      await seedRolesIn(store, panel);
      await teams.installed({
        teamId,
        name,
        conversationReference: {
          ...connector.reference(teamId),
          conversation: { id: teamId, conversationType: 'channel', tenantId: FIXTURE_TENANT_ID },
        },
      });
    },
    startDispatcher() {
      const dispatcher = new DeliveryDispatcher({
        outbox,
        unreachable,
        clock: realClock,
        logger: silentLogger(),
        instanceId: `team-audience-${dispatchers.length}`,
        control: new DeliveryControl(store.client('outbox')),
        sender: new TeamsProactiveSender({ logger: silentLogger(), timeoutMs: 15_000, clock: realClock }),
        pollIntervalMs: 50,
        ratePerSecond: 100,
      });
      dispatchers.push(dispatcher);
      dispatcher.start();
    },
    async close() {
      for (const dispatcher of dispatchers) await dispatcher.stop();
      await connector.stop();
    },
  };
}
