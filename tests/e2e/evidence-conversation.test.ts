import type { RunningApp } from '../../src/app/app';
import { randomUUID } from 'node:crypto';
import {
  ask,
  askFor as askForMarker,
  cardJson,
  executeActionData,
  exportUrl,
  firstCard,
  newMessageWaiter,
} from '../support/conversation-driver';
import { readDocx } from '../support/docx-text';
import { AS_MARTIN, AS_OLIVIA, AS_PRIYA, OLIVIA_ACTOR, type Speaker, startPanelConversation } from '../support/panel-conversation';
import type { Playground } from '../support/playground';
import type { PlaygroundWorld } from '../support/playground-world';
import { CLLR_MARTIN_HUGHES, CLLR_PRIYA_SHAH, GROUP_CHAT_ID, OLIVIA_OFFICER, PERSONAL_CHAT_ID } from '../support/playground-users';
import { raiseSampleChallenge } from '../support/sample-challenge';
import { TravelClock } from '../support/travel-clock';

/**
 * Issue 13 end to end: an officer creates a training event, records attendance from the event's
 * card (a repeated delivery changes nothing), "training due" no longer lists who attended, "my
 * training" shows it, a member checks in during the event; the participation and challenge
 * reports carry a chart and download as Word documents that open, with the figures in them;
 * "You said, we did" is drafted, edited by an officer and sent on; the quarter's key figures
 * go from the officer's form to the members' next bulletin, with the change and the trend chart.
 */
