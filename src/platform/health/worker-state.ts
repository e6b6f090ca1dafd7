/**
 * How a background worker is doing, for the readiness check: running (it has shown a sign of life
 * recently enough), stalled (started, but silent for longer than it ever should be), or stopped.
 */
export type WorkerState = 'running' | 'stalled' | 'stopped';

/** A worker's liveness from its last sign of life; silence longer than `maxSilenceMs` is a stall. */
export function workerState(started: boolean, lastBeatMs: number | undefined, nowMs: number, maxSilenceMs: number): WorkerState {
  if (!started) return 'stopped';
  if (lastBeatMs === undefined) return 'running';
  return nowMs - lastBeatMs > maxSilenceMs ? 'stalled' : 'running';
}
