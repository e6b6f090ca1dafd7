import { ask, cardJson, executeActionData, firstCard } from '../support/conversation-driver';
import type { Playground } from '../support/playground';
import { type PlaygroundWorld, startPlaygroundWorld } from '../support/playground-world';
import { CLLR_MARTIN_HUGHES, CLLR_PRIYA_SHAH, GROUP_CHAT_ID, OLIVIA_OFFICER } from '../support/playground-users';
import { TravelClock } from '../support/travel-clock';

/**
 * UK GDPR rights end to end: Cllr Priya Shah asks for "my data" and downloads it; Cllr Hughes may
 * not export hers; Olivia (administrator) erases her from a confirmation card pressed twice, and
 * nothing is held about her afterwards while the audit log keeps the erasure without her name.
 */
describe('my data and erasure in the Agents Playground', () => {
  let world: PlaygroundWorld;
  let playground: Playground;
  const clock = new TravelClock('2026-11-23T09:00:00Z');
  const asOlivia = { from: OLIVIA_OFFICER.id };
  const asMartin = { from: CLLR_MARTIN_HUGHES.id, conversationId: GROUP_CHAT_ID };
  const asPriya = { from: CLLR_PRIYA_SHAH.id, conversationId: GROUP_CHAT_ID };

  beforeAll(async () => {
    world = await startPlaygroundWorld({
      overrides: { clock },
      roles: [
        { aadObjectId: CLLR_PRIYA_SHAH.aadObjectId, role: 'panel', councillor: true },
        { aadObjectId: CLLR_MARTIN_HUGHES.aadObjectId, role: 'panel', councillor: true },
      ],
    });
    ({ playground } = world);
    await ask(playground, 'hello', asMartin);
    await ask(playground, 'stop bulletin', asPriya);
    await ask(playground, 'stop training reminders', asPriya);
  });
  afterAll(() => world?.stop());

  it('gives a member a summary of what is held about her and a download only she can open', async () => {
    const reply = await ask(playground, 'my data', asPriya);
    const json = cardJson(reply);
    expect(json).toContain('Your data');
    expect(json).toContain('Members directory: 1');
    expect(json).toContain('Role in the bot: 1');
    expect(json).toContain('Member Bulletin choice: 1');
    expect(json).toContain('Training reminders: 1');
    const url = /"url":"(http:\/\/127\.0\.0\.1:\d+\/privacy\/data\/[^"]+)"/.exec(json)![1]!;
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await response.json()) as { about: { aadObjectId: string; names: string[] } };
    expect(body.about).toEqual({ aadObjectId: CLLR_PRIYA_SHAH.aadObjectId, names: [CLLR_PRIYA_SHAH.name] });
    // Her link does not open Martin's data, and a changed signature opens nothing.
    expect((await fetch(url.replace(CLLR_PRIYA_SHAH.aadObjectId, CLLR_MARTIN_HUGHES.aadObjectId))).status).toBe(403);
    expect((await fetch(url.replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(403);
  });

  it("refuses a member another person's data", async () => {
    expect(cardJson(await ask(playground, 'export data of Cllr Priya Shah', asMartin))).toContain('Only an administrator');
    expect(cardJson(await ask(playground, 'erase data of Cllr Priya Shah', asMartin))).toContain('Only an administrator');
  });

  it('lets an administrator erase her from a confirmation card, once however often it is pressed', async () => {
    const confirm = await ask(playground, 'erase data of Cllr Priya Shah', asOlivia);
    expect(cardJson(confirm)).toContain('Erase the data of Cllr Priya Shah?');
    const data = executeActionData(firstCard(confirm), 'privacy.erase');
    const [first, second] = await Promise.all([
      playground.invoke('privacy.erase', data, { from: OLIVIA_OFFICER.id, replyToId: confirm.messageId }),
      playground.invoke('privacy.erase', data, { from: OLIVIA_OFFICER.id, replyToId: confirm.messageId }),
    ]);
    expect(JSON.stringify([first.body, second.body])).toContain('Data erased');
    const again = await playground.invoke('privacy.erase', data, { from: OLIVIA_OFFICER.id, replyToId: confirm.messageId });
    expect(JSON.stringify(again.body)).toContain('Already erased');

    const held = await world.app.composition.personalData.export({
      aadObjectId: CLLR_PRIYA_SHAH.aadObjectId,
      names: [CLLR_PRIYA_SHAH.name],
      teamsUserIds: [CLLR_PRIYA_SHAH.id],
    });
    expect(held.filter((section) => section.records.length > 0).map((section) => section.kind)).toEqual([]);
    const audit = cardJson(await ask(playground, 'audit log', asOlivia));
    expect(audit).toMatch(/Erasure: Former member \(former-[0-9a-f]{16}\)/);
    expect(audit).not.toContain(CLLR_PRIYA_SHAH.name);
    expect(audit).not.toContain(CLLR_PRIYA_SHAH.aadObjectId);
  });
});
