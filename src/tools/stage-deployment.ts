import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../platform/process/project-root';

/**
 * `npm run stage` (after `npm ci && npm run build`): the folder App Service runs, build/deploy/,
 * with exactly what the bot reads at run time and its production dependencies only, so the zip the
 * Agents Toolkit deploys (azureAppService/zipDeploy) carries no test tools. The startup command
 * is `node --max-semi-space-size=32 dist/src/app/index.js` (infra/azure.bicep sets it).
 */
export const RUNTIME_PATHS = [
  'package.json',
  'package-lock.json',
  'dist/src',
  'cards',
  'src/features/remit/knowledge',
  'src/features/remit/sources',
  'src/features/remit/thesaurus',
  'src/app/pages',
  'config',
  'assets',
] as const;

export function stagingDirectory(root = projectRoot()): string {
  return path.join(root, 'build', 'deploy');
}

/** Copies the runtime files into a fresh staging folder; returns it. Fails naming a missing path. */
export function copyRuntimeFiles(root = projectRoot(), target = stagingDirectory(root)): string {
  for (const relative of RUNTIME_PATHS) {
    if (!fs.existsSync(path.join(root, relative))) throw new Error(`${relative} is missing: run "npm ci && npm run build" first`);
  }
  fs.rmSync(target, { recursive: true, force: true });
  for (const relative of RUNTIME_PATHS) {
    fs.cpSync(path.join(root, relative), path.join(target, relative), {
      recursive: true,
      filter: (source) => !source.endsWith('.map') && !source.endsWith('.ts'),
    });
  }
  return target;
}

function main(): number {
  const target = copyRuntimeFiles();
  // Production dependencies at the locked versions; no install scripts (none are needed at run time).
  const npm = spawnSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: target,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (npm.status !== 0) {
    console.error('npm ci --omit=dev failed in the staging folder');
    return 1;
  }
  console.log(`Staged the deployment in ${target} (start command: node --max-semi-space-size=32 dist/src/app/index.js)`);
  return 0;
}

if (require.main === module) process.exitCode = main();
