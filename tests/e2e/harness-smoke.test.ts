import type { Activity } from 'botbuilder';
import { closeBrowser, openPlayground, screenshot, sendChatMessage, waitForAdaptiveCard, waitForBotMessage } from '../support/browser';
import { type EchoBot, startEchoBot } from '../support/echo-bot';
import { type Playground, startPlayground } from '../support/playground';
import {
  BOT,
  CHANNEL,
  CLLR_MARTIN_HUGHES,
  CLLR_PRIYA_SHAH,
  GROUP_CHAT_ID,
  OLIVIA_OFFICER,
  PERSONAL_CHAT_ID,
  PLAYGROUND_CONFIG_PATH,
  TEAM_ID,
  TENANT_ID,
} from '../support/playground-users';

/**
 * Checks the e2e harness itself against a bare echo bot: Playground start-up and config, its HTTP API and
 * WebSocket stream, what the bot receives, and one pass through the real UI in headless Chromium.
 */
describe('e2e harness: echo bot behind the Agents Playground', () => {
  let bot: EchoBot;
  let playground: Playground;

  beforeAll(async () => {
    bot = await startEchoBot({ recordActivities: true });
    playground = await startPlayground({ botEndpoint: bot.endpoint, configPath: PLAYGROUND_CONFIG_PATH });
    process.stdout.write(`Playground listening after ${playground.startupMs} ms (pid ${playground.pid})\n`);
  });

  afterAll(async () => {
    await closeBrowser();
    await playground?.stop();
    await bot?.stop();
  });

  const lastReceived = (predicate: (a: Partial<Activity>) => boolean): Partial<Activity> => {
    const found = [...bot.received].reverse().find(predicate);
    if (!found) throw new Error(`the bot received no such activity; got ${bot.received.map((a) => a.type).join(', ')}`);
    return found;
  };

  it('starts on 127.0.0.1 and serves the users of src/local/playground.yaml', async () => {
    expect(playground.startupMs).toBeGreaterThan(0); // how long it took is the machine's business, not a test's
    expect(playground.serviceUrl).toBe(`http://127.0.0.1:${playground.port}/_connector`);
    const { config } = await playground.config();
    expect(config.tenantId).toBe(TENANT_ID);
    expect(config.currentUser).toMatchObject({ name: 'Olivia Officer', aadObjectId: OLIVIA_OFFICER.aadObjectId });
    expect(config.users).toEqual(
      expect.arrayContaining([expect.objectContaining(CLLR_MARTIN_HUGHES), expect.objectContaining(CLLR_PRIYA_SHAH)]),
    );
    expect(config.personalChat.id).toBe(PERSONAL_CHAT_ID);
    expect(config.groupChats.map((g) => g.id)).toEqual([GROUP_CHAT_ID]);
    expect(config.teams[0]?.id).toBe(TEAM_ID);
    expect(config.teams[0]?.channels.map((c) => c.id)).toEqual([TEAM_ID, CHANNEL.id]);
  });

  it('installs, sends a message and receives the echo on the WebSocket stream', async () => {
    await playground.install();
    const sent = await playground.sendMessage('hello harness', { fromUserId: OLIVIA_OFFICER.id });
    expect(sent.conversationId).toBe(PERSONAL_CHAT_ID);

    const echo = await playground.waitForMessage((m) => m.text === 'echo: hello harness');
    expect(echo).toMatchObject({ conversationId: PERSONAL_CHAT_ID, fromId: BOT.id, attachments: [], revision: 0 });

    const installed = lastReceived((a) => a.type === 'installationUpdate');
    expect(installed).toMatchObject({ action: 'add', conversation: { id: PERSONAL_CHAT_ID, conversationType: 'personal' } });
    const message = lastReceived((a) => a.type === 'message' && a.text === 'hello harness');
    expect(message).toMatchObject({
      channelId: 'msteams',
      serviceUrl: playground.serviceUrl,
      from: { id: OLIVIA_OFFICER.id, aadObjectId: OLIVIA_OFFICER.aadObjectId },
      conversation: { id: PERSONAL_CHAT_ID, conversationType: 'personal', tenantId: TENANT_ID },
      channelData: { tenant: { id: TENANT_ID } },
    });
  });

  it('answers an Action.Execute invoke with the card that replaces the old one', async () => {
    await playground.sendMessage('card', { fromUserId: OLIVIA_OFFICER.id });
    const card = await playground.waitForMessage(
      (m) => m.conversationId === PERSONAL_CHAT_ID && m.attachments.length === 1 && JSON.stringify(m.attachments).includes('Echo card'),
    );

    const result = await playground.invoke('ping', { n: 1 }, { from: OLIVIA_OFFICER.id, replyToId: card.messageId });
    expect(result.status).toBe(200);
    expect(result.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(result.value)).toContain('pong: ping');
    expect(JSON.stringify(result.value)).toContain('{\\"n\\":1}');

    const invoke = lastReceived((a) => a.type === 'invoke');
    expect(invoke).toMatchObject({
      name: 'adaptiveCard/action',
      replyToId: card.messageId,
      value: { action: { type: 'Action.Execute', verb: 'ping', data: { n: 1 } } },
      from: { aadObjectId: OLIVIA_OFFICER.aadObjectId },
      conversation: { tenantId: TENANT_ID, conversationType: 'personal' },
    });
    const replaced = playground.messages().find((m) => m.messageId === card.messageId);
    expect(replaced).toMatchObject({ revision: 1, lastChange: 'invokeResponse' });
    expect(JSON.stringify(replaced?.attachments)).toContain('pong: ping');

    const refused = await playground.invoke('ping', {}, { from: CLLR_MARTIN_HUGHES.id, replyToId: card.messageId });
    expect(refused.status).toBe(400); // Martin is not in Olivia's personal chat
  });

  it('acts as other councillors in the group chat (message, invoke, submit) with their aadObjectId', async () => {
    await playground.install(GROUP_CHAT_ID);
    await playground.sendMessage('card', { fromUserId: OLIVIA_OFFICER.id, conversationId: GROUP_CHAT_ID });
    const card = await playground.waitForMessage((m) => m.conversationId === GROUP_CHAT_ID && m.attachments.length === 1);
    const olivia = lastReceived((a) => a.type === 'message' && a.conversation?.id === GROUP_CHAT_ID);
    expect(olivia.text).toBe('<at>Corporate Parenting Panel</at> card');
    expect(olivia.conversation).toMatchObject({ conversationType: 'groupChat', isGroup: true, tenantId: TENANT_ID });

    await playground.sendMessage('from martin', { fromUserId: CLLR_MARTIN_HUGHES.id, conversationId: GROUP_CHAT_ID });
    await playground.waitForMessage((m) => m.conversationId === GROUP_CHAT_ID && m.text === 'echo: from martin');
    expect(lastReceived((a) => a.text?.endsWith('from martin') === true).from).toMatchObject({
      id: CLLR_MARTIN_HUGHES.id,
      aadObjectId: CLLR_MARTIN_HUGHES.aadObjectId,
    });

    const result = await playground.invoke(
      'ping',
      { who: 'martin' },
      { from: CLLR_MARTIN_HUGHES.id, replyToId: card.messageId, conversationId: GROUP_CHAT_ID },
    );
    expect(result.status).toBe(200);
    expect(lastReceived((a) => a.type === 'invoke').from).toMatchObject({ aadObjectId: CLLR_MARTIN_HUGHES.aadObjectId });

    await playground.submit(
      { kind: 'submit', who: 'priya' },
      { from: CLLR_PRIYA_SHAH.id, replyToId: card.messageId, conversationId: GROUP_CHAT_ID },
    );
    await playground.waitForMessage((m) => m.text === 'submitted: {"kind":"submit","who":"priya"}');
    const submit = lastReceived((a) => a.type === 'message' && a.value !== undefined);
    expect(submit).toMatchObject({ replyToId: card.messageId, from: { aadObjectId: CLLR_PRIYA_SHAH.aadObjectId } });
    expect(submit.text).toBeUndefined();
  });

  it('posts in a channel as a new thread and streams the reply there', async () => {
    const sent = await playground.sendMessage('channel hello', { fromUserId: OLIVIA_OFFICER.id, conversationId: CHANNEL.id });
    expect(sent.conversationId).toBe(`${CHANNEL.id};messageid=${sent.messageId}`);
    const reply = await playground.waitForMessage((m) => m.text === 'echo: channel hello');
    expect(reply.conversationId).toBe(sent.conversationId);
    const received = lastReceived((a) => a.text?.endsWith('channel hello') === true);
    expect(received.conversation).toMatchObject({ conversationType: 'channel', id: sent.conversationId });
    expect(received.channelData).toMatchObject({ team: { id: TEAM_ID }, channel: { id: CHANNEL.id }, tenant: { id: TENANT_ID } });
  });

  it('streams updateActivity as an update of the same message', async () => {
    await playground.sendMessage('update', { fromUserId: OLIVIA_OFFICER.id });
    const updated = await playground.waitForMessage((m) => m.text === 'after update');
    expect(updated).toMatchObject({ revision: 1, lastChange: 'update', conversationId: PERSONAL_CHAT_ID });
    const actions = playground
      .events()
      .filter((e) => e.message?.messageId === updated.messageId)
      .map((e) => e.action);
    expect(actions).toEqual(['createMessage', 'updateMessage']);
    const put = await playground.waitForTraffic((t) => t.direction === 'fromBot' && JSON.stringify(t.request).includes('after update'));
    expect(put.statusCode).toBe(200);
  });

  it('sends custom activities (uninstall) from the Playground template', async () => {
    const activity = await playground.customActivity('uninstall');
    expect(activity).toMatchObject({ type: 'installationUpdate', action: 'remove' });
    await playground.waitForTraffic(
      (t) => t.direction === 'toBot' && t.activityName === 'installationUpdate' && JSON.stringify(t.request).includes('"remove"'),
    );
    expect(lastReceived((a) => a.type === 'installationUpdate')).toMatchObject({
      action: 'remove',
      from: { aadObjectId: OLIVIA_OFFICER.aadObjectId },
    });
  });

  it('shows the echo and runs Action.Execute in the real Playground UI (headless Chromium)', async () => {
    const page = await openPlayground(playground.url);
    await sendChatMessage(page, 'hello from the browser');
    const echo = await waitForBotMessage(page, 'echo: hello from the browser');
    expect(await echo.innerText()).toContain('echo: hello from the browser');
    // The UI and this harness share one stream: the reply reached both.
    await playground.waitForMessage((m) => m.text === 'echo: hello from the browser');

    await sendChatMessage(page, 'card');
    const card = await waitForAdaptiveCard(page, 'Echo card');
    await card.getByRole('button', { name: 'Ping' }).click();
    await waitForAdaptiveCard(page, 'pong: ping');
    expect(lastReceived((a) => a.type === 'invoke').value).toMatchObject({
      action: { type: 'Action.Execute', title: 'Ping', verb: 'ping' },
    });
    await screenshot(page, 'harness-smoke-ui');
    await page.close();
  });

  it('stops the Playground child process', async () => {
    const pid = playground.pid;
    await playground.stop();
    expect(() => process.kill(pid, 0)).toThrow();
  });
});
