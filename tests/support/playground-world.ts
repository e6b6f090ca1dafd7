import type { AppOverrides, RunningApp } from '../../src/app/app';
import { cardJson } from './conversation-driver';
import { type Playground, startPlayground } from './playground';
import { OLIVIA_OFFICER, PERSONAL_CHAT_ID, PLAYGROUND_CONFIG_PATH, TENANT_ID } from './playground-users';
import { startTestApp } from './test-app';
import { type SeededRole, seedRoles } from './seed-roles';

export interface PlaygroundWorld {
  app: RunningApp;
  playground: Playground;
  stop(): Promise<void>;
}

/**
 * The bot (Olivia Officer as bootstrap admin, the Playground's tenant allowed, `roles` seeded) behind a Playground,
 * installed in Olivia's personal chat with its welcome already received, so each test's first
 * `ask` reads its own reply. Workers are left to the test, except the dispatcher when asked.
 */
export async function startPlaygroundWorld(
  options: { env?: Record<string, string>; overrides?: AppOverrides; dispatcher?: boolean; roles?: readonly SeededRole[] } = {},
): Promise<PlaygroundWorld> {
  const app = await startTestApp(
    { ADMIN_AAD_OBJECT_IDS: OLIVIA_OFFICER.aadObjectId, ALLOWED_TENANT_IDS: TENANT_ID, ...options.env },
    { startWorkers: false, ...options.overrides },
  );
  // Everyone is a guest until given a role: a test names who is on the panel, a councillor, an officer.
  if (options.roles) await seedRoles(app, options.roles);
  if (options.dispatcher) app.composition.dispatcher.start();
  const playground = await startPlayground({ botEndpoint: `${app.url}/api/messages`, configPath: PLAYGROUND_CONFIG_PATH });
  await playground.install(PERSONAL_CHAT_ID);
  await playground.waitForMessage((m) => cardJson(m).includes('Welcome to the'));
  return {
    app,
    playground,
    stop: async () => {
      await playground.stop();
      await app.stop();
    },
  };
}
