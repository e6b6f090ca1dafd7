import { type AppOverrides, type RunningApp, startApp } from '../../src/app/app';
import { loadConfig } from '../../src/app/config';
import { silentLogger } from '../../src/platform/logging/logger';
import { testConnectionString, uniqueTablePrefix } from './test-storage';

/** The real app on a free loopback port, on the run's Azurite with tables of its own. */
export function startTestApp(env: Record<string, string> = {}, overrides: AppOverrides = {}): Promise<RunningApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    AZURE_STORAGE_CONNECTION_STRING: testConnectionString(),
    TABLE_PREFIX: uniqueTablePrefix(),
    LOG_LEVEL: 'silent',
    ...env,
  });
  return startApp(config, { logger: silentLogger(), ...overrides });
}
