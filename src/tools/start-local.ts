import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ConfigError, loadLocalRunConfig } from '../app/config';
import { isPortFree, waitForPort } from '../platform/process/free-port';
import { projectRoot } from '../platform/process/project-root';

/**
 * `npm start`: the bot (with its embedded Azurite, no Azure account) plus the Microsoft 365 Agents
 * Playground pointed at it, as the Playground user config in src/local/playground.yaml. Ctrl+C
 * stops both.
 */
async function main(): Promise<void> {
  const local = loadLocalRunConfig();
  const root = projectRoot();
  const playgroundConfig = path.join(root, 'src/local/playground.yaml');
  const currentUser = (YAML.parse(fs.readFileSync(playgroundConfig, 'utf8')) as { currentUser: { aadObjectId: string; name: string } }).currentUser;

  const playgroundWorkDir = path.join(root, '.data', 'playground');
  fs.mkdirSync(playgroundWorkDir, { recursive: true });
  await assertPortFree(local.playgroundPort, 'PLAYGROUND_PORT');
  await assertPortFree(local.botPort, 'PORT');

  const bot = spawn(process.execPath, ['--enable-source-maps', path.join(root, 'dist/src/app/index.js')], {
    stdio: 'inherit',
    env: local.childEnvironment({ PORT: String(local.botPort), ADMIN_AAD_OBJECT_IDS: local.adminAadObjectIds ?? currentUser.aadObjectId }),
  });
  const children: ChildProcess[] = [bot];
  const stopAll = () => children.forEach((child) => child.exitCode === null && child.kill('SIGTERM'));
  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);
  bot.on('exit', (code) => {
    stopAll();
    process.exitCode = code ?? 0;
  });
  await waitForPort(local.botPort, 60000);

  const playground = spawn(
    process.execPath,
    [
      require.resolve('@microsoft/m365agentsplayground/cli.js'),
      'start', '-e', `http://127.0.0.1:${local.botPort}/api/messages`, '-c', 'msteams',
      '-p', String(local.playgroundPort), '--service-url', `http://127.0.0.1:${local.playgroundPort}/_connector`, '--disable-telemetry',
    ],
    // Its own log goes to ./devTools under its working directory: keep that in the git-ignored .data/.
    { stdio: 'inherit', cwd: playgroundWorkDir, env: local.childEnvironment({ APPLICATION_INSIGHTS_NO_STATSBEAT: 'true', M365_AGENTS_PLAYGROUND_CONFIG_PATH: playgroundConfig }) },
  );
  children.push(playground);
  playground.on('exit', stopAll);
  process.stdout.write(
    `\nCorporate Parenting Panel bot: http://127.0.0.1:${local.botPort}/api/messages\n` +
      `Agents Playground: http://127.0.0.1:${local.playgroundPort} (you are ${currentUser.name}, an administrator)\n` +
      'Press Ctrl+C to stop.\n\n',
  );
}

/** The Playground silently moves to another port when its own is taken, which would break its service URL. */
async function assertPortFree(port: number, variable: string): Promise<void> {
  if (!(await isPortFree(port))) throw new ConfigError(variable, `port ${port} is already in use: stop what uses it or set ${variable} to another port`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `npm start failed: ${String(error)}`}\n`);
  process.exit(1);
});
