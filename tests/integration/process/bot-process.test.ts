import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { projectRoot } from '../../../src/platform/process/project-root';
import { freePort, waitForPort } from '../../../src/platform/process/free-port';
import { testConnectionString, uniqueTablePrefix } from '../../support/test-storage';
import { teamsBotId, teamsPersonalChatId, teamsUserId } from '../../support/teams-ids';

/** The built bot as `npm start` and App Service run it (npm test builds dist/ first). */
const entry = path.join(projectRoot(), 'dist/src/app/index.js');

function run(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" (npm test does)`);
  const child = spawn(process.execPath, [entry], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

const productionWithoutAppId = {
  NODE_ENV: 'production',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: 'tenant',
  ALLOWED_TENANT_IDS: 'tenant',
  AZURE_STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=eA==',
};

/** A connector that takes its time to answer, so a turn is still running when SIGTERM arrives. */
async function startSlowConnector(delayMs: number): Promise<{ url: string; firstRequest: Promise<void>; close(): void }> {
  let received!: () => void;
  const firstRequest = new Promise<void>((resolve) => (received = resolve));
  const server = http.createServer((req, res) => {
    req.resume();
    received();
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"reply"}');
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, firstRequest, close: () => server.close() };
}

function questionFor(serviceUrl: string): Record<string, unknown> {
  return {
    type: 'message',
    id: 'sigterm-1',
    text: 'what is NEET',
    channelId: 'msteams',
    serviceUrl,
    from: { id: teamsUserId('p'), name: 'Cllr P', aadObjectId: 'aad-p' },
    recipient: { id: teamsBotId('bot') },
    conversation: { id: teamsPersonalChatId('p'), conversationType: 'personal', tenantId: 't' },
  };
}

describe('the bot process', () => {
  it('refuses to start in production without Bot Framework credentials, naming the variable', async () => {
    const bot = run(productionWithoutAppId);
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain('MicrosoftAppId is required when NODE_ENV=production');
  });

  it('refuses development storage in production', async () => {
    const bot = run({
      ...productionWithoutAppId,
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'pw',
      AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
    });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain('AZURE_STORAGE_CONNECTION_STRING must not be UseDevelopmentStorage=true');
    expect(bot.output()).not.toContain('pw');
  });

  it('starts, answers /healthz, logs JSON without secrets, and on SIGTERM finishes the turn in flight before exiting 0', async () => {
    const port = await freePort();
    const connector = await startSlowConnector(400);
    const bot = run({
      PORT: String(port),
      AZURE_STORAGE_CONNECTION_STRING: testConnectionString(),
      TABLE_PREFIX: uniqueTablePrefix(),
      LOG_LEVEL: 'info',
    });
    try {
      await waitForPort(port, 120_000); // a loaded machine can take long to start a process
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      const turn = fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(questionFor(connector.url)),
      });
      await connector.firstRequest; // the turn is now waiting on the connector
      bot.child.kill('SIGTERM');
      expect((await turn).status).toBe(200);
      expect(await bot.exited).toBe(0);
    } finally {
      bot.child.kill('SIGKILL');
      connector.close();
    }
    const lines = bot
      .output()
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('{'));
    const events = lines.map((l) => (JSON.parse(l) as { event?: string }).event);
    expect(events).toEqual(expect.arrayContaining(['app.started', 'app.stopping', 'app.stopped']));
    // No APPLICATIONINSIGHTS_CONNECTION_STRING: telemetry stays off (nothing loaded, nothing exported).
    expect(
      lines.map((l) => JSON.parse(l) as { event?: string; applicationInsights?: string }).find((l) => l.event === 'telemetry')
        ?.applicationInsights,
    ).toBe('off');
    expect(bot.output()).not.toContain('AccountKey');
  });
});
