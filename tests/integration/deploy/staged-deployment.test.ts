import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { copyRuntimeFiles, RUNTIME_PATHS } from '../../../src/tools/stage-deployment';
import { killOnParentExit, stopChildProcess } from '../../../src/platform/process/child-process';
import { freePort } from '../../../src/platform/process/free-port';
import { projectRoot } from '../../../src/platform/process/project-root';
import { waitForHttp } from '../../../src/platform/process/wait-for-http';
import { testConnectionString, uniqueTablePrefix } from '../../support/test-storage';

/**
 * What `npm run stage` puts in the zip App Service runs: the bot must start from that folder alone
 * (with node_modules, which the real stage installs with npm ci --omit=dev; here linked, offline).
 */
describe('the staged deployment folder', () => {
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpp-stage-'));
    copyRuntimeFiles(projectRoot(), dir);
    fs.symlinkSync(path.join(projectRoot(), 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('holds the runtime files only: no tests, sources or source maps', () => {
    for (const relative of RUNTIME_PATHS) expect(fs.existsSync(path.join(dir, relative))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'dist', 'src', 'app', 'index.js'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'dist', 'tests'))).toBe(false);
    const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((file) => !file.startsWith('node_modules'));
    expect(files.filter((file) => file.endsWith('.ts') || file.endsWith('.map'))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining([path.join('src', 'app', 'pages', 'privacy.md'), path.join('cards', 'welcome.json')]));
  });

  it('starts from there and serves /healthz, /readyz and the privacy notice', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['dist/src/app/index.js'], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(port),
        AZURE_STORAGE_CONNECTION_STRING: testConnectionString(),
        TABLE_PREFIX: uniqueTablePrefix(),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const forget = killOnParentExit(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await waitForHttp(`http://127.0.0.1:${port}/healthz`, 90000).catch((error: unknown) => {
        throw new Error(`${String(error)}\n${output}`);
      });
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      const privacy = await fetch(`http://127.0.0.1:${port}/privacy`);
      expect(privacy.status).toBe(200);
      expect(await privacy.text()).toContain('Privacy notice');
    } finally {
      forget();
      await stopChildProcess(child);
    }
  }, 120000);
});
