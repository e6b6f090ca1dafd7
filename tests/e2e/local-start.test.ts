import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/platform/process/free-port';
import { killOnParentExit, stopChildProcess } from '../../src/platform/process/child-process';
import { projectRoot } from '../../src/platform/process/project-root';
import { ask, cardJson } from '../support/conversation-driver';
import { type Playground, attachPlayground } from '../support/playground';
import { OLIVIA_OFFICER, PERSONAL_CHAT_ID } from '../support/playground-users';
import { testConnectionString, uniqueTablePrefix } from '../support/test-storage';

/**
 * `npm start` as a newcomer meets it (the built dist/src/tools/start-local.js): on a machine with no
 * browser opener it must keep the bot and the Playground running and print the address, and with no
 * meeting source configured "when is the next meeting?" is answered from the labelled sample.
 */

interface LocalRun {
  child: ChildProcess;
  botPort: number;
  playgroundPort: number;
  output(): string;
  waitForOutput(text: string | RegExp, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

const START_LOCAL = path.join(projectRoot(), 'dist', 'src', 'tools', 'start-local.js');
const temporaryDirs: string[] = [];

function temporaryDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temporaryDirs.push(dir);
  return dir;
}

/** The environment of a person's shell, minus what would change the decisions under test. */
function cleanEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of [
    'NODE_ENV',
    'DISPLAY',
    'WAYLAND_DISPLAY',
    'WSL_DISTRO_NAME',
    'BROWSER',
    'TEAMSAPPTESTER_BROWSER',
    'MODERNGOV_URL',
    'MODERNGOV_COMMITTEE_ID',
    'MEETINGS_ICAL_URL',
    'SAMPLE_DATA',
    'TABLE_PREFIX',
    'AZURE_STORAGE_CONNECTION_STRING',
  ]) {
    delete env[key];
  }
  return env;
}

async function startLocalRun(env: NodeJS.ProcessEnv): Promise<LocalRun> {
  const botPort = await freePort();
  const playgroundPort = await freePort();
  const child = spawn(process.execPath, [START_LOCAL], {
    // The run's Azurite (one per test run) stands in for the one npm start would embed.
    env: {
      ...env,
      PORT: String(botPort),
      PLAYGROUND_PORT: String(playgroundPort),
      DATA_DIR: temporaryDir('cpp-local-data-'),
      LOG_LEVEL: 'info',
      AZURE_STORAGE_CONNECTION_STRING: testConnectionString(),
      TABLE_PREFIX: uniqueTablePrefix(),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const forget = killOnParentExit(child);
  let output = '';
  const waiters = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    waiters.forEach((check) => check());
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    botPort,
    playgroundPort,
    output: () => output,
    waitForOutput: (text, timeoutMs = 150000) =>
      new Promise<void>((resolve, reject) => {
        const seen = () => (typeof text === 'string' ? output.includes(text) : text.test(output));
        const done = (error?: Error) => {
          waiters.delete(check);
          clearTimeout(timer);
          if (error) reject(error);
          else resolve();
        };
        const check = () => {
          if (seen()) done();
        };
        const timer = setTimeout(
          () => done(new Error(`npm start did not print ${String(text)} within ${timeoutMs} ms:\n${output.slice(-3000)}`)),
          timeoutMs,
        );
        waiters.add(check);
        void exited.then(() =>
          seen()
            ? done()
            : done(new Error(`npm start exited (code ${String(child.exitCode)}) before printing ${String(text)}:\n${output.slice(-3000)}`)),
        );
        check();
      }),
    stop: async () => {
      forget();
      await stopChildProcess(child, 15000);
    },
  };
}

async function get(url: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10000) });
  return { status: response.status, body: await response.text() };
}

