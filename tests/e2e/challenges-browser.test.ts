import { closeBrowser, type Page, screenshot, sendChatMessage, waitForAdaptiveCard } from '../support/browser';
import { OLIVIA_ACTOR } from '../support/panel-conversation';
import { startPanelInBrowser } from '../support/panel-browser';
import type { PlaygroundWorld } from '../support/playground-world';
import { raiseSampleChallenge } from '../support/sample-challenge';
import { TravelClock } from '../support/travel-clock';

/** What officers and councillors see: the challenge card and the quarterly report, drawn by the Playground's renderer. */
describe('challenge cards in the Playground UI', () => {
  let world: PlaygroundWorld;
  let page: Page;

  beforeAll(async () => {
    ({ world, page } = await startPanelInBrowser({
      clock: new TravelClock('2026-11-23T09:00:00Z'),
      setUp: async ({ app }) => {
        await raiseSampleChallenge(app, OLIVIA_ACTOR);
      },
    }));
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
