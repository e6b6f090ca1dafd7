import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { killOnParentExit, stopChildProcess } from '../process/child-process';
import { freePort, waitForPort } from '../process/free-port';

/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface EmbeddedAzurite {
  readonly connectionString: string;
  readonly port: number;
  /** The emulator's process id (benchmarks read its CPU time). */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

export interface EmbeddedAzuriteOptions {
  /** Folder to persist tables in; omitted means in memory (tests). */
  location?: string;
  startTimeoutMs?: number;
}

export function azuriteConnectionString(port: number): string {
  return `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};TableEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`;
}

/**
 * Starts Azurite's Table service on a free loopback port as a child process. Telemetry is off
 * (it would otherwise call an external host) and the child is killed when this process exits.
 */
export async function startEmbeddedAzurite(options: EmbeddedAzuriteOptions = {}): Promise<EmbeddedAzurite> {
  const port = await freePort();
  const main = require.resolve('azurite/dist/src/table/main.js');
  const args = [main, '--tableHost', '127.0.0.1', '--tablePort', String(port), '--skipApiVersionCheck', '--disableTelemetry', '--silent'];
  if (options.location) {
    fs.mkdirSync(options.location, { recursive: true });
    args.push('--location', options.location);
  } else {
    args.push('--inMemoryPersistence');
  }
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], cwd: options.location ?? process.cwd() });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const forget = killOnParentExit(child);
  try {
    await Promise.race([waitForPort(port, options.startTimeoutMs ?? 15000), exitedEarly(child, () => stderr)]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    connectionString: azuriteConnectionString(port),
    port,
    pid: child.pid,
    stop: () => {
      forget();
      return stopChildProcess(child);
    },
  };
}

function exitedEarly(child: ChildProcess, stderr: () => string): Promise<never> {
  return new Promise((_, reject) => {
    child.once('exit', (code) => reject(new Error(`Azurite exited early (code ${code}): ${stderr()}`)));
  });
}
