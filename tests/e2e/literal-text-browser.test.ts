import { randomUUID } from 'node:crypto';
import { closeBrowser, openPlayground, type Page, screenshot, sendChatMessage, waitForAdaptiveCard } from '../support/browser';
import { CLLR_MARTIN_HUGHES, OLIVIA_OFFICER, TENANT_ID } from '../support/playground-users';
import { type PlaygroundWorld, startPlaygroundWorld } from '../support/playground-world';
import { TravelClock } from '../support/travel-clock';

/**
 * Text typed by people, as the Playground's Adaptive Cards renderer (react-markdown) draws it:
 * every title reads exactly as typed (no stray backslashes, no lost "#" or "-", no list, heading,
 * emphasis or link), and a display name that is a Markdown link is not a link.
 */
const TITLES = [
  'Awards-2026: v1.2 > 11, room #4',
  '# Not a heading',
  '- Not a bullet',
  '1. Not a numbered list',
  '> Not a quote',
  '*Not bold* and _not italic_',
  '[Not a link](https://evil.example)',
  'Children’s “voice” – Kent • 2026… ‹›«» ¿¡',
];
const EVIL_NAME = '[Open the secure portal](https://evil.example)';

describe('people’s text in the Playground UI, drawn by its renderer', () => {
  let world: PlaygroundWorld;
  let page: Page;
  const olivia = { aadObjectId: OLIVIA_OFFICER.aadObjectId, name: OLIVIA_OFFICER.name, tenantId: TENANT_ID, role: 'admin' as const };

  beforeAll(async () => {
    world = await startPlaygroundWorld({ overrides: { clock: new TravelClock('2026-11-23T09:00:00Z') } });
    const { members, challenges } = world.app.services;
    await members.recordSighting({
      aadObjectId: olivia.aadObjectId,
      name: olivia.name,
      tenantId: TENANT_ID,
      teamsUserId: OLIVIA_OFFICER.id,
    });
    await members.recordSighting({
      aadObjectId: CLLR_MARTIN_HUGHES.aadObjectId,
      name: EVIL_NAME,
      tenantId: TENANT_ID,
      teamsUserId: CLLR_MARTIN_HUGHES.id,
    });
    for (const title of TITLES) {
      await challenges.create(olivia, {
        formId: randomUUID(),
        title,
        words: 'The young people asked for this to be looked at.',
        raisingGroup: 'super_council',
        raisingGroupOther: '',
        raisedOn: '2026-11-20',
        priorityArea: 'healthy',
        leadOfficer: olivia.aadObjectId,
        assignees: olivia.aadObjectId,
        dueOn: '2027-01-31',
      });
    }
    page = await openPlayground(world.playground.url);
    await waitForAdaptiveCard(page, 'Welcome to the Corporate Parenting Panel assistant');
  });
  afterAll(async () => {
    await closeBrowser();
    await world?.stop();
  });

  it('shows every title exactly as typed, on its own line where Markdown would read a line start', async () => {
    for (const [i, title] of TITLES.entries()) {
      const reference = `CC-2026-${String(i + 1).padStart(3, '0')}`;
      await sendChatMessage(page, `challenge ${reference}`);
      const card = await waitForAdaptiveCard(page, `Challenge card ${reference}`);
      const text = await card.innerText();
      expect(text.split('\n').map((line) => line.trim())).toContain(title);
      expect(text).not.toContain('\\');
      expect(await card.locator('h1, h2, h3, ul, ol, blockquote, em, strong, a[href*="evil.example"]').count()).toBe(0);
    }
    await screenshot(page, 'literal-titles');
  });

  it('shows the same titles in the list of cards', async () => {
    await sendChatMessage(page, 'challenge cards');
    const card = await waitForAdaptiveCard(page, 'Challenge cards: open');
    const lines = (await card.innerText()).split('\n').map((line) => line.trim());
    for (const [i, title] of TITLES.entries()) expect(lines).toContain(`CC-2026-${String(i + 1).padStart(3, '0')}: ${title}`);
    expect(await card.locator('a[href*="evil.example"]').count()).toBe(0);
  });

  it('shows a display name that is a Markdown link as plain text on the roles card', async () => {
    await sendChatMessage(page, 'roles');
    const card = await waitForAdaptiveCard(page, 'Roles');
    expect((await card.innerText()).split('\n').map((line) => line.trim())).toContain(EVIL_NAME);
    expect(await card.locator('a[href*="evil.example"]').count()).toBe(0);
  });
});
