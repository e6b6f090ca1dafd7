import { randomUUID } from 'node:crypto';
import type { ManualClock } from '../../../src/platform/time/clock';
import type { DeliveryService } from '../../../src/platform/delivery/delivery-service';
import type { RosterPage, TeamRosterPages } from '../../../src/features/members/domain/team-roster-pages';
import { batchIds, jobKeys } from '../../../src/shared/keys';
import { aForm } from '../../unit/events/event-fixtures';
import { LEASE, type TeamAudienceRig, aTeam, officer, teamAudienceRig } from './team-audience-rig';

/** The connector answers every request after 100 ms, as in the measurement (11 s for 100 members, inline). */
const LATENCY_MS = 100;
const TEAM_SIZE = 100;
/** Teams may answer fewer members a page than asked; here 25, so 100 members are four pages. */
const PAGE = 25;

function eventForm(clock: ManualClock, teamId: string, title: string) {
  const start = clock.now().plus({ days: 60 }).set({ hour: 18, minute: 0 });
  return aForm({
    formId: randomUUID(),
    title,
    start: start.toFormat("yyyy-MM-dd'T'HH:mm"),
    end: start.plus({ hours: 2 }).toFormat("yyyy-MM-dd'T'HH:mm"),
    rsvpBy: '',
    audience: `team:${teamId}`,
  });
}

function eventIdIn(card: unknown): string {
  return /"eventId":"(ev-[0-9a-f]{24})"/.exec(JSON.stringify(card))![1]!;
}

async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Each of the Team's members got exactly one message in their own chat: [lost, duplicated]. */
function lostAndDuplicated(rig: TeamAudienceRig, userIds: readonly string[]): [number, number] {
  const counts = rig.connector.acceptedCounts();
  const chats = userIds.map((id) => counts.get(rig.connector.personalConversationId(id)) ?? 0);
  return [chats.filter((n) => n === 0).length, chats.reduce((sum, n) => sum + Math.max(0, n - 1), 0)];
}

/** A promise that never settles: the instance holding it is dead (kill -9), its work abandoned mid-way. */
const never = <T>() => new Promise<T>(() => undefined);

