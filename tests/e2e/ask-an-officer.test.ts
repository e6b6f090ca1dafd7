import { ask, cardJson, executeActionData, firstCard } from '../support/conversation-driver';
import type { Playground } from '../support/playground';
import { type PlaygroundWorld, startPlaygroundWorld } from '../support/playground-world';
import { CLLR_MARTIN_HUGHES, CLLR_PRIYA_SHAH, GROUP_CHAT_ID, OLIVIA_OFFICER, PERSONAL_CHAT_ID, TEAM_ID } from '../support/playground-users';
import { TravelClock } from '../support/travel-clock';

/**
 * Ask an officer, end to end with two people and a third: Olivia (a member here, in her own chat
 * with the bot) asks what the bot cannot answer and asks an officer; the question reaches the
 * officers' channel (OFFICERS_CHANNEL, the Team's General channel); Cllr Hughes (an officer) answers
 * it on the card and adds it to the knowledge base; Olivia gets the answer in her chat, signed with
 * his role; Cllr Shah, asking the same thing in other words, gets it from the bot.
 */
describe('ask an officer in the Agents Playground', () => {
  let playground: Playground;
  let world: PlaygroundWorld;
  const clock = new TravelClock('2026-12-01T10:00:00Z');
  const asOlivia = { from: OLIVIA_OFFICER.id };
  const asMartin = { from: CLLR_MARTIN_HUGHES.id, conversationId: GROUP_CHAT_ID };
  const asPriya = { from: CLLR_PRIYA_SHAH.id, conversationId: GROUP_CHAT_ID };
  const question = 'Can foster carers on the panel claim mileage for coming to meetings?';
  const answer =
    'Yes. Foster carers who are members of the panel can claim travel expenses (mileage) for attending panel meetings: send the claim form to Democratic Services within three months.';
  let questionCardId = '';
  let channelConversationId = '';
  let questionId = '';

  beforeAll(async () => {
    world = await startPlaygroundWorld({
      env: { ADMIN_AAD_OBJECT_IDS: CLLR_MARTIN_HUGHES.aadObjectId, OFFICERS_CHANNEL: TEAM_ID },
      overrides: { clock },
      dispatcher: true,
    });
    ({ playground } = world);
    await playground.install(TEAM_ID);
    await playground.waitForMessage((m) => m.conversationId.startsWith(TEAM_ID) && cardJson(m).includes('Welcome to the'));
    await ask(playground, 'hello', asMartin);
    await ask(playground, 'hello', asPriya);
  });
  afterAll(() => world?.stop());

  it('declines what the documents do not say, and offers to ask an officer', async () => {
    const reply = await ask(playground, question, asOlivia);
    expect(cardJson(reply)).toContain("I don't know the answer to that");
    const data = executeActionData(firstCard(reply), 'officerQuestion.ask');
    expect(data).toMatchObject({ question, origin: 'declined' });
    const seen = new Set(playground.messages().map((m) => m.messageId));
    const sent = await playground.invoke('officerQuestion.ask', data, { from: OLIVIA_OFFICER.id, replyToId: reply.messageId });
    expect(JSON.stringify(sent.body)).toContain('Sent to the officers');
    // Pressed twice (or delivered twice by Teams): still one question.
    await playground.invoke('officerQuestion.ask', data, { from: OLIVIA_OFFICER.id, replyToId: reply.messageId });
    const card = await playground.waitForMessage(
      (m) => !seen.has(m.messageId) && m.conversationId.startsWith(TEAM_ID) && cardJson(m).includes('New question for the officers'),
      20000,
    );
    expect(cardJson(card)).toContain(question);
    expect(cardJson(card)).toContain(OLIVIA_OFFICER.name);
    expect(cardJson(card)).toContain('Tuesday 1 December 2026');
    questionCardId = card.messageId;
    // A post in a channel starts a thread: replies and card actions on it address "<channel>;messageid=<post>".
    channelConversationId = `${card.conversationId};messageid=${card.messageId}`;
    questionId = String(executeActionData(firstCard(card), 'officerQuestion.answer').questionId);
    await new Promise((r) => setTimeout(r, 500));
    expect(
      playground.messages().filter((m) => !seen.has(m.messageId) && cardJson(m).includes('New question for the officers')),
    ).toHaveLength(1);
  });

  it('lets only an officer answer, and sends the answer to the member in her own chat', async () => {
    const refused = await playground.invoke(
      'officerQuestion.answer',
      { questionId, answer: 'Guessing: no.', addToKnowledge: 'true' },
      { ...asPriya, conversationId: channelConversationId, replyToId: questionCardId },
    );
    expect(JSON.stringify(refused.body)).toContain('Only officers can see and answer');
    const seen = new Set(playground.messages().map((m) => m.messageId));
    const answered = await playground.invoke(
      'officerQuestion.answer',
      { questionId, answer, addToKnowledge: 'true' },
      { from: CLLR_MARTIN_HUGHES.id, conversationId: channelConversationId, replyToId: questionCardId },
    );
    const body = JSON.stringify(answered.body);
    expect(body).toContain(`Answered by ${CLLR_MARTIN_HUGHES.name} (panel administrator)`);
    expect(body).toContain('Added to the knowledge base');
    const delivered = await playground.waitForMessage(
      (m) => !seen.has(m.messageId) && cardJson(m).includes('An officer answered your question'),
      20000,
    );
    expect(delivered.conversationId).toBe(PERSONAL_CHAT_ID);
    expect(cardJson(delivered)).toContain(`Answered by ${CLLR_MARTIN_HUGHES.name}, panel administrator`);
    expect(cardJson(delivered)).toContain('within three months');
    const again = await playground.invoke(
      'officerQuestion.answer',
      { questionId, answer: 'A second answer' },
      { from: CLLR_MARTIN_HUGHES.id, conversationId: channelConversationId, replyToId: questionCardId },
    );
    expect(JSON.stringify(again.body)).toContain('has already answered this question');
  });

  it('answers another member who asks the same thing in other words, from the knowledge base', async () => {
    const reply = await ask(playground, 'do foster carers get their travel expenses paid for panel meetings?', asPriya);
    const json = cardJson(reply);
    expect(json).toContain('within three months');
    expect(json).toContain('Answered by an officer, Tuesday 1 December 2026');
  });

  it('lists the officer answers for officers, with an export link, and not for members', async () => {
    expect(cardJson(await ask(playground, 'officer answers', asMartin))).toContain('officer-answers.yaml');
    expect(cardJson(await ask(playground, 'officer answers', asPriya))).toContain('Only officers can');
    expect(cardJson(await ask(playground, 'open questions', asMartin))).toContain('There are no unanswered questions');
  });
});
