import { ConfigError, childProcessEnvironment, loadConfig, loadLocalRunConfig, loadPackagingConfig } from '../../../src/app/config';

const production = {
  NODE_ENV: 'production',
  MicrosoftAppId: '00000000-0000-4000-8000-000000000001',
  MicrosoftAppPassword: 'secret',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: '00000000-0000-4000-8000-000000000002',
  ALLOWED_TENANT_IDS: '00000000-0000-4000-8000-000000000002',
  AZURE_STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=eA==;EndpointSuffix=core.windows.net',
  PUBLIC_BASE_URL: 'https://cpp-bot.azurewebsites.net/',
  LINK_SIGNING_SECRET: 'a-production-secret-of-at-least-32-characters',
};

function failure(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it("names the instance so a restart is recognised: INSTANCE_NAME, else App Service's WEBSITE_INSTANCE_ID, else the host", () => {
    expect(loadConfig({ INSTANCE_NAME: 'bot-1' }).instanceName).toBe('bot-1');
    expect(loadConfig({ WEBSITE_INSTANCE_ID: 'a1b2c3d4e5f6' }).instanceName).toBe('a1b2c3d4e5f6');
    expect(loadConfig({}).instanceName).toMatch(/^[A-Za-z0-9._-]{1,64}$/);
    expect(failure({ INSTANCE_NAME: 'bot 1|x' }).variable).toBe('INSTANCE_NAME');
  });

  it('reads ELECTION_DATE as a past calendar date and refuses anything else, naming it', () => {
    expect(loadConfig({ ELECTION_DATE: '2025-05-01' }).electionDate).toBe('2025-05-01');
    expect(loadConfig({}).electionDate).toBeUndefined();
    for (const bad of ['1 May 2025', '2025-02-30', '2999-05-01', '1999-05-06'])
      expect(() => loadConfig({ ELECTION_DATE: bad })).toThrow(/ELECTION_DATE/);
  });

  it('gives local defaults with no environment at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      environment: 'development',
      port: 3978,
      host: '127.0.0.1',
      tablePrefix: 'cpp',
      logLevel: 'info',
      allowedTenantIds: [],
      adminAadObjectIds: [],
    });
    expect(config.credentials).toBeUndefined();
    expect(config.storageConnectionString).toBeUndefined();
  });

  it('accepts a complete production configuration and listens on all interfaces', () => {
    const config = loadConfig(production);
    expect(config.credentials).toEqual({
      appId: production.MicrosoftAppId,
      appPassword: 'secret',
      appType: 'SingleTenant',
      tenantId: production.MicrosoftAppTenantId,
    });
    expect(config.host).toBe('0.0.0.0');
  });

  it.each([
    'MicrosoftAppId',
    'MicrosoftAppType',
    'MicrosoftAppTenantId',
    'AZURE_STORAGE_CONNECTION_STRING',
    'ALLOWED_TENANT_IDS',
    'PUBLIC_BASE_URL',
    'LINK_SIGNING_SECRET',
  ])('refuses to start in production without %s, naming it', (variable) => {
    const error = failure({ ...production, [variable]: undefined });
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
  });

  it('refuses development storage in production', () => {
    expect(failure({ ...production, AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }).variable).toBe(
      'AZURE_STORAGE_CONNECTION_STRING',
    );
  });

  it('needs a password for a SingleTenant or MultiTenant app but not for a managed identity', () => {
    expect(failure({ ...production, MicrosoftAppPassword: '' }).variable).toBe('MicrosoftAppPassword');
    expect(loadConfig({ ...production, MicrosoftAppPassword: '', MicrosoftAppType: 'UserAssignedMSI' }).credentials?.appType).toBe(
      'UserAssignedMSI',
    );
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['LOG_LEVEL', 'loud'],
    ['NODE_ENV', 'staging'],
    ['MicrosoftAppType', 'AnyTenant'],
    ['TABLE_PREFIX', '1bad'],
    ['ADMIN_AAD_OBJECT_IDS', 'ok-id,bad/id'],
    ['HOST', 'example.org'],
    ['MEETINGS_SYNC_INTERVAL', 'hourly'],
    ['MEETINGS_SYNC_INTERVAL', 'PT10S'],
    ['REMINDER_OFFSETS', 'P7D,soon'],
    ['SCHEDULER_POLL_INTERVAL', 'PT0S'],
    ['MODERNGOV_URL', 'democracy.kent.gov.uk'],
    ['MODERNGOV_COMMITTEE_ID', 'CPP'],
    ['MEETINGS_ICAL_URL', 'ftp://x/y.ics'],
    ['LINK_SIGNING_SECRET', 'too-short'],
  ])('names %s when its value (%s) is invalid', (variable, value) => {
    expect(failure({ [variable]: value }).variable).toBe(variable);
  });

  it('reads meeting sources, intervals and reminder offsets', () => {
    const config = loadConfig({
      MODERNGOV_URL: 'https://democracy.kent.gov.uk/',
      MODERNGOV_COMMITTEE_ID: '693',
      MEETINGS_SYNC_INTERVAL: 'PT30M',
      REMINDER_OFFSETS: 'P1D,PT2H,P7D',
    });
    expect(config.meetings.moderngov).toEqual({ baseUrl: 'https://democracy.kent.gov.uk', committeeId: '693' });
    expect(config.meetings.syncInterval.as('minutes')).toBe(30);
    expect(config.reminderOffsets.map((d) => d.toISO())).toEqual(['P7D', 'P1D', 'PT2H']);
    expect(loadConfig({}).reminderOffsets.map((d) => d.toISO())).toEqual(['P7D', 'P1D']);
    expect(loadConfig({ PORT: '4000' }).publicBaseUrl).toBeUndefined();
    expect(loadConfig(production).publicBaseUrl).toBe('https://cpp-bot.azurewebsites.net');
  });

  it('needs both ModernGov settings or neither', () => {
    expect(failure({ MODERNGOV_URL: 'https://democracy.kent.gov.uk' }).variable).toBe('MODERNGOV_COMMITTEE_ID');
    expect(failure({ MODERNGOV_COMMITTEE_ID: '693' }).variable).toBe('MODERNGOV_URL');
  });

  it('splits and trims comma-separated lists', () => {
    const config = loadConfig({ ALLOWED_TENANT_IDS: ' a , b,,', ADMIN_AAD_OBJECT_IDS: 'x1, y2' });
    expect(config.allowedTenantIds).toEqual(['a', 'b']);
    expect(config.adminAadObjectIds).toEqual(['x1', 'y2']);
  });

  it('makes a random link-signing secret per process outside production', () => {
    expect(loadConfig({}).linkSigningSecret).not.toBe(loadConfig({}).linkSigningSecret);
    expect(loadConfig({}).linkSigningSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('never puts a secret in its error message', () => {
    const error = failure({ ...production, MicrosoftAppType: 'Wrong' });
    expect(error.message).not.toContain('secret');
  });
});

describe('storage reached with a managed identity', () => {
  const { AZURE_STORAGE_CONNECTION_STRING: _key, ...productionWithoutKey } = production;
  const accountUrl = 'https://cppbotdev.table.core.windows.net/';
  const clientId = '11111111-2222-4333-8444-555555555555';

  it("accepts AZURE_STORAGE_ACCOUNT_URL instead of a connection string in production, with the identity's client id", () => {
    const config = loadConfig({ ...productionWithoutKey, AZURE_STORAGE_ACCOUNT_URL: accountUrl, AZURE_CLIENT_ID: clientId });
    expect(config.storageConnectionString).toBeUndefined();
    expect(config.storageAccount).toEqual({ url: 'https://cppbotdev.table.core.windows.net', managedIdentityClientId: clientId });
  });

  it('refuses both at once, an http address and a client id that is not a GUID', () => {
    expect(failure({ ...production, AZURE_STORAGE_ACCOUNT_URL: accountUrl }).variable).toBe('AZURE_STORAGE_ACCOUNT_URL');
    expect(failure({ ...productionWithoutKey, AZURE_STORAGE_ACCOUNT_URL: 'http://cppbotdev.table.core.windows.net' }).variable).toBe(
      'AZURE_STORAGE_ACCOUNT_URL',
    );
    expect(failure({ ...productionWithoutKey, AZURE_STORAGE_ACCOUNT_URL: accountUrl, AZURE_CLIENT_ID: 'bot' }).variable).toBe(
      'AZURE_CLIENT_ID',
    );
  });

  it('names the connection string and the account address when production has neither', () => {
    const error = failure(productionWithoutKey);
    expect(error.variable).toBe('AZURE_STORAGE_CONNECTION_STRING');
    expect(error.message).toContain('AZURE_STORAGE_ACCOUNT_URL');
  });
});

describe('Application Insights', () => {
  const connectionString =
    'InstrumentationKey=00000000-0000-4000-8000-000000000009;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/';

  it('is off unless APPLICATIONINSIGHTS_CONNECTION_STRING is set, and then carries it', () => {
    expect(loadConfig({}).applicationInsightsConnectionString).toBeUndefined();
    expect(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString }).applicationInsightsConnectionString).toBe(
      connectionString,
    );
  });

  it('refuses something that is not a connection string (e.g. a bare instrumentation key name)', () => {
    expect(failure({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'my-app-insights' }).variable).toBe('APPLICATIONINSIGHTS_CONNECTION_STRING');
  });
});

