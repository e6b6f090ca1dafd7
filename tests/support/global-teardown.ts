import type { EmbeddedAzurite } from '../../src/platform/storage/embedded-azurite';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __AZURITE__?: EmbeddedAzurite }).__AZURITE__?.stop();
}
