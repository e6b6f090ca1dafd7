import type { RunningApp } from '../../src/app/app';
import { type Playground, startPlayground } from '../support/playground';
import {
  CLLR_MARTIN_HUGHES,
  CLLR_PRIYA_SHAH,
  GROUP_CHAT_ID,
  OLIVIA_OFFICER,
  PERSONAL_CHAT_ID,
  PLAYGROUND_CONFIG_PATH,
  TEAM_ID,
  TEAM_NAME,
  TENANT_ID,
} from '../support/playground-users';
import { ask, cardJson, executeActionData, firstCard } from '../support/conversation-driver';
import { startTestApp } from '../support/test-app';

/**
 * Issue 2 end to end: the real bot behind the Microsoft 365 Agents Playground, talked to through
 * the Playground's own HTTP API and WebSocket stream, as the users of src/local/playground.yaml.
 */
describe('a councillor asks about the panel in the Agents Playground', () => {
  let app: RunningApp;
  let playground: Playground;
  const asOlivia = { from: OLIVIA_OFFICER.id };
  const asMartinInGroup = { from: CLLR_MARTIN_HUGHES.id, conversationId: GROUP_CHAT_ID };

  beforeAll(async () => {
    app = await startTestApp({ ADMIN_AAD_OBJECT_IDS: OLIVIA_OFFICER.aadObjectId, ALLOWED_TENANT_IDS: TENANT_ID });
    playground = await startPlayground({ botEndpoint: `${app.url}/api/messages`, configPath: PLAYGROUND_CONFIG_PATH });
  });
  afterAll(async () => {
    await playground?.stop();
    await app?.stop();
  });

  it('welcomes on install, once, and records the member with their 1:1 conversation', async () => {
    await playground.install(PERSONAL_CHAT_ID);
    const welcome = await playground.waitForMessage((m) => cardJson(m).includes('Welcome to the Corporate Parenting Panel assistant'));
    expect(cardJson(welcome)).toContain('"action":"ask","question":"Who is the panel accountable to?"');
    await new Promise((r) => setTimeout(r, 500));
    expect(playground.messages().filter((m) => cardJson(m).includes('Welcome to the'))).toHaveLength(1);
    const member = await app.services.members.find(OLIVIA_OFFICER.aadObjectId);
    expect(member).toMatchObject({ tenantId: TENANT_ID, active: true });
    expect(member?.conversationReference).toMatchObject({ conversation: { id: PERSONAL_CHAT_ID } });
    // installationUpdate carries no display name; the first message fills it in.
    await ask(playground, 'hello', asOlivia);
    expect((await app.services.members.find(OLIVIA_OFFICER.aadObjectId))?.name).toBe(OLIVIA_OFFICER.name);
  });

  it('records the Team when it is added to one, so events can invite its members', async () => {
    await playground.install(TEAM_ID);
    await playground.waitForMessage((m) => m.conversationId.startsWith(TEAM_ID) && cardJson(m).includes('Welcome to the'));
    expect((await app.services.teams.list()).map((t) => [t.teamId, t.name])).toEqual([[TEAM_ID, TEAM_NAME]]);
  });

  it.each([
    ['who is the panel accountable to?', 'Terms of reference'],
    ['what are the four priority areas?', 'Terms of reference'],
    ['what does UASC mean?', 'Unaccompanied Asylum'],
    ['what did recommendation 6 ask for?', 'Select Committee'],
    ['who do I contact about the panel?', 'Democratic Services'],
  ])('answers "%s" with a card naming its source', async (question, expected) => {
    const reply = await ask(playground, question, asOlivia);
    const json = cardJson(reply);
    expect(json).toContain(expected);
    expect(json).toContain('Source: ');
    expect(json).toContain('"verb":"feedback.submit"');
    expect(json.match(/"action":"ask"/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  });

  it('answers a related question when its button is clicked', async () => {
    const answer = await ask(playground, 'who is the panel accountable to?', asOlivia);
    const button = JSON.stringify(firstCard(answer)).match(/"data":\{"action":"ask","question":"([^"]+)"\}/);
    expect(button).not.toBeNull();
    const seen = new Set(playground.messages().map((m) => m.messageId));
    await playground.submit({ action: 'ask', question: button![1]! }, { from: OLIVIA_OFFICER.id, replyToId: answer.messageId });
    const reply = await playground.waitForMessage((m) => !seen.has(m.messageId));
    expect(cardJson(reply)).toContain(button![1]!);
    expect(cardJson(reply)).toContain('Source: ');
  });

  it('declines a question it is not sure of, offering the close answers, and answers the one clicked', async () => {
    const declined = await ask(playground, 'what did they say about foster carer recruitment', asOlivia);
    expect(cardJson(declined)).toContain("I don't know the answer to that");
    expect(cardJson(declined)).toContain('Is it one of these?');
    const offered = 'What did Select Committee Recommendation 10 say about the fostering service?';
    expect(JSON.stringify(firstCard(declined))).toContain(`"data":{"action":"ask","question":"${offered}"}`);
    const seen = new Set(playground.messages().map((m) => m.messageId));
    await playground.submit({ action: 'ask', question: offered }, { from: OLIVIA_OFFICER.id, replyToId: declined.messageId });
    const reply = await playground.waitForMessage((m) => !seen.has(m.messageId));
    expect(cardJson(reply)).toContain(offered);
    expect(cardJson(reply)).toContain('Source: Select Committee');
  });

  it('reads past what a Teams message wraps around a question, and answers "thanks" kindly', async () => {
    const wrapped = cardJson(await ask(playground, 'Hi, hope you are well. Who chairs the panel? Many thanks', asOlivia));
    expect(wrapped).toContain('Who chairs the Corporate Parenting Panel?');
    expect(wrapped).not.toContain("I don't know");
    const thanks = cardJson(await ask(playground, 'Thanks!', asOlivia));
    expect(thanks).toContain("You're welcome");
    expect(thanks).not.toContain("I don't know");
  });

  it('answers the first of two questions in one message and offers the answer to the second, which a click gives', async () => {
    const answer = await ask(playground, 'Who chairs the panel and where does it meet?', asOlivia);
    expect(cardJson(answer)).toContain('Who chairs the Corporate Parenting Panel?');
    expect(cardJson(answer)).toContain('You also asked:');
    const offered = 'Where does the panel meet?';
    expect(JSON.stringify(firstCard(answer))).toContain(`"data":{"action":"ask","question":"${offered}"}`);
    const seen = new Set(playground.messages().map((m) => m.messageId));
    await playground.submit({ action: 'ask', question: offered }, { from: OLIVIA_OFFICER.id, replyToId: answer.messageId });
    const reply = await playground.waitForMessage((m) => !seen.has(m.messageId));
    expect(cardJson(reply)).toContain('Darent Room');
  });

  it.each(["what's the weather in Maidstone tomorrow?", 'Hi, any news?'])(
    'declines an off-topic question or small talk ("%s") honestly, with the Democratic Services contact',
    async (message) => {
      const reply = await ask(playground, message, asOlivia);
      expect(cardJson(reply)).toContain("I don't know the answer to that");
      expect(cardJson(reply)).toContain('03000 416172');
    },
  );

  it('lists capabilities on "help" for the role: the admin commands for an admin only, the remit and meetings for a guest', async () => {
    const forAdmin = cardJson(await ask(playground, 'help', asOlivia));
    expect(forAdmin).toContain('What I can do');
    expect(forAdmin).toContain('Your role: administrator');
    expect(forAdmin).toContain('"title":"roles"');
    const forGuest = cardJson(await ask(playground, 'help', asMartinInGroup));
    expect(forGuest).toContain('Your role: guest');
    expect(forGuest).not.toContain('"title":"roles"');
    expect(forGuest).toContain('"title":"Meetings"');
    expect(forGuest).not.toContain('"title":"Challenge cards"');
    expect(forGuest).not.toContain('"title":"Events"');
  });

  it('stores thumbs-down feedback and updates the card in place', async () => {
    const reply = await ask(playground, 'what is a NEET', asOlivia);
    const data = executeActionData(firstCard(reply), 'feedback.submit', (d) => d.helpful === false);
    const result = await playground.invoke('feedback.submit', data, { from: OLIVIA_OFFICER.id, replyToId: reply.messageId });
    expect(result.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(result.value)).toContain('did not help');
    const totals = await app.services.feedback.totals();
    expect(totals).toEqual([
      expect.objectContaining({ entryId: data.entryId, notHelpful: 1, recentUnhelpfulQuestions: ['what is a NEET'] }),
    ]);
    const updated = await playground.waitForMessage((m) => m.messageId === reply.messageId && m.revision > 0);
    expect(cardJson(updated)).toContain('did not help');
    // The other entries that came close are offered beside "Ask an officer".
    expect(cardJson(updated)).toContain('Perhaps one of these answers it:');
    expect(JSON.stringify(firstCard(updated))).toContain(
      '"question":"What did Select Committee Recommendation 12 say about NEET care leavers?"',
    );
  });

  it('says when it is not sure of an answer, with the runners-up, and keeps them after "No"', async () => {
    const reply = await ask(playground, 'does the council employ care leavers', asOlivia);
    // Recommendation 12 (not in work or training) and 13 (apprenticeships) come close: one answers, the other is offered.
    const card = JSON.stringify(firstCard(reply));
    const titles = ['12 say about NEET care leavers?', '13 say about apprenticeships?'].map(
      (end) => `What did Select Committee Recommendation ${end}`,
    );
    const answered = titles.find((title) => card.includes(`"text":"${title}"`));
    expect(answered).toBeDefined();
    const other = titles.find((title) => title !== answered);
    const runnerUp = `"data":{"action":"ask","question":"${other}"}`;
    expect(cardJson(reply)).toContain("I'm not sure this is what you asked");
    expect(JSON.stringify(firstCard(reply))).toContain(runnerUp);
    const data = executeActionData(firstCard(reply), 'feedback.submit', (d) => d.helpful === false);
    const result = await playground.invoke('feedback.submit', data, { from: OLIVIA_OFFICER.id, replyToId: reply.messageId });
    expect(JSON.stringify(result.value)).toContain('did not help');
    expect(JSON.stringify(result.value)).toContain(runnerUp);
    // Once a member says it helped, the card stops doubting the answer.
    const again = await ask(playground, 'does the council employ care leavers', asOlivia);
    const yes = executeActionData(firstCard(again), 'feedback.submit', (d) => d.helpful === true);
    const thanked = await playground.invoke('feedback.submit', yes, { from: OLIVIA_OFFICER.id, replyToId: again.messageId });
    expect(JSON.stringify(thanked.value)).toContain('this answer helped');
    expect(JSON.stringify(thanked.value)).not.toContain('not sure');
  });

  it("doubts an answer its entries' phrasings say is meant for another, offers that one first, and answers it when clicked", async () => {
    const reply = await ask(playground, 'which question should we ask ourselves when making decisions for children in care', asOlivia);
    expect(cardJson(reply)).toContain("I'm not sure this is what you asked");
    const card = JSON.stringify(firstCard(reply));
    const meant = 'What question should every corporate parent ask themselves?';
    const offers = [...card.matchAll(/"data":\{"action":"ask","question":"([^"]+)"\}/g)].map((m) => m[1]);
    expect(offers[0]).toBe(meant);
    const seen = new Set(playground.messages().map((m) => m.messageId));
    await playground.submit({ action: 'ask', question: meant }, { from: OLIVIA_OFFICER.id, replyToId: reply.messageId });
    const answer = await playground.waitForMessage((m) => !seen.has(m.messageId));
    expect(cardJson(answer)).toContain('Would this be good enough for my child?');
    expect(cardJson(answer)).not.toContain("I'm not sure this is what you asked");
  });

  it('refuses tampered card data and unknown verbs with a friendly error, storing nothing', async () => {
    const reply = await ask(playground, 'what is OCYPC?', asOlivia);
    const before = await app.services.feedback.totals();
    const tampered = await playground.invoke(
      'feedback.submit',
      { entryId: 'no-such-entry', question: 'x', helpful: true },
      { from: OLIVIA_OFFICER.id, replyToId: reply.messageId },
    );
    expect(tampered.type).toBe('application/vnd.microsoft.error');
    expect(JSON.stringify(tampered.value)).toContain('no longer in the knowledge base');
    const malformed = await playground.invoke(
      'feedback.submit',
      { entryId: 'glossary-ocypc', helpful: 'yes' },
      { from: OLIVIA_OFFICER.id, replyToId: reply.messageId },
    );
    expect(JSON.stringify(malformed.value)).toContain('did not expect');
    const unknown = await playground.invoke('panel.selfDestruct', {}, { from: OLIVIA_OFFICER.id, replyToId: reply.messageId });
    expect(JSON.stringify(unknown.value)).toContain('not one I recognise');
    expect(await app.services.feedback.totals()).toEqual(before);
  });

  it('lets an admin make a councillor an officer on the roles card, and refuses the same to a councillor', async () => {
    await ask(playground, 'hello', asMartinInGroup);
    const refused = await ask(playground, 'roles', asMartinInGroup);
    expect(cardJson(refused)).toContain('Only officers and administrators can manage roles.');

    const rolesCard = await ask(playground, 'roles', asOlivia);
    const save = executeActionData(firstCard(rolesCard), 'role.set', (d) => d.aadObjectId === CLLR_MARTIN_HUGHES.aadObjectId);
    const roleInput = `role-${CLLR_MARTIN_HUGHES.aadObjectId}`;
    const granted = await playground.invoke(
      'role.set',
      { ...save, [roleInput]: 'officer' },
      { from: OLIVIA_OFFICER.id, replyToId: rolesCard.messageId },
    );
    expect(JSON.stringify(granted.value)).toContain(`${CLLR_MARTIN_HUGHES.name} is now an officer.`);
    expect(await app.services.roles.roleOf(CLLR_MARTIN_HUGHES.aadObjectId)).toBe('officer');

    // Back to a panel member; then Martin copies the Save button's data onto a card of his own: identity comes from the activity, so he is refused.
    await app.services.roles.assign(
      { aadObjectId: OLIVIA_OFFICER.aadObjectId, name: 'Olivia', tenantId: TENANT_ID, role: 'admin' },
      CLLR_MARTIN_HUGHES.aadObjectId,
      { role: 'panel' },
    );
    const forged = await playground.invoke(
      'role.set',
      { aadObjectId: CLLR_PRIYA_SHAH.aadObjectId, page: 0, query: '', [`role-${CLLR_PRIYA_SHAH.aadObjectId}`]: 'officer' },
      { from: CLLR_MARTIN_HUGHES.id, conversationId: GROUP_CHAT_ID, replyToId: refused.messageId },
    );
    expect(forged.type).toBe('application/vnd.microsoft.error');
    expect(JSON.stringify(forged.value)).toContain('Only officers and administrators can change who is on the panel.');
    expect(await app.services.roles.roleOf(CLLR_PRIYA_SHAH.aadObjectId)).toBe('guest');
  });

  it('answers a 10 KB message and a binary-looking one with a friendly card, and keeps working', async () => {
    expect(cardJson(await ask(playground, 'x'.repeat(10 * 1024), asOlivia))).toContain('That message is too long');
    expect(cardJson(await ask(playground, '\u0001\u0002\u0003\u0004\ufffd\ufffd', asOlivia))).toContain("couldn't read that");
    expect(cardJson(await ask(playground, 'what does IRO stand for', asOlivia))).toContain('Independent Reviewing Officer');
  });

  it('lets a member stop and restart reminders, and shows officers who has stopped them', async () => {
    expect(cardJson(await ask(playground, 'stop reminders', asMartinInGroup))).toContain('Reminders off');
    expect((await app.services.members.find(CLLR_MARTIN_HUGHES.aadObjectId))?.remindersOff).toBe(true);
    const forOfficer = cardJson(await ask(playground, 'reminder opt-outs', asOlivia));
    expect(forOfficer).toContain(CLLR_MARTIN_HUGHES.name.replace('.', '\\\\.'));
    expect(cardJson(await ask(playground, 'reminder opt-outs', asMartinInGroup))).toContain('Only officers');
    expect(cardJson(await ask(playground, 'start reminders', asMartinInGroup))).toContain('Reminders on');
    expect((await app.services.members.find(CLLR_MARTIN_HUGHES.aadObjectId))?.remindersOff).toBe(false);
  });

  it('marks the member inactive when they uninstall the bot', async () => {
    await playground.customActivity('uninstall', { conversationId: PERSONAL_CHAT_ID });
    const deadline = Date.now() + 5000;
    while ((await app.services.members.find(OLIVIA_OFFICER.aadObjectId))?.active !== false && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect((await app.services.members.find(OLIVIA_OFFICER.aadObjectId))?.active).toBe(false);
  });
});
