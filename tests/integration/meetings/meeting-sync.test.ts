import fs from 'node:fs';
import path from 'node:path';
import { silentLogger } from '../../../src/platform/logging/logger';
import { IcalSource } from '../../../src/features/meetings/data/ical-source';
import { type MeetingDraft, meetingIdFor } from '../../../src/features/meetings/domain/meeting';
import { MeetingRepository } from '../../../src/features/meetings/data/meeting-repository';
import { MeetingSync, MeetingSyncScheduler } from '../../../src/features/meetings/meeting-sync';
import { ModernGovClient, ModernGovSource } from '../../../src/features/meetings/data/moderngov-client';
import type { MeetingSourceReader, SourceSnapshot } from '../../../src/features/meetings/domain/source-snapshot';
import { ManualClock } from '../../../src/platform/time/clock';
import { testTableStore } from '../../support/test-storage';
import { type FixtureServer, MODERNGOV_FIXTURES, startFixtureServer } from '../../support/fixture-server';

let server: FixtureServer;

beforeEach(async () => {
  server = await startFixtureServer();
});

afterEach(async () => {
  await server.close();
});

async function setUp() {
  const store = await testTableStore();
  const clock = new ManualClock('2026-01-05T09:00:00Z');
  const repository = new MeetingRepository(store.client('meetings'));
  const sync = new MeetingSync(repository, clock, silentLogger());
  const moderngov = new ModernGovSource(new ModernGovClient({ url: server.url, timeoutMs: 2000 }), clock, silentLogger(), {
    committeeId: 693,
    committeeName: 'Corporate Parenting Panel',
  });
  return { repository, sync, moderngov, clock };
}

const mg = (id: string) => meetingIdFor('moderngov', id);
const fixture = (name: string) => path.join(MODERNGOV_FIXTURES, name);

