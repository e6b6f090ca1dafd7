import { randomUUID } from 'node:crypto';
import { Duration } from 'luxon';
import { compose, type Composition } from '../../../src/app/composition';
import { loadConfig } from '../../../src/app/config';
import { silentLogger } from '../../../src/platform/logging/logger';
import { JobStore } from '../../../src/platform/scheduler/job-store';
import type { JobHandler } from '../../../src/platform/scheduler/scheduled-job';
import { Scheduler } from '../../../src/platform/scheduler/scheduler';
import { ManualClock } from '../../../src/platform/time/clock';
import type { Actor } from '../../../src/shared/access/actor';
import { KnowledgeBase } from '../../../src/features/remit/domain/knowledge-base';
import { anEvent } from '../../unit/events/event-fixtures';
import { testTableStore } from '../../support/test-storage';
import { seedRolesIn } from '../../support/seed-roles';
import { FIXTURE_TENANT_ID, entraObjectId, teamsPersonalChatId, teamsUserId } from '../../support/teams-ids';

const admin: Actor = { aadObjectId: entraObjectId('officer-alex'), name: 'Alex Morgan', tenantId: FIXTURE_TENANT_ID, role: 'admin' };
const councillor: Actor = {
  aadObjectId: entraObjectId('cllr-martin'),
  name: 'Cllr Martin Hughes',
  tenantId: FIXTURE_TENANT_ID,
  role: 'panel',
};
const SERIES = ['bulletin', 'challenge-nudges', 'challenge-quarterly-report', 'officer-question-nudges', 'retention-purge'];

function reference(seed: string) {
  return {
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    conversation: { id: teamsPersonalChatId(seed), conversationType: 'personal', tenantId: FIXTURE_TENANT_ID },
    bot: { id: '28:bot', name: 'Panel bot' },
    user: { id: teamsUserId(seed) },
  };
}

/**
 * Every recurring job (the bulletin, the challenge nudges and quarterly report, the
 * officer-question nudges, the nightly retention purge) survives any one run: each occurrence is its own job, which plans the
 * next before it works, once, however many instances start. (Training reminders: see
 * tests/integration/evidence/training-reminders.test.ts.)
 */
