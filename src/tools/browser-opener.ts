import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** How to open a URL in the desktop's browser: a command and its arguments before the URL. */
export interface BrowserOpener {
  command: string;
  args: string[];
}

export interface OpenerEnvironment {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
}

/**
 * The command that opens a browser on this machine, or undefined when it cannot (a headless server,
 * a container, WSL without an opener). Linux needs a display as well as xdg-open: without one,
 * xdg-open falls back to a text browser that would take over the terminal `npm start` runs in.
 * `BROWSER=none` (the usual convention) or the Playground's own `TEAMSAPPTESTER_BROWSER=none` opt out.
 */
export function findBrowserOpener({ platform, env }: OpenerEnvironment): BrowserOpener | undefined {
  if (env.BROWSER === 'none' || env.TEAMSAPPTESTER_BROWSER === 'none') return undefined;
  if (platform === 'darwin') return onPath('open', env) ? { command: 'open', args: [] } : undefined;
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""'] };
  const wsl = Boolean(env.WSL_DISTRO_NAME);
  if (wsl && onPath('wslview', env)) return { command: 'wslview', args: [] };
  const display = Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
  if (display && onPath('xdg-open', env)) return { command: 'xdg-open', args: [] };
  return undefined;
}

/** True when an executable file of that name is on the PATH. */
function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  const directories = (env.PATH ?? '').split(path.delimiter).filter((dir) => dir.length > 0);
  return directories.some((dir) => {
    try {
      fs.accessSync(path.join(dir, command), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Opens `url` with the opener, detached. Resolves true once the opener has started, false when it
 * could not start; never throws, so a missing or broken opener cannot stop the local run (the
 * Playground's own opener has no error handler, and its `spawn xdg-open ENOENT` killed the process).
 */
export function openBrowser(opener: BrowserOpener, url: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      const child = spawn(opener.command, [...opener.args, url], { detached: true, stdio: 'ignore', env });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}
