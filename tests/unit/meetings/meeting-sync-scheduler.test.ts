import { Duration } from 'luxon';
import { silentLogger } from '../../../src/platform/logging/logger';
import { type MeetingSync, MeetingSyncScheduler, parseSyncInterval } from '../../../src/features/meetings/meeting-sync';
import type { MeetingSourceReader, SourceSnapshot } from '../../../src/features/meetings/domain/source-snapshot';

describe('sync interval', () => {
  it('reads ISO-8601 durations (strings or luxon) between a minute and a week', () => {
    expect(parseSyncInterval('PT1H')).toBe(3_600_000);
    expect(parseSyncInterval('PT15M')).toBe(900_000);
    expect(parseSyncInterval(Duration.fromObject({ hours: 2 }))).toBe(7_200_000);
    expect(() => parseSyncInterval('PT10S')).toThrow(RangeError);
    expect(() => parseSyncInterval('P30D')).toThrow(RangeError);
    expect(() => parseSyncInterval('hourly')).toThrow(RangeError);
  });
});

describe('MeetingSyncScheduler', () => {
  const snapshot: SourceSnapshot = {
    source: 'ical',
    window: { fromUtc: '2026-01-01T00:00:00.000Z', toUtc: '2027-01-01T00:00:00.000Z' },
    meetings: [],
    skipped: [],
  };
  const counts = { added: 0, updated: 0, cancelled: 0, unchanged: 0, skipped: 0 };

  it('runs now and on every interval, never two runs at once, and stops', async () => {
    jest.useFakeTimers();
    try {
      let fetches = 0;
      let release: () => void = () => undefined;
      const source: MeetingSourceReader = {
        source: 'ical',
        fetchSnapshot: () => {
          fetches++;
          return new Promise((resolve) => {
            release = () => resolve(snapshot);
          });
        },
      };
      const sync = { apply: jest.fn(async () => counts) } as unknown as MeetingSync;
      const scheduler = new MeetingSyncScheduler([source], sync, silentLogger(), 'PT1H');
      scheduler.start();
      expect(fetches).toBe(1);
      // A second request while the first is running joins it.
      const joined = scheduler.runOnce();
      expect(fetches).toBe(1);
      release();
      expect(await joined).toEqual([{ source: 'ical', counts }]);
      await jest.advanceTimersByTimeAsync(3_600_000);
      expect(fetches).toBe(2);
      release();
      const stopping = scheduler.stop();
      release();
      await stopping;
      await jest.advanceTimersByTimeAsync(7_200_000);
      expect(fetches).toBe(2);
    } finally {
      jest.useRealTimers();
    }
  });
});
