import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import type { ErrorObject, ValidateFunction } from 'ajv';
// The Teams manifest schemas are JSON Schema draft-04, which Ajv 8 supports through this package.
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { PNG } from 'pngjs';
import { AppManifestUtils, TeamsManifestConverter } from '@microsoft/app-manifest';
import { buildAppPackage, fillTemplate, main, PACKAGE_FILES, pngSize, type AppManifest } from '../../../src/tools/package-app';
import { ICON_BACKGROUND, renderColorIcon, renderOutlineIcon } from '../../../src/tools/make-icons';
import { projectRoot } from '../../../src/platform/process/project-root';

// @microsoft/app-manifest requires strip-bom, which is ESM-only and which Jest (CommonJS, Node 20)
// cannot load. It is used only when reading manifests from disk, which these tests never do.
jest.mock('strip-bom', () => ({ __esModule: true, default: (text: string) => text.replace(/^\uFEFF/, '') }));

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const PUBLIC_BASE_URL = 'https://cpp-bot.azurewebsites.net';
const SCHEMA_URL = /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/(v1\.\d+)\/MicrosoftTeams\.schema\.json$/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The schema file that ships in @microsoft/app-manifest for a manifest's $schema URL (no network). */
function localSchemaPath(schemaUrl: string): string {
  const match = SCHEMA_URL.exec(schemaUrl);
  if (!match?.[1]) throw new Error(`unexpected $schema URL ${schemaUrl}`);
  const packageDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return path.join(packageDir, 'build', 'json-schemas', 'teams', match[1], 'MicrosoftTeams.schema.json');
}

function readJson(file: string): JsonObject {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
  if (!isObject(parsed)) throw new Error(`${file} is not a JSON object`);
  return parsed;
}

const validators = new Map<string, ValidateFunction>();

function schemaValidator(schemaUrl: string): ValidateFunction {
  const cached = validators.get(schemaUrl);
  if (cached) return cached;
  // strictTypes off: the official schema puts e.g. additionalProperties next to $ref without "type".
  const ajv = new Ajv({ allErrors: true, strictTypes: false, strictTuples: false });
  addFormats(ajv);
  const validate = ajv.compile(readJson(localSchemaPath(schemaUrl)));
  validators.set(schemaUrl, validate);
  return validate;
}

function schemaErrors(manifest: unknown): ErrorObject[] {
  const schemaUrl = isObject(manifest as Json) ? (manifest as JsonObject).$schema : undefined;
  if (typeof schemaUrl !== 'string') throw new Error('manifest has no $schema');
  const validate = schemaValidator(schemaUrl);
  return validate(manifest) ? [] : [...(validate.errors ?? [])];
}