describe("the panel's evidence in the Agents Playground", () => {
  let app: RunningApp;
  let playground: Playground;
  let world: PlaygroundWorld;
  const clock = new TravelClock('2026-11-23T09:00:00Z');
  const training = {
    title: 'Corporate parenting induction for councillors',
    kind: 'training',
    start: '2026-11-24T10:00',
    end: '2026-11-24T12:00',
    venue: 'Darent Room, Sessions House, Maidstone',
    details: 'What being a corporate parent means.',
    rsvpBy: '',
    audience: 'all',
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
  let challengeReference: string;

  beforeAll(async () => {
    world = await startPanelConversation({ clock, env: { ELECTION_DATE: '2025-05-01' } });
    ({ app, playground } = world);
  });
  afterAll(() => world?.stop());

  const askFor = (text: string, speaker: Speaker, marker: string) => askForMarker(playground, text, speaker, marker);
  const invokeAsOlivia = (verb: string, data: Record<string, unknown>, replyToId: string) =>
    playground.invoke(verb, data, { from: OLIVIA_OFFICER.id, replyToId });

  async function createEvent(form: typeof training): Promise<string> {
    // Invitations to earlier events reach the same chat meanwhile: wait for the form itself.
    const formCard = await askFor('new event', AS_OLIVIA, '"verb":"event.create"');
    const created = await playground.invoke('event.create', form, { from: OLIVIA_OFFICER.id, replyToId: formCard.messageId });
    expect(JSON.stringify(created.value)).toContain('Event created');
    return executeActionData(created.value as Record<string, unknown>, 'event.status').eventId as string;
  }

  it('lists every councillor as due before any training, and refuses the list to members', async () => {
    trainingId = await createEvent(training);
    awardsId = await createEvent(awards);
    const due = cardJson(await askFor('training due', AS_OLIVIA, 'Corporate parenting training due'));
    expect(due).toContain(CLLR_MARTIN_HUGHES.name);
    expect(due).toContain(CLLR_PRIYA_SHAH.name);
    expect(due).not.toContain(OLIVIA_OFFICER.name);
    expect(due).toContain('Corporate parenting induction for councillors');
    // The invitations just sent reach Martin's chat too: wait for the reply, which must be the refusal.
    expect(cardJson(await askFor('training due', AS_MARTIN, 'Only officers'))).toContain('Only officers');
  });

  it('refuses attendance before the event, then records it from the event card once however often Teams delivers it', async () => {
    const early = await playground.invoke(
      'attendance.form',
      { occasionId: trainingId },
      { from: OLIVIA_OFFICER.id, replyToId: (await askFor('help', AS_OLIVIA, 'add meeting')).messageId },
    );
    expect(early.type).toBe('application/vnd.microsoft.error');
    expect(JSON.stringify(early.value)).toMatch(/has not started yet/);
    clock.travelTo('2026-11-24T10:15:00Z');
    const anchor = await askFor('help', AS_OLIVIA, 'add meeting');
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
    const history = await app.services.attendance.history(OLIVIA_ACTOR, trainingId);
    const martinLines = JSON.stringify(history).split(`recorded ${CLLR_MARTIN_HUGHES.name.replace(/[.]/g, '\\\\.')}`).length - 1;
    expect(martinLines).toBe(1);
    const forged = await playground.invoke(
      'attendance.record',
      { ...save, formId: randomUUID(), shown: `${save.shown as string},00000000-0000-4000-8000-000000000999` },
      { from: OLIVIA_OFFICER.id, replyToId: anchor.messageId },
    );
    expect(forged.type).toBe('application/vnd.microsoft.error');
    const priyaAnchor = await ask(playground, 'help', AS_PRIYA);
    const byMember = await playground.invoke(
      'attendance.record',
      { ...save, formId: randomUUID() },
      { from: CLLR_PRIYA_SHAH.id, conversationId: GROUP_CHAT_ID, replyToId: priyaAnchor.messageId },
    );
    expect(JSON.stringify(byMember.value)).toContain('Only officers can record attendance');
  });

  it('no longer lists who attended as due, and shows the member their record', async () => {
    const due = cardJson(await askFor('training due', AS_OLIVIA, 'Corporate parenting training due'));
    expect(due).not.toContain(CLLR_MARTIN_HUGHES.name);
    expect(due).toContain(CLLR_PRIYA_SHAH.name);
    const mine = cardJson(await askFor('my training', AS_MARTIN, 'Corporate parenting induction for councillors'));
    expect(mine).toContain('Corporate parenting induction for councillors');
    expect(mine).toContain('up to date');
    expect(cardJson(await askFor('my training', AS_PRIYA, 'not attended corporate parenting training since the election'))).toContain(
      'not attended corporate parenting training since the election',
    );
  });

  it('lets a member check in during the event, once, and counts it', async () => {
    const checkedIn = cardJson(await ask(playground, "I'm here", AS_PRIYA));
    expect(checkedIn).toMatch(/checked in|Which are you at/);
    if (checkedIn.includes('Which are you at')) {
      const anchor = await ask(playground, 'help', AS_PRIYA);
      await playground.invoke(
        'attendance.checkIn',
        { occasionId: trainingId },
        { from: CLLR_PRIYA_SHAH.id, conversationId: GROUP_CHAT_ID, replyToId: anchor.messageId },
      );
    }
    const twice = await playground.invoke(
      'attendance.checkIn',
      { occasionId: trainingId },
      { from: CLLR_PRIYA_SHAH.id, conversationId: GROUP_CHAT_ID, replyToId: (await ask(playground, 'help', AS_PRIYA)).messageId },
    );
    expect(JSON.stringify(twice.value)).toContain('already checked in');
    expect(cardJson(await askFor('training due', AS_OLIVIA, 'Corporate parenting training due'))).not.toContain(CLLR_PRIYA_SHAH.name);
  });

  it('reports participation for a quarter, a year and a date range, with a chart and a Word report only officers can open', async () => {
    clock.travelTo('2026-11-24T15:00:00Z');
    const anchor = await askFor('help', AS_OLIVIA, 'add meeting');
    const form = await invokeAsOlivia('attendance.form', { occasionId: awardsId }, anchor.messageId);
    const save = executeActionData(form.value as Record<string, unknown>, 'attendance.record', (data) => data.then === 'stay');
    await invokeAsOlivia('attendance.record', { ...save, attended: CLLR_MARTIN_HUGHES.aadObjectId }, anchor.messageId);
    const report = await askFor('participation report for Q4 2026', AS_OLIVIA, 'Participation report: Q4 2026');
    const json = cardJson(report);
    expect(json).toContain('data:image/png;base64,');
    expect(json).toContain('Attended at least one');
    expect(json).toContain('1 (50%)');
    expect(Buffer.byteLength(JSON.stringify(firstCard(report)))).toBeLessThan(28 * 1024);
    const url = exportUrl(json, 'participation.docx');
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('wordprocessingml');
    const docx = readDocx(Buffer.from(await response.arrayBuffer()));
    expect(docx.paragraphs.slice(0, 4)).toEqual([
      'Kent County Council',
      'Corporate Parenting Panel',
      'Members\u2019 participation in events',
      'Q4 2026: 1 October to 31 December 2026 (period still running)',
    ]);
    // The figures, read back from the document's tables: the training session is not a participation event.
    const [facts, byKind, members] = docx.tables;
    expect(facts).toEqual([
      ['Participation events held', '1'],
      ['Members', '2'],
      ['Attended at least one', '1 (50%)'],
      ['Invitations', '2'],
      ['Replies', '0 (0% of invitations)'],
      ['Attendances', '1'],
    ]);
    expect(byKind).toContainEqual(['Achievement awards', '1', '1']);
    expect(members).toEqual([
      ['Member', 'Invited', 'Replied', 'Attended'],
      [CLLR_MARTIN_HUGHES.name, '1', '0', '1'],
      [CLLR_PRIYA_SHAH.name, '1', '0', '0'],
    ]);
    expect(docx.images).toHaveLength(1);
    expect((await fetch(url.replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(403);
    expect(
      cardJson(await askFor('participation report for Q4 2026', AS_MARTIN, 'Only officers can see the participation report')),
    ).toContain('Only officers');

    expect(cardJson(await askFor('participation report for 2026', AS_OLIVIA, 'Participation report: 2026'))).toContain('1 (50%)');
    const range = cardJson(
      await askFor('participation report from 1 November 2026 to 23 November 2026', AS_OLIVIA, 'Participation report: 1 November 2026'),
    );
    expect(range).toContain('"value":"0 (0%)"');
    const ranged = readDocx(Buffer.from(await (await fetch(exportUrl(range, 'participation.docx'))).arrayBuffer()));
    expect(ranged.paragraphs[3]).toBe('1 November 2026 to 23 November 2026');
    expect(ranged.tables[0]).toContainEqual(['Participation events held', '0']);
    expect(
      cardJson(await askFor('participation report from 30 November 2026 to 1 November 2026', AS_OLIVIA, 'ends before it starts')),
    ).not.toContain('Participation report:');
    expect(cardJson(await askFor('participation report for 2027', AS_OLIVIA, 'has not begun yet'))).not.toContain('Participation report:');
  });

  it("gives the challenge report a chart and a Word report with the figures and each completed card's outcome", async () => {
    const created = await raiseSampleChallenge(app, OLIVIA_ACTOR);
    challengeReference = /CC-2026-\d{3}/.exec(JSON.stringify(created))![0];
    const accepted = executeActionData(await app.services.challenges.show(OLIVIA_ACTOR, challengeReference), 'challenge.respond');
    await app.services.challenges.respond(OLIVIA_ACTOR, {
      ...accepted,
      response: 'We will take this to Cabinet.',
      status: 'accepted',
      explanation: '',
    });
    const respond = executeActionData(await app.services.challenges.show(OLIVIA_ACTOR, challengeReference), 'challenge.respond');
    await app.services.challenges.respond(OLIVIA_ACTOR, {
      ...respond,
      response: 'Cabinet agreed a council tax exemption for care leavers up to 25.',
      status: 'completed',
      explanation: 'You will not pay council tax until you are 25.',
    });
    // The challenge's own cards reach Olivia's chat through the outbox too: wait for the report itself.
    const report = await askFor('challenge report for Q4 2026', AS_OLIVIA, 'Challenge cards report: Q4 2026');
    const json = cardJson(report);
    expect(json).toContain('data:image/png;base64,');
    expect(Buffer.byteLength(JSON.stringify(firstCard(report)))).toBeLessThan(28 * 1024);
    const docx = readDocx(Buffer.from(await (await fetch(exportUrl(json, 'challenges.docx'))).arrayBuffer()));
    expect(docx.text).toContain('Q4 2026');
    const [facts, byStatus, byPriority, completed] = docx.tables;
    expect(facts!.slice(0, 5)).toEqual([
      ['Open during the period', '1'],
      ['New', '1'],
      ['Completed', '1'],
      ['Declined', '0'],
      ['Redirected to a professional', '0'],
    ]);
    expect(byStatus).toContainEqual(['Completed', '1']);
    expect(byPriority).toContainEqual([expect.stringMatching(/successful and responsible adults/), '1']);
    expect(completed).toHaveLength(2);
    expect(completed![1]).toEqual([
      `${challengeReference}: Help with council tax for care leavers\nRaised by Young Adult Council`,
      'Tuesday 24 November 2026',
      'Cabinet agreed a council tax exemption for care leavers up to 25.',
      'You will not pay council tax until you are 25.',
      'Not yet',
    ]);
    expect(docx.images.length).toBe(2);
    expect(cardJson(await askFor('challenge report for Q4 2026', AS_MARTIN, 'Challenge cards report: Q4 2026'))).not.toContain(
      'challenges.docx',
    );
  });

  it('drafts "You said, we did" for the children in care councils, takes an officer\'s edits, sends them on once and downloads them as Word', async () => {
    expect(cardJson(await askFor('you said we did', AS_MARTIN, 'Only officers can prepare'))).toContain('Only officers can prepare');
    expect(cardJson(await askFor('you said we did for 2027', AS_OLIVIA, 'Choose a year from 2015 to 2026'))).not.toContain(
      'You said, we did: 2027',
    );
    const draft = await askFor('you said we did for 2026', AS_OLIVIA, 'You said, we did: 2026');
    expect(cardJson(draft)).toContain('You said: Help with council tax for care leavers');
    expect(cardJson(draft)).toContain('We did: You will not pay council tax until you are 25.');
    const form = (await invokeAsOlivia('youSaidWeDid.edit', executeActionData(firstCard(draft), 'youSaidWeDid.edit'), draft.messageId))
      .value as Record<string, unknown>;
    expect(JSON.stringify(form)).toContain('"id":"did_0"');
    const preview = executeActionData(form, 'youSaidWeDid.save', (data) => data.then === 'preview');

    const refused = JSON.stringify(
      (await invokeAsOlivia('youSaidWeDid.save', { ...preview, did_0: 'Ring the leaving care team on 07700 900123.' }, draft.messageId))
        .value,
    );
    expect(refused).toContain('Nothing was saved');
    expect(refused).toMatch(/This looks like it contains a phone number/);
    expect(refused.split('07700 900123')).toHaveLength(2); // only in the officer's own box, never in the message
    expect(cardJson(await askFor('you said we did for 2026', AS_OLIVIA, 'You said, we did: 2026'))).not.toContain('07700');

    const edited = {
      ...preview,
      intro: 'Here is what happened to the challenges you raised that we finished in 2026.',
      said_0: 'You asked for help with council tax when you leave care.',
      did_0: 'Care leavers now pay no council tax until they are 25.',
    };
    const saved = (await invokeAsOlivia('youSaidWeDid.save', edited, draft.messageId)).value as Record<string, unknown>;
    // Teams delivering the same Save twice saves it once and says so, rather than reporting a clash.
    const again = JSON.stringify((await invokeAsOlivia('youSaidWeDid.save', edited, draft.messageId)).value);
    for (const card of [JSON.stringify(saved), again]) {
      expect(card).toContain('Saved.');
      expect(card).toContain('You said: You asked for help with council tax when you leave care.');
      expect(card).not.toContain('Someone else saved');
    }

    const send = executeActionData(saved, 'youSaidWeDid.send');
    const delivered = newMessageWaiter(playground);
    expect(JSON.stringify((await invokeAsOlivia('youSaidWeDid.send', send, draft.messageId)).value)).toMatch(/Sending to \d+ members?/);
    const members = await delivered((m) => cardJson(m).includes('You said, we did: 2026') && !cardJson(m).includes('youSaidWeDid.send'));
    expect(members.conversationId).toBe(PERSONAL_CHAT_ID);
    expect(cardJson(members)).toContain('We did: Care leavers now pay no council tax until they are 25.');
    expect(JSON.stringify((await invokeAsOlivia('youSaidWeDid.send', send, draft.messageId)).value)).toContain(
      'This version was already sent.',
    );

    const url = exportUrl(JSON.stringify(saved), 'you-said-we-did.docx');
    const docx = readDocx(Buffer.from(await (await fetch(url)).arrayBuffer()));
    expect(docx.paragraphs).toEqual(
      expect.arrayContaining([
        'You said, we did',
        'Here is what happened to the challenges you raised that we finished in 2026.',
        'You said: You asked for help with council tax when you leave care.',
        'We did: Care leavers now pay no council tax until they are 25.',
      ]),
    );
    expect(docx.text).not.toContain('Cabinet agreed');
    expect((await fetch(url.replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(403);
  });

  it("takes the quarter's key figures from an officer's form and brings them to members in the next bulletin, with the change and the trend chart, once", async () => {
    expect(cardJson(await askFor('enter key figures', AS_MARTIN, 'Only officers can enter the key figures'))).toContain(
      'Only officers can enter the key figures',
    );
    expect(cardJson(await askFor('enter key figures for Q4 2026', AS_OLIVIA, 'has not ended yet'))).toContain(
      'The last complete quarter is Q3 2026',
    );
    const enter = async (text: string, quarter: string, inputs: Record<string, string>) => {
      const form = await askFor(text, AS_OLIVIA, `key figures for ${quarter}`);
      return JSON.stringify(
        (await invokeAsOlivia('keyFigures.save', { ...executeActionData(firstCard(form), 'keyFigures.save'), ...inputs }, form.messageId))
          .value,
      );
    };
    const refused = await enter('enter key figures', 'Q3 2026', { figure_foster_care_share: '140', source: 'Performance report' });
    expect(refused).toContain('Enter a number from 0 to 100.');
    expect(cardJson(await askFor('key figures', AS_MARTIN, 'No key figures have been entered yet.'))).toContain(
      'No key figures have been entered yet.',
    );
    expect(
      await enter('enter key figures for Q2 2026', 'Q2 2026', {
        figure_children_in_care: '1,858',
        figure_attainment_gap: '43',
        source: 'Children in care performance report, 30 June 2026',
      }),
    ).toContain('Saved.');
    expect(
      await enter('enter key figures', 'Q3 2026', {
        figure_children_in_care: '1870',
        figure_foster_care_share: '69.5',
        figure_attainment_gap: '41.5',
        source: 'Children in care performance report, 30 September 2026',
      }),
    ).toContain('Saved. Members get them in the next Member Bulletin.');
    expect(cardJson(await askFor('key figures', AS_MARTIN, '1,870'))).toContain('1,870 (up 12 since Q2 2026)');

    await app.composition.bulletin.ensureScheduled();
    const first = newMessageWaiter(playground);
    clock.travelTo('2026-11-30T08:00:05Z');
    expect(await app.composition.scheduler.tick()).toBeGreaterThanOrEqual(1);
    const bulletin = await first((m) => cardJson(m).includes('Member Bulletin'));
    expect(bulletin.conversationId).toBe(PERSONAL_CHAT_ID);
    const figures = cardJson(bulletin);
    expect(figures).toContain('Key figures: Q3 2026');
    expect(figures).toContain('1,870 (up 12 since Q2 2026)');
    expect(figures).toContain('41.5 points (down 1.5 points since Q2 2026 (better))');
    expect(figures).toContain('69.5%');
    expect(figures).toContain('Source: Children in care performance report, 30 September 2026');
    expect(figures).toMatch(/"url":"data:image\/png;base64,[A-Za-z0-9+/=]{200,}"/);
    expect(Buffer.byteLength(JSON.stringify(firstCard(bulletin)))).toBeLessThan(28 * 1024);

    const following = newMessageWaiter(playground);
    clock.travelTo('2026-12-07T08:00:05Z');
    expect(await app.composition.scheduler.tick()).toBeGreaterThanOrEqual(1);
    expect(cardJson(await following((m) => cardJson(m).includes('Member Bulletin')))).not.toContain('Key figures');
  });
});
