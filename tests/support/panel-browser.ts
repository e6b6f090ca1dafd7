import type { Clock } from '../../src/platform/time/clock';
import { closeBrowser, openPlayground, type Page, waitForAdaptiveCard } from './browser';
import { OLIVIA_ACTOR, PANEL_COUNCILLORS } from './panel-conversation';
import { OLIVIA_OFFICER } from './playground-users';
import { type PlaygroundWorld, startPlaygroundWorld } from './playground-world';
import type { SeededRole } from './seed-roles';

/**
 * The panel as the browser tests open it: the bot behind a Playground on the test's clock, Olivia
 * (the bootstrap administrator) in the members directory, the `roles` given (by default Cllr
 * Hughes and Cllr Shah on the panel, as councillors), the scene set by `setUp` through the
 * use cases, then the Playground UI open in headless Chromium on Olivia's chat with the welcome
 * card drawn. Closes what it opened if a step fails; afterwards call `closeBrowser()` and `world.stop()`.
 */
export async function startPanelInBrowser(options: {
  clock: Clock;
  env?: Record<string, string>;
  setUp?: (world: PlaygroundWorld) => Promise<void>;
  roles?: readonly SeededRole[];
}): Promise<{ world: PlaygroundWorld; page: Page }> {
  const world = await startPlaygroundWorld({
    env: options.env,
    overrides: { clock: options.clock },
    roles: options.roles ?? PANEL_COUNCILLORS,
  });
  try {
    await world.app.services.members.recordSighting({
      aadObjectId: OLIVIA_ACTOR.aadObjectId,
      name: OLIVIA_ACTOR.name,
      tenantId: OLIVIA_ACTOR.tenantId,
      teamsUserId: OLIVIA_OFFICER.id,
    });
    await options.setUp?.(world);
    const page = await openPlayground(world.playground.url);
    await waitForAdaptiveCard(page, 'Welcome to the Corporate Parenting Panel assistant');
    return { world, page };
  } catch (error) {
    await closeBrowser();
    await world.stop();
    throw error;
  }
}