function formatErrors(errors: ErrorObject[]): string {
  return errors.map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`).join('\n');
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function pixels(png: PNG): Array<{ r: number; g: number; b: number; a: number }> {
  const result: Array<{ r: number; g: number; b: number; a: number }> = [];
  for (let offset = 0; offset < png.data.length; offset += 4) {
    result.push({ r: png.data[offset] ?? -1, g: png.data[offset + 1] ?? -1, b: png.data[offset + 2] ?? -1, a: png.data[offset + 3] ?? -1 });
  }
  return result;
}

let tempDir: string;
let outFile: string;
let built: { outFile: string; manifest: AppManifest };
let zip: AdmZip;
let manifestText: string;
let manifest: AppManifest;

function entry(name: string): Buffer {
  const found = zip.getEntry(name);
  if (!found) throw new Error(`${name} is not in the package`);
  return found.getData();
}

beforeAll(async () => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpp-app-package-'));
  outFile = path.join(tempDir, 'app-package.zip');
  built = await buildAppPackage({ appId: APP_ID, publicBaseUrl: PUBLIC_BASE_URL, outFile });
  zip = new AdmZip(outFile);
  manifestText = entry('manifest.json').toString('utf8');
  manifest = JSON.parse(manifestText) as AppManifest;
});

afterAll(() => {
  fs.rmSync(tempDir, { recursive: true, force: true });
});

describe('Teams app package', () => {
  it('is written where asked, and returns the manifest it packed', () => {
    expect(built.outFile).toBe(outFile);
    expect(fs.statSync(outFile).size).toBeGreaterThan(0);
    expect(built.manifest).toEqual(manifest);
  });

  it('holds exactly manifest.json, color.png and outline.png, at the root', () => {
    const names = zip.getEntries().map((item) => item.entryName);
    expect([...names].sort()).toEqual([...PACKAGE_FILES].sort());
    expect(zip.getEntries().every((item) => !item.isDirectory)).toBe(true);
  });

  it('uses manifest schema v1.30 and a $schema URL that matches manifestVersion', () => {
    expect(manifest.manifestVersion).toBe('1.30');
    expect(manifest.$schema).toBe('https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json');
    expect(fs.existsSync(localSchemaPath(manifest.$schema))).toBe(true);
  });

  it('validates against the official JSON schema', () => {
    const errors = schemaErrors(manifest);
    expect(formatErrors(errors)).toBe('');
  });

  it("also passes @microsoft/app-manifest's own validator and type converter (schema passed in: offline)", async () => {
    const typed = TeamsManifestConverter.jsonToManifest(manifestText);
    expect(typed.manifestVersion).toBe('1.30');
    const schema = JSON.parse(fs.readFileSync(localSchemaPath(manifest.$schema), 'utf8')) as Parameters<
      typeof AppManifestUtils.validateAgainstSchema
    >[1];
    await expect(AppManifestUtils.validateAgainstSchema(typed, schema)).resolves.toEqual([]);
  });

  it('has no unresolved ${{...}} placeholders', () => {
    expect(manifestText).not.toContain('${{');
    expect(manifestText).not.toContain('}}');
  });

  it('uses the app id as both the Teams app id and the bot id, and the package.json version', () => {
    const packageJson = JSON.parse(fs.readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { version: string };
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.bots[0]?.botId).toBe(APP_ID);
    expect(manifest.bots[0]?.botId).toBe(manifest.id);
    expect(manifest.version).toBe(packageJson.version);
  });

  it('declares a conversational bot for personal, team and group chat, with the command list in each scope', () => {
    const bot = manifest.bots[0];
    expect(bot).toMatchObject({ supportsFiles: false, isNotificationOnly: false });
    expect([...(bot?.scopes ?? [])].sort()).toEqual(['groupChat', 'personal', 'team']);
    const expectedCommands = [
      'help',
      'next meeting',
      'meetings',
      'events',
      'new event',
      'challenge cards',
      'new challenge',
      'challenge report',
      'my calendar link',
      'stop reminders',
    ];
    for (const scope of ['personal', 'team', 'groupChat']) {
      const lists = (bot?.commandLists ?? []).filter((list) => list.scopes.includes(scope));
      expect(lists).toHaveLength(1);
      const commands = lists[0]?.commands ?? [];
      expect(commands.map((command) => command.title)).toEqual(expectedCommands);
      expect(commands.every((command) => (command.description ?? '').length > 0)).toBe(true);
    }
    expect(bot?.commandLists?.[0]?.commands[0]).toEqual({ title: 'help', description: 'What I can do' });
  });

  it('names Kent County Council as developer; privacy and terms links are the pages the bot serves', () => {
    const developer = manifest.developer as Record<string, string>;
    expect(developer.name).toBe('Kent County Council');
    expect(developer.websiteUrl).toBe('https://democracy.kent.gov.uk/mgCommitteeDetails.aspx?ID=693');
    expect(developer.privacyUrl).toBe(`${PUBLIC_BASE_URL}/privacy`);
    expect(developer.termsOfUseUrl).toBe(`${PUBLIC_BASE_URL}/terms`);
    expect(manifest.permissions).toEqual(['identity', 'messageTeamMembers']);
    expect(manifest.validDomains).toEqual([]);
  });

  it("takes a separate Teams app id (the Agents Toolkit's TEAMS_APP_ID), keeping the bot id", async () => {
    const teamsAppId = '9a8b7c6d-1111-4222-8333-444455556666';
    const result = await buildAppPackage({
      appId: APP_ID,
      teamsAppId,
      publicBaseUrl: `${PUBLIC_BASE_URL}/`,
      outFile: path.join(tempDir, 'teams-app-id.zip'),
    });
    expect(result.manifest.id).toBe(teamsAppId);
    expect(result.manifest.bots[0]?.botId).toBe(APP_ID);
    expect((result.manifest.developer as Record<string, string>).privacyUrl).toBe(`${PUBLIC_BASE_URL}/privacy`);
  });

  it.each(['http://cpp-bot.azurewebsites.net', 'cpp-bot.azurewebsites.net', 'https://cpp-bot.azurewebsites.net/?x=1'])(
    'refuses PUBLIC_BASE_URL %p (Teams needs https links)',
    async (publicBaseUrl) => {
      await expect(buildAppPackage({ appId: APP_ID, publicBaseUrl, outFile: path.join(tempDir, 'refused.zip') })).rejects.toThrow(
        /PUBLIC_BASE_URL/,
      );
    },
  );

  it('has a 192x192 opaque colour icon whose background is the accent colour', () => {
    const color = PNG.sync.read(entry('color.png'));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(pixels(color).every((pixel) => pixel.a === 255)).toBe(true);
    const hex = `#${ICON_BACKGROUND.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
    expect(String(manifest.accentColor).toLowerCase()).toBe(hex);
    const corner = pixels(color)[0];
    expect(corner).toEqual({ r: ICON_BACKGROUND[0], g: ICON_BACKGROUND[1], b: ICON_BACKGROUND[2], a: 255 });
  });

  it('has a 32x32 outline icon that is white on transparent', () => {
    const outline = PNG.sync.read(entry('outline.png'));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const all = pixels(outline);
    const visible = all.filter((pixel) => pixel.a > 0);
    expect(visible.every((pixel) => pixel.r === 255 && pixel.g === 255 && pixel.b === 255)).toBe(true);
    expect(all.filter((pixel) => pixel.a === 0).length).toBeGreaterThan(100);
    expect(all.filter((pixel) => pixel.a === 255).length).toBeGreaterThan(100);
    expect(all[0]?.a).toBe(0);
  });

  it('ships the icons exactly as src/tools/make-icons.ts draws them (the committed PNGs are current)', () => {
    const committedColor = PNG.sync.read(fs.readFileSync(path.join(projectRoot(), 'manifest', 'color.png')));
    const committedOutline = PNG.sync.read(fs.readFileSync(path.join(projectRoot(), 'manifest', 'outline.png')));
    expect(committedColor.data.equals(renderColorIcon().data)).toBe(true);
    expect(committedOutline.data.equals(renderOutlineIcon().data)).toBe(true);
    expect(entry('color.png').equals(fs.readFileSync(path.join(projectRoot(), 'manifest', 'color.png')))).toBe(true);
  });

  it('builds the same bytes twice (fixed zip timestamps)', async () => {
    const again = path.join(tempDir, 'again.zip');
    await buildAppPackage({ appId: APP_ID, publicBaseUrl: PUBLIC_BASE_URL, outFile: again });
    expect(fs.readFileSync(again).equals(fs.readFileSync(outFile))).toBe(true);
  });
});

