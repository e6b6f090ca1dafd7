import { compose, type Composition } from '../../../src/app/composition';
import { loadConfig } from '../../../src/app/config';
import { silentLogger } from '../../../src/platform/logging/logger';
import { KnowledgeBase } from '../../../src/features/remit/domain/knowledge-base';
import { EmulatedConnector } from '../../support/emulated-connector';
import { RecordingMetrics } from '../../support/recording-metrics';
import { testTableStore } from '../../support/test-storage';
import { seedRolesIn } from '../../support/seed-roles';
import { TravelClock } from '../../support/travel-clock';
import { aMeeting } from '../../unit/meetings/meeting-fixtures';

/**
 * Where the features count, through the Metrics port the composition hands them: remit answers and
 * declines, deliveries, 429s and dead letters in the dispatcher, reminder lateness in the scheduler.
 */
const knowledge = KnowledgeBase.loadFromDirectory();
const MEMBERS = ['aad-1', 'aad-2', 'aad-3'];

describe('business metrics recorded by the features', () => {
  let composition: Composition;
  let connector: EmulatedConnector;
  let metrics: RecordingMetrics;
  let clock: TravelClock;

  beforeAll(async () => {
    clock = new TravelClock('2026-11-01T09:00:00Z');
    metrics = new RecordingMetrics();
    connector = new EmulatedConnector({
      // Every member gets the same card: mark each message by its conversation, so attempts count per member.
      markerOf: (activity) => String((activity.conversation as { id?: string } | undefined)?.id),
      faults: [
        { match: (r) => r.conversationId === 'a:aad-1' && r.attempt === 1, fault: { kind: 'status', status: 429, retryAfterSeconds: 1 } },
        { match: (r) => r.conversationId === 'a:aad-2', fault: { kind: 'status', status: 403, code: 'ConversationBlockedByUser' } },
      ],
    });
    await connector.start();
    const config = {
      ...loadConfig({ NODE_ENV: 'test', REMINDER_OFFSETS: 'P1D', LOG_LEVEL: 'silent' }),
      publicBaseUrl: 'https://cpp.example.org',
    };
    const store = await testTableStore();
    composition = compose(config, store, knowledge, clock, silentLogger(), metrics);
    await seedRolesIn(
      store,
      MEMBERS.map((aadObjectId) => ({ aadObjectId })),
    );
    for (const id of MEMBERS) {
      await composition.services.members.recordSighting({
        aadObjectId: id,
        name: `Cllr ${id}`,
        tenantId: 'tenant-1',
        teamsUserId: `29:${id}`,
        personalConversationReference: connector.reference(`a:${id}`),
      });
    }
  });

  afterAll(async () => {
    await composition.dispatcher.stop();
    await connector.stop();
  });

  it('counts a remit answer with its entry, and a decline with its reason, as the remit feature answers them', async () => {
    const remit = composition.features.find((feature) => feature.name === 'remit')!.freeText!;
    const sender = {
      aadObjectId: '00000000-0000-0000-0000-0000000000d1',
      name: 'Cllr Test',
      tenantId: 'tenant-1',
      actor: async () => ({
        aadObjectId: '00000000-0000-0000-0000-0000000000d1',
        name: 'Cllr Test',
        tenantId: 'tenant-1',
        role: 'panel' as const,
      }),
    };
    await remit.run('who is the panel accountable to?', sender);
    await remit.run('what will the weather be in Paris tomorrow?', sender);
    const answered = composition.services.remit.answer('who is the panel accountable to?');
    const declined = composition.services.remit.answer('what will the weather be in Paris tomorrow?');
    expect(answered.kind).toBe('answer');
    expect(declined.kind).toBe('unknown');
    expect(metrics.counts).toEqual([
      { name: 'remit.answered', attributes: { entry: answered.kind === 'answer' ? answered.entry.id : '' } },
      { name: 'remit.declined', attributes: { reason: declined.kind === 'unknown' ? declined.reason : '' } },
    ]);
  });

  it('counts a question put to the officers once, however often Teams delivers the click', async () => {
    const asker = {
      aadObjectId: '00000000-0000-0000-0000-0000000000d2',
      name: 'Cllr Asker',
      tenantId: 'tenant-1',
      role: 'guest' as const,
    };
    const click = {
      question: 'How many children in care live outside the county?',
      requestId: 'metrics-ask-0001',
      origin: 'declined' as const,
    };
    await composition.services.officerQuestions.ask(asker, click);
    await composition.services.officerQuestions.ask(asker, click);
    expect(metrics.counts.filter((entry) => entry.name === 'officer.questions')).toEqual([
      { name: 'officer.questions', attributes: { origin: 'declined' } },
    ]);
  });

  it('records how late a reminder was handed over, then counts deliveries, the 429 and the dead letter', async () => {
    const meeting = aMeeting({ sourceId: 'metrics', startUtc: '2026-11-20T10:00:00.000Z' });
    await composition.services.meetings.repository.mutate(meeting.id, () => meeting);
    await composition.reminders.plan(meeting);
    clock.travelTo('2026-11-19T10:01:30Z'); // the day-before reminder fell due 90 s ago
    expect(await composition.scheduler.tick()).toBe(1);
    const lateness = metrics.values.filter((entry) => entry.name === 'reminders.lateness');
    expect(lateness).toHaveLength(1);
    expect(lateness[0]?.value).toBeGreaterThanOrEqual(90);
    expect(lateness[0]?.value).toBeLessThan(120);
    expect(lateness[0]?.attributes).toEqual({ offset: 'P1D' });

    composition.dispatcher.start();
    const deadline = Date.now() + 15_000;
    while (metrics.total('delivery.sent') < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(metrics.total('delivery.sent')).toBe(2);
    expect(metrics.total('delivery.throttled')).toBe(1);
    expect(metrics.counts.filter((entry) => entry.name === 'delivery.dead_lettered')).toEqual([
      { name: 'delivery.dead_lettered', attributes: { reason: 'blocked_by_user' } },
    ]);
  });
});
