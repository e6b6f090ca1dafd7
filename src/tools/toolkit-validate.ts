import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { childProcessEnvironment } from '../app/config';

export interface ToolkitValidation {
  /** False when the Agents Toolkit CLI is not installed (a production install without devDependencies). */
  ran: boolean;
  passed: boolean;
  /** What the toolkit printed (or why it did not run). */
  output: string;
}

const TIMEOUT_MS = 180_000;
// A closed loopback port. The toolkit starts its telemetry and experimentation clients on every run,
// even with --telemetry false; validating a manifest needs neither, so nothing may leave the machine.
const NO_NETWORK_PROXY = 'http://127.0.0.1:9';

/** The toolkit's CLI entry (`atk`), or undefined when the devDependency is not installed. */
export function toolkitCli(): string | undefined {
  try {
    return require.resolve('@microsoft/m365agentstoolkit-cli/cli.js');
  } catch {
    return undefined;
  }
}

/**
 * Checks a built app package with the Microsoft 365 Agents Toolkit itself: `atk validate
 * --manifest-file` runs the manifest's JSON schema and the toolkit's validation rules, offline.
 * (`atk validate --package-file` needs a Microsoft 365 sign-in, so the package is unpacked first.)
 */
export async function validateWithToolkit(packageFile: string, options: { home?: string } = {}): Promise<ToolkitValidation> {
  const cli = toolkitCli();
  if (!cli)
    return {
      ran: false,
      passed: false,
      output: 'the Agents Toolkit CLI (@microsoft/m365agentstoolkit-cli, a devDependency) is not installed',
    };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpp-atk-validate-'));
  try {
    new AdmZip(packageFile).extractAllTo(dir, true);
    const manifest = path.join(dir, 'manifest.json');
    const env = childProcessEnvironment({
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
      HTTPS_PROXY: NO_NETWORK_PROXY,
      HTTP_PROXY: NO_NETWORK_PROXY,
      https_proxy: NO_NETWORK_PROXY,
      http_proxy: NO_NETWORK_PROXY,
      NO_PROXY: '',
      no_proxy: '',
      ...(options.home ? { HOME: options.home, USERPROFILE: options.home } : {}),
    });
    const { code, output } = await run(
      process.execPath,
      [cli, 'validate', '--manifest-file', manifest, '--interactive', 'false', '--telemetry', 'false'],
      dir,
      env,
    );
    // Both stages (schema, then validation rules) must report "All passed".
    const passed = code === 0 && (output.match(/All passed/g) ?? []).length >= 2;
    return { ran: true, passed, output: output.trim() };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, output: `${output}\n${error.message}` });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
