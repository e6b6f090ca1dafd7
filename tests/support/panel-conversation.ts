import type { Clock } from '../../src/platform/time/clock';
import type { Actor } from '../../src/shared/access/actor';
import { ask } from './conversation-driver';
import { type PlaygroundWorld, startPlaygroundWorld } from './playground-world';
import type { SeededRole } from './seed-roles';
import { CLLR_MARTIN_HUGHES, CLLR_PRIYA_SHAH, GROUP_CHAT_ID, OLIVIA_OFFICER, TENANT_ID } from './playground-users';

/** Who speaks, and where: Olivia (the bootstrap administrator) in her own chat, the councillors in the group chat. */
export interface Speaker {
  from: string;
  conversationId?: string;
}

export const AS_OLIVIA: Speaker = { from: OLIVIA_OFFICER.id };
export const AS_MARTIN: Speaker = { from: CLLR_MARTIN_HUGHES.id, conversationId: GROUP_CHAT_ID };
export const AS_PRIYA: Speaker = { from: CLLR_PRIYA_SHAH.id, conversationId: GROUP_CHAT_ID };

/** Olivia as the use cases see her, for setting a scene directly through `app.services`. */
export const OLIVIA_ACTOR: Actor = {
  aadObjectId: OLIVIA_OFFICER.aadObjectId,
  name: OLIVIA_OFFICER.name,
  tenantId: TENANT_ID,
  role: 'admin',
};

/** Cllr Hughes and Cllr Shah as the panel's councillors: everyone else in the tenant is a guest until given a role. */
export const PANEL_COUNCILLORS: readonly SeededRole[] = [CLLR_MARTIN_HUGHES, CLLR_PRIYA_SHAH].map((cllr) => ({
  aadObjectId: cllr.aadObjectId,
  role: 'panel',
  councillor: true,
}));

/**
 * The panel's conversation as the end-to-end tests start it: the bot behind a Playground on the
 * test's clock, delivering through the outbox, the `roles` given (by default Cllr Hughes and Cllr
 * Shah on the panel, as councillors), and each speaker (by default Olivia, Cllr Hughes and Cllr
 * Shah) having said hello, so the members directory knows them and each test's first `ask` reads
 * its own reply. Stops what it started if a step fails.
 */
export async function startPanelConversation(options: {
  clock: Clock;
  env?: Record<string, string>;
  greet?: readonly Speaker[];
  roles?: readonly SeededRole[];
}): Promise<PlaygroundWorld> {
  const world = await startPlaygroundWorld({
    env: options.env,
    overrides: { clock: options.clock },
    dispatcher: true,
    roles: options.roles ?? PANEL_COUNCILLORS,
  });
  try {
    for (const speaker of options.greet ?? [AS_OLIVIA, AS_MARTIN, AS_PRIYA]) await ask(world.playground, 'hello', speaker);
    return world;
  } catch (error) {
    await world.stop();
    throw error;
  }
}
