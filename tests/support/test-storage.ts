import { randomBytes } from 'node:crypto';
import { TableStore } from '../../src/platform/storage/table-store';

/** The run's Azurite (started by global-setup) with a table prefix of this test's own. */
export function testConnectionString(): string {
  const connectionString = process.env.TEST_STORAGE_CONNECTION_STRING;
  if (!connectionString) throw new Error('TEST_STORAGE_CONNECTION_STRING is unset: run tests through jest (global-setup starts Azurite)');
  return connectionString;
}

export function uniqueTablePrefix(): string {
  return `t${randomBytes(5).toString('hex')}`;
}

export async function testTableStore(): Promise<TableStore> {
  const store = new TableStore(testConnectionString(), uniqueTablePrefix());
  await store.ensureTables();
  return store;
}
