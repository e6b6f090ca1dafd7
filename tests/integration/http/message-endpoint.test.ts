import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { RunningApp } from '../../../src/app/app';
import { startTestApp } from '../../support/test-app';

const tenant = '0a0a0a0a-0a0a-4a0a-8a0a-0a0a0a0a0a0a';

/** A loopback stand-in for the connector: records what the bot posts back. */
async function startConnector(): Promise<{ url: string; posts: { path: string; body: Record<string, unknown> }[]; close(): Promise<void> }> {
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
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, posts, close: () => new Promise((r) => server.close(() => r())) };
}

function message(serviceUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: `m-${Math.random()}`,
    text: 'what does NEET mean?',
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:x', name: 'Cllr X', aadObjectId: 'aad-x' },
    recipient: { id: '28:bot', name: 'bot' },
    conversation: { id: 'a:x', conversationType: 'personal', tenantId: tenant },
    ...overrides,
  };
}

async function post(app: RunningApp, body: string | object, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
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
  beforeAll(async () => {
    connector = await startConnector();
    app = await startTestApp({ ALLOWED_TENANT_IDS: tenant });
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
    expect(reply.path).toMatch(/^\/v3\/conversations\/a%3Ax\/activities\//);
    expect(JSON.stringify(reply.body)).toContain('Not in Education, Employment or Training');
  });

  it.each([
    ['malformed JSON', '{"type":'],
    ['a JSON array', '[1,2]'],
    ['an activity without a type', JSON.stringify({ text: 'hi' })],
  ])('answers 400 to %s without a stack trace', async (_name, body) => {
    const response = await post(app, body);
    expect(response.status).toBe(400);
    expect(response.text).not.toMatch(/at \w+ \(|node_modules|\.ts:/);
  });

  it('drops activities from another tenant or channel without replying', async () => {
    const before = connector.posts.length;
    expect((await post(app, message(connector.url, { conversation: { id: 'a:x', conversationType: 'personal', tenantId: 'other-tenant' } }))).status).toBe(200);
    expect((await post(app, message(connector.url, { channelId: 'webchat' }))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(connector.posts.length).toBe(before);
  });

  it('refuses an invoke from another tenant with 403', async () => {
    const invoke = message(connector.url, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'feedback.submit', data: {} } }, conversation: { id: 'a:x', tenantId: 'other' } });
    expect((await post(app, invoke)).status).toBe(403);
  });

  it('refuses a message from someone without an Entra object id, politely', async () => {
    const before = connector.posts.length;
    await post(app, message(connector.url, { from: { id: '29:anon', name: 'Anon' } }));
    await waitFor(() => connector.posts.length > before);
    expect(JSON.stringify(connector.posts[before]!.body)).toContain('signed in to Microsoft Teams');
  });

  it('reports storage health on GET /healthz', async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', storage: 'ok' });
  });
});