afterAll(() => {
  for (const dir of temporaryDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm start on a machine without a browser opener, with no meeting source', () => {
  let run: LocalRun;
  let playground: Playground;

  beforeAll(async () => {
    // A PATH with nothing on it: no xdg-open, wslview or open, as on a headless server or in a container.
    run = await startLocalRun({ ...cleanEnvironment(), PATH: temporaryDir('cpp-empty-path-') });
    await run.waitForOutput('Press Ctrl+C to stop.');
    playground = await attachPlayground({ port: run.playgroundPort, pid: run.child.pid ?? 0, stopOwner: () => run.stop() });
  }, 200000);

  afterAll(async () => {
    await playground?.stop();
    await run?.stop();
  });

  it('prints the address instead of opening a browser, and says where the sample comes from', () => {
    const output = run.output();
    expect(output).toContain(`Agents Playground: http://127.0.0.1:${run.playgroundPort}`);
    expect(output).toContain(`No browser opened here: open http://127.0.0.1:${run.playgroundPort} in a browser`);
    expect(output).toContain('Sample data: meetings from a recorded Kent ModernGov response (src/local/sample/)');
    expect(output).toContain('MODERNGOV_URL=https://democracy.kent.gov.uk MODERNGOV_COMMITTEE_ID=693 npm start');
    expect(output).not.toMatch(/ENOENT|xdg-open/);
  });

  it('keeps the bot and the Playground running and serving', async () => {
    expect(run.child.exitCode).toBeNull();
    expect((await get(`http://127.0.0.1:${run.botPort}/healthz`)).status).toBe(200);
    expect((await get(`http://127.0.0.1:${run.playgroundPort}/`)).status).toBe(200);
  });

  it('answers "when is the next meeting?" from the labelled sample, with a date ahead', async () => {
    await run.waitForOutput('"msg":"meetings synced"');
    await playground.install(PERSONAL_CHAT_ID);
    await playground.waitForMessage((m) => cardJson(m).includes('Welcome to the'));
    const reply = await ask(playground, 'when is the next meeting?', { from: OLIVIA_OFFICER.id });
    const card = shownText(reply);
    expect(card).toContain('Corporate Parenting Panel (sample data)');
    expect(card).toMatch(/(Monday|Tuesday|Wednesday|Thursday|Friday) \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(card).toContain('Sessions House, County Hall, Maidstone');
    expect(card).not.toContain('No panel meetings');
  }, 90000);

  it('lists the sample participation event', async () => {
    const reply = await ask(playground, 'events', { from: OLIVIA_OFFICER.id });
    expect(shownText(reply)).toContain('Virtual School Kent achievement awards (sample data)');
  }, 60000);
});

describe('npm start on a desktop with a browser opener', () => {
  let run: LocalRun | undefined;

  afterAll(async () => {
    await run?.stop();
  });

  it('opens the Playground with xdg-open and keeps running', async () => {
    const bin = temporaryDir('cpp-opener-path-');
    const opened = path.join(bin, 'opened.txt');
    fs.writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\necho "$1" > '${opened}'\n`, { mode: 0o755 });
    // A real source is configured (a loopback address nobody answers): no sample data in this run.
    run = await startLocalRun({ ...cleanEnvironment(), PATH: bin, DISPLAY: ':0', MEETINGS_ICAL_URL: 'http://127.0.0.1:9/panel.ics' });
    await run.waitForOutput('Press Ctrl+C to stop.');
    expect(run.output()).toContain('Opened the Playground in your browser.');
    expect(run.output()).not.toContain('Sample data:');
    await waitForFile(opened);
    expect(fs.readFileSync(opened, 'utf8').trim()).toBe(`http://127.0.0.1:${run.playgroundPort}`);
    expect((await get(`http://127.0.0.1:${run.botPort}/healthz`)).status).toBe(200);
    expect(run.child.exitCode).toBeNull();
  }, 200000);
});

/** The card JSON with markdown escapes removed: the text as Teams shows it. */
function shownText(message: Parameters<typeof cardJson>[0]): string {
  return cardJson(message).replace(/\\+([()[\]*_#.!-])/g, '$1');
}

async function waitForFile(file: string, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file) || fs.readFileSync(file, 'utf8').trim() === '') {
    if (Date.now() > deadline) throw new Error(`${file} was not written within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
