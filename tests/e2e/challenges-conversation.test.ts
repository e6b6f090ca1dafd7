import type { RunningApp } from '../../src/app/app';
import { ask, cardJson, executeActionData, firstCard } from '../support/conversation-driver';
import type { Playground } from '../support/playground';
import { type PlaygroundWorld, startPlaygroundWorld } from '../support/playground-world';
import {
  CLLR_MARTIN_HUGHES,
  CLLR_OWEN_PRICE,
  CLLR_PRIYA_SHAH,
  GROUP_CHAT_ID,
  OLIVIA_OFFICER,
  PERSONAL_CHAT_ID,
  TENANT_ID,
} from '../support/playground-users';
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
  const asOlivia = { from: OLIVIA_OFFICER.id };
  const asMartin = { from: CLLR_MARTIN_HUGHES.id, conversationId: GROUP_CHAT_ID };
  const asPriya = { from: CLLR_PRIYA_SHAH.id, conversationId: GROUP_CHAT_ID };
  const challenge = {
    title: 'Help with council tax for care leavers',
    words: 'When we leave care we have to pay council tax straight away and it is really hard. Can the council help?',
    raisingGroup: 'young_adult_council',
    raisingGroupOther: '',
    raisedOn: '2026-11-20',
    priorityArea: 'successful_adults',
    leadOfficer: OLIVIA_OFFICER.aadObjectId,
    assignees: CLLR_MARTIN_HUGHES.aadObjectId,
    dueOn: '2027-01-31',
  };

  beforeAll(async () => {
    world = await startPlaygroundWorld({
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

  it("lets only officers raise a challenge, and refuses text that looks like a child's personal data", async () => {
    expect(cardJson(await ask(playground, 'new challenge', asMartin))).toContain('Only participation officers can raise challenge cards');
    const form = await ask(playground, 'new challenge', asOlivia);
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
    const form = await ask(playground, 'new challenge', asOlivia);
    const { formId } = executeActionData(firstCard(form), 'challenge.create');
    const seen = new Set(playground.messages().map((m) => m.messageId));
    const [first, second] = await Promise.all([
      playground.invoke('challenge.create', { formId, ...challenge }, { from: OLIVIA_OFFICER.id, replyToId: form.messageId }),
      playground.invoke('challenge.create', { formId, ...challenge }, { from: OLIVIA_OFFICER.id, replyToId: form.messageId }),
    ]);
    expect(JSON.stringify([first.body, second.body])).toContain('CC-2026-001');
    expect(JSON.stringify([first.body, second.body])).not.toContain('CC-2026-002');
    const posted = await playground.waitForMessage((m) => !seen.has(m.messageId) && cardJson(m).includes('New challenge card'), 60_000);
    expect(posted.conversationId).toBe(PERSONAL_CHAT_ID);
  });

  it("takes the assignee's response on the card, once, and refuses someone not assigned", async () => {
    const card = await ask(playground, 'challenge CC-2026-001', asMartin);
    const { reference, version } = executeActionData(firstCard(card), 'challenge.respond');
    const response = {
      reference,
      version,
      response: 'I will raise this with the Cabinet Member for the next budget.',
      status: 'accepted',
      explanation: '',
    };
    const seen = new Set(playground.messages().map((m) => m.messageId));
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
    await playground.waitForMessage((m) => !seen.has(m.messageId) && cardJson(m).includes(`${CLLR_MARTIN_HUGHES.name} responded`), 60_000);
    const priyaCard = await ask(playground, 'challenge CC-2026-001', asPriya);
    expect(cardJson(priyaCard)).not.toContain('"verb":"challenge.respond"');
    const forged = await playground.invoke(
      'challenge.respond',
      { ...response, version: Number(version) + 1, status: 'completed', explanation: 'done' },
      { from: CLLR_PRIYA_SHAH.id, conversationId: GROUP_CHAT_ID, replyToId: priyaCard.messageId },
    );
    expect(JSON.stringify(forged.body)).not.toContain('"text":"COMPLETED"');
    const view = JSON.stringify(
      await app.services.challenges.show(
        { aadObjectId: OLIVIA_OFFICER.aadObjectId, name: 'Olivia', tenantId: TENANT_ID, role: 'admin' },
        'CC-2026-001',
      ),
    );
    expect(view).toContain('"text":"ACCEPTED"');
    expect(view).not.toContain('"text":"COMPLETED"');
  });

  it('lists "my challenge cards" for the assignee and reports the quarter with a CSV for officers only', async () => {
    expect(cardJson(await ask(playground, 'my challenge cards', asMartin))).toContain('CC-2026-001');
    const report = cardJson(await ask(playground, 'challenge report for Q4 2026', asOlivia));
    expect(report).toContain('Q4 2026');
    const csvUrl = /(http:\/\/127\.0\.0\.1:\d+\/exports\/challenges\.csv\?[^"]+)/.exec(report)![1]!.replace(/\\u0026/g, '&');
    const csv = await fetch(csvUrl);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('CC-2026-001');
    expect((await fetch(csvUrl.replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(403);
    expect(cardJson(await ask(playground, 'challenge report for Q4 2026', asMartin))).not.toContain('challenges.csv');
    expect(cardJson(await ask(playground, 'challenge cards', asMartin))).toMatch(/[Oo]nly officers/);
    // Someone in the tenant who is not on the panel (a guest) gets exactly what a missing card gets.
    const asGuest = { from: CLLR_OWEN_PRICE.id, conversationId: GROUP_CHAT_ID };
    const hidden = cardJson(await ask(playground, 'challenge CC-2026-001', asGuest));
    expect(hidden).toBe(cardJson(await ask(playground, 'challenge CC-2026-999', asGuest)));
    expect(hidden).toContain('That challenge card could not be found.');
    expect(cardJson(await ask(playground, 'challenge report for Q4 2026', asGuest))).toContain('Only panel members and officers');
  });

  it("asks the officer to confirm a possible name is not a child's, and creates the card only once confirmed", async () => {
    const form = await ask(playground, 'new challenge', asOlivia);
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
