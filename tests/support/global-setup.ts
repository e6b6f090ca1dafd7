import { startEmbeddedAzurite } from '../../src/platform/storage/embedded-azurite';

/**
 * One in-memory Azurite for the whole test run, on a free loopback port. Test files share it and
 * isolate themselves with their own table-name prefix (see tests/support/test-storage.ts).
 */
export default async function globalSetup(): Promise<void> {
  const azurite = await startEmbeddedAzurite();
  process.env.TEST_STORAGE_CONNECTION_STRING = azurite.connectionString;
  (globalThis as { __AZURITE__?: typeof azurite }).__AZURITE__ = azurite;
}
