import { randomUUID } from 'node:crypto';
import {
  closeBrowser,
  type Locator,
  openPlayground,
  type Page,
  screenshot,
  sendChatMessage,
  waitForAdaptiveCard,
} from '../support/browser';
import { OLIVIA_OFFICER, TENANT_ID } from '../support/playground-users';
import { type PlaygroundWorld, startPlaygroundWorld } from '../support/playground-world';
import { TravelClock } from '../support/travel-clock';

/** The reports' charts as the Playground's Adaptive Card renderer draws them (a data-URI PNG in an Image). */
describe('report charts in the Playground UI', () => {
  let world: PlaygroundWorld;
  let page: Page;
  const olivia = { aadObjectId: OLIVIA_OFFICER.aadObjectId, name: OLIVIA_OFFICER.name, tenantId: TENANT_ID, role: 'admin' as const };

  beforeAll(async () => {
    world = await startPlaygroundWorld({
      env: { ELECTION_DATE: '2025-05-01' },
      overrides: { clock: new TravelClock('2026-11-23T09:00:00Z') },
    });
    await world.app.services.members.recordSighting({
      aadObjectId: olivia.aadObjectId,
      name: olivia.name,
      tenantId: TENANT_ID,
      teamsUserId: OLIVIA_OFFICER.id,
    });
    await world.app.services.challenges.create(olivia, {
      formId: randomUUID(),
      title: 'Help with council tax for care leavers',
      words: 'When we leave care we have to pay council tax straight away. Can the council help?',
      raisingGroup: 'young_adult_council',
      raisingGroupOther: '',
      raisedOn: '2026-11-20',
      priorityArea: 'successful_adults',
      leadOfficer: olivia.aadObjectId,
      assignees: olivia.aadObjectId,
      dueOn: '2027-01-31',
    });
    page = await openPlayground(world.playground.url);
    await waitForAdaptiveCard(page, 'Welcome to the Corporate Parenting Panel assistant');
  });
  afterAll(async () => {
    await closeBrowser();
    await world?.stop();
  });

  async function expectChart(card: Locator): Promise<void> {
    const image = card.locator('img[src^="data:image/png;base64,"]').first();
    await image.waitFor({ state: 'visible', timeout: 10000 });
    const size = await image.evaluate((element) => ({
      width: (element as HTMLImageElement).naturalWidth,
      height: (element as HTMLImageElement).naturalHeight,
      alt: (element as HTMLImageElement).alt,
    }));
    expect(size.width).toBeGreaterThan(200);
    expect(size.height).toBeGreaterThan(80);
    expect(size.alt.length).toBeGreaterThan(20);
  }

  it('renders the challenge report with its chart by priority area', async () => {
    await sendChatMessage(page, 'challenge report for Q4 2026');
    const card = await waitForAdaptiveCard(page, 'Challenge cards report: Q4 2026');
    await expectChart(card);
    expect(await card.locator('button', { hasText: 'Download report (Word)' }).count()).toBe(1);
    await screenshot(page, 'challenge-report-chart');
  });

  it('renders the participation report with its trend chart', async () => {
    await sendChatMessage(page, 'participation report for 2026');
    const card = await waitForAdaptiveCard(page, 'Participation report: 2026');
    await expectChart(card);
    await screenshot(page, 'participation-report-chart');
  });
});