describe('meeting sync from ModernGov into Azurite', () => {
  it('adds what the source lists, and a re-sync with the same data changes nothing', async () => {
    const { repository, sync, moderngov } = await setUp();
    expect(await sync.apply(await moderngov.fetchSnapshot())).toEqual({ added: 6, updated: 0, cancelled: 0, unchanged: 0, skipped: 4 });
    const before = await repository.listStartingFrom('2020-01-01T00:00:00.000Z', 50);
    expect(before.map((m) => [m.sourceId, m.status])).toEqual([
      ['9000', 'scheduled'],
      ['9001', 'scheduled'],
      ['9002', 'moved'],
      ['9003', 'cancelled'],
      ['9004', 'scheduled'],
      ['9008', 'scheduled'],
    ]);

    expect(await sync.apply(await moderngov.fetchSnapshot())).toEqual({ added: 0, updated: 0, cancelled: 0, unchanged: 6, skipped: 4 });
    expect(await repository.listStartingFrom('2020-01-01T00:00:00.000Z', 50)).toEqual(before);
  });

  it('changes at the source: vanished -> cancelled, cancelled there -> cancelled, rescheduled -> moved; past meetings stay', async () => {
    const { repository, sync, moderngov } = await setUp();
    await sync.apply(await moderngov.fetchSnapshot());
    server.routes.set('/mgWebService.asmx/GetMeetings', { file: fixture('kent-693-GetMeetings-after-changes.xml') });
    server.routes.set('/mgWebService.asmx/GetMeeting?lMeetingId=9002', { file: fixture('kent-693-GetMeeting-9002-cancelled.xml') });
    server.routes.set('/mgWebService.asmx/GetMeeting?lMeetingId=9004', { file: fixture('kent-693-GetMeeting-9004-moved.xml') });

    expect(await sync.apply(await moderngov.fetchSnapshot())).toEqual({ added: 0, updated: 1, cancelled: 2, unchanged: 3, skipped: 0 });
    expect((await repository.get(mg('9001')))?.meeting).toMatchObject({
      status: 'cancelled',
      cancelledReason: 'vanished',
      statusNote: 'No longer listed in ModernGov',
      sequence: 1,
    });
    expect((await repository.get(mg('9002')))?.meeting).toMatchObject({ status: 'cancelled', cancelledReason: 'source' });
    expect((await repository.get(mg('9004')))?.meeting).toMatchObject({
      status: 'moved',
      startUtc: '2026-07-21T09:00:00.000Z',
      previousStartUtc: '2026-07-14T09:00:00.000Z',
      sequence: 1,
    });
    // Nothing is deleted: all six are still listed, each once.
    expect((await repository.listStartingFrom('2020-01-01T00:00:00.000Z', 50)).map((m) => m.sourceId)).toEqual([
      '9000',
      '9001',
      '9002',
      '9003',
      '9004',
      '9008',
    ]);

    expect(await sync.apply(await moderngov.fetchSnapshot())).toEqual({ added: 0, updated: 0, cancelled: 0, unchanged: 5, skipped: 0 });
  });

  it('a meeting skipped this time (GetMeeting failed) is not taken for vanished', async () => {
    const { repository, sync, moderngov } = await setUp();
    const detail9005 = fs
      .readFileSync(fixture('kent-693-GetMeeting-9004.xml'), 'utf8')
      .replace(/9004/g, '9005')
      .replace(/14\/07\/2026/g, '22/09/2026');
    server.routes.set('/mgWebService.asmx/GetMeeting?lMeetingId=9005', { body: detail9005 });
    await sync.apply(await moderngov.fetchSnapshot());
    expect((await repository.get(mg('9005')))?.meeting.status).toBe('scheduled');

    server.routes.delete('/mgWebService.asmx/GetMeeting?lMeetingId=9005');
    const counts = await sync.apply(await moderngov.fetchSnapshot());
    expect(counts.cancelled).toBe(0);
    expect((await repository.get(mg('9005')))?.meeting.status).toBe('scheduled');
  });

  it('a failed fetch changes nothing: the scheduler logs it and carries on', async () => {
    const { repository, sync, moderngov } = await setUp();
    await sync.apply(await moderngov.fetchSnapshot());
    server.routes.set('/mgWebService.asmx/GetMeetings', { status: 503, body: 'down' });
    const scheduler = new MeetingSyncScheduler([moderngov], sync, silentLogger(), 'PT1H');
    expect(await scheduler.runOnce()).toEqual([{ source: 'moderngov', error: 'moderngov GetMeetings unavailable: HTTP 503' }]);
    expect(
      (await repository.listStartingFrom('2020-01-01T00:00:00.000Z', 50)).filter((m) => m.status === 'cancelled').map((m) => m.sourceId),
    ).toEqual(['9003']);
    await scheduler.stop();
  });
});

describe('vanished rules', () => {
  const draft = (sourceId: string, startUtc: string): MeetingDraft => ({
    source: 'ical',
    sourceId,
    committee: 'Corporate Parenting Panel',
    title: 'Corporate Parenting Panel',
    startUtc,
    zone: 'Europe/London',
    allDay: false,
    status: 'scheduled',
    agenda: { published: false, items: [] },
    minutes: { published: false },
    documents: [],
  });
  const window = { fromUtc: '2025-10-01T00:00:00.000Z', toUtc: '2026-06-01T00:00:00.000Z' };
  const snapshot = (meetings: MeetingDraft[]): SourceSnapshot => ({ source: 'ical', window, meetings, skipped: [] });

  it('only future meetings of the same source inside the window are cancelled; officers’ and ModernGov’s are untouched', async () => {
    const { repository, sync } = await setUp();
    const past = draft('past', '2025-12-01T10:00:00.000Z');
    const future = draft('future', '2026-03-01T10:00:00.000Z');
    const beyond = draft('beyond', '2026-09-01T10:00:00.000Z');
    const kept = draft('kept', '2026-04-01T09:00:00.000Z');
    await sync.apply({
      ...snapshot([past, future, kept]),
      window: { ...window, toUtc: '2027-01-01T00:00:00.000Z' },
      meetings: [past, future, kept, beyond],
    });
    await sync.apply({
      source: 'moderngov',
      window,
      meetings: [{ ...draft('7', '2026-03-03T10:00:00.000Z'), source: 'moderngov' }],
      skipped: [],
    });

    expect(await sync.apply(snapshot([kept]))).toEqual({ added: 0, updated: 0, cancelled: 1, unchanged: 1, skipped: 0 });
    const status = async (source: 'ical' | 'moderngov', id: string) => (await repository.get(meetingIdFor(source, id)))?.meeting.status;
    expect(await status('ical', 'past')).toBe('scheduled');
    expect(await status('ical', 'future')).toBe('cancelled');
    expect(await status('ical', 'beyond')).toBe('scheduled');
    expect(await status('moderngov', '7')).toBe('scheduled');
  });

  it('an empty snapshot cancels nothing unless configured to', async () => {
    const { repository, sync, clock } = await setUp();
    await sync.apply(snapshot([draft('a', '2026-03-01T10:00:00.000Z')]));
    expect((await sync.apply(snapshot([]))).cancelled).toBe(0);
    const eager = new MeetingSync(repository, clock, silentLogger(), { emptySnapshotCancels: true });
    expect((await eager.apply(snapshot([]))).cancelled).toBe(1);
  });

  it('a skipped recurring event protects all its stored occurrences', async () => {
    const { repository, sync } = await setUp();
    await sync.apply(
      snapshot([draft('series#2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z'), draft('other', '2026-03-02T10:00:00.000Z')]),
    );
    await sync.apply({
      ...snapshot([draft('other', '2026-03-02T10:00:00.000Z')]),
      skipped: [{ sourceId: 'series', reason: 'unreadable' }],
    });
    expect((await repository.get(meetingIdFor('ical', 'series#2026-03-01T10:00:00.000Z')))?.meeting.status).toBe('scheduled');
  });
});

