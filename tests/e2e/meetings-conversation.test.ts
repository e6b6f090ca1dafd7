import type { RunningApp } from '../../src/app/app';
import { ask, cardJson, executeActionData, firstCard } from '../support/conversation-driver';
import { type FixtureServer, startFixtureServer } from '../support/fixture-server';
import { type Playground, type PlaygroundMessage, startPlayground } from '../support/playground';
import { type PlaygroundWorld, startPlaygroundWorld } from '../support/playground-world';
import {
  CLLR_MARTIN_HUGHES,
  GROUP_CHAT_ID,
  OLIVIA_OFFICER,
  PERSONAL_CHAT_ID,
  PLAYGROUND_CONFIG_PATH,
  TENANT_ID,
} from '../support/playground-users';
import { startTestApp } from '../support/test-app';
import { TravelClock } from '../support/travel-clock';

/**
 * Issue 3 end to end: meetings synced from a ModernGov fixture (Kent, committee 693) answered in the
 * Playground, an officer's own meeting, apologies on the card, and a reminder arriving in the
 * member's chat at the right time, once.
 */
describe('meetings in the Agents Playground (ModernGov source)', () => {
  let app: RunningApp;
  let playground: Playground;
  let moderngov: FixtureServer;
  let world: PlaygroundWorld;
  const clock = new TravelClock('2026-03-01T09:00:00Z');
  const asOlivia = { from: OLIVIA_OFFICER.id };
  const asMartin = { from: CLLR_MARTIN_HUGHES.id, conversationId: GROUP_CHAT_ID };

  beforeAll(async () => {
    moderngov = await startFixtureServer();
    world = await startPlaygroundWorld({
      env: { MODERNGOV_URL: moderngov.url, MODERNGOV_COMMITTEE_ID: '693', REMINDER_OFFSETS: 'P7D,P1D' },
      overrides: { clock },
      dispatcher: true,
      roles: [{ aadObjectId: CLLR_MARTIN_HUGHES.aadObjectId, role: 'panel', councillor: true }],
    });
    ({ app, playground } = world);
    const [result] = await app.composition.meetingSync!.runOnce();
    expect(result?.counts?.added).toBeGreaterThan(3);
  });
  afterAll(async () => {
    await world?.stop();
    await moderngov?.close();
  });

  it('answers "when is the next meeting?" in Europe/London with venue and buttons', async () => {
    const json = cardJson(await ask(playground, 'when is the next meeting?', asOlivia));
    expect(json).toContain('Tuesday 17 March 2026, 2:00pm');
    expect(json).toContain('Darent Room');
    expect(json).toContain('"verb":"meeting.apologies"');
    expect(json).toMatch(/calendar\/meetings\/mg-[0-9a-f]{24}\.ics/);
  });

  it('answers a month, next week and a month with no meetings', async () => {
    expect(cardJson(await ask(playground, 'any meetings in may?', asOlivia))).toContain('Tuesday 12 May 2026');
    expect(cardJson(await ask(playground, 'is there a meeting next week?', asOlivia))).toContain('No panel meetings are scheduled');
    expect(cardJson(await ask(playground, 'any meetings in march 2027?', asOlivia))).toContain(
      'No panel meetings are scheduled in March 2027',
    );
    expect(cardJson(await ask(playground, 'upcoming meetings', asOlivia))).toContain('Upcoming panel meetings');
  });

  it('answers the last meeting from the calendar, and leaves what a past meeting did to the minutes', async () => {
    const last = cardJson(await ask(playground, 'when was the last meeting?', asOlivia));
    expect(last).toContain('The last panel meeting');
    expect(last).toContain('Tuesday 20 January 2026');
    // What the last meeting did is in its papers and minutes, which its card links.
    expect(cardJson(await ask(playground, 'what was decided at the last meeting?', asOlivia))).toContain(
      'The last panel meeting, with its papers and minutes',
    );
    // The calendar holds nothing for March 2017: the knowledge base (the minutes) answers, with its source.
    const where = cardJson(await ask(playground, 'where was the march 2017 meeting?', asOlivia));
    expect(where).not.toContain('calendar holds no');
    expect(where).toContain('Darent Room');
    expect(where).toContain('Did this answer help?');
    // What a past meeting did is never the calendar's: the knowledge base answers or hands it to an officer.
    const discussed = cardJson(await ask(playground, 'what was discussed at the march 2017 meeting?', asOlivia));
    expect(discussed).not.toMatch(/No panel meetings|calendar holds no|panel meeting in March 2017/);
    expect(discussed).toMatch(/Ask an officer|Did this answer help\?/);
  });

  it('serves "Add to my calendar" as an .ics file', async () => {
    const url = /(http:\/\/127\.0\.0\.1:\d+\/calendar\/meetings\/mg-[0-9a-f]{24}\.ics)/.exec(
      cardJson(await ask(playground, 'when is the next meeting', asOlivia)),
    )![1]!;
    const response = await fetch(url);
    expect(response.headers.get('content-type')).toContain('text/calendar');
    const body = await response.text();
    expect(body).toContain('BEGIN:VEVENT');
    expect(body).toContain('DTSTART:20260317T140000Z');
    expect((await fetch(url.replace(/mg-[0-9a-f]{24}/, 'mg-000000000000000000000000'))).status).toBe(404);
  });

  it('takes apologies on the card, once, and tells the officers', async () => {
    const meetingCard = await ask(playground, 'when is the next meeting', asMartin);
    const { meetingId } = executeActionData(firstCard(meetingCard), 'meeting.apologies');
    const form = await playground.invoke(
      'meeting.apologies',
      { meetingId },
      { from: CLLR_MARTIN_HUGHES.id, conversationId: GROUP_CHAT_ID, replyToId: meetingCard.messageId },
    );
    expect(JSON.stringify(form.value)).toContain('"verb":"apology.send"');
    const seen = new Set(playground.messages().map((m) => m.messageId));
    const sent = await playground.invoke(
      'apology.send',
      { meetingId, reason: 'Full Council clash', substitute: 'Cllr Shah' },
      { from: CLLR_MARTIN_HUGHES.id, conversationId: GROUP_CHAT_ID, replyToId: meetingCard.messageId },
    );
    expect(JSON.stringify(sent.value)).toContain('Your apologies are recorded');
    const again = await playground.invoke(
      'apology.send',
      { meetingId, reason: 'again' },
      { from: CLLR_MARTIN_HUGHES.id, conversationId: GROUP_CHAT_ID, replyToId: meetingCard.messageId },
    );
    expect(JSON.stringify(again.value)).toContain('recorded once');
    // Officers hear a few minutes later, once, of the state then (a burst of changes is one notice).
    clock.travelTo(clock.now().plus({ minutes: 3, seconds: 5 }).toISO()!);
    expect(await app.composition.scheduler.tick()).toBeGreaterThanOrEqual(1);
    const notice = await playground.waitForMessage((m) => !seen.has(m.messageId) && cardJson(m).includes('Apologies received'), 60_000);
    expect(cardJson(notice)).toContain('Cllr Martin Hughes has sent apologies');
    const list = cardJson(await ask(playground, 'apologies for the next meeting', asOlivia));
    expect(list).toContain('1 apology');
    expect(list).toContain('Full Council clash');
    expect(cardJson(await ask(playground, 'apologies for the next meeting', asMartin))).toContain('Only officers');

    const withdrawn = await playground.invoke(
      'apology.withdraw',
      { meetingId },
      { from: CLLR_MARTIN_HUGHES.id, conversationId: GROUP_CHAT_ID, replyToId: meetingCard.messageId },
    );
    expect(JSON.stringify(withdrawn.value)).toContain('Apologies withdrawn');
    clock.travelTo(clock.now().plus({ minutes: 3, seconds: 5 }).toISO()!);
    expect(await app.composition.scheduler.tick()).toBeGreaterThanOrEqual(1);
    await playground.waitForMessage((m) => cardJson(m).includes('has withdrawn their apologies'), 60_000);
    expect(cardJson(await ask(playground, 'apologies for the next meeting', asOlivia))).toContain('No apologies have been received.');
  });

  it('lets an officer add and cancel a meeting, and refuses a councillor', async () => {
    const form = await ask(playground, 'add meeting', asOlivia);
    expect(cardJson(form)).toContain('"verb":"meeting.save"');
    const values = {
      title: 'Extra panel meeting',
      startDate: '2026-04-21',
      startTime: '10:00',
      endDate: '2026-04-21',
      endTime: '12:00',
      venue: 'Darent Room, Sessions House',
      agendaUrl: '',
      notes: '',
    };
    const invalid = await playground.invoke(
      'meeting.save',
      { ...values, endTime: '09:00' },
      { from: OLIVIA_OFFICER.id, replyToId: form.messageId },
    );
    expect(JSON.stringify(invalid.value)).toContain('"verb":"meeting.save"');
    const saved = await playground.invoke('meeting.save', values, { from: OLIVIA_OFFICER.id, replyToId: form.messageId });
    const savedJson = JSON.stringify(saved.value);
    expect(savedJson).toContain('Meeting added');
    expect(savedJson).toContain('Tuesday 21 April 2026, 10:00am');
    const refused = await playground.invoke('meeting.save', values, {
      from: CLLR_MARTIN_HUGHES.id,
      conversationId: GROUP_CHAT_ID,
      replyToId: (await ask(playground, 'hello', asMartin)).messageId,
    });
    expect(refused.type).toBe('application/vnd.microsoft.error');
    const edit = await playground.invoke('meeting.edit', executeActionData(saved.value as Record<string, unknown>, 'meeting.edit'), {
      from: OLIVIA_OFFICER.id,
      replyToId: form.messageId,
    });
    const editing = executeActionData(edit.value as Record<string, unknown>, 'meeting.save');
    const moved = await playground.invoke(
      'meeting.save',
      { ...values, ...editing, startTime: '14:00', endTime: '16:00' },
      { from: OLIVIA_OFFICER.id, replyToId: form.messageId },
    );
    expect(JSON.stringify(moved.value)).toContain('Meeting updated');
    expect(JSON.stringify(moved.value)).toContain('Tuesday 21 April 2026, 2:00pm');
    const cancel = executeActionData(moved.value as Record<string, unknown>, 'meeting.cancel');
    const cancelled = await playground.invoke('meeting.cancel', cancel, { from: OLIVIA_OFFICER.id, replyToId: form.messageId });
    expect(JSON.stringify(cancelled.value)).toContain('CANCELLED');
    const april = cardJson(await ask(playground, 'any meetings in april?', asOlivia));
    expect(april).toContain('Extra panel meeting');
    expect(april).toContain('CANCELLED');
  });

  it('reminds each member a week before, exactly once, in their own chat', async () => {
    const isReminder = (m: PlaygroundMessage) =>
      cardJson(m).includes('Reminder: the panel meets in 1 week') && cardJson(m).includes('17 March 2026');
    expect(await app.composition.scheduler.tick()).toBe(0);
    clock.travelTo('2026-03-10T14:00:05Z');
    expect(await app.composition.scheduler.tick()).toBeGreaterThanOrEqual(1);
    const reminder = await playground.waitForMessage(isReminder, 60_000);
    expect(reminder.conversationId).toBe(PERSONAL_CHAT_ID);
    await app.composition.scheduler.tick();
    await new Promise((r) => setTimeout(r, 1500));
    expect(playground.messages().filter(isReminder)).toHaveLength(1);
    const progress = await app.composition.delivery.progress(
      `meeting-reminder|${/"meetingId":"(mg-[0-9a-f]{24})"/.exec(cardJson(reminder))![1]}|2026-03-17T14:00:00.000Z|P7D`,
    );
    expect(progress).toMatchObject({ sent: 1, failed: 1 }); // Olivia received it; Martin has no 1:1 chat with the bot
  });
});