describe('schema validation catches a broken manifest', () => {
  const missing = (errors: ErrorObject[], property: string): boolean =>
    errors.some((error) => error.keyword === 'required' && (error.params as { missingProperty?: string }).missingProperty === property);

  it('reports a missing required top-level field', () => {
    const broken = clone(manifest) as Record<string, unknown>;
    delete broken.accentColor;
    expect(missing(schemaErrors(broken), 'accentColor')).toBe(true);
  });

  it('reports a missing required nested field', () => {
    const broken = clone(manifest);
    const developer = broken.developer as Record<string, unknown>;
    delete developer.privacyUrl;
    const errors = schemaErrors(broken);
    expect(errors.some((error) => error.instancePath === '/developer' && missing([error], 'privacyUrl'))).toBe(true);
  });

  it('reports a bot id that is not a GUID, an over-long short name and an unknown property', () => {
    const broken = clone(manifest) as AppManifest & { name: { short: string } };
    const bot = broken.bots[0];
    if (!bot) throw new Error('no bot');
    bot.botId = 'not-a-guid';
    broken.name.short = 'Corporate Parenting Panel for Kent';
    broken.unexpected = true;
    const errors = schemaErrors(broken);
    expect(errors.some((error) => error.instancePath === '/bots/0/botId' && error.keyword === 'pattern')).toBe(true);
    expect(errors.some((error) => error.instancePath === '/name/short' && error.keyword === 'maxLength')).toBe(true);
    expect(errors.some((error) => error.keyword === 'additionalProperties')).toBe(true);
  });
});

