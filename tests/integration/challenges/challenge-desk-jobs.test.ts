import { randomUUID } from 'node:crypto';
import { compose, type Composition } from '../../../src/app/composition';
import { loadConfig } from '../../../src/app/config';
import { silentLogger } from '../../../src/platform/logging/logger';
import type { Actor } from '../../../src/shared/access/actor';
import { KnowledgeBase } from '../../../src/features/remit/domain/knowledge-base';
import { EmulatedConnector } from '../../support/emulated-connector';
import { testTableStore } from '../../support/test-storage';
import { seedRolesIn } from '../../support/seed-roles';
import { FIXTURE_TENANT_ID, entraObjectId, teamsPersonalChatId, teamsTeamId, teamsUserId } from '../../support/teams-ids';
import { TravelClock } from '../../support/travel-clock';

const officer: Actor = { aadObjectId: entraObjectId('officer-alex'), name: 'Alex Morgan', tenantId: FIXTURE_TENANT_ID, role: 'officer' };
const councillor = { aadObjectId: entraObjectId('cllr-martin'), name: 'Cllr Martin Hughes' };
/** A real-shaped Team id (`19:...@thread.tacv2`): PANEL_CHANNEL must work with what Teams really sends. */
const PANEL_TEAM = teamsTeamId('corporate-parenting-panel');
const OFFICER_CHAT = teamsPersonalChatId('officer-alex');
const CLLR_CHAT = teamsPersonalChatId('cllr-martin');

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
    [...connector.acceptedCounts()]
      .filter(([marker]) => marker.startsWith(`${conversation}|`) && marker.includes(text))
      .reduce((sum, [, n]) => sum + n, 0);

  beforeAll(async () => {
    connector = new EmulatedConnector({
      markerOf: (activity) =>
        `${String((activity.conversation as { id?: string }).id)}|${JSON.stringify(activity.attachments)}|${String(activity.id ?? Math.random())}`,
    });
    await connector.start();
    const store = await testTableStore();
    const config = {
      ...loadConfig({ NODE_ENV: 'test', ADMIN_AAD_OBJECT_IDS: officer.aadObjectId, PANEL_CHANNEL: PANEL_TEAM, LOG_LEVEL: 'silent' }),
      publicBaseUrl: 'https://cpp.example.org',
    };
    composition = compose(config, store, KnowledgeBase.loadFromDirectory(), clock, silentLogger());
    const { members, teams } = composition.services;
    await members.recordSighting({
      ...officer,
      teamsUserId: teamsUserId('officer-alex'),
      personalConversationReference: connector.reference(OFFICER_CHAT, teamsUserId('officer-alex')),
    });
    await members.recordSighting({
      ...councillor,
      tenantId: FIXTURE_TENANT_ID,
      teamsUserId: teamsUserId('cllr-martin'),
      personalConversationReference: connector.reference(CLLR_CHAT, teamsUserId('cllr-martin')),
    });
    await seedRolesIn(store, [{ aadObjectId: councillor.aadObjectId, role: 'panel', councillor: true }]);
    await teams.installed({
      teamId: PANEL_TEAM,
      name: 'Corporate Parenting Panel',
      conversationReference: {
        ...connector.reference(PANEL_TEAM),
        conversation: { id: PANEL_TEAM, conversationType: 'channel', tenantId: FIXTURE_TENANT_ID },
      },
    });
    composition.dispatcher.start();
    await composition.services.challenges.create(
      { ...officer, role: 'admin' },
      {
        formId: randomUUID(),
        title: 'Rent guarantor scheme',
        words: 'We cannot rent a flat without a guarantor.',
        raisingGroup: 'care_leavers_forum',
        raisingGroupOther: '',
        raisedOn: '2026-11-20',
        priorityArea: 'successful_adults',
        leadOfficer: officer.aadObjectId,
        assignees: councillor.aadObjectId,
        dueOn: '2026-11-30',
      },
    );
    await composition.services.challenges.ensureScheduled();
  });
  afterAll(async () => {
    await composition?.dispatcher.stop();
    await connector?.stop();
  });

  it('posts a new card to the lead officer, the assignee and the panel channel (read-only there)', async () => {
    await eventually(
      () =>
        received('New challenge card', CLLR_CHAT) === 1 &&
        received('New challenge card', OFFICER_CHAT) === 1 &&
        received('New challenge card', PANEL_TEAM) === 1,
    );
    const channelCard = [...connector.acceptedCounts().keys()].find((marker) => marker.startsWith(`${PANEL_TEAM}|`))!;
    expect(channelCard).not.toContain('challenge.respond');
    const assigneeCard = [...connector.acceptedCounts().keys()].find((marker) => marker.startsWith(`${CLLR_CHAT}|`))!;
    expect(assigneeCard).toContain('"refresh":{"action":{"type":"Action.Execute","verb":"challenge.show"');
    expect(assigneeCard).toContain(`"userIds":["${teamsUserId('officer-alex')}","${teamsUserId('cllr-martin')}"]`);
  });

  it('tells the lead officer who responded, showing a display name with Markdown in it as plain text', async () => {
    const evil = {
      aadObjectId: entraObjectId('cllr-evil'),
      name: '[Open the secure portal](https://evil.example)',
      tenantId: FIXTURE_TENANT_ID,
      role: 'panel' as const,
    };
    const form = {
      formId: randomUUID(),
      title: 'Youth club opening hours',
      words: 'The youth club shuts at six.',
      raisingGroup: 'super_council',
      raisingGroupOther: '',
      raisedOn: '2026-11-20',
      priorityArea: 'healthy',
      leadOfficer: officer.aadObjectId,
      assignees: evil.aadObjectId,
      dueOn: '2027-02-28',
    };
    await composition.services.members.recordSighting({
      ...evil,
      teamsUserId: teamsUserId('cllr-evil'),
      personalConversationReference: connector.reference(teamsPersonalChatId('cllr-evil'), teamsUserId('cllr-evil')),
    });
    await seedRolesIn(composition.tables, [{ aadObjectId: evil.aadObjectId }]);
    const card = await composition.services.challenges.create({ ...officer, role: 'admin' }, form);
    const reference = JSON.stringify(card).match(/CC-2026-\d{3}/)![0];
    await composition.services.challenges.respond(evil, {
      reference,
      version: 1,
      response: 'Looking into it.',
      status: 'keep',
      explanation: '',
    });
    await eventually(() => received('responded', OFFICER_CHAT) === 1);
    const heading = [...connector.acceptedCounts().keys()].find(
      (marker) => marker.startsWith(`${OFFICER_CHAT}|`) && marker.includes('responded'),
    )!;
    expect(heading).toContain('\\\\[Open the secure portal](https://evil.example) responded');
  });

  it('a resubmit of a form whose posting failed posts the card, once', async () => {
    const form = {
      formId: randomUUID(),
      title: 'Council tax help',
      words: 'We get council tax bills as soon as we leave care.',
      raisingGroup: 'care_leavers_forum',
      raisingGroupOther: '',
      raisedOn: '2026-11-20',
      priorityArea: 'successful_adults',
      leadOfficer: officer.aadObjectId,
      assignees: councillor.aadObjectId,
      dueOn: '2027-01-30',
    };
    const blip = jest.spyOn(composition.delivery, 'broadcast').mockRejectedValueOnce(new Error('storage unavailable'));
    await expect(composition.services.challenges.create({ ...officer, role: 'admin' }, form)).rejects.toThrow('storage unavailable');
    blip.mockRestore();
    await composition.services.challenges.create({ ...officer, role: 'admin' }, form);
    await composition.services.challenges.create({ ...officer, role: 'admin' }, form);
    await eventually(() => received('Council tax help', CLLR_CHAT) === 1 && received('Council tax help', PANEL_TEAM) === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect([received('Council tax help', CLLR_CHAT), received('Council tax help', PANEL_TEAM)]).toEqual([1, 1]);
  });

  it('nudges the lead officer and assignee of an overdue card once per interval', async () => {
    clock.travelTo('2026-12-02T09:00:05Z');
    await composition.scheduler.tick();
    await eventually(() => received('overdue', CLLR_CHAT) === 1 && received('overdue', OFFICER_CHAT) === 1);
    clock.travelTo('2026-12-03T09:00:05Z');
    await composition.scheduler.tick();
    await new Promise((r) => setTimeout(r, 500));
    expect(received('overdue', CLLR_CHAT)).toBe(1);
    clock.travelTo('2026-12-09T09:30:00Z'); // a week and half an hour after the first nudge
    await composition.scheduler.tick();
    await eventually(() => received('overdue', CLLR_CHAT) === 2);
  });

  it('sends the report for the quarter just ended to officers on the first day of the next', async () => {
    clock.travelTo('2027-01-01T09:00:05Z');
    await composition.scheduler.tick();
    await eventually(() => received('Q4 2026', OFFICER_CHAT) === 1);
    expect(received('Q4 2026', CLLR_CHAT)).toBe(0);
  });
});