describe('sample data', () => {
  it('is off by default; on, it uses tables of its own unless TABLE_PREFIX says otherwise', () => {
    expect(loadConfig({}).sampleData).toBe(false);
    expect(loadConfig({ SAMPLE_DATA: 'true' })).toMatchObject({ sampleData: true, tablePrefix: 'cppsample' });
    expect(loadConfig({ SAMPLE_DATA: 'true', TABLE_PREFIX: 'mine' }).tablePrefix).toBe('mine');
  });

  it('is refused in production, beside a real meeting source, and when not true or false', () => {
    expect(failure({ ...production, SAMPLE_DATA: 'true' }).variable).toBe('SAMPLE_DATA');
    expect(
      failure({ SAMPLE_DATA: 'true', MODERNGOV_URL: 'https://democracy.kent.gov.uk', MODERNGOV_COMMITTEE_ID: '693' }).message,
    ).toContain('MODERNGOV_URL');
    expect(failure({ SAMPLE_DATA: 'true', MEETINGS_ICAL_URL: 'https://example.org/panel.ics' }).message).toContain('MEETINGS_ICAL_URL');
    expect(failure({ SAMPLE_DATA: 'yes' }).variable).toBe('SAMPLE_DATA');
  });

  it('is what npm start serves when no meeting source is configured, unless SAMPLE_DATA=false', () => {
    expect(loadLocalRunConfig({})).toMatchObject({ sampleData: true, tablePrefix: 'cppsample', dataDir: '.data' });
    expect(loadLocalRunConfig({ SAMPLE_DATA: 'false' })).toMatchObject({ sampleData: false, tablePrefix: 'cpp' });
    expect(loadLocalRunConfig({ MODERNGOV_URL: 'https://democracy.kent.gov.uk', MODERNGOV_COMMITTEE_ID: '693' }).sampleData).toBe(false);
    expect(loadLocalRunConfig({ MEETINGS_ICAL_URL: 'https://example.org/panel.ics', DATA_DIR: '/tmp/x' })).toMatchObject({
      sampleData: false,
      dataDir: '/tmp/x',
    });
  });
});