describe('recurring jobs are re-planned whatever happens to one run', () => {
  let composition: Composition;
  let jobs: JobStore;
  let scheduler: Scheduler;
  let handlers: Record<string, JobHandler>;
  const clock = new ManualClock('2027-01-11T10:00:00Z');
  const pending = async () =>
    Object.fromEntries(await Promise.all(SERIES.map(async (series) => [series, (await jobs.pendingKeys(series)).sort()] as const)));

  beforeAll(async () => {
    const store = await testTableStore();
    const config = {
      ...loadConfig({ NODE_ENV: 'test', ADMIN_AAD_OBJECT_IDS: admin.aadObjectId, LOG_LEVEL: 'silent' }),
      publicBaseUrl: 'https://cpp.example.org',
    };
    composition = compose(config, store, KnowledgeBase.loadFromDirectory(), clock, silentLogger());
    await seedRolesIn(store, [{ aadObjectId: councillor.aadObjectId, role: 'panel', councillor: true }]);
    jobs = new JobStore(store.client('jobs'));
    handlers = Object.assign({}, ...composition.features.map((feature) => feature.jobs ?? {}));
    scheduler = new Scheduler(jobs, handlers, clock, silentLogger(), {
      pollInterval: Duration.fromObject({ seconds: 1 }),
      lease: Duration.fromObject({ minutes: 2 }),
      batchSize: 20,
      maxAttempts: 3,
    });
    for (const person of [admin, councillor]) {
      const seed = person.name;
      await composition.services.members.recordSighting({
        ...person,
        teamsUserId: teamsUserId(seed),
        personalConversationReference: reference(seed),
      });
    }
    // Work for every series: an overdue challenge card and an unanswered question to the officers.
    await composition.services.challenges.create(admin, {
      formId: randomUUID(),
      title: 'Rent guarantor scheme',
      words: 'We cannot rent a flat without a guarantor.',
      raisingGroup: 'care_leavers_forum',
      raisingGroupOther: '',
      raisedOn: '2027-01-11',
      priorityArea: 'successful_adults',
      leadOfficer: admin.aadObjectId,
      assignees: councillor.aadObjectId,
      dueOn: '2027-01-20',
    });
    await composition.services.officerQuestions.ask(councillor, {
      question: 'Who chairs the panel?',
      requestId: 'request-0001',
      origin: 'declined',
    });
    clock.set(clock.now().set({ year: 2027, month: 2, day: 1, hour: 7, minute: 59 })); // Monday, just before the bulletin
  });

  it('plans each series once, however many instances start', async () => {
    for (let instance = 0; instance < 3; instance++) for (const feature of composition.features) await feature.start?.();
    expect(await pending()).toEqual({
      bulletin: ['bulletin|2027-02-01'],
      'challenge-nudges': ['challenge-nudges|2027-02-01'],
      'challenge-quarterly-report': ['challenge-quarterly-report|2027-04-01'],
      'officer-question-nudges': ['officer-question-nudges|2027-02-01'],
      'retention-purge': ['retention-purge|2027-02-02'],
    });
  });

  it('keeps every series going when every run fails until it is dropped (here: sending refuses the card)', async () => {
    const refused = new Error('the card is 40,000 characters (at most 32,000)');
    const broadcast = jest.spyOn(composition.delivery, 'broadcast').mockRejectedValue(refused);
    const enqueue = jest.spyOn(composition.delivery, 'enqueue').mockRejectedValue(refused);
    const purge = jest.spyOn(composition.services.privacy.purge, 'run').mockRejectedValue(new Error('storage unavailable'));
    try {
      // A day of ticks, three hours apart: past every backoff, so each of today's runs is tried three times and dropped.
      for (let tick = 0; tick < 8; tick++) {
        clock.advance({ hours: 3 });
        await scheduler.tick();
      }
      expect(broadcast).toHaveBeenCalled();
      expect(purge).toHaveBeenCalled();
      expect(await pending()).toEqual({
        bulletin: ['bulletin|2027-02-08'],
        'challenge-nudges': ['challenge-nudges|2027-02-02'],
        'challenge-quarterly-report': ['challenge-quarterly-report|2027-04-01'],
        'officer-question-nudges': ['officer-question-nudges|2027-02-02'],
        // Tonight's purge is still being retried (two of its three attempts failed); tomorrow night's is planned all the same.
        'retention-purge': ['retention-purge|2027-02-02', 'retention-purge|2027-02-03'],
      });
      // The quarter's report fails the same way on its day; the next quarter's is planned all the same.
      clock.set(clock.now().set({ month: 4, day: 1, hour: 9, minute: 0, second: 5 }));
      for (let tick = 0; tick < 4; tick++) {
        await scheduler.tick();
        clock.advance({ hours: 3 });
      }
      expect((await pending())['challenge-quarterly-report']).toEqual(['challenge-quarterly-report|2027-07-01']);
    } finally {
      broadcast.mockRestore();
      enqueue.mockRestore();
      purge.mockRestore();
    }
  });

  it('sends a bulletin too long for one card as several, each once, the next week', async () => {
    const weekStart = '2027-04-05'; // the Monday after the last ticks
    for (let i = 0; i < 80; i++) {
      const day = String(5 + (i % 20)).padStart(2, '0');
      await composition.services.events.repository.create(
        anEvent({
          id: `ev-${String(i).padStart(24, '0')}`,
          title: `Virtual School Kent activity day ${i} for members and their families`.padEnd(190, '.'),
          startUtc: `2027-04-${day}T17:00:00.000Z`,
          endUtc: `2027-04-${day}T19:00:00.000Z`,
        }),
      );
    }
    expect((await pending()).bulletin).toEqual([`bulletin|${weekStart}`]);
    clock.set(clock.now().set({ day: 5, hour: 8, minute: 0, second: 5 }));
    expect(await scheduler.tick()).toBeGreaterThanOrEqual(1);
    const parts = JSON.stringify(await composition.services.calendar.bulletin.cards(councillor)).match(/Part 1 of (\d+)/)?.[1];
    expect(Number(parts)).toBeGreaterThan(1);
    const progress = await composition.delivery.progress('bulletin:2027-W14');
    expect(progress.queued).toBe(2 * Number(parts)); // two members, every part
    expect((await pending()).bulletin).toEqual(['bulletin|2027-04-12']);
    // The same occurrence run again (a retry after a crash): nothing more queued, nothing more planned.
    const again = await handlers.bulletin!({ key: `bulletin|${weekStart}`, kind: 'bulletin', due: clock.now(), payload: {}, attempts: 2 });
    expect(again.kind).toBe('done');
    expect((await composition.delivery.progress('bulletin:2027-W14')).queued).toBe(2 * Number(parts));
    expect((await pending()).bulletin).toEqual(['bulletin|2027-04-12']);
  });
});
