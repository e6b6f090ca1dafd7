import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findBrowserOpener, openBrowser } from '../../../src/tools/browser-opener';

const dirs: string[] = [];
function pathWith(...commands: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpp-opener-'));
  dirs.push(dir);
  for (const command of commands) fs.writeFileSync(path.join(dir, command), '#!/bin/sh\n', { mode: 0o755 });
  return dir;
}

afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('findBrowserOpener', () => {
  it('uses xdg-open on a Linux desktop (a display and xdg-open on the PATH)', () => {
    expect(findBrowserOpener({ platform: 'linux', env: { PATH: pathWith('xdg-open'), DISPLAY: ':0' } })).toEqual({
      command: 'xdg-open',
      args: [],
    });
    expect(findBrowserOpener({ platform: 'linux', env: { PATH: pathWith('xdg-open'), WAYLAND_DISPLAY: 'wayland-0' } })?.command).toBe(
      'xdg-open',
    );
  });

  it('finds none on a headless server or in a container: no display, or no xdg-open', () => {
    expect(findBrowserOpener({ platform: 'linux', env: { PATH: pathWith('xdg-open') } })).toBeUndefined();
    expect(findBrowserOpener({ platform: 'linux', env: { PATH: pathWith(), DISPLAY: ':0' } })).toBeUndefined();
    expect(findBrowserOpener({ platform: 'linux', env: {} })).toBeUndefined();
  });

  it('uses wslview under WSL, and finds none there without it', () => {
    expect(findBrowserOpener({ platform: 'linux', env: { PATH: pathWith('wslview'), WSL_DISTRO_NAME: 'Ubuntu' } })?.command).toBe(
      'wslview',
    );
    expect(findBrowserOpener({ platform: 'linux', env: { PATH: pathWith(), WSL_DISTRO_NAME: 'Ubuntu' } })).toBeUndefined();
  });

  it('uses open on macOS and start on Windows', () => {
    expect(findBrowserOpener({ platform: 'darwin', env: { PATH: pathWith('open') } })?.command).toBe('open');
    expect(findBrowserOpener({ platform: 'win32', env: {} })).toEqual({ command: 'cmd', args: ['/c', 'start', '""'] });
  });

  it('respects BROWSER=none and TEAMSAPPTESTER_BROWSER=none', () => {
    const desktop = { PATH: pathWith('xdg-open'), DISPLAY: ':0' };
    expect(findBrowserOpener({ platform: 'linux', env: { ...desktop, BROWSER: 'none' } })).toBeUndefined();
    expect(findBrowserOpener({ platform: 'linux', env: { ...desktop, TEAMSAPPTESTER_BROWSER: 'none' } })).toBeUndefined();
  });
});

describe('openBrowser', () => {
  it('resolves false, without throwing, when the opener does not exist', async () => {
    await expect(openBrowser({ command: path.join(pathWith(), 'xdg-open'), args: [] }, 'http://127.0.0.1:1', {})).resolves.toBe(false);
  });

  it('passes the URL to the opener and resolves true', async () => {
    const dir = pathWith();
    const opener = path.join(dir, 'opener');
    const out = path.join(dir, 'url.txt');
    fs.writeFileSync(opener, `#!/bin/sh\necho "$1" > '${out}'\n`, { mode: 0o755 });
    await expect(openBrowser({ command: opener, args: [] }, 'http://127.0.0.1:56150', {})).resolves.toBe(true);
    for (let i = 0; i < 200 && !(fs.existsSync(out) && fs.readFileSync(out, 'utf8').length > 0); i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(fs.readFileSync(out, 'utf8').trim()).toBe('http://127.0.0.1:56150');
  });
});
