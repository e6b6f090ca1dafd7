import { randomUUID } from 'node:crypto';
import type { RunningApp } from '../../../src/app/app';
import { AuditLog } from '../../../src/features/audit/data/audit-log';
import { hashCalendarToken, newCalendarToken } from '../../../src/features/calendar/data/calendar-tokens';
import type { Actor } from '../../../src/shared/access/actor';
import { BotClient, type TeamsPerson, teamsPerson } from '../../support/bot-client';
import { EmulatedConnector } from '../../support/emulated-connector';
import { seedRoles } from '../../support/seed-roles';
import { FIXTURE_TENANT_ID } from '../../support/teams-ids';
import { startTestApp } from '../../support/test-app';
import { TravelClock } from '../../support/travel-clock';

/**
 * Issue 9, "What is wrong today", items 1 and 2, exactly as written, against the running bot: its
 * real HTTP endpoint (activities POSTed as Teams sends them, replies and proactive messages through
 * botbuilder to an emulated Teams connector) and its tables in Azurite. Each of these passed on the
 * main branch before this change and must fail there.
 */
describe('what was wrong before issue 9, tried as a hostile user would', () => {
  const admin = teamsPerson('admin-olivia', 'Olivia Officer');
  const officerSam = teamsPerson('officer-sam', 'Sam Patel');
  const officerJo = teamsPerson('officer-jo', 'Jo Whitaker');
  const cllrPriya = teamsPerson('cllr-priya', 'Cllr Priya Shah');
  const stranger = teamsPerson('tenant-stranger', 'Alex Stranger');
  const clock = new TravelClock('2026-11-02T09:00:00Z');
  const CARD_WORDS = 'We want help with council tax bills when we leave care, because nobody tells us what to do.';
  const OFFICERS_EVENT = 'Officers planning meeting for the awards';
  const JOIN_URL = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_officers-only';
  let app: RunningApp;
  let connector: EmulatedConnector;
  let teams: BotClient;
  const actorOf = (person: TeamsPerson, role: Actor['role']): Actor => ({
    aadObjectId: person.aadObjectId,
    name: person.name,
    tenantId: FIXTURE_TENANT_ID,
    role,
  });

  beforeAll(async () => {
    connector = new EmulatedConnector({ conversationWindows: [] });
    await connector.start();
    app = await startTestApp(
      { ADMIN_AAD_OBJECT_IDS: admin.aadObjectId, ALLOWED_TENANT_IDS: FIXTURE_TENANT_ID },
      { clock, startWorkers: false },
    );
    app.composition.dispatcher.start();
    teams = new BotClient(app, connector);
    for (const person of [admin, officerSam, officerJo, cllrPriya]) await teams.install(person);
    await seedRoles(app, [
      { aadObjectId: officerSam.aadObjectId, role: 'officer' },
      { aadObjectId: officerJo.aadObjectId, role: 'officer' },
      { aadObjectId: cllrPriya.aadObjectId, role: 'panel', councillor: true },
    ]);
    // Two real cards, CC-2026-001 and CC-2026-002, with the young people's words and people on them.
    for (const title of ['Council tax help for care leavers', 'Free bus passes until 21'])
      await app.services.challenges.create(actorOf(officerSam, 'officer'), {
        formId: randomUUID(),
        title,
        words: CARD_WORDS,
        raisingGroup: 'young_adult_council',
        raisingGroupOther: '',
        raisedOn: '2026-11-02',
        priorityArea: 'successful_adults',
        leadOfficer: officerSam.aadObjectId,
        assignees: cllrPriya.aadObjectId,
        dueOn: '2026-12-18',
      });
  });
  afterAll(async () => {
    await app?.stop();
    await connector?.stop();
  });

  describe('1. everyone in the tenant was a "member"', () => {
    it('a user never seen before who enumerates CC-2026-001, -002, ... gets nothing different from a missing card', async () => {
      const byText = new Map<string, string>();
      const byButton = new Map<string, unknown>();
      for (const reference of ['CC-2026-001', 'CC-2026-002', 'CC-2026-003', 'CC-2026-004']) {
        byText.set(reference, await teams.say(stranger, `challenge ${reference}`));
        byButton.set(reference, await teams.invoke(stranger, 'challenge.show', { reference }));
      }
      const missingText = byText.get('CC-2026-004')!;
      const missingButton = byButton.get('CC-2026-004');
      expect(missingText).toContain('That challenge card could not be found.');
      expect(missingButton).toEqual({
        statusCode: 404,
        type: 'application/vnd.microsoft.error',
        value: { code: 'not_found', message: 'That challenge card could not be found. References look like CC-2026-014.' },
      });
      for (const reference of ['CC-2026-001', 'CC-2026-002', 'CC-2026-003']) {
        expect(byText.get(reference)).toBe(missingText);
        expect(byButton.get(reference)).toEqual(missingButton);
      }
      const everything = JSON.stringify([...byText.values(), ...byButton.values()]);
      for (const secret of ['council tax', 'bus passes', officerSam.name, cllrPriya.name]) expect(everything).not.toContain(secret);
      // The cards are there: a panel member sees them in full.
      expect(await teams.say(cllrPriya, 'challenge CC-2026-001')).toContain('Council tax help for care leavers');
    });

    it('the same user asking for "challenge report for 2026" is refused and shown no figures', async () => {
      const reply = await teams.say(stranger, 'challenge report for 2026');
      expect(reply).toContain('Only panel members and officers can see the challenge report.');
      expect(reply).not.toMatch(/Successful adults|received|CC-2026/i);
      expect((await fetch(`${app.url}/exports/challenges.csv?from=2026-01-01&to=2026-12-31`)).status).toBe(403);
      expect(await teams.say(cllrPriya, 'challenge report for 2026')).toContain('Challenge cards');
    });

    it('becomes no member on their first message: they are in no all-members broadcast (invitations, bulletin)', async () => {
      expect(await teams.say(stranger, 'my role')).toContain('with the role of guest');
      expect(await app.services.roles.roleOf(stranger.aadObjectId)).toBe('guest');
      const panelEvent = {
        title: 'Virtual School Kent achievement awards',
        kind: 'achievement-awards',
        start: '2026-12-10T18:00',
        end: '2026-12-10T20:30',
        venue: 'Sessions House, County Hall, Maidstone',
        details: 'Celebrating the achievements of children in care.',
        rsvpBy: '2026-12-03',
        confirmShortNotice: 'false',
      };
      for (const audience of ['panel', 'councillors'])
        await app.services.events.desk.create(actorOf(officerSam, 'officer'), {
          ...panelEvent,
          title: `${panelEvent.title} (${audience})`,
          audience,
        });
      await app.composition.bulletin.handlers().bulletin!({
        key: 'bulletin|weekly',
        kind: 'bulletin',
        due: clock.now(),
        payload: {},
        attempts: 0,
      });
      const invitationsTo = (person: TeamsPerson) =>
        teams.postedTo(person.personalChatId).filter((posted) => JSON.stringify(posted.activity).includes('"verb":"event.rsvp"'));
      const bulletinsTo = (person: TeamsPerson) =>
        teams.postedTo(person.personalChatId).filter((posted) => JSON.stringify(posted.activity).includes('Member Bulletin'));
      const deadline = Date.now() + 60_000;
      while ((invitationsTo(cllrPriya).length < 2 || bulletinsTo(cllrPriya).length < 1) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(invitationsTo(cllrPriya)).toHaveLength(2);
      expect(bulletinsTo(cllrPriya)).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 500)); // anything still queued for the stranger would have gone by now
      expect(invitationsTo(stranger)).toEqual([]);
      expect(bulletinsTo(stranger)).toEqual([]);
      expect(await teams.say(stranger, 'events')).toContain('The Member Bulletin is for panel members, councillors and officers.');
    });
  });

  describe("2. the officers' calendar feed was one shared token tied to no one", () => {
    const feedUrl = (card: string) => /(https?:\/\/[^"]+\/calendar\/[A-Za-z0-9_-]{43}\.ics)/.exec(card)![1]!;

    beforeAll(async () => {
      await app.services.events.desk.create(actorOf(officerSam, 'officer'), {
        title: OFFICERS_EVENT,
        kind: 'other',
        start: '2026-12-01T10:00',
        end: '2026-12-01T11:00',
        venue: `Online, ${JOIN_URL}`,
        details: 'For officers only.',
        rsvpBy: '',
        audience: 'officers',
        confirmShortNotice: 'false',
      });
    });

    it("a second officer asking for the officers' link does not break the first's", async () => {
      const samsLink = feedUrl(await teams.say(officerSam, 'officers calendar link'));
      const before = await fetch(samsLink);
      expect(before.status).toBe(200);
      const josLink = feedUrl(await teams.say(officerJo, 'officers calendar link'));
      expect(josLink).not.toBe(samsLink);
      const after = await fetch(samsLink);
      expect(after.status).toBe(200);
      expect(await after.text()).toContain(OFFICERS_EVENT);
      expect((await fetch(josLink)).status).toBe(200);
      // Jo rotating her own link withdraws hers only.
      const josNewLink = feedUrl(await teams.say(officerJo, 'my calendar link'));
      expect((await fetch(josLink)).status).toBe(410);
      expect((await fetch(josNewLink)).status).toBe(200);
      expect((await fetch(samsLink)).status).toBe(200);
    });

    it("after the officer's role is revoked and they uninstall the bot, their old .ics is gone, without officer-only events or join links", async () => {
      const link = feedUrl(await teams.say(officerSam, 'my calendar link'));
      const live = await (await fetch(link)).text();
      expect(live).toContain(OFFICERS_EVENT);
      expect(live).toContain('meetup-join');
      // The admin removes Sam as an officer on the roles card, in Teams.
      const rolesCard = await teams.say(admin, `roles ${officerSam.name}`);
      expect(rolesCard).toContain(`"aadObjectId":"${officerSam.aadObjectId}"`);
      const saved = await teams.invoke(admin, 'role.set', {
        aadObjectId: officerSam.aadObjectId,
        page: 0,
        query: officerSam.name,
        [`role-${officerSam.aadObjectId}`]: 'guest',
      });
      expect(JSON.stringify(saved)).toContain(`${officerSam.name} is now a guest.`);
      await teams.uninstall(officerSam);
      const gone = await fetch(link);
      expect([404, 410]).toContain(gone.status);
      const body = await gone.text();
      expect(body).not.toContain(OFFICERS_EVENT);
      expect(body).not.toContain('meetup-join');
      // The grant's log names who revoked it and whom; the revocation left a row, not a gap.
      const { entries } = await new AuditLog(app.composition.tables.client('audit'), clock).latest();
      expect(entries.find((entry) => entry.action === 'role.revoked' && entry.subject.id === officerSam.aadObjectId)).toMatchObject({
        actor: { aadObjectId: admin.aadObjectId, role: 'admin' },
        detail: expect.stringContaining('guest (was officer'),
      });
    });

    it('withdraws the address when only the role is taken away, and when only the bot is removed (said as a conversationUpdate)', async () => {
      const jo = feedUrl(await teams.say(officerJo, 'my calendar link'));
      const priya = feedUrl(await teams.say(cllrPriya, 'my calendar link'));
      expect(await (await fetch(priya)).text()).not.toContain(OFFICERS_EVENT); // a panel member never saw officer-only events
      await app.services.roles.assign(actorOf(admin, 'admin'), officerJo.aadObjectId, { role: 'panel' });
      const demoted = await fetch(jo);
      expect(demoted.status).toBe(410);
      expect(await demoted.text()).not.toContain(OFFICERS_EVENT);
      await teams.removeBotFromPersonalChat(cllrPriya);
      expect((await fetch(priya)).status).toBe(410);
      expect((await app.services.members.find(cllrPriya.aadObjectId))?.active).toBe(false);
      // Withdrawn, not only refused at fetch time: neither address is held any more.
      expect(await app.services.calendar.tokens.hasToken(cllrPriya.aadObjectId)).toBe(false);
      expect(await app.services.calendar.tokens.hasToken(officerJo.aadObjectId)).toBe(false);
    });

    it("answers 410 for the shared officers' address an earlier version handed out", async () => {
      const shared = newCalendarToken();
      const table = app.composition.tables.client('calendartokens');
      await table.createEntity({
        partitionKey: 'calendar',
        rowKey: `h|${hashCalendarToken(shared)}`,
        scope: 'officers',
        issuedAtUtc: '2026-06-01T09:00:00.000Z',
      });
      const response = await fetch(`${app.url}/calendar/${shared}.ics`);
      expect(response.status).toBe(410);
      expect(await response.text()).not.toContain(OFFICERS_EVENT);
    });
  });
});
