import { DateTime } from 'luxon';
import type { RunningApp } from '../../../src/app/app';
import { SAMPLE_COMMITTEE_TITLE } from '../../../src/local/sample-moderngov';
import type { Meeting } from '../../../src/features/meetings/domain/meeting';
import { LONDON, ManualClock } from '../../../src/platform/time/clock';
import { startTestApp } from '../../support/test-app';
import { loadSampleRoles, seedSampleRoles } from '../../../src/local/sample-roles';
import { RoleDirectory } from '../../../src/features/members';
import { uniqueTablePrefix } from '../../support/test-storage';

/**
 * The sample a local run serves: the real app (SAMPLE_DATA=true) syncing through its own ModernGov
 * client from the loopback sample server, at several injected dates.
 */
async function sampleApp(at: string, env: Record<string, string> = {}): Promise<{ app: RunningApp; clock: ManualClock }> {
  const clock = new ManualClock(at);
  const app = await startTestApp({ SAMPLE_DATA: 'true', ...env }, { clock, startWorkers: false });
  return { app, clock };
}

async function sync(app: RunningApp): Promise<void> {
  const results = await app.composition.meetingSync!.runOnce();
  expect(results.map((result) => ('error' in result ? result.error : 'ok'))).toEqual(['ok']);
}

async function upcoming(app: RunningApp, clock: ManualClock): Promise<Meeting[]> {
  const now = clock.now();
  return app.services.meetings.repository.listStartingBetween(now.toUTC().toISO()!, now.plus({ months: 12 }).toUTC().toISO()!);
}

describe.each(['2026-12-01T09:00:00Z', '2031-07-20T12:00:00+01:00', '2025-06-01T09:00:00Z'])('sample data at %s', (at) => {
  let app: RunningApp;
  let clock: ManualClock;

  beforeAll(async () => {
    ({ app, clock } = await sampleApp(at));
    await sync(app);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('always has a labelled meeting ahead, within ten weeks, on a Tuesday at Sessions House', async () => {
    const answer = await app.services.meetings.queries.ask('when is the next meeting?');
    expect(answer.kind).toBe('meeting');
    if (answer.kind !== 'meeting') return;
    const start = DateTime.fromISO(answer.meeting.startUtc).setZone(LONDON);
    expect(start > clock.now()).toBe(true);
    expect(start.diff(clock.now(), 'weeks').weeks).toBeLessThanOrEqual(10);
    expect(start.weekdayLong).toBe('Tuesday');
    expect(answer.meeting.title).toBe(SAMPLE_COMMITTEE_TITLE);
    expect(answer.meeting.venue).toMatch(/Sessions House, County Hall, Maidstone$/);
    expect(answer.meeting.status).toBe('scheduled');
  });

  it("gives the Playground's users their sample roles, and keeps a role changed since", async () => {
    const sample = loadSampleRoles();
    for (const person of sample.people)
      expect([person.name, await app.services.roles.holdingOf(person.aadObjectId)]).toEqual([
        person.name,
        { role: person.role, councillor: person.councillor },
      ]);
    expect(sample.people.map((person) => person.role)).toEqual(expect.arrayContaining(['panel', 'guest']));
    const roles = new RoleDirectory(app.composition.tables.client('roles'), clock);
    const changed = sample.people[0]!;
    await roles.change(changed.aadObjectId, 'test', () => ({ role: 'guest', councillor: false, source: 'roles card' }));
    expect(await seedSampleRoles(roles, sample)).toBe(0);
    expect((await app.services.roles.holdingOf(changed.aadObjectId)).role).toBe('guest');
  });

  it('covers the coming year with five to seven meetings, and no link leaves the loopback sample server', async () => {
    const meetings = await upcoming(app, clock);
    expect(meetings.length).toBeGreaterThanOrEqual(5);
    expect(meetings.length).toBeLessThanOrEqual(7);
    const links = meetings
      .flatMap((m) => [m.sourceUrl, m.agenda.url, m.minutes.url, ...m.documents.map((d) => d.url)])
      .filter((u): u is string => Boolean(u));
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((link) => link.startsWith('http://127.0.0.1:'))).toBe(true);
  });

  it('publishes an agenda only in the ten days before a meeting, with its papers', async () => {
    for (const meeting of await upcoming(app, clock)) {
      const daysAhead = DateTime.fromISO(meeting.startUtc).setZone(LONDON).startOf('day').diff(clock.now().startOf('day'), 'days').days;
      expect(meeting.agenda.published).toBe(daysAhead <= 10);
      expect(meeting.agenda.items.length > 0).toBe(meeting.agenda.published);
      expect(meeting.documents.length > 0).toBe(meeting.agenda.published);
    }
  });
});

describe('sample data over time', () => {
  it('never moves a meeting: a sync three months later changes no start and marks nothing moved or cancelled', async () => {
    const { app, clock } = await sampleApp('2027-03-01T09:00:00Z');
    try {
      await sync(app);
      const before = new Map((await upcoming(app, clock)).map((m) => [m.id, m.startUtc]));
      clock.advance({ months: 3 });
      await sync(app);
      const all = await app.services.meetings.repository.listStartingBetween('2027-01-01T00:00:00Z', '2028-12-31T00:00:00Z');
      expect(all.filter((m) => m.status !== 'scheduled')).toEqual([]);
      for (const meeting of all) if (before.has(meeting.id)) expect(meeting.startUtc).toBe(before.get(meeting.id));
      const answer = await app.services.meetings.queries.ask('when is the next meeting?');
      expect(answer.kind === 'meeting' && answer.meeting.startUtc > clock.now().toUTC().toISO()!).toBe(true);
    } finally {
      await app.stop();
    }
  });

  it('seeds one labelled, upcoming participation event at least two weeks ahead, once', async () => {
    const env = { TABLE_PREFIX: uniqueTablePrefix() };
    await (await sampleApp('2026-11-28T09:00:00Z', env)).app.stop();
    const { app, clock } = await sampleApp('2026-12-01T09:00:00Z', env);
    try {
      const events = await app.services.events.desk.upcoming();
      expect(events).toHaveLength(1);
      const [event] = events;
      expect(event?.title).toContain('(sample data)');
      expect(event?.details).toMatch(/Sample data/);
      expect(DateTime.fromISO(event!.startUtc).diff(clock.now(), 'days').days).toBeGreaterThanOrEqual(14);
      expect(event?.shortNotice).toBe(false);
      expect(event!.rsvpByUtc < event!.startUtc).toBe(true);
    } finally {
      await app.stop();
    }
  });
});