describe('loadPackagingConfig', () => {
  it("reads the bot id (MicrosoftAppId, or the toolkit's BOT_ID), the Teams app id and the public address", () => {
    expect(loadPackagingConfig({})).toEqual({ appId: undefined, teamsAppId: undefined, publicBaseUrl: undefined });
    expect(loadPackagingConfig({ BOT_ID: ' b ', TEAMS_APP_ID: 't', PUBLIC_BASE_URL: 'https://x' })).toEqual({
      appId: 'b',
      teamsAppId: 't',
      publicBaseUrl: 'https://x',
    });
    expect(loadPackagingConfig({ MicrosoftAppId: 'a', BOT_ID: 'b' }).appId).toBe('a');
  });
});

describe('the environment development tools hand their child processes', () => {
  it('is the loaded environment with the overrides on top, and leaves the original untouched', () => {
    const env = { PATH: '/usr/bin', HOME: '/home/officer' };
    expect(childProcessEnvironment({ HOME: '/tmp/atk-home', NO_PROXY: '' }, env)).toEqual({
      PATH: '/usr/bin',
      HOME: '/tmp/atk-home',
      NO_PROXY: '',
    });
    expect(env.HOME).toBe('/home/officer');
    expect(loadLocalRunConfig({ PATH: '/bin', DISPLAY: ':0' }).childEnvironment({})).toEqual({ PATH: '/bin', DISPLAY: ':0' });
  });
});
