import { randomUUID } from 'node:crypto';
import type { RunningApp } from '../../src/app/app';
import { ask, cardJson, executeActionData, firstCard } from '../support/conversation-driver';
import { readDocx } from '../support/docx-text';
import type { Playground } from '../support/playground';
import { type PlaygroundWorld, startPlaygroundWorld } from '../support/playground-world';
import { CLLR_MARTIN_HUGHES, CLLR_PRIYA_SHAH, GROUP_CHAT_ID, OLIVIA_OFFICER, TENANT_ID } from '../support/playground-users';
import { TravelClock } from '../support/travel-clock';

/**
 * Issue 13 end to end: an officer creates a training event, records attendance from the event's
 * card (a repeated delivery changes nothing), "training due" no longer lists who attended, "my
 * training" shows it, a member checks in during the event; the participation and challenge
 * reports carry a chart and download as Word documents that open, with the figures in them.
 */
describe("the panel's evidence in the Agents Playground", () => {
  let app: RunningApp;
  let playground: Playground;
  let world: PlaygroundWorld;
  const clock = new TravelClock('2026-11-23T09:00:00Z');
  const asOlivia = { from: OLIVIA_OFFICER.id };
  const asMartin = { from: CLLR_MARTIN_HUGHES.id, conversationId: GROUP_CHAT_ID };
  const asPriya = { from: CLLR_PRIYA_SHAH.id, conversationId: GROUP_CHAT_ID };
  const training = {
    title: 'Corporate parenting induction for councillors',
    kind: 'training',
    start: '2026-11-24T10:00',
    end: '2026-11-24T12:00',
    venue: 'Darent Room, Sessions House, Maidstone',
    details: 'What being a corporate parent means.',
    rsvpBy: '',
    audience: 'panel',
    confirmShortNotice: true,
  };
  const awards = {
    ...training,
    title: 'Virtual School Kent achievement awards',
    kind: 'achievement-awards',
    start: '2026-11-24T14:00',
    end: '2026-11-24T16:00',
  };
  let trainingId: string;
  let awardsId: string;

  beforeAll(async () => {
    world = await startPlaygroundWorld({
      env: { ELECTION_DATE: '2025-05-01' },
      overrides: { clock },
      dispatcher: true,
      roles: [CLLR_MARTIN_HUGHES, CLLR_PRIYA_SHAH].map((cllr) => ({
        aadObjectId: cllr.aadObjectId,
        role: 'panel' as const,
        councillor: true,
      })),
    });
    ({ app, playground } = world);
    await ask(playground, 'hello', asOlivia);
    await ask(playground, 'hello', asMartin);
    await ask(playground, 'hello', asPriya);
  });
  afterAll(() => world?.stop());

  /** The reply to `text` that contains `marker`: invitations reach the same chat through the outbox meanwhile. */
  async function askFor(text: string, options: { from: string; conversationId?: string }, marker: string) {
    const seen = new Set(playground.messages().map((m) => m.messageId));
    await playground.sendMessage(text, { fromUserId: options.from, conversationId: options.conversationId });
    return playground.waitForMessage((m) => !seen.has(m.messageId) && cardJson(m).includes(marker), 15000);
  }

  async function createEvent(form: typeof training): Promise<string> {
    const formCard = await ask(playground, 'new event', asOlivia);
    const created = await playground.invoke('event.create', form, { from: OLIVIA_OFFICER.id, replyToId: formCard.messageId });
    expect(JSON.stringify(created.value)).toContain('Event created');
    return executeActionData(created.value as Record<string, unknown>, 'event.status').eventId as string;
  }

  it('lists every councillor as due before any training, and refuses the list to members', async () => {
    trainingId = await createEvent(training);
    awardsId = await createEvent(awards);
    const due = cardJson(await askFor('training due', asOlivia, 'Corporate parenting training due'));
    expect(due).toContain(CLLR_MARTIN_HUGHES.name);
    expect(due).toContain(CLLR_PRIYA_SHAH.name);
    expect(due).not.toContain(OLIVIA_OFFICER.name);
    expect(due).toContain('Corporate parenting induction for councillors');
    expect(cardJson(await ask(playground, 'training due', asMartin))).toContain('Only officers');
  });

  it('refuses attendance before the event, then records it from the event card once however often Teams delivers it', async () => {
    const early = await playground.invoke(
      'attendance.form',
      { occasionId: trainingId },
      { from: OLIVIA_OFFICER.id, replyToId: (await askFor('help', asOlivia, 'add meeting')).messageId },
    );
    expect(early.type).toBe('application/vnd.microsoft.error');
    expect(JSON.stringify(early.value)).toMatch(/has not started yet/);
    clock.travelTo('2026-11-24T10:15:00Z');
    const anchor = await askFor('help', asOlivia, 'add meeting');
    const status = await playground.invoke(
      'event.status',
      { eventId: trainingId },
      { from: OLIVIA_OFFICER.id, replyToId: anchor.messageId },
    );
    const formData = executeActionData(status.value as Record<string, unknown>, 'attendance.form');
    const form = await playground.invoke('attendance.form', formData, { from: OLIVIA_OFFICER.id, replyToId: anchor.messageId });
    const formJson = JSON.stringify(form.value);
    expect(formJson).toContain('"type":"Input.ChoiceSet"');
    expect(formJson).toContain(CLLR_MARTIN_HUGHES.name);
    const save = executeActionData(form.value as Record<string, unknown>, 'attendance.record', (data) => data.then === 'stay');
    const submission = { ...save, attended: CLLR_MARTIN_HUGHES.aadObjectId };
    const [first, second] = await Promise.all([
      playground.invoke('attendance.record', submission, { from: OLIVIA_OFFICER.id, replyToId: anchor.messageId }),
      playground.invoke('attendance.record', submission, { from: OLIVIA_OFFICER.id, replyToId: anchor.messageId }),
    ]);
    expect(JSON.stringify([first.value, second.value])).toMatch(/Saved: \d+ changes? recorded/);
    const again = await playground.invoke('attendance.record', submission, { from: OLIVIA_OFFICER.id, replyToId: anchor.messageId });
    expect(JSON.stringify(again.value)).toContain('already saved');
    const history = await app.services.attendance.history(
      { aadObjectId: OLIVIA_OFFICER.aadObjectId, name: OLIVIA_OFFICER.name, tenantId: TENANT_ID, role: 'admin' },
      trainingId,
    );
    const martinLines = JSON.stringify(history).split(`recorded ${CLLR_MARTIN_HUGHES.name.replace(/[.]/g, '\\\\.')}`).length - 1;
    expect(martinLines).toBe(1);
    const forged = await playground.invoke(
      'attendance.record',
      { ...save, formId: randomUUID(), shown: `${save.shown as string},00000000-0000-4000-8000-000000000999` },
      { from: OLIVIA_OFFICER.id, replyToId: anchor.messageId },
    );
    expect(forged.type).toBe('application/vnd.microsoft.error');
    const priyaAnchor = await ask(playground, 'help', asPriya);
    const byMember = await playground.invoke(
      'attendance.record',
      { ...save, formId: randomUUID() },
      { from: CLLR_PRIYA_SHAH.id, conversationId: GROUP_CHAT_ID, replyToId: priyaAnchor.messageId },
    );
    expect(JSON.stringify(byMember.value)).toContain('Only officers can record attendance');
  });

  it('no longer lists who attended as due, and shows the member their record', async () => {
    const due = cardJson(await askFor('training due', asOlivia, 'Corporate parenting training due'));
    expect(due).not.toContain(CLLR_MARTIN_HUGHES.name);
    expect(due).toContain(CLLR_PRIYA_SHAH.name);
    const mine = cardJson(await ask(playground, 'my training', asMartin));
    expect(mine).toContain('Corporate parenting induction for councillors');
    expect(mine).toContain('up to date');
    expect(cardJson(await ask(playground, 'my training', asPriya))).toContain(
      'not attended corporate parenting training since the election',
    );
  });

  it('lets a member check in during the event, once, and counts it', async () => {
    const checkedIn = cardJson(await ask(playground, "I'm here", asPriya));
    expect(checkedIn).toMatch(/checked in|Which are you at/);
    if (checkedIn.includes('Which are you at')) {
      const anchor = await ask(playground, 'help', asPriya);
      await playground.invoke(
        'attendance.checkIn',
        { occasionId: trainingId },
        { from: CLLR_PRIYA_SHAH.id, conversationId: GROUP_CHAT_ID, replyToId: anchor.messageId },
      );
    }
    const twice = await playground.invoke(
      'attendance.checkIn',
      { occasionId: trainingId },
      { from: CLLR_PRIYA_SHAH.id, conversationId: GROUP_CHAT_ID, replyToId: (await ask(playground, 'help', asPriya)).messageId },
    );
    expect(JSON.stringify(twice.value)).toContain('already checked in');
    expect(cardJson(await askFor('training due', asOlivia, 'Corporate parenting training due'))).not.toContain(CLLR_PRIYA_SHAH.name);
  });

  it('reports participation with a chart and a Word report only officers can open', async () => {
    clock.travelTo('2026-11-24T15:00:00Z');
    const anchor = await askFor('help', asOlivia, 'add meeting');
    const form = await playground.invoke(
      'attendance.form',
      { occasionId: awardsId },
      { from: OLIVIA_OFFICER.id, replyToId: anchor.messageId },
    );
    const save = executeActionData(form.value as Record<string, unknown>, 'attendance.record', (data) => data.then === 'stay');
    await playground.invoke(
      'attendance.record',
      { ...save, attended: CLLR_MARTIN_HUGHES.aadObjectId },
      { from: OLIVIA_OFFICER.id, replyToId: anchor.messageId },
    );
    const report = await askFor('participation report for Q4 2026', asOlivia, 'Participation report: Q4 2026');
    const json = cardJson(report);
    expect(json).toContain('data:image/png;base64,');
    expect(json).toContain('Attended at least one');
    expect(json).toContain('1 (50%)');
    expect(Buffer.byteLength(JSON.stringify(firstCard(report)))).toBeLessThan(28 * 1024);
    const url = /(http:\/\/127\.0\.0\.1:\d+\/exports\/participation\.docx\?[^"]+)/.exec(json)![1]!.replace(/\\u0026/g, '&');
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('wordprocessingml');
    const docx = readDocx(Buffer.from(await response.arrayBuffer()));
    expect(docx.text).toContain('Kent County Council');
    expect(docx.text).toContain('Q4 2026');
    expect(docx.paragraphs).toEqual(expect.arrayContaining([CLLR_MARTIN_HUGHES.name, CLLR_PRIYA_SHAH.name]));
    expect(docx.images.length).toBeGreaterThanOrEqual(1);
    expect((await fetch(url.replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(403);
    expect(cardJson(await ask(playground, 'participation report for Q4 2026', asMartin))).toContain('Only officers');
  });

  it("gives the challenge report a chart and a Word report with each completed card's outcome", async () => {
    const olivia = { aadObjectId: OLIVIA_OFFICER.aadObjectId, name: OLIVIA_OFFICER.name, tenantId: TENANT_ID, role: 'admin' as const };
    const created = await app.services.challenges.create(olivia, {
      formId: randomUUID(),
      title: 'Help with council tax for care leavers',
      words: 'When we leave care we have to pay council tax straight away. Can the council help?',
      raisingGroup: 'young_adult_council',
      raisingGroupOther: '',
      raisedOn: '2026-11-20',
      priorityArea: 'successful_adults',
      leadOfficer: olivia.aadObjectId,
      assignees: olivia.aadObjectId,
      dueOn: '2027-01-31',
    });
    const reference = /CC-2026-\d{3}/.exec(JSON.stringify(created))![0];
    const accepted = executeActionData(await app.services.challenges.show(olivia, reference), 'challenge.respond');
    await app.services.challenges.respond(olivia, {
      ...accepted,
      response: 'We will take this to Cabinet.',
      status: 'accepted',
      explanation: '',
    });
    const respond = executeActionData(await app.services.challenges.show(olivia, reference), 'challenge.respond');
    await app.services.challenges.respond(olivia, {
      ...respond,
      response: 'Cabinet agreed a council tax exemption for care leavers up to 25.',
      status: 'completed',
      explanation: 'You will not pay council tax until you are 25.',
    });
    const seen = new Set(playground.messages().map((m) => m.messageId));
    await playground.sendMessage('challenge report for Q4 2026', { fromUserId: OLIVIA_OFFICER.id });
    // The challenge's own cards reach Olivia's chat through the outbox too: wait for the report itself.
    const report = await playground.waitForMessage(
      (m) => !seen.has(m.messageId) && cardJson(m).includes('Challenge cards report: Q4 2026'),
      15000,
    );
    const json = cardJson(report);
    expect(json).toContain('data:image/png;base64,');
    expect(Buffer.byteLength(JSON.stringify(firstCard(report)))).toBeLessThan(28 * 1024);
    const url = /(http:\/\/127\.0\.0\.1:\d+\/exports\/challenges\.docx\?[^"]+)/.exec(json)![1]!.replace(/\\u0026/g, '&');
    const docx = readDocx(Buffer.from(await (await fetch(url)).arrayBuffer()));
    expect(docx.text).toContain('Q4 2026');
    expect(docx.text).toContain(reference);
    expect(docx.text).toContain('Cabinet agreed a council tax exemption for care leavers up to 25.');
    expect(docx.text).toContain('You will not pay council tax until you are 25.');
    expect(docx.paragraphs).toEqual(expect.arrayContaining(['New', 'Completed']));
    expect(docx.images.length).toBe(2);
    expect(cardJson(await ask(playground, 'challenge report for Q4 2026', asMartin))).not.toContain('challenges.docx');
  });
});
