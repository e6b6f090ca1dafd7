import { closeBrowser, type Locator, type Page, screenshot, screenshotOf, sendChatMessage, waitForAdaptiveCard } from '../support/browser';
import { executeActionData } from '../support/conversation-driver';
import { OLIVIA_ACTOR } from '../support/panel-conversation';
import { startPanelInBrowser } from '../support/panel-browser';
import { CLLR_MARTIN_HUGHES, TENANT_ID } from '../support/playground-users';
import type { PlaygroundWorld } from '../support/playground-world';
import { pixelsNear } from '../support/png-pixels';
import { raiseSampleChallenge } from '../support/sample-challenge';
import { TravelClock } from '../support/travel-clock';

/** The charts' bars are drawn in the first colour of the charts' palette. */
const BAR_BLUE = '#1f5f99';

/**
 * The reports' charts as the Playground's Adaptive Card renderer draws them (a data-URI PNG in an
 * Image): each is screenshotted on its own, and the screenshot must show the chart's bars.
 */
describe('report charts in the Playground UI', () => {
  let world: PlaygroundWorld;
  let page: Page;
  const clock = new TravelClock('2026-11-23T09:00:00Z');

  beforeAll(async () => {
    ({ world, page } = await startPanelInBrowser({
      clock,
      env: { ELECTION_DATE: '2025-05-01' },
      setUp: async ({ app }) => {
        // A councillor on the panel (seeded) who attended a panel event this quarter, so the trend has a bar to draw.
        await app.services.members.recordSighting({
          aadObjectId: CLLR_MARTIN_HUGHES.aadObjectId,
          name: CLLR_MARTIN_HUGHES.name,
          tenantId: TENANT_ID,
          teamsUserId: CLLR_MARTIN_HUGHES.id,
        });
        const created = await app.services.events.desk.create(OLIVIA_ACTOR, {
          title: 'Virtual School Kent achievement awards',
          kind: 'achievement-awards',
          start: '2026-11-24T10:00',
          end: '2026-11-24T12:00',
          venue: 'Sessions House, Maidstone',
          details: 'Celebrating the achievements of children in care.',
          rsvpBy: '',
          audience: 'panel',
          confirmShortNotice: true,
        });
        const { eventId } = executeActionData(created, 'event.status');
        clock.travelTo('2026-11-24T11:00:00Z');
        const form = await app.services.attendance.form(OLIVIA_ACTOR, eventId);
        const save = executeActionData(form, 'attendance.record', (data) => data.then === 'stay');
        await app.services.attendance.record(OLIVIA_ACTOR, { ...save, attended: CLLR_MARTIN_HUGHES.aadObjectId });
        await raiseSampleChallenge(app, OLIVIA_ACTOR);
      },
    }));
  });
  afterAll(async () => {
    await closeBrowser();
    await world?.stop();
  });

  /** The card's chart: loaded, described, screenshotted by itself, with its bars visible on screen. */
  async function expectChart(card: Locator, name: string): Promise<void> {
    const image = card.locator('img[src^="data:image/png;base64,"]').first();
    await image.waitFor({ state: 'visible', timeout: 10000 });
    await image.scrollIntoViewIfNeeded();
    const size = await image.evaluate((element) => ({
      width: (element as HTMLImageElement).naturalWidth,
      height: (element as HTMLImageElement).naturalHeight,
      alt: (element as HTMLImageElement).alt,
    }));
    expect(size.width).toBeGreaterThan(200);
    expect(size.height).toBeGreaterThan(80);
    expect(size.alt.length).toBeGreaterThan(20);
    await screenshot(page, name);
    expect(pixelsNear(await screenshotOf(image, `${name}-image`), BAR_BLUE)).toBeGreaterThan(150);
  }

  it('renders the challenge report with its chart by priority area', async () => {
    await sendChatMessage(page, 'challenge report for Q4 2026');
    const card = await waitForAdaptiveCard(page, 'Challenge cards report: Q4 2026');
    expect(await card.locator('button', { hasText: 'Download report (Word)' }).count()).toBe(1);
    await expectChart(card, 'challenge-report-chart');
  });

  it('renders the participation report with its trend chart', async () => {
    await sendChatMessage(page, 'participation report for 2026');
    const card = await waitForAdaptiveCard(page, 'Participation report: 2026');
    expect(await card.innerText()).toContain('1 (100%)');
    expect(await card.locator('button', { hasText: 'Download report (Word)' }).count()).toBe(1);
    await expectChart(card, 'participation-report-chart');
  });
});
