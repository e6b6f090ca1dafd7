import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningApp } from '../../../src/app/app';
import { Writable } from 'node:stream';
import { createLogger } from '../../../src/platform/logging/logger';
import { startTestApp } from '../../support/test-app';
import { teamsBotId, teamsGroupChatId, teamsPersonalChatId, teamsUserId } from '../../support/teams-ids';

const tenant = '0a0a0a0a-0a0a-4a0a-8a0a-0a0a0a0a0a0a';

/** A loopback stand-in for the connector: records what the bot posts back. */
async function startConnector(): Promise<{
  url: string;
  posts: { path: string; body: Record<string, unknown> }[];
  close(): Promise<void>;
}> {
  const posts: { path: string; body: Record<string, unknown> }[] = [];
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      posts.push({ path: req.url ?? '', body: JSON.parse(data || '{}') as Record<string, unknown> });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"r1"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    posts,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

function message(serviceUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: `m-${Math.random()}`,
    text: 'what does NEET mean?',
    channelId: 'msteams',
    serviceUrl,
    from: { id: teamsUserId('x'), name: 'Cllr X', aadObjectId: 'aad-x' },
    recipient: { id: teamsBotId('bot'), name: 'bot' },
    conversation: { id: teamsPersonalChatId('x'), conversationType: 'personal', tenantId: tenant },
    ...overrides,
  };
}

async function post(
  app: RunningApp,
  body: string | object,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  const response = await fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('POST /api/messages with Bot Framework credentials', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp({
      MicrosoftAppId: '00000000-0000-4000-8000-00000000a11d',
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: tenant,
      ALLOWED_TENANT_IDS: tenant,
    });
  });
  afterAll(() => app.stop());

  it('answers 401 to an unauthenticated request, with no internals in the body', async () => {
    const response = await post(app, message('http://127.0.0.1:9'));
    expect(response.status).toBe(401);
    expect(JSON.parse(response.text)).toEqual({ error: 'Unauthorized' });
  });

  it('answers 401 to a forged bearer token, and never echoes the token', async () => {
    const response = await post(app, message('http://127.0.0.1:9'), { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' });
    expect(response.status).toBe(401);
    expect(response.text).not.toContain('eyJ');
  });
});

describe('POST /api/messages without credentials (local mode)', () => {
  let app: RunningApp;
  let connector: Awaited<ReturnType<typeof startConnector>>;
  let logs = '';
  beforeAll(async () => {
    connector = await startConnector();
    const sink = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        logs += chunk.toString();
        done();
      },
    });
    app = await startTestApp({ ALLOWED_TENANT_IDS: tenant }, { logger: createLogger('info', sink) });
  });
  afterAll(async () => {
    await app.stop();
    await connector.close();
  });

  it('answers a question by posting a card to the conversation', async () => {
    const before = connector.posts.length;
    expect((await post(app, message(connector.url))).status).toBe(200);
    await waitFor(() => connector.posts.length > before);
    const reply = connector.posts[before]!;
    expect(reply.path.startsWith(`/v3/conversations/${encodeURIComponent(teamsPersonalChatId('x'))}/activities/`)).toBe(true);
    expect(JSON.stringify(reply.body)).toContain('Not in Education, Employment or Training');
  });

  it.each([
    ['a string', 'feedback.submit'],
    ['null', null],
    ['an action that is a string', { action: 'feedback.submit' }],
    ['a verb that is a number', { action: { type: 'Action.Execute', verb: 42, data: {} } }],
  ])('answers a card action whose value is %s with the friendly "not a button I recognise", changing nothing', async (_name, value) => {
    const invoke = message(connector.url, { type: 'invoke', name: 'adaptiveCard/action', value });
    const response = await post(app, invoke);
    expect(response.status).toBe(200);
    const body = JSON.parse(response.text) as { statusCode: number; value: { code: string; message: string } };
    expect(body.statusCode).toBe(400);
    expect(body.value).toEqual({ code: 'invalid_input', message: expect.stringContaining('not one I recognise') as unknown as string });
  });

  it.each([
    ['malformed JSON', '{"type":'],
    ['JSON with a trailing comma', '{"type":"message",}'],
    ['text that is not JSON', 'not json at all'],
    ['a JSON array', '[1,2]'],
    ['an activity without a type', JSON.stringify({ text: 'hi' })],
  ])('answers 400 to %s with a fixed text: no stack trace, no parser message', async (_name, body) => {
    const response = await post(app, body);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text)).toEqual({ error: 'Bad request' });
    expect(response.text).not.toMatch(/at \w+ \(|node_modules|\.ts:|JSON|position|token/);
  });

  it('answers 413 to an oversized body with a fixed text', async () => {
    const response = await post(app, JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) }));
    expect(response.status).toBe(413);
    expect(JSON.parse(response.text)).toEqual({ error: 'Request too large' });
  });

  it('drops activities from another tenant or channel without replying', async () => {
    const before = connector.posts.length;
    expect(
      (
        await post(
          app,
          message(connector.url, {
            conversation: { id: teamsPersonalChatId('x'), conversationType: 'personal', tenantId: 'other-tenant' },
          }),
        )
      ).status,
    ).toBe(200);
    expect((await post(app, message(connector.url, { channelId: 'webchat' }))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(connector.posts.length).toBe(before);
  });

  it('refuses an invoke from another tenant with 403', async () => {
    const invoke = message(connector.url, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'feedback.submit', data: {} } },
      conversation: { id: teamsPersonalChatId('x'), tenantId: 'other' },
    });
    expect((await post(app, invoke)).status).toBe(403);
  });

  it('refuses a message from someone without an Entra object id, politely', async () => {
    const before = connector.posts.length;
    await post(app, message(connector.url, { from: { id: teamsUserId('anon'), name: 'Anon' } }));
    await waitFor(() => connector.posts.length > before);
    expect(JSON.stringify(connector.posts[before]!.body)).toContain('signed in to Microsoft Teams');
  });

  it('records every good member of a roster change even when one of them is malformed, logging no personal data', async () => {
    const good = (n: number) => ({
      id: teamsUserId(`1f${n}aBcDeFgHiJkLmNoPqRsTuVwXyZ-${n}`),
      name: `Cllr Roster ${n}`,
      aadObjectId: `0000000${n}-aaaa-4aaa-8aaa-00000000000${n}`,
    });
    const added = [
      good(1),
      { id: teamsUserId('bad'), name: 'Cllr Slash Name', aadObjectId: 'evil/../id' },
      { id: teamsUserId('noid'), name: 'No Object Id' },
      good(2),
      { id: teamsUserId('long'), name: 'Long', aadObjectId: 'x'.repeat(300) },
      good(3),
    ];
    const update = message(connector.url, {
      type: 'conversationUpdate',
      text: undefined,
      conversation: { id: teamsGroupChatId('roster-chat'), conversationType: 'groupChat', tenantId: tenant },
      membersAdded: added,
    });
    expect((await post(app, update)).status).toBe(200);
    for (const n of [1, 2, 3]) expect((await app.services.members.find(good(n).aadObjectId))?.name).toBe(`Cllr Roster ${n}`);
    expect(logs).toContain('roster.member_skipped');
    expect(logs).not.toContain('Cllr Slash Name');
    expect(logs).not.toContain('evil/../id');
  });

  it('reports storage health on GET /healthz', async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', storage: 'ok' });
  });
});
