import type { RunningApp } from '../../src/app/app';
import { ask, cardJson, executeActionData } from '../support/conversation-driver';
import type { Playground, PlaygroundMessage } from '../support/playground';
import { type PlaygroundWorld, startPlaygroundWorld } from '../support/playground-world';
import {
  CLLR_MARTIN_HUGHES,
  GROUP_CHAT_ID,
  OLIVIA_OFFICER,
  PERSONAL_CHAT_ID,
  PLAYGROUND_USERS,
  TEAM_ID,
} from '../support/playground-users';
import { TravelClock } from '../support/travel-clock';

/**
 * Issue 4 end to end: an officer creates an event in the Playground, the invitation reaches the
 * members' chats through the delivery engine, a member answers, the officer sees totals, exports
 * the list and subscribes to the calendar; the day-before reminder; cancellation.
 */
describe('participation events in the Agents Playground', () => {
  let app: RunningApp;
  let playground: Playground;
  const clock = new TravelClock('2026-11-23T09:00:00Z');
  const asOlivia = { from: OLIVIA_OFFICER.id };
  const asMartin = { from: CLLR_MARTIN_HUGHES.id, conversationId: GROUP_CHAT_ID };
  const form = {
    title: 'Virtual School Kent achievement awards',
    kind: 'achievement-awards',
    start: '2026-12-18T18:00',
    end: '2026-12-18T20:30',
    venue: 'Sessions House, Maidstone',
    details: 'Celebrating the achievements of children in care.',
    rsvpBy: '2026-12-11T17:00',
    // Recommendation 6: every elected member. Olivia (the one user with a 1:1 chat in the Playground) is marked a councillor for it.
    audience: 'councillors',
    confirmShortNotice: false,
  };
  let invitation: PlaygroundMessage;
  let eventId: string;

  let world: PlaygroundWorld;

  beforeAll(async () => {
    world = await startPlaygroundWorld({
      overrides: { clock },
      dispatcher: true,
      roles: [
        { aadObjectId: OLIVIA_OFFICER.aadObjectId, councillor: true },
        ...PLAYGROUND_USERS.map((user) => ({
          aadObjectId: user.aadObjectId,
          role: 'panel' as const,
          councillor: user.name.startsWith('Cllr'),
        })),
      ],
    });
    ({ app, playground } = world);
    await ask(playground, 'hello', asMartin);
  });
  afterAll(() => world?.stop());

  it('refuses "new event" to a councillor and validates the officer form on the card', async () => {
    expect(cardJson(await ask(playground, 'new event', asMartin))).toContain('Only officers can create events.');
    const formCard = await ask(playground, 'new event', asOlivia);
    expect(cardJson(formCard)).toContain('"verb":"event.create"');
    const bad = await playground.invoke(
      'event.create',
      { ...form, end: '2026-12-18T17:00' },
      { from: OLIVIA_OFFICER.id, replyToId: formCard.messageId },
    );
    expect(JSON.stringify(bad.value)).toContain('"verb":"event.create"');
    expect(await app.services.events.desk.upcoming()).toEqual([]);
  });

  it('invites every councillor in their own chat when an officer creates the event', async () => {
    const formCard = await ask(playground, 'new event', asOlivia);
    const seen = new Set(playground.messages().map((m) => m.messageId));
    const created = await playground.invoke('event.create', form, { from: OLIVIA_OFFICER.id, replyToId: formCard.messageId });
    expect(JSON.stringify(created.body)).toContain('Event created');
    invitation = await playground.waitForMessage((m) => !seen.has(m.messageId) && cardJson(m).includes('"verb":"event.rsvp"'), 60_000);
    expect(invitation.conversationId).toBe(PERSONAL_CHAT_ID);
    expect(cardJson(invitation)).toContain('Friday 18 December 2026, 6:00pm');
    eventId = executeActionData(JSON.parse(cardJson(invitation))[0], 'event.rsvp').eventId as string;
  });

  it('records an RSVP once, shows the member their answer and the totals, and refuses tampered card data', async () => {
    const going = await playground.invoke(
      'event.rsvp',
      { eventId, response: 'going' },
      { from: OLIVIA_OFFICER.id, replyToId: invitation.messageId },
    );
    expect(JSON.stringify(going.value)).toContain('your answer is recorded');
    const again = await playground.invoke(
      'event.rsvp',
      { eventId, response: 'going' },
      { from: OLIVIA_OFFICER.id, replyToId: invitation.messageId },
    );
    expect(JSON.stringify(again.value)).toContain('already recorded');
    const tampered = await playground.invoke(
      'event.rsvp',
      { eventId, response: 'definitely' },
      { from: OLIVIA_OFFICER.id, replyToId: invitation.messageId },
    );
    expect(tampered.type).toBe('application/vnd.microsoft.error');
  });

  it('gives the officer attendees, a CSV only officers can open, and progress', async () => {
    const attendees = cardJson(await ask(playground, 'attendees for the achievement awards', asOlivia));
    expect(attendees).toContain(OLIVIA_OFFICER.name);
    const csvUrl = /(http:\/\/127\.0\.0\.1:\d+\/events\/ev-[0-9a-f]{24}\/attendees\.csv\?[^"]+)/
      .exec(attendees)![1]!
      .replace(/\\u0026/g, '&');
    const csv = await fetch(csvUrl);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain(OLIVIA_OFFICER.name);
    expect((await fetch(csvUrl.replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(403);
    expect(cardJson(await ask(playground, 'attendees for the achievement awards', asMartin))).toContain('Only officers');
    const status = JSON.stringify(
      (await playground.invoke('event.status', { eventId }, { from: OLIVIA_OFFICER.id, replyToId: invitation.messageId })).value,
    );
    expect(status).toContain('Invitations: 1 of 2 sent');
    expect(status).toContain('1 failed');
  });

  it("serves the event .ics and a Members' Calendar feed at a secret link", async () => {
    expect((await fetch(`${app.url}/events/${eventId}.ics`)).status).toBe(200);
    const link = cardJson(await ask(playground, 'my calendar link', asOlivia));
    const feedUrl = /(http:\/\/127\.0\.0\.1:\d+\/calendar\/[A-Za-z0-9_-]{43}\.ics)/.exec(link)![1]!;
    const feed = await (await fetch(feedUrl)).text();
    expect(feed).toContain('BEGIN:VCALENDAR');
    expect(feed).toContain('Virtual School Kent achievement awards');
    expect((await fetch(feedUrl.replace(/\/calendar\/[^/]+\.ics/, `/calendar/${'A'.repeat(43)}.ics`))).status).toBe(404);
  });

  it('tells those invited when the officer changes the event, keeping the replies', async () => {
    const edit = await playground.invoke('event.edit', { eventId }, { from: OLIVIA_OFFICER.id, replyToId: invitation.messageId });
    const sequence = executeActionData(edit.value as Record<string, unknown>, 'event.update').sequence;
    const seen = new Set(playground.messages().map((m) => m.messageId));
    const updated = await playground.invoke(
      'event.update',
      { ...form, venue: 'Council Chamber, Sessions House', eventId, sequence },
      { from: OLIVIA_OFFICER.id, replyToId: invitation.messageId },
    );
    expect(JSON.stringify(updated.value)).toContain('Event updated');
    const notice = await playground.waitForMessage(
      (m) => !seen.has(m.messageId) && cardJson(m).includes('Council Chamber, Sessions House'),
      60_000,
    );
    expect(notice.conversationId).toBe(PERSONAL_CHAT_ID);
    const stale = await playground.invoke(
      'event.update',
      { ...form, venue: 'Somewhere else', eventId, sequence },
      { from: OLIVIA_OFFICER.id, replyToId: invitation.messageId },
    );
    expect(JSON.stringify(stale.value)).not.toContain('Somewhere else'); // a stale card cannot overwrite the newer version
    expect((await app.services.events.repository.get(eventId))?.event.venue).toBe('Council Chamber, Sessions House');
    expect(cardJson(await ask(playground, 'attendees for the achievement awards', asOlivia))).toContain(OLIVIA_OFFICER.name);
  });

  it('sends the weekly Member Bulletin on Monday morning, except to those who stopped it', async () => {
    expect(cardJson(await ask(playground, 'stop bulletin', asMartin))).toContain('Bulletin off');
    await app.composition.bulletin.ensureScheduled();
    await app.composition.bulletin.ensureScheduled();
    clock.travelTo('2026-11-30T08:00:05Z');
    expect(await app.composition.scheduler.tick()).toBe(1);
    const bulletin = await playground.waitForMessage(
      (m) => cardJson(m).includes('Virtual School Kent achievement awards') && !cardJson(m).includes('event.rsvp'),
      60_000,
    );
    expect(bulletin.conversationId).toBe(PERSONAL_CHAT_ID);
    // One message in the batch: Cllr Hughes, who stopped the bulletin, is not even queued.
    let progress = await app.composition.delivery.progress('bulletin:2026-W49');
    for (let i = 0; i < 50 && progress.sent < 1; i++)
      progress = await new Promise((r) => setTimeout(r, 50)).then(() => app.composition.delivery.progress('bulletin:2026-W49'));
    expect(progress).toMatchObject({ queued: 1, sent: 1 });
  });

  it('reminds those going the day before, once', async () => {
    const isReminder = (m: PlaygroundMessage) => cardJson(m).includes('Reminder: this is tomorrow');
    clock.travelTo('2026-12-17T18:00:05Z');
    expect(await app.composition.scheduler.tick()).toBeGreaterThanOrEqual(1); // the reminder, and the bulletins due meanwhile
    await playground.waitForMessage(isReminder, 60_000);
    expect(await app.composition.scheduler.tick()).toBe(0);
    await new Promise((r) => setTimeout(r, 1000));
    expect(playground.messages().filter(isReminder)).toHaveLength(1);
  });

  it('tells everyone invited when the officer cancels, keeping the replies', async () => {
    // Still the day before (time only moves forward: the dispatcher's pacing follows the clock).
    const status = (await playground.invoke('event.status', { eventId }, { from: OLIVIA_OFFICER.id, replyToId: invitation.messageId }))
      .value as Record<string, unknown>;
    const cancel = executeActionData(status, 'event.cancel');
    const seen = new Set(playground.messages().map((m) => m.messageId));
    const cancelled = await playground.invoke('event.cancel', cancel, { from: OLIVIA_OFFICER.id, replyToId: invitation.messageId });
    expect(JSON.stringify(cancelled.value)).toContain('Event cancelled');
    await playground.waitForMessage((m) => !seen.has(m.messageId) && cardJson(m).includes('Event cancelled'), 60_000);
    const attendees = cardJson(await ask(playground, 'attendees for the achievement awards', asOlivia));
    expect(attendees).toContain(OLIVIA_OFFICER.name);
  });

  it('invites the members of a Team from its roster, opening 1:1 chats with those the bot has not met', async () => {
    await playground.install(TEAM_ID);
    await playground.waitForMessage((m) => m.conversationId.startsWith(TEAM_ID) && cardJson(m).includes('Welcome to the'));
    const formCard = await ask(playground, 'new event', asOlivia);
    expect(cardJson(formCard)).toContain(`team:${TEAM_ID}`);
    const created = await playground.invoke(
      'event.create',
      {
        ...form,
        title: 'Foster carers summer picnic',
        kind: 'foster-carer',
        start: '2027-01-20T12:00',
        end: '2027-01-20T15:00',
        rsvpBy: '',
        audience: `team:${TEAM_ID}`,
      },
      { from: OLIVIA_OFFICER.id, replyToId: formCard.messageId },
    );
    // Answered at once; the Team's roster is read in the background (here: the scheduler ticked by the test).
    expect(JSON.stringify(created.body)).toContain('Event created: finding the members of');
    const eventId = JSON.stringify(created.body).match(/"eventId":"(ev-[0-9a-f]{24})"/)![1]!;
    const batch = `event:${eventId}:v0:invitation`;
    expect((await app.composition.delivery.progress(batch)).queued).toBe(0);
    while ((await app.composition.scheduler.tick()) > 0);
    let progress = await app.composition.delivery.progress(batch);
    for (let i = 0; i < 100 && progress.pending > 0; i++)
      progress = await new Promise((r) => setTimeout(r, 50)).then(() => app.composition.delivery.progress(batch));
    expect(progress).toMatchObject({ queued: 6, sent: 6, failed: 0 }); // Olivia and the five councillors of the team
    expect((await app.services.members.find(CLLR_MARTIN_HUGHES.aadObjectId))?.conversationReference).toBeDefined();
  });

  it('shows the administrator every broadcast in the audit log, newest first, and no one else', async () => {
    // Card text is shown literally (markdown characters escaped): read it without the escapes.
    const log = cardJson(await ask(playground, 'audit log', asOlivia)).replace(/\\/g, '');
    expect(log).toContain('Audit log');
    expect(log).toMatch(/Broadcast: ev-[0-9a-f]{24}/);
    expect(log).toContain(`By ${OLIVIA_OFFICER.name} (administrator)`);
    expect(log).toMatch(/invitations: 6 queued, 0 not reachable \(audience team:/);
    expect(log).toContain('event cancelled:');
    expect(log).toMatch(/Broadcast: bulletin:2026-W49/);
    expect(log.indexOf('audience team:')).toBeLessThan(log.indexOf('event cancelled:'));
    expect(cardJson(await ask(playground, 'audit log', asMartin))).toContain('Only an administrator can read the audit log');
  });
});
