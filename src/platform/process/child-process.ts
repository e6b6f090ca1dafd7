import type { ChildProcess } from 'node:child_process';

/** Kills `child` when this process exits, so no helper server outlives a crashed parent; returns the undo. */
export function killOnParentExit(child: ChildProcess): () => void {
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  return () => process.removeListener('exit', kill);
}

/** SIGTERM, then SIGKILL after `graceMs` if the child is still there; resolves once it has exited. */
export function stopChildProcess(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
