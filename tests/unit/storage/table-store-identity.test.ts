import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { createHttpHeaders, type HttpClient, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { TableStore } from '../../../src/platform/storage/table-store';
import { TABLES } from '../../../src/platform/storage/table-names';

/**
 * The managed-identity path (AZURE_STORAGE_ACCOUNT_URL): no Azure here, so the Table service is a
 * recording HttpClient in the SDK's pipeline. What matters is what the SDK puts on the wire: a
 * bearer token for the storage scope, from our credential, to the account's address.
 */
class RecordingCredential implements TokenCredential {
  readonly scopes: string[][] = [];
  async getToken(scopes: string | string[], _options?: GetTokenOptions): Promise<AccessToken> {
    this.scopes.push(Array.isArray(scopes) ? scopes : [scopes]);
    return { token: 'token-from-the-managed-identity', expiresOnTimestamp: Date.now() + 3_600_000 };
  }
}

class RecordingTableService implements HttpClient {
  readonly requests: PipelineRequest[] = [];
  constructor(private readonly existing: ReadonlySet<string> = new Set()) {}
  async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
    this.requests.push(request);
    const body = typeof request.body === 'string' ? request.body : '';
    const exists = request.method === 'POST' && [...this.existing].some((name) => body.includes(`"${name}"`));
    const status = exists ? 409 : request.method === 'POST' ? 201 : 200;
    const json = exists
      ? { 'odata.error': { code: 'TableAlreadyExists', message: { value: 'The table specified already exists.' } } }
      : request.method === 'POST'
        ? { TableName: 'x' }
        : { value: [] };
    return {
      request,
      status,
      headers: createHttpHeaders({ 'content-type': 'application/json;odata=minimalmetadata' }),
      bodyAsText: JSON.stringify(json),
    };
  }
}

describe('TableStore with an account address and a token credential', () => {
  const accountUrl = 'https://cppbotdev.table.core.windows.net';

  it('creates every table with a bearer token for https://storage.azure.com, tolerating tables that exist', async () => {
    const credential = new RecordingCredential();
    const service = new RecordingTableService(new Set(['cppmembers']));
    const store = new TableStore({ accountUrl, credential }, 'cpp', { httpClient: service, retryOptions: { maxRetries: 0 } });
    await store.ensureTables();
    expect(service.requests).toHaveLength(TABLES.length);
    for (const request of service.requests) {
      expect(request.url.startsWith(`${accountUrl}/Tables`)).toBe(true);
      expect(request.headers.get('authorization')).toBe('Bearer token-from-the-managed-identity');
    }
    expect(credential.scopes.flat()).toContain('https://storage.azure.com/.default');
  });

  it('reads entities through the same identity (the health probe)', async () => {
    const credential = new RecordingCredential();
    const service = new RecordingTableService();
    const store = new TableStore({ accountUrl, credential }, 'cpp', { httpClient: service });
    await store.ping();
    const [request] = service.requests;
    expect(request?.url).toContain(`${accountUrl}/cppmembers()`);
    expect(request?.headers.get('authorization')).toBe('Bearer token-from-the-managed-identity');
  });
});
