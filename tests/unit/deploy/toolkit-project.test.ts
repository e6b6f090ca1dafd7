import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import YAML from 'yaml';
import { loadConfig } from '../../../src/app/config';
import { projectRoot } from '../../../src/platform/process/project-root';

/**
 * The Agents Toolkit project (m365agents.yml, m365agents.local.yml, env/, infra/) checked offline:
 * against the toolkit's own YAML schema (shipped in @microsoft/m365agentstoolkit-cli), and for
 * consistency with this repository (files, environment variables, the settings config.ts reads).
 * The Bicep cannot be compiled here (no bicep CLI on npm without a download); its structure is
 * checked instead, and `atk provision` compiles it for real.
 */
const root = projectRoot();
const read = (relative: string) => fs.readFileSync(path.join(root, relative), 'utf8');

interface Step {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface Project {
  version: string;
  provision?: Step[];
  deploy?: Step[];
  publish?: Step[];
}

function project(file: string): Project {
  return YAML.parse(read(file)) as Project;
}

function toolkitSchema(version: string): object {
  const cli = path.dirname(require.resolve('@microsoft/m365agentstoolkit-cli/package.json'));
  return JSON.parse(fs.readFileSync(path.join(cli, 'resource', 'yaml-schema', version, 'yaml.schema.json'), 'utf8')) as object;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((match) => match[1]!);
const envSampleKeys = (file: string): Set<string> =>
  new Set(
    read(file)
      .split('\n')
      .map((line) => /^([A-Z0-9_]+)=/.exec(line)?.[1])
      .filter((key): key is string => Boolean(key)),
  );
const bicepParams = (text: string) =>
  new Map(
    [...text.matchAll(/^param (\w+) (\w+)(?: = (.+))?$/gm)].map((match) => [
      match[1]!,
      { type: match[2]!, hasDefault: match[3] !== undefined },
    ]),
  );
const bicepOutputs = (text: string) => [...text.matchAll(/^output (\w+) /gm)].map((match) => match[1]!);
// The toolkit's own variables: set by it, or by the signed-in accounts.
const BUILT_IN = new Set(['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME', 'TEAMS_APP_TENANT_ID']);

describe.each([
  ['m365agents.yml', 'env/.env.dev.sample'],
  ['m365agents.local.yml', 'env/.env.local.sample'],
])('%s', (file, envSample) => {
  const parsed = project(file);

  it("is valid against the Agents Toolkit's own schema for its version", () => {
    expect(parsed.version).toBe('v1.11');
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(toolkitSchema(parsed.version));
    const valid = validate(parsed);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('uses only files that exist in this repository', () => {
    const paths = [...read(file).matchAll(/(?:path|manifestPath|parameters): (\.\/[^\s]+)/g)].map((match) => match[1]!);
    expect(paths.length).toBeGreaterThan(0);
    for (const relative of paths) expect(fs.existsSync(path.join(root, relative))).toBe(true);
  });

  it('every ${{VARIABLE}} it, its parameters and the manifest use is set before it is needed', () => {
    const written = new Set<string>([...BUILT_IN, ...envSampleKeys(envSample)]);
    for (const step of [...(parsed.provision ?? []), ...(parsed.deploy ?? []), ...(parsed.publish ?? [])]) {
      for (const name of Object.values(step.writeToEnvironmentFile ?? {})) written.add(name);
      const run = typeof step.with?.run === 'string' ? step.with.run : '';
      for (const match of run.matchAll(/::set-teamsfx-env (\w+)=/g)) written.add(match[1]!);
      if (step.uses === 'arm/deploy') for (const output of bicepOutputs(read('infra/azure.bicep'))) written.add(output);
    }
    const used = new Set([
      ...placeholders(read(file)),
      ...placeholders(read('manifest/manifest.template.json')),
      ...(file === 'm365agents.yml' ? placeholders(read('infra/azure.parameters.json')) : []),
    ]);
    expect([...used].filter((name) => !written.has(name))).toEqual([]);
  });
});

describe('m365agents.yml stages', () => {
  const parsed = project('m365agents.yml');
  const uses = (stage: Step[] | undefined) => (stage ?? []).map((step) => step.uses);

  it('provisions the Teams app and the Azure resources, then validates, packs and updates the app', () => {
    expect(uses(parsed.provision)).toEqual([
      'teamsApp/create',
      'arm/deploy',
      'script',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
  });

  it('deploys with npm ci, npm run build and the staged folder of production files', () => {
    expect((parsed.deploy ?? []).map((step) => `${step.uses} ${String(step.with?.args ?? step.with?.artifactFolder ?? '')}`)).toEqual([
      'cli/runNpmCommand ci --no-audit --no-fund',
      'cli/runNpmCommand run build',
      'cli/runNpmCommand run stage',
      'azureAppService/zipDeploy ./build/deploy',
    ]);
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.stage).toBe('node dist/src/tools/stage-deployment.js');
  });

  it('publishes to the Teams admin centre last', () => {
    expect(uses(parsed.publish).at(-1)).toBe('teamsApp/publishAppPackage');
  });
});

/** Bicep code with its '...' strings emptied and // comments dropped, for counting brackets. */
function withoutStringsAndComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (inString) {
      if (char === '\\') i++;
      else if (char === "'") {
        inString = false;
        out += "'";
      }
      continue;
    }
    if (char === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
      continue;
    }
    if (char === "'") inString = true;
    out += char;
  }
  return out;
}

describe('infra/azure.bicep', () => {
  const bicep = read('infra/azure.bicep');
  const params = bicepParams(bicep);
  const parameterFile = JSON.parse(read('infra/azure.parameters.json')) as { parameters: Record<string, { value: unknown }> };

  it('declares every parameter the parameters file gives, and the file gives every parameter without a default', () => {
    for (const name of Object.keys(parameterFile.parameters)) expect(params.has(name)).toBe(true);
    const required = [...params].filter(([, param]) => !param.hasDefault).map(([name]) => name);
    expect(required.filter((name) => !(name in parameterFile.parameters))).toEqual([]);
  });

  it('documents every parameter with @description, and keeps the only secret @secure and out of the parameters file', () => {
    for (const name of params.keys()) {
      const declaration = new RegExp(
        `@description\\([^\\n]+\\)\\n(?:@[^\\n]+\\n)*param ${name} |@description\\([^\\n]+\\)\\n(?:@[^\\n]+\\n)*param ${name}$`,
        'm',
      );
      const before = bicep.slice(0, bicep.indexOf(`param ${name} `));
      expect(`${name}: ${/@description\(/.test(before.slice(before.lastIndexOf('\n\n'))) || declaration.test(bicep)}`).toBe(
        `${name}: true`,
      );
    }
    expect(bicep).toMatch(/@secure\(\)\n@description\([^)]*\)\nparam linkSigningSecret string/);
    expect(parameterFile.parameters).not.toHaveProperty('linkSigningSecret');
    expect(`${bicep}${read('infra/azure.parameters.json')}`).not.toMatch(/AccountKey=|MicrosoftAppPassword|listKeys\(/);
  });

  it('runs App Service on Linux, Node 20, health check /healthz, several instances allowed', () => {
    expect(bicep).toContain("linuxFxVersion: 'NODE|20-lts'");
    expect(bicep).toContain("healthCheckPath: '/healthz'");
    expect(bicep).toContain("appCommandLine: 'node --max-semi-space-size=32 dist/src/app/index.js'");
    expect(bicep).toMatch(/capacity: int\(instanceCount\)/);
    expect(bicep).toMatch(/param instanceCount string = '2'/);
    expect(bicep).toMatch(/reserved: true/);
  });

  it('reaches Tables and Key Vault with the managed identity (role assignments, no keys) and makes a single-tenant bot with a Teams channel', () => {
    expect(bicep).toContain('allowSharedKeyAccess: false');
    expect(bicep).toContain("storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'");
    expect(bicep).toContain("keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'");
    expect(bicep).toContain('enableRbacAuthorization: true');
    expect(bicep).toContain('keyVaultReferenceIdentity: identity.id');
    const botModule = read('infra/botRegistration/azurebot.bicep');
    expect(botModule).toContain("msaAppType: 'UserAssignedMSI'");
    expect(botModule).toContain('msaAppTenantId: identityTenantId');
    expect(botModule).toContain("channelName: 'MsTeamsChannel'");
    const moduleParams = bicepParams(botModule);
    const passed = [
      ...(/module bot '\.\/botRegistration\/azurebot\.bicep' = \{[\s\S]*?params: \{([\s\S]*?)\n {2}\}/.exec(bicep)?.[1] ?? '').matchAll(
        /^\s+(\w+):/gm,
      ),
    ].map((match) => match[1]!);
    expect(passed.sort()).toEqual([...moduleParams.keys()].sort());
  });

  it('is balanced and pins an API version on every resource', () => {
    for (const text of [bicep, read('infra/botRegistration/azurebot.bicep')]) {
      const code = withoutStringsAndComments(text);
      for (const [open, close] of [
        ['{', '}'],
        ['[', ']'],
        ['(', ')'],
      ] as const)
        expect(code.split(open).length).toBe(code.split(close).length);
      for (const match of text.matchAll(/^resource \w+ '([^']+)'/gm))
        expect(match[1]).toMatch(/^[A-Za-z.]+\/[A-Za-z/]+@\d{4}-\d{2}-\d{2}(-preview)?$/);
      expect(text).not.toMatch(/\t/);
    }
  });

  it('sets only settings the bot reads (or App Service does), and they satisfy the production rules', () => {
    const block = /appSettings: \[([\s\S]*?)\n {6}\]/.exec(bicep)?.[1] ?? '';
    const settings = [...block.matchAll(/^\s*\{ name: '(\w+)', value: (.+) \}$/gm)].map((match) => ({
      name: match[1]!,
      value: match[2]!.trim(),
    }));
    expect(settings.length).toBeGreaterThan(10);
    const known = new Set([...read('src/app/config.ts').matchAll(/^ {2}([A-Za-z_]+): /gm)].map((match) => match[1]!));
    const unknown = settings.map((setting) => setting.name).filter((name) => !known.has(name) && !/^(WEBSITE_|SCM_)/.test(name));
    expect(unknown).toEqual([]);
    // Stand-ins for what Azure fills in at deployment; Key Vault references resolve to the secret.
    const sample: Record<string, string> = {
      'identity.properties.clientId': '11111111-2222-4333-8444-555555555555',
      'identity.properties.tenantId': '66666666-7777-4888-8999-000000000000',
      allowedTenantIds: '66666666-7777-4888-8999-000000000000',
      'storage.properties.primaryEndpoints.table': 'https://stcppbotkcc01dev.table.core.windows.net/',
      publicBaseUrl: 'https://app-cppbot-kcc01dev.azurewebsites.net',
      'insights.properties.ConnectionString':
        'InstrumentationKey=00000000-0000-4000-8000-000000000009;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/',
      tablePrefix: 'cpp',
      modernGovUrl: 'https://democracy.kent.gov.uk',
      modernGovCommitteeId: '693',
    };
    const env: Record<string, string> = {};
    for (const { name, value } of settings) {
      if (/^'@Microsoft\.KeyVault\(SecretUri=/.test(value)) env[name] = 'x'.repeat(72);
      else if (/^'.*'$/.test(value)) env[name] = value.slice(1, -1);
      else env[name] = sample[value] ?? '';
    }
    expect(env.LINK_SIGNING_SECRET).toHaveLength(72);
    const config = loadConfig(env);
    expect(config).toMatchObject({
      environment: 'production',
      host: '0.0.0.0',
      storageAccount: {
        url: 'https://stcppbotkcc01dev.table.core.windows.net',
        managedIdentityClientId: '11111111-2222-4333-8444-555555555555',
      },
    });
    expect(config.credentials).toMatchObject({ appType: 'UserAssignedMSI', appId: '11111111-2222-4333-8444-555555555555' });
    expect(config.applicationInsightsConnectionString).toContain('InstrumentationKey=');
    expect(config.meetings.moderngov).toEqual({ baseUrl: 'https://democracy.kent.gov.uk', committeeId: '693' });
  });
});
