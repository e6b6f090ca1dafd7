import { randomUUID } from 'node:crypto';
import { closeBrowser, openPlayground, type Page, screenshot, sendChatMessage, waitForAdaptiveCard } from '../support/browser';
import { OLIVIA_OFFICER, TENANT_ID } from '../support/playground-users';
import { type PlaygroundWorld, startPlaygroundWorld } from '../support/playground-world';
import { TravelClock } from '../support/travel-clock';

/** What officers and councillors see: the challenge card and the quarterly report, drawn by the Playground's renderer. */
describe('challenge cards in the Playground UI', () => {
  let world: PlaygroundWorld;
  let page: Page;
  const olivia = { aadObjectId: OLIVIA_OFFICER.aadObjectId, name: OLIVIA_OFFICER.name, tenantId: TENANT_ID, role: 'admin' as const };

  beforeAll(async () => {
    world = await startPlaygroundWorld({ overrides: { clock: new TravelClock('2026-11-23T09:00:00Z') } });
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

  it("renders the challenge card with its status, the young people's words and the respond form", async () => {
    await sendChatMessage(page, 'challenge CC-2026-001');
    const card = await waitForAdaptiveCard(page, 'Challenge card CC-2026-001');
    const text = await card.innerText();
    expect(text).toContain('RECEIVED');
    expect(text).toContain('When we leave care we have to pay council tax');
    expect(text).toContain('Young Adult Council');
    expect(await card.locator('button', { hasText: 'Send response' }).count()).toBe(1);
    await screenshot(page, 'challenge-card');
  });

  it('renders the quarterly report card', async () => {
    await sendChatMessage(page, 'challenge report for Q4 2026');
    const card = await waitForAdaptiveCard(page, 'Q4 2026');
    const text = await card.innerText();
    expect(text).toMatch(/Developing into successful and responsible adults/);
    await screenshot(page, 'challenge-report-card');
  });
});
