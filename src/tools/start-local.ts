import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ConfigError, loadLocalRunConfig, type LocalRunConfig } from '../app/config';
import { isPortFree, waitForPort } from '../platform/process/free-port';
import { projectRoot } from '../platform/process/project-root';
import { waitForHttp } from '../platform/process/wait-for-http';
import { findBrowserOpener, openBrowser } from './browser-opener';

/**
 * `npm start`: the bot (with its embedded Azurite, no Azure account) plus the Microsoft 365 Agents
 * Playground pointed at it, as the Playground user config in src/local/playground.yaml. With no
 * meeting source configured the bot serves the sample in src/local/sample/. Ctrl+C stops both.
 *
 * The Playground is always told not to open a browser (TEAMSAPPTESTER_BROWSER=none): its own
 * opener crashes it where there is none (`spawn xdg-open ENOENT` on a headless server, a container,
 * WSL). This process opens one instead when the machine can, and otherwise prints the address.
 */
async function main(): Promise<void> {
  const local = loadLocalRunConfig();
  const root = projectRoot();
  const playgroundConfig = path.join(root, 'src/local/playground.yaml');
  const currentUser = (YAML.parse(fs.readFileSync(playgroundConfig, 'utf8')) as { currentUser: { aadObjectId: string; name: string } })
    .currentUser;

  const playgroundWorkDir = path.resolve(root, local.dataDir, 'playground');
  fs.mkdirSync(playgroundWorkDir, { recursive: true });
  await assertPortFree(local.playgroundPort, 'PLAYGROUND_PORT');
  await assertPortFree(local.botPort, 'PORT');

  const bot = spawn(process.execPath, ['--enable-source-maps', '--max-semi-space-size=32', path.join(root, 'dist/src/app/index.js')], {
    stdio: 'inherit',
    env: local.childEnvironment({
      PORT: String(local.botPort),
      ADMIN_AAD_OBJECT_IDS: local.adminAadObjectIds ?? currentUser.aadObjectId,
      ...(local.sampleData ? { SAMPLE_DATA: 'true' } : {}),
    }),
  });
  const children: ChildProcess[] = [bot];
  const stopAll = () => children.forEach((child) => child.exitCode === null && child.kill('SIGTERM'));
  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);
  bot.on('exit', (code) => {
    stopAll();
    process.exitCode = code ?? 0;
  });
  await waitForPort(local.botPort, 120000);

  const playgroundUrl = `http://127.0.0.1:${local.playgroundPort}`;
  const playground = spawn(
    process.execPath,
    [
      require.resolve('@microsoft/m365agentsplayground/cli.js'),
      'start',
      '-e',
      `http://127.0.0.1:${local.botPort}/api/messages`,
      '-c',
      'msteams',
      '-p',
      String(local.playgroundPort),
      '--service-url',
      `${playgroundUrl}/_connector`,
      '--disable-telemetry',
    ],
    // Its own log goes to ./devTools under its working directory: keep that in the git-ignored data folder.
    {
      stdio: 'inherit',
      cwd: playgroundWorkDir,
      env: local.childEnvironment({
        APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: playgroundConfig,
      }),
    },
  );
  children.push(playground);
  playground.on('exit', (code) => {
    process.stderr.write(`The Agents Playground stopped (exit code ${String(code)}); stopping the bot.\n`);
    stopAll();
  });
  await waitForHttp(`${playgroundUrl}/`, 120000);

  const environment = local.childEnvironment({});
  const opener = findBrowserOpener({ platform: process.platform, env: environment });
  const opened = opener ? await openBrowser(opener, playgroundUrl, environment) : false;
  process.stdout.write(banner(local, playgroundUrl, currentUser.name, opened));
}

function banner(local: LocalRunConfig, playgroundUrl: string, userName: string, browserOpened: boolean): string {
  const lines = [
    '',
    `Corporate Parenting Panel bot: http://127.0.0.1:${local.botPort}/api/messages`,
    `Agents Playground: ${playgroundUrl} (you are ${userName}, an administrator)`,
    browserOpened
      ? 'Opened the Playground in your browser.'
      : `No browser opened here: open ${playgroundUrl} in a browser on this machine.`,
  ];
  if (local.sampleData) {
    lines.push(
      `Sample data: meetings from a recorded Kent ModernGov response (src/local/sample/), moved into the future, and a sample participation event, in tables prefixed ${local.tablePrefix}.`,
      'For the real panel: MODERNGOV_URL=https://democracy.kent.gov.uk MODERNGOV_COMMITTEE_ID=693 npm start',
    );
  }
  lines.push('Press Ctrl+C to stop.', '', '');
  return lines.join('\n');
}

/** The Playground silently moves to another port when its own is taken, which would break its service URL. */
async function assertPortFree(port: number, variable: string): Promise<void> {
  if (!(await isPortFree(port)))
    throw new ConfigError(variable, `port ${port} is already in use: stop what uses it or set ${variable} to another port`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `npm start failed: ${String(error)}`}\n`);
  process.exit(1);
});
