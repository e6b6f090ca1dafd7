import { randomUUID } from 'node:crypto';
import { compose, Composition } from '../../../src/app/composition';
import { loadConfig } from '../../../src/app/config';
import { silentLogger } from '../../../src/platform/logging/logger';
import { Actor } from '../../../src/features/members/domain/actor';
import { KnowledgeBase } from '../../../src/features/remit/domain/knowledge-base';
import { EmulatedConnector } from '../../support/emulated-connector';
import { testTableStore } from '../../support/test-storage';
import { TravelClock } from '../../support/travel-clock';

const officer: Actor = { aadObjectId: 'officer-1', name: 'Alex Morgan', tenantId: 't', role: 'officer' };
const councillor = { aadObjectId: 'cllr-1', name: 'Cllr Martin Hughes' };

async function eventually(check: () => boolean, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The challenge desk's scheduled work, through the real scheduler, outbox and proactive sender. */
describe('challenge nudges, quarterly report and the panel channel', () => {
  let composition: Composition;
  let connector: EmulatedConnector;
  const clock = new TravelClock('2026-11-23T09:00:00Z');
  const received = (text: string, conversation: string) =>
    [...connector.acceptedCounts()].filter(([marker]) => marker.startsWith(`${conversation}|`) && marker.includes(text)).reduce((sum, [, n]) => sum + n, 0);

  beforeAll(async () => {
    connector = new EmulatedConnector({ markerOf: (activity) => `${String((activity.conversation as { id?: string }).id)}|${JSON.stringify(activity.attachments)}|${String(activity.id ?? Math.random())}` });
    await connector.start();
    const store = await testTableStore();
    const config = { ...loadConfig({ NODE_ENV: 'test', ADMIN_AAD_OBJECT_IDS: officer.aadObjectId, PANEL_CHANNEL: '19:panel-team', LOG_LEVEL: 'silent' }), publicBaseUrl: 'https://cpp.example.org' };
    composition = compose(config, store, KnowledgeBase.loadFromDirectory(), clock, silentLogger());
    const { members, teams } = composition.services;
    await members.recordSighting({ ...officer, teamsUserId: '29:officer', personalConversationReference: connector.reference('a:officer') });
    await members.recordSighting({ ...councillor, tenantId: 't', teamsUserId: '29:cllr', personalConversationReference: connector.reference('a:cllr') });
    await teams.installed({ teamId: '19:panel-team', name: 'Corporate Parenting Panel', conversationReference: { ...connector.reference('19:panel-team'), conversation: { id: '19:panel-team', conversationType: 'channel', tenantId: 't' } } });
    composition.dispatcher.start();
    await composition.services.challenges.create({ ...officer, role: 'admin' }, {
      formId: randomUUID(), title: 'Rent guarantor scheme', words: 'We cannot rent a flat without a guarantor.', raisingGroup: 'care_leavers_forum', raisingGroupOther: '',
      raisedOn: '2026-11-20', priorityArea: 'successful_adults', leadOfficer: officer.aadObjectId, assignees: councillor.aadObjectId, dueOn: '2026-11-30',
    });
    await composition.services.challenges.ensureScheduled();
  });
  afterAll(async () => {
    await composition?.dispatcher.stop();
    await connector?.stop();
  });

  it('posts a new card to the lead officer, the assignee and the panel channel (read-only there)', async () => {
    await eventually(() => received('New challenge card', 'a:cllr') === 1 && received('New challenge card', 'a:officer') === 1 && received('New challenge card', '19:panel-team') === 1);
    const channelCard = [...connector.acceptedCounts().keys()].find((marker) => marker.startsWith('19:panel-team|'))!;
    expect(channelCard).not.toContain('challenge.respond');
    const assigneeCard = [...connector.acceptedCounts().keys()].find((marker) => marker.startsWith('a:cllr|'))!;
    expect(assigneeCard).toContain('"refresh":{"action":{"type":"Action.Execute","verb":"challenge.show"');
    expect(assigneeCard).toContain('"userIds":["29:officer","29:cllr"]');
  });

  it('nudges the lead officer and assignee of an overdue card once per interval', async () => {
    clock.travelTo('2026-12-02T09:00:05Z');
    await composition.scheduler.tick();
    await eventually(() => received('overdue', 'a:cllr') === 1 && received('overdue', 'a:officer') === 1);
    clock.travelTo('2026-12-03T09:00:05Z');
    await composition.scheduler.tick();
    await new Promise((r) => setTimeout(r, 500));
    expect(received('overdue', 'a:cllr')).toBe(1);
    clock.travelTo('2026-12-09T09:30:00Z'); // a week and half an hour after the first nudge
    await composition.scheduler.tick();
    await eventually(() => received('overdue', 'a:cllr') === 2);
  });

  it('sends the report for the quarter just ended to officers on the first day of the next', async () => {
    clock.travelTo('2027-01-01T09:00:05Z');
    await composition.scheduler.tick();
    await eventually(() => received('Q4 2026', 'a:officer') === 1);
    expect(received('Q4 2026', 'a:cllr')).toBe(0);
  });
});
