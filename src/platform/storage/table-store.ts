import { RestError, TableClient, TableServiceClient } from '@azure/data-tables';
import { TABLES, TableName } from './table-names';

/**
 * Hands out one TableClient per table, named `<prefix><table>` so several deployments (or test
 * files) can share an account without seeing each other's rows.
 */
export class TableStore {
  private readonly clients = new Map<TableName, TableClient>();
  private readonly service: TableServiceClient;

  constructor(
    private readonly connectionString: string,
    private readonly prefix: string,
  ) {
    this.service = TableServiceClient.fromConnectionString(connectionString, clientOptions(connectionString));
  }

  client(table: TableName): TableClient {
    let client = this.clients.get(table);
    if (!client) {
      client = TableClient.fromConnectionString(this.connectionString, this.tableName(table), clientOptions(this.connectionString));
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
    const page = this.client('members').listEntities({ queryOptions: { filter: "PartitionKey eq 'health-probe'" } }).byPage({ maxPageSize: 1 });
    await page.next();
  }
}

function clientOptions(connectionString: string): { allowInsecureConnection: boolean } {
  return { allowInsecureConnection: /DefaultEndpointsProtocol=http;|TableEndpoint=http:\/\//i.test(connectionString) };
}
