import type { RunningApp } from '../../src/app/app';
import { closeBrowser, openPlayground, type Page, screenshot, sendChatMessage, waitForAdaptiveCard } from '../support/browser';
import { type Playground, startPlayground } from '../support/playground';
import { OLIVIA_OFFICER, PLAYGROUND_CONFIG_PATH, TENANT_ID } from '../support/playground-users';
import { startTestApp } from '../support/test-app';

/**
 * What a person sees: the Playground's own UI in headless Chromium, a question typed into the
 * compose box, and the answer card as the Adaptive Cards renderer draws it. Screenshots land in
 * tests/screenshots/ for a person to look at.
 */
describe('the Playground UI in a browser', () => {
  let app: RunningApp;
  let playground: Playground;
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp({ ADMIN_AAD_OBJECT_IDS: OLIVIA_OFFICER.aadObjectId, ALLOWED_TENANT_IDS: TENANT_ID });
    playground = await startPlayground({ botEndpoint: `${app.url}/api/messages`, configPath: PLAYGROUND_CONFIG_PATH });
    page = await openPlayground(playground.url);
  });
  afterAll(async () => {
    await closeBrowser();
    await playground?.stop();
    await app?.stop();
  });

  it('shows the welcome card when the chat opens', async () => {
    const welcome = await waitForAdaptiveCard(page, 'Welcome to the Corporate Parenting Panel assistant');
    expect(await welcome.innerText()).toContain('Who is the panel accountable to?');
    await screenshot(page, 'welcome-card');
  });

  it('renders the answer card with its source, related questions and feedback buttons', async () => {
    await sendChatMessage(page, 'what are the four priority areas?');
    const card = await waitForAdaptiveCard(page, 'Source: Terms of reference');
    const text = await card.innerText();
    expect(text).toMatch(/priorit/i);
    expect(text).toContain('Related questions');
    expect(text).toContain('Did this answer help?');
    expect(await card.locator('button', { hasText: 'Yes' }).count()).toBe(1);
    await screenshot(page, 'answer-card');
  });

  it('updates the card in place when the member says it helped', async () => {
    const card = await waitForAdaptiveCard(page, 'Source: Terms of reference');
    await card.locator('button', { hasText: 'Yes' }).click();
    const thanked = await waitForAdaptiveCard(page, 'recorded that this answer helped');
    expect(await thanked.locator('button', { hasText: 'Yes' }).count()).toBe(0);
    expect((await app.services.feedback.totals())[0]).toMatchObject({ helpful: 1, notHelpful: 0 });
    await screenshot(page, 'answer-card-after-feedback');
  });

  it("quotes the document's own figures beside an answer that leaves some of them out, and keeps them after feedback", async () => {
    await sendChatMessage(page, 'how many disabled children in care were there in 2015');
    const card = await waitForAdaptiveCard(page, "In the document's own words");
    const text = await card.innerText();
    expect(text).toContain('Source: Select Committee report');
    expect(text).toMatch(/The Select Committee report says: .*173 children/s);
    await screenshot(page, 'answer-card-with-passage');
    // The card refreshed after feedback still quotes the passage (found again from the question).
    await card.locator('button', { hasText: 'Yes' }).click();
    await card.getByText('recorded that this answer helped').waitFor({ state: 'visible', timeout: 10_000 });
    const refreshed = await card.innerText();
    expect(refreshed).toContain("In the document's own words");
    expect(refreshed).toMatch(/173 children/);
  });

  it('renders the honest "I don\'t know" card for an off-topic question', async () => {
    await sendChatMessage(page, 'who won the football last night?');
    const card = await waitForAdaptiveCard(page, "I don't know the answer to that");
    expect(await card.innerText()).toContain('Democratic Services');
    await screenshot(page, 'unknown-card');
  });

  it('renders an answer it is not sure of with the runners-up as buttons, and a near miss as "Is it one of these?"', async () => {
    await sendChatMessage(page, 'does the council employ care leavers');
    const unsure = await waitForAdaptiveCard(page, "I'm not sure this is what you asked");
    // The renderer may draw a card's buttons a moment after its text.
    // Recommendation 12 or 13 answers; the other is offered as a button.
    const offered = unsure.locator('button', { hasText: /Recommendation 1[23]/ });
    await offered.first().waitFor({ state: 'visible', timeout: 10_000 });
    expect(await offered.count()).toBe(1);
    await screenshot(page, 'answer-card-not-sure');
    await sendChatMessage(page, 'what did they say about foster carer recruitment');
    const declined = await waitForAdaptiveCard(page, 'Is it one of these?');
    await declined.locator('button', { hasText: 'Recommendation 10' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    expect(await declined.locator('button', { hasText: 'Recommendation 10' }).count()).toBe(1);
    await screenshot(page, 'unknown-card-near-miss');
  });
});
