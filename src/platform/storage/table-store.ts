import type { TokenCredential } from '@azure/identity';
import { RestError, TableClient, TableServiceClient, type TableServiceClientOptions } from '@azure/data-tables';
import { TABLES, type TableName } from './table-names';

/**
 * How to reach the Table service: a connection string (Azurite, or an account key), or the
 * account's address and a token credential (a managed identity in App Service: no key to keep).
 */
export type StorageConnection = string | { accountUrl: string; credential: TokenCredential };

/**
 * Hands out one TableClient per table, named `<prefix><table>` so several deployments (or test
 * files) can share an account without seeing each other's rows.
 */
export class TableStore {
  private readonly clients = new Map<TableName, TableClient>();
  private readonly service: TableServiceClient;

  /** `options` reach every client's pipeline (tests pass an httpClient to see the requests). */
  constructor(
    private readonly connection: StorageConnection,
    private readonly prefix: string,
    private readonly options: TableServiceClientOptions = {},
  ) {
    this.service =
      typeof connection === 'string'
        ? TableServiceClient.fromConnectionString(connection, { ...clientOptions(connection), ...options })
        : new TableServiceClient(connection.accountUrl, connection.credential, options);
  }

  client(table: TableName): TableClient {
    let client = this.clients.get(table);
    if (!client) {
      const { connection } = this;
      client =
        typeof connection === 'string'
          ? TableClient.fromConnectionString(connection, this.tableName(table), { ...clientOptions(connection), ...this.options })
          : new TableClient(connection.accountUrl, this.tableName(table), connection.credential, this.options);
      this.clients.set(table, client);
    }
    return client;
  }

  tableName(table: TableName): string {
    return `${this.prefix}${table}`;
  }

  /** Creates every table that does not exist yet; safe to run on every start and from several instances. */
  async ensureTables(): Promise<void> {
    for (const table of TABLES) {
      try {
        await this.service.createTable(this.tableName(table));
      } catch (error) {
        if (!(error instanceof RestError && error.statusCode === 409)) throw error;
      }
    }
  }

  /** A cheap round trip proving the storage account answers: used by GET /healthz. */
  async ping(): Promise<void> {
    const page = this.client('members')
      .listEntities({ queryOptions: { filter: "PartitionKey eq 'health-probe'" } })
      .byPage({ maxPageSize: 1 });
    await page.next();
  }
}

function clientOptions(connectionString: string): { allowInsecureConnection: boolean } {
  return { allowInsecureConnection: /DefaultEndpointsProtocol=http;|TableEndpoint=http:\/\//i.test(connectionString) };
}
