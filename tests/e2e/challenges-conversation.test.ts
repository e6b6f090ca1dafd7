import type { RunningApp } from '../../src/app/app';
import { ask, askFor, cardJson, executeActionData, exportUrl, firstCard, newMessageWaiter } from '../support/conversation-driver';
import { AS_MARTIN, AS_OLIVIA, AS_PRIYA, OLIVIA_ACTOR, startPanelConversation } from '../support/panel-conversation';
import type { Playground } from '../support/playground';
import type { PlaygroundWorld } from '../support/playground-world';
import {
  CLLR_MARTIN_HUGHES,
  CLLR_OWEN_PRICE,
  CLLR_PRIYA_SHAH,
  GROUP_CHAT_ID,
  OLIVIA_OFFICER,
  PERSONAL_CHAT_ID,
} from '../support/playground-users';
import { COUNCIL_TAX_CHALLENGE } from '../support/sample-challenge';
import { TravelClock } from '../support/travel-clock';

/**
 * Issue 5 end to end with two Playground users: Olivia (officer) raises a challenge for the
 * children's council and assigns Cllr Hughes; he responds on the card; Cllr Shah, not assigned,
 * cannot; the officer's quarterly report counts it and offers a CSV only officers can open.
 */
describe('challenge cards in the Agents Playground', () => {
  let app: RunningApp;
  let playground: Playground;
  let world: PlaygroundWorld;
  const clock = new TravelClock('2026-11-23T09:00:00Z');
  const challenge = { ...COUNCIL_TAX_CHALLENGE, leadOfficer: OLIVIA_OFFICER.aadObjectId, assignees: CLLR_MARTIN_HUGHES.aadObjectId };

  beforeAll(async () => {
    world = await startPanelConversation({ clock });
    ({ app, playground } = world);
  });
  afterAll(() => world?.stop());

  it("lets only officers raise a challenge, and refuses text that looks like a child's personal data", async () => {
    expect(cardJson(await ask(playground, 'new challenge', AS_MARTIN))).toContain('Only participation officers can raise challenge cards');
    const form = await ask(playground, 'new challenge', AS_OLIVIA);
    const { formId } = executeActionData(firstCard(form), 'challenge.create');
    const refused = await playground.invoke(
      'challenge.create',
      { formId, ...challenge, words: 'Call me on 07700 900123 about it' },
      { from: OLIVIA_OFFICER.id, replyToId: form.messageId },
    );
    const refusedJson = JSON.stringify(refused.body);
    expect(refusedJson).toMatch(/phone number/i);
    // Kept only in the officer's own input box, to take out; never repeated in the message, never stored.
    expect(refusedJson.split('07700 900123')).toHaveLength(2);
    expect(refusedJson).toContain('"id":"words"');
  });

  it('creates the card once however often the form is submitted, and posts it to the lead officer', async () => {
    const form = await ask(playground, 'new challenge', AS_OLIVIA);
    const { formId } = executeActionData(firstCard(form), 'challenge.create');
    const next = newMessageWaiter(playground);
    const [first, second] = await Promise.all([
      playground.invoke('challenge.create', { formId, ...challenge }, { from: OLIVIA_OFFICER.id, replyToId: form.messageId }),
      playground.invoke('challenge.create', { formId, ...challenge }, { from: OLIVIA_OFFICER.id, replyToId: form.messageId }),
    ]);
    expect(JSON.stringify([first.body, second.body])).toContain('CC-2026-001');
    expect(JSON.stringify([first.body, second.body])).not.toContain('CC-2026-002');
    const posted = await next((m) => cardJson(m).includes('New challenge card'));
    expect(posted.conversationId).toBe(PERSONAL_CHAT_ID);
  });

  it("takes the assignee's response on the card, once, and refuses someone not assigned", async () => {
    const card = await ask(playground, 'challenge CC-2026-001', AS_MARTIN);
    const { reference, version } = executeActionData(firstCard(card), 'challenge.respond');
    const response = {
      reference,
      version,
      response: 'I will raise this with the Cabinet Member for the next budget.',
      status: 'accepted',
      explanation: '',
    };
    const next = newMessageWaiter(playground);
    const recorded = await playground.invoke('challenge.respond', response, {
      from: CLLR_MARTIN_HUGHES.id,
      conversationId: GROUP_CHAT_ID,
      replyToId: card.messageId,
    });
    expect(JSON.stringify(recorded.body)).toContain('Your response was recorded');
    expect(JSON.stringify(recorded.body)).toContain('"text":"ACCEPTED"');
    const again = await playground.invoke('challenge.respond', response, {
      from: CLLR_MARTIN_HUGHES.id,
      conversationId: GROUP_CHAT_ID,
      replyToId: card.messageId,
    });
    expect(JSON.stringify(again.body)).toMatch(/already/i);
    await next((m) => cardJson(m).includes(`${CLLR_MARTIN_HUGHES.name} responded`));
    const priyaCard = await ask(playground, 'challenge CC-2026-001', AS_PRIYA);
    expect(cardJson(priyaCard)).not.toContain('"verb":"challenge.respond"');
    const forged = await playground.invoke(
      'challenge.respond',
      { ...response, version: Number(version) + 1, status: 'completed', explanation: 'done' },
      { from: CLLR_PRIYA_SHAH.id, conversationId: GROUP_CHAT_ID, replyToId: priyaCard.messageId },
    );
    expect(JSON.stringify(forged.body)).not.toContain('"text":"COMPLETED"');
    const view = JSON.stringify(await app.services.challenges.show(OLIVIA_ACTOR, 'CC-2026-001'));
    expect(view).toContain('"text":"ACCEPTED"');
    expect(view).not.toContain('"text":"COMPLETED"');
  });

  it('lists "my challenge cards" for the assignee and reports the quarter with a CSV for officers only', async () => {
    expect(cardJson(await ask(playground, 'my challenge cards', AS_MARTIN))).toContain('CC-2026-001');
    const report = cardJson(await askFor(playground, 'challenge report for Q4 2026', AS_OLIVIA, 'Challenge cards report: Q4 2026'));
    expect(report).toContain('Q4 2026');
    const csvUrl = exportUrl(report, 'challenges.csv');
    const csv = await fetch(csvUrl);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('CC-2026-001');
    expect((await fetch(csvUrl.replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(403);
    expect(cardJson(await askFor(playground, 'challenge report for Q4 2026', AS_MARTIN, 'Challenge cards report: Q4 2026'))).not.toContain(
      'challenges.csv',
    );
    expect(cardJson(await ask(playground, 'challenge cards', AS_MARTIN))).toMatch(/[Oo]nly officers/);
    // A question that opens with the command's words is a question, answered from the knowledge base.
    const question = cardJson(await ask(playground, 'challenge cards - how long has Kent used them?', AS_MARTIN));
    expect(question).toContain('What are Challenge Cards?');
    expect(question).not.toMatch(/[Oo]nly officers/);
    // Someone in the tenant who is not on the panel (a guest) gets exactly what a missing card gets.
    const asGuest = { from: CLLR_OWEN_PRICE.id, conversationId: GROUP_CHAT_ID };
    const hidden = cardJson(await ask(playground, 'challenge CC-2026-001', asGuest));
    expect(hidden).toBe(cardJson(await ask(playground, 'challenge CC-2026-999', asGuest)));
    expect(hidden).toContain('That challenge card could not be found.');
    expect(cardJson(await ask(playground, 'challenge report for Q4 2026', asGuest))).toContain('Only panel members and officers');
  });

  it("asks the officer to confirm a possible name is not a child's, and creates the card only once confirmed", async () => {
    const form = await ask(playground, 'new challenge', AS_OLIVIA);
    const { formId } = executeActionData(firstCard(form), 'challenge.create');
    const named = {
      formId,
      ...challenge,
      title: 'Shorter leaving care forms',
      words: 'Jamie from the leaving care team says the pathway plan forms are far too long.',
    };
    const asked = JSON.stringify(
      (await playground.invoke('challenge.create', named, { from: OLIVIA_OFFICER.id, replyToId: form.messageId })).body,
    );
    expect(asked).toMatch(/may contain a person's name/);
    expect(asked).toContain('"id":"confirmNotChildName"');
    expect(asked).not.toMatch(/CC-2026-\d+ created/);
    const confirmation = /"valueOn":"([^"]+)"/.exec(asked)![1]!;
    const forged = JSON.stringify(
      (
        await playground.invoke(
          'challenge.create',
          { ...named, confirmNotChildName: 'true' },
          { from: OLIVIA_OFFICER.id, replyToId: form.messageId },
        )
      ).body,
    );
    expect(forged).toContain('"id":"confirmNotChildName"');
    const created = JSON.stringify(
      (
        await playground.invoke(
          'challenge.create',
          { ...named, confirmNotChildName: confirmation },
          { from: OLIVIA_OFFICER.id, replyToId: form.messageId },
        )
      ).body,
    );
    expect(created).toContain('Challenge card CC-2026-002 created.');
  });
});