describe('meetings in the Agents Playground (iCalendar feed)', () => {
  let app: RunningApp;
  let playground: Playground;
  let feed: FixtureServer;
  const asOlivia = { from: OLIVIA_OFFICER.id };

  beforeAll(async () => {
    feed = await startFixtureServer();
    feed.routes.set('/panel.ics', { file: `${__dirname}/../fixtures/ical/panel-feed.ics`, contentType: 'text/calendar' });
    app = await startTestApp(
      { ALLOWED_TENANT_IDS: TENANT_ID, MEETINGS_ICAL_URL: `${feed.url}/panel.ics` },
      { clock: new TravelClock('2026-05-20T09:00:00Z'), startWorkers: false },
    );
    playground = await startPlayground({ botEndpoint: `${app.url}/api/messages`, configPath: PLAYGROUND_CONFIG_PATH });
    const [result] = await app.composition.meetingSync!.runOnce();
    expect(result?.error).toBeUndefined();
  });
  afterAll(async () => {
    await playground?.stop();
    await app?.stop();
    await feed?.close();
  });

  it('answers from the feed, with a moved occurrence (RECURRENCE-ID) at its new time and place, in Europe/London', async () => {
    const json = cardJson(await ask(playground, 'when is the next meeting?', asOlivia));
    expect(json).toContain('Tuesday 9 June 2026, 2:00pm');
    expect(json).toContain('Council Chamber');
  });

  it('shows a cancelled occurrence as cancelled and the all-day awards event as a date', async () => {
    const july = cardJson(await ask(playground, 'any meetings in july?', asOlivia));
    expect(july).toContain('CANCELLED');
    const june = cardJson(await ask(playground, 'meetings in june', asOlivia));
    expect(june).toContain('Virtual School Kent achievement awards');
  });

  it('keeps only the latest version of an event updated under the same UID', async () => {
    const october = cardJson(await ask(playground, 'any meetings in october?', asOlivia));
    expect(october).toContain('Tuesday 27 October 2026');
    expect(october).not.toContain('old date');
  });
});