describe('meeting sync from an iCalendar feed over HTTP', () => {
  it('syncs the feed, re-syncs idempotently, and cancels an event removed from the feed', async () => {
    const { repository, sync, clock } = await setUp();
    const feed = fs.readFileSync(path.join(__dirname, '../../fixtures/ical/panel-feed.ics'), 'utf8');
    server.routes.set('/feed.ics', { body: feed, contentType: 'text/calendar' });
    const source: MeetingSourceReader = new IcalSource(
      { url: `${server.url}/feed.ics`, committee: 'Corporate Parenting Panel', timeoutMs: 2000 },
      clock,
      silentLogger(),
    );

    const first = await sync.apply(await source.fetchSnapshot());
    expect(first).toEqual({ added: 13, updated: 0, cancelled: 0, unchanged: 0, skipped: 1 });
    expect(await sync.apply(await source.fetchSnapshot())).toEqual({ added: 0, updated: 0, cancelled: 0, unchanged: 13, skipped: 1 });

    const withoutSingle = feed.replace(/BEGIN:VEVENT\r\nUID:single-0317@cpp\.example[\s\S]*?END:VEVENT\r\n/, '');
    server.routes.set('/feed.ics', { body: withoutSingle, contentType: 'text/calendar' });
    expect(await sync.apply(await source.fetchSnapshot())).toEqual({ added: 0, updated: 0, cancelled: 1, unchanged: 12, skipped: 1 });
    expect((await repository.get(meetingIdFor('ical', 'single-0317@cpp.example')))?.meeting).toMatchObject({
      status: 'cancelled',
      cancelledReason: 'vanished',
    });
  });

  it('a feed that times out or answers 500 leaves everything as it was', async () => {
    const { sync, clock } = await setUp();
    server.routes.set('/slow.ics', { delayMs: 5000, body: 'BEGIN:VCALENDAR' });
    server.routes.set('/broken.ics', { status: 500, body: 'error' });
    const slow = new IcalSource({ url: `${server.url}/slow.ics`, committee: 'x', timeoutMs: 300 }, clock, silentLogger());
    const broken = new IcalSource({ url: `${server.url}/broken.ics`, committee: 'x' }, clock, silentLogger());
    const results = await new MeetingSyncScheduler([slow, broken], sync, silentLogger(), 'PT1H').runOnce();
    expect(results).toEqual([
      { source: 'ical', error: 'ical unavailable: no answer within 300 ms' },
      { source: 'ical', error: 'ical unavailable: HTTP 500' },
    ]);
  });
});
