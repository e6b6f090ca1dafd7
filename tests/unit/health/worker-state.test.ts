import { workerState } from '../../../src/platform/health/worker-state';

describe('workerState', () => {
  it('is stopped when not started, running within the allowed silence, stalled beyond it', () => {
    expect(workerState(false, 1_000, 2_000, 60_000)).toBe('stopped');
    expect(workerState(true, undefined, 2_000, 60_000)).toBe('running');
    expect(workerState(true, 1_000, 61_000, 60_000)).toBe('running');
    expect(workerState(true, 1_000, 61_001, 60_000)).toBe('stalled');
  });
});