describe('buildAppPackage input checks', () => {
  it.each(['', 'not-a-guid', '3f2504e0-4f89-41d3-9a0c-0305e82c330', '{3f2504e0-4f89-41d3-9a0c-0305e82c3301}', '${{MICROSOFT_APP_ID}}'])(
    'rejects the app id %p with a clear error and writes nothing',
    async (appId) => {
      const target = path.join(tempDir, `rejected-${Math.random().toString(36).slice(2)}.zip`);
      await expect(buildAppPackage({ appId, publicBaseUrl: PUBLIC_BASE_URL, outFile: target })).rejects.toThrow(/must be a GUID/);
      expect(fs.existsSync(target)).toBe(false);
    },
  );

  it('accepts an upper-case GUID and surrounding spaces', async () => {
    const target = path.join(tempDir, 'upper.zip');
    const result = await buildAppPackage({ appId: `  ${APP_ID.toUpperCase()} `, publicBaseUrl: PUBLIC_BASE_URL, outFile: target });
    expect(result.manifest.id).toBe(APP_ID.toUpperCase());
  });

  it('uses an explicit version, and rejects one that is not MAJOR.MINOR.PATCH', async () => {
    const target = path.join(tempDir, 'versioned.zip');
    const result = await buildAppPackage({ appId: APP_ID, publicBaseUrl: PUBLIC_BASE_URL, version: '2.3.4', outFile: target });
    expect(result.manifest.version).toBe('2.3.4');
    await expect(buildAppPackage({ appId: APP_ID, publicBaseUrl: PUBLIC_BASE_URL, version: '2.3', outFile: target })).rejects.toThrow(
      /MAJOR\.MINOR\.PATCH/,
    );
  });

  it('refuses a template placeholder that has no value', () => {
    expect(fillTemplate('{"id":"${{TEAMS_APP_ID}}"}', { TEAMS_APP_ID: APP_ID })).toBe(`{"id":"${APP_ID}"}`);
    expect(() => fillTemplate('{"x":"${{SOMETHING_ELSE}}"}', { TEAMS_APP_ID: APP_ID })).toThrow(/SOMETHING_ELSE/);
  });

  it('reads PNG sizes and refuses non-PNG bytes', () => {
    expect(pngSize(entry('outline.png'))).toEqual({ width: 32, height: 32 });
    expect(() => pngSize(Buffer.from('not a png at all, really not'))).toThrow(/not a PNG/);
  });
});

describe('package command (main)', () => {
  afterEach(() => jest.restoreAllMocks());

  it('prints a clear error and exits 1 when MicrosoftAppId is missing', async () => {
    const errorSpy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(main({})).resolves.toBe(1);
    expect(errorSpy.mock.calls.flat().join('\n')).toMatch(/MicrosoftAppId is not set/);
    await expect(main({ appId: APP_ID })).resolves.toBe(1);
    expect(errorSpy.mock.calls.flat().join('\n')).toMatch(/PUBLIC_BASE_URL is not set/);
  });

  it('exits 1 with the reason when the app id is not a GUID', async () => {
    const errorSpy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(main({ appId: 'bot-name', publicBaseUrl: PUBLIC_BASE_URL }, path.join(tempDir, 'main-bad.zip'), false)).resolves.toBe(1);
    expect(errorSpy.mock.calls.flat().join('\n')).toMatch(/must be a GUID/);
  });

  it('builds the package and exits 0 when the app id is set', async () => {
    const logSpy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const target = path.join(tempDir, 'main.zip');
    await expect(main({ appId: APP_ID, publicBaseUrl: PUBLIC_BASE_URL }, target, false)).resolves.toBe(0);
    expect(fs.existsSync(target)).toBe(true);
    expect(logSpy.mock.calls.flat().join('\n')).toContain(target);
  });
});