describe('an event for a Team: the officer is answered at once, the Team is invited in the background', () => {
  let rig: TeamAudienceRig;
  beforeEach(async () => {
    rig = await teamAudienceRig({ latencyMs: LATENCY_MS, maxRosterPageSize: PAGE });
  });
  afterEach(() => rig.close());

  it('answers the invoke without a single request to Teams, then reads the roster page by page and invites all 100 once', async () => {
    const team = aTeam(rig.connector, 'foster-carers', TEAM_SIZE);
    await rig.install(team.teamId, 'Foster Carers [Kent]', team.members);
    const instance = rig.instance();
    const form = eventForm(rig.clock, team.teamId, 'Foster carers summer picnic');
    const card = await instance.desk.create(officer, form);

    // What happened before the answer: the event and one background job stored; nothing asked of Teams, nothing queued.
    expect(rig.connector.requests).toBe(0);
    const eventId = eventIdIn(card);
    const batch = batchIds.eventVersion(eventId, 0, 'invitation');
    expect((await rig.delivery.progress(batch)).queued).toBe(0);
    expect(await rig.jobs.pendingKeys(jobKeys.teamInvitationsOf(eventId, 0))).toEqual([jobKeys.teamInvitationPage(eventId, 0, 0)]);
    const text = JSON.stringify(card).replace(/\\\\/g, '');
    expect(text).toContain('Event created: finding the members of Foster Carers [Kent] and sending their invitations in the background');
    expect(text).toContain("Still finding the Team's members");

    // In the background: one page per job, each planning the next.
    expect(await instance.scheduler.tick()).toBe(1);
    expect((await rig.delivery.progress(batch)).queued).toBe(PAGE);
    expect(JSON.stringify(await instance.desk.status(officer, eventId))).toContain("Still finding the Team's members");
    await instance.drain();
    expect(rig.connector.rosterReads.map((read) => read.continuationToken === '')).toEqual([true, false, false, false]);
    expect(rig.connector.createdConversations).toHaveLength(TEAM_SIZE);
    expect(await rig.jobs.pendingKeys(jobKeys.teamInvitationsOf(eventId, 0))).toEqual([]);
    const status = JSON.stringify(await instance.desk.status(officer, eventId));
    expect(status).not.toContain("Still finding the Team's members");
    expect(status).toMatch(/Invitations: \d+ of 100 sent/);

    rig.startDispatcher();
    await eventually(async () => (await rig.delivery.progress(batch)).sent === TEAM_SIZE);
    expect(
      lostAndDuplicated(
        rig,
        team.members.map((m) => m.id),
      ),
    ).toEqual([0, 0]);

    // The same form delivered again (Teams retries slow invokes): nothing read, nothing queued again.
    const requests = rig.connector.requests;
    expect(JSON.stringify(await instance.desk.create(officer, form))).toContain('This event was already created');
    expect(await instance.drain()).toBe(0);
    expect((await rig.delivery.progress(batch)).queued).toBe(TEAM_SIZE);
    expect(rig.connector.requests).toBe(requests);
  });

  it('resumes from the page it was on when the instance dies between pages, losing nobody and inviting nobody twice', async () => {
    const team = aTeam(rig.connector, 'virtual-school', TEAM_SIZE);
    await rig.install(team.teamId, 'Virtual School Kent', team.members);
    let pagesRead = 0;
    // The first instance dies after reading its third page (and opening its members' chats), before queueing any of them.
    const dying = rig.instance({
      wrapRoster: (real): TeamRosterPages => ({
        readPage: async (teamId, token): Promise<RosterPage> => {
          const page = await real.readPage(teamId, token);
          return ++pagesRead === 3 ? never() : page;
        },
      }),
    });
    const card = await dying.desk.create(officer, eventForm(rig.clock, team.teamId, 'Awards evening'));
    const eventId = eventIdIn(card);
    const batch = batchIds.eventVersion(eventId, 0, 'invitation');
    void dying.drain(); // never returns: the instance is gone
    await eventually(() => pagesRead === 3);
    expect((await rig.delivery.progress(batch)).queued).toBe(2 * PAGE);

    // Another instance, once the dead one's claim has lapsed: it carries on from page 3's token.
    rig.clock.advance(LEASE.plus({ seconds: 1 }));
    const successor = rig.instance();
    await successor.drain();
    const tokens = rig.connector.rosterReads.map((read) => read.continuationToken);
    expect(tokens.filter((token) => token === '')).toHaveLength(1); // the first page was read once: no restart from the top
    expect(tokens).toHaveLength(5); // pages 1, 2, 3 by the dead instance; 3 again and 4 by its successor
    expect(tokens[3]).toBe(tokens[2]);
    expect((await rig.delivery.progress(batch)).queued).toBe(TEAM_SIZE);

    rig.startDispatcher();
    await eventually(async () => (await rig.delivery.progress(batch)).sent === TEAM_SIZE);
    expect(
      lostAndDuplicated(
        rig,
        team.members.map((m) => m.id),
      ),
    ).toEqual([0, 0]);
  });

  it.each([
    ['after recording its members as invited, before queueing their invitations', 'before' as const],
    ['after queueing its invitations, before planning the next page', 'after' as const],
  ])('loses nobody and invites nobody twice when the instance dies on a page %s', async (_when, moment) => {
    const team = aTeam(rig.connector, `care-leavers-${moment}`, TEAM_SIZE);
    await rig.install(team.teamId, 'Care Leavers Forum', team.members);
    let broadcasts = 0;
    let died = false;
    const die = <T>(): Promise<T> => {
      died = true;
      return never();
    };
    const dying = rig.instance({
      wrapDelivery: (real): Pick<DeliveryService, 'broadcast' | 'progress'> => ({
        progress: (batchId) => real.progress(batchId),
        broadcast: async (broadcast) => {
          const dies = ++broadcasts === 2;
          if (dies && moment === 'before') return die();
          const summary = await real.broadcast(broadcast);
          return dies ? die() : summary;
        },
      }),
    });
    const eventId = eventIdIn(await dying.desk.create(officer, eventForm(rig.clock, team.teamId, 'Care leavers forum')));
    const batch = batchIds.eventVersion(eventId, 0, 'invitation');
    void dying.drain();
    await eventually(() => died);
    expect((await rig.delivery.progress(batch)).queued).toBe(moment === 'before' ? PAGE : 2 * PAGE);
    rig.startDispatcher(); // the pages queued so far go out meanwhile
    rig.clock.advance(LEASE.plus({ seconds: 1 }));
    await rig.instance().drain();
    await eventually(async () => (await rig.delivery.progress(batch)).sent === TEAM_SIZE);
    expect((await rig.delivery.progress(batch)).queued).toBe(TEAM_SIZE);
    expect(
      lostAndDuplicated(
        rig,
        team.members.map((m) => m.id),
      ),
    ).toEqual([0, 0]);
  });

  it('honours 429 Retry-After on the roster: a short pause waited out in place, a long one handed back to the scheduler without counting as a failure', async () => {
    const team = aTeam(rig.connector, 'participation', 60);
    await rig.install(team.teamId, 'Participation team', team.members);
    const secondPage = (marker: string) => marker === `roster:${team.teamId}:${rig.connector.rosterToken(PAGE)}`;
    // The second page: first answered 429 Retry-After 2 (waited out in place) ...
    rig.connector.addFault({
      routes: ['roster'],
      match: (r) => secondPage(r.marker) && r.attempt === 1,
      fault: { kind: 'status', status: 429, retryAfterSeconds: 2 },
    });
    // ... then three times 429 Retry-After 30 (longer than a read waits: the job waits in the scheduler).
    rig.connector.addFault({
      routes: ['roster'],
      match: (r) => secondPage(r.marker) && r.attempt >= 2 && r.attempt <= 4,
      fault: { kind: 'status', status: 429, retryAfterSeconds: 30 },
    });
    const waits: number[] = [];
    const instance = rig.instance({ roster: { wait: async (ms) => void waits.push(ms) } });
    const eventId = eventIdIn(await instance.desk.create(officer, eventForm(rig.clock, team.teamId, 'Participation day')));
    const batch = batchIds.eventVersion(eventId, 0, 'invitation');

    expect(await instance.scheduler.tick()).toBe(1); // page 1
    expect(await instance.scheduler.tick()).toBe(1); // page 2: 429 (2 s, waited), then 429 (30 s): back to the scheduler
    expect(waits).toEqual([2_000]);
    expect(rig.connector.count(429)).toBe(2);
    expect(await instance.scheduler.tick()).toBe(0); // not before the 30 s are up
    for (let round = 0; round < 2; round++) {
      rig.clock.advance({ seconds: 29 });
      expect(await instance.scheduler.tick()).toBe(0);
      rig.clock.advance({ seconds: 2 });
      expect(await instance.scheduler.tick()).toBe(1); // asked again, answered 429 again
    }
    // Three waits and the scheduler allows three attempts: waiting counted none of them.
    rig.clock.advance({ seconds: 31 });
    await instance.drain();
    expect(rig.connector.count(429)).toBe(4);
    expect((await rig.delivery.progress(batch)).queued).toBe(60);
    expect(await rig.jobs.pendingKeys(jobKeys.teamInvitationsOf(eventId, 0))).toEqual([]);
  });

  it('stops reading the Team when the event is cancelled part-way, keeping what was sent on record', async () => {
    const team = aTeam(rig.connector, 'cancelled', TEAM_SIZE);
    await rig.install(team.teamId, 'Cancelled team', team.members);
    const instance = rig.instance();
    const eventId = eventIdIn(await instance.desk.create(officer, eventForm(rig.clock, team.teamId, 'Rained off')));
    expect(await instance.scheduler.tick()).toBe(1);
    await instance.desk.cancel(officer, eventId, 0);
    await instance.drain();
    expect(rig.connector.rosterReads).toHaveLength(1);
    expect((await rig.delivery.progress(batchIds.eventVersion(eventId, 0, 'invitation'))).queued).toBe(PAGE);
    expect(await rig.jobs.pendingKeys(jobKeys.teamInvitationsOf(eventId, 0))).toEqual([]);
  });

  it('invites the people of a roster who are not guests, and ignores entries that are not people (an id the bot cannot use)', async () => {
    const team = aTeam(rig.connector, 'mixed', 10);
    rig.connector.setRoster(team.teamId, [
      ...team.members.slice(0, 5),
      { id: '29:1bad', name: 'Not a person', aadObjectId: 'has/slash' },
      ...team.members.slice(5),
    ]);
    // Two of the Team's people are guests (never told they are on the panel): they are not invited.
    await rig.install(team.teamId, 'Mixed team', team.members.slice(2));
    const instance = rig.instance();
    const eventId = eventIdIn(await instance.desk.create(officer, eventForm(rig.clock, team.teamId, 'Mixed')));
    await instance.drain();
    expect((await rig.delivery.progress(batchIds.eventVersion(eventId, 0, 'invitation'))).queued).toBe(8);
  });
});
