import fs from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { loadPackagingConfig, type PackagingConfig } from '../app/config';
import { projectRoot } from '../platform/process/project-root';
import { validateWithToolkit } from './toolkit-validate';

/**
 * Builds the Teams app package (manifest.json + color.png + outline.png at the zip root) from
 * manifest/manifest.template.json, filling in the bot's Microsoft app id, the Teams app id (the
 * same unless TEAMS_APP_ID says otherwise), the bot's public address (privacy and terms pages) and
 * the package.json version, then checks it with the Microsoft 365 Agents Toolkit's own validator:
 *
 *   MicrosoftAppId=<bot app (client) id> PUBLIC_BASE_URL=https://<app>.azurewebsites.net npm run package
 *     ->  manifest/build/app-package.zip
 *
 * The Agents Toolkit's teamsApp/zipAppPackage (m365agents.yml) fills the same template from env/.
 */

export interface AppManifestBot {
  botId: string;
  scopes: string[];
  commandLists?: Array<{ scopes: string[]; commands: Array<{ title: string; description?: string }> }>;
  [key: string]: unknown;
}

/** The parts of the filled manifest this tool and its tests read; everything else passes through. */
export interface AppManifest {
  $schema: string;
  manifestVersion: string;
  version: string;
  id: string;
  icons: { color: string; outline: string };
  bots: AppManifestBot[];
  [key: string]: unknown;
}

export interface BuildAppPackageOptions {
  /** The bot's Microsoft app (client) id: the bot id, and the Teams app id unless teamsAppId is given. */
  appId: string;
  /** The Teams app's own id (the Agents Toolkit's TEAMS_APP_ID); default: appId. */
  teamsAppId?: string;
  /** The bot's public https address; the manifest links to its /privacy and /terms pages. */
  publicBaseUrl: string;
  /** Defaults to the version in package.json. Teams requires MAJOR.MINOR.PATCH. */
  version?: string;
  /** Defaults to manifest/build/app-package.zip. */
  outFile?: string;
}

export interface AppPackage {
  outFile: string;
  manifest: AppManifest;
}

/** The only files in the package, all at its root. */
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;

const ICON_SIZES: Record<'color.png' | 'outline.png', number> = { 'color.png': 192, 'outline.png': 32 };
const GUID = /^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const SEMVER = /^(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)$/;
const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
/** Fixed entry timestamps, so the same inputs give the same zip bytes. */
const ENTRY_TIME = new Date(2000, 0, 1, 0, 0, 0);

export function manifestDirectory(): string {
  return path.join(projectRoot(), 'manifest');
}

export function defaultPackagePath(): string {
  return path.join(manifestDirectory(), 'build', 'app-package.zip');
}

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

function readPackageVersion(): string {
  const packageJson: unknown = JSON.parse(fs.readFileSync(path.join(projectRoot(), 'package.json'), 'utf8'));
  const version = typeof packageJson === 'object' && packageJson !== null ? (packageJson as { version?: unknown }).version : undefined;
  if (typeof version !== 'string') throw new Error('package.json has no "version" string');
  return version;
}

/**
 * Replaces every `${{NAME}}` in the template text with the JSON-escaped value; a placeholder
 * with no value is an error, so nothing unresolved can reach Teams.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  const missing = new Set<string>();
  const filled = template.replace(PLACEHOLDER, (match, name: string) => {
    const value = values[name];
    if (value === undefined) {
      missing.add(name);
      return match;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  if (missing.size > 0) {
    throw new Error(`manifest template has placeholders with no value: ${[...missing].map((name) => `\${{${name}}}`).join(', ')}`);
  }
  if (filled.includes('${{')) throw new Error('manifest template has a malformed ${{...}} placeholder');
  return filled;
}

/** Reads width and height from a PNG's IHDR chunk; throws if the bytes are not a PNG. */
export function pngSize(data: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (data.length < 24 || !data.subarray(0, 8).equals(signature) || data.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG file');
  }
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

function readIcon(name: 'color.png' | 'outline.png'): Buffer {
  const file = path.join(manifestDirectory(), name);
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: run "npm run build && node dist/src/tools/make-icons.js"`);
  }
  const data = fs.readFileSync(file);
  const expected = ICON_SIZES[name];
  const { width, height } = pngSize(data);
  if (width !== expected || height !== expected) {
    throw new Error(`${name} must be ${expected}x${expected} pixels, but is ${width}x${height}`);
  }
  return data;
}

function checkManifest(manifest: AppManifest, appId: string, teamsAppId: string): void {
  if (manifest.id !== teamsAppId) throw new Error('manifest template: "id" must be ${{TEAMS_APP_ID}}');
  const bot = manifest.bots[0];
  if (manifest.bots.length !== 1 || bot?.botId !== appId) {
    throw new Error('manifest template: must declare exactly one bot whose "botId" is ${{BOT_ID}}');
  }
  if (manifest.icons.color !== 'color.png' || manifest.icons.outline !== 'outline.png') {
    throw new Error('manifest template: icons must be "color.png" and "outline.png"');
  }
}

function requireGuid(value: string, what: string): string {
  const id = value.trim();
  if (!isGuid(id)) {
    const shown = id.length > 60 ? `${id.slice(0, 60)}...` : id;
    throw new Error(
      `The ${what} must be a GUID such as 00000000-0000-0000-0000-000000000000, but got "${shown}". ${what === 'Microsoft app id' ? "Use the bot registration's Microsoft App ID (the Entra application/client id)." : ''}`.trim(),
    );
  }
  return id;
}

/** The bot's https origin (and path, if any), without a trailing slash. */
function requirePublicBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(
      `PUBLIC_BASE_URL must be the bot's https address, e.g. https://cpp-bot.azurewebsites.net, but got "${value.slice(0, 60)}"`,
    );
  }
  if (url.protocol !== 'https:' || url.search || url.hash) {
    throw new Error(
      `PUBLIC_BASE_URL must be an https address without a query, e.g. https://cpp-bot.azurewebsites.net (Teams requires https privacy and terms links), but got "${value.slice(0, 60)}"`,
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export async function buildAppPackage(options: BuildAppPackageOptions): Promise<AppPackage> {
  const appId = requireGuid(options.appId, 'Microsoft app id');
  const teamsAppId = options.teamsAppId === undefined ? appId : requireGuid(options.teamsAppId, 'Teams app id');
  const publicBaseUrl = requirePublicBaseUrl(options.publicBaseUrl);
  const version = options.version ?? readPackageVersion();
  if (!SEMVER.test(version)) {
    throw new Error(`The app version must be MAJOR.MINOR.PATCH (Teams accepts nothing else), but got "${version}"`);
  }

  const template = fs.readFileSync(path.join(manifestDirectory(), 'manifest.template.json'), 'utf8');
  const manifestText = fillTemplate(template, {
    TEAMS_APP_ID: teamsAppId,
    BOT_ID: appId,
    APP_VERSION: version,
    PUBLIC_BASE_URL: publicBaseUrl,
  });
  const manifest = JSON.parse(manifestText) as AppManifest;
  checkManifest(manifest, appId, teamsAppId);

  const zip = new AdmZip();
  const contents: Record<(typeof PACKAGE_FILES)[number], Buffer> = {
    'manifest.json': Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'),
    'color.png': readIcon('color.png'),
    'outline.png': readIcon('outline.png'),
  };
  for (const name of PACKAGE_FILES) {
    const entry = zip.addFile(name, contents[name]);
    entry.header.time = ENTRY_TIME;
  }

  const outFile = path.resolve(options.outFile ?? defaultPackagePath());
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const partial = `${outFile}.${process.pid}.partial`;
  await fs.promises.writeFile(partial, await zip.toBufferPromise());
  await fs.promises.rename(partial, outFile);
  return { outFile, manifest };
}

/** `npm run package`: returns the process exit code. `validate` false skips the toolkit (tests). */
export async function main(config: PackagingConfig = loadPackagingConfig(), outFile?: string, validate = true): Promise<number> {
  const missing = !config.appId ? 'MicrosoftAppId' : !config.publicBaseUrl ? 'PUBLIC_BASE_URL' : undefined;
  if (!config.appId || !config.publicBaseUrl) {
    console.error(
      `Cannot build the Teams app package: ${String(missing)} is not set.\n` +
        "Set MicrosoftAppId to the bot's Microsoft App ID (a GUID) and PUBLIC_BASE_URL to its https address, e.g.\n" +
        '  MicrosoftAppId=00000000-0000-0000-0000-000000000000 PUBLIC_BASE_URL=https://cpp-bot.azurewebsites.net npm run package',
    );
    return 1;
  }
  try {
    const built = await buildAppPackage({
      appId: config.appId,
      teamsAppId: config.teamsAppId,
      publicBaseUrl: config.publicBaseUrl,
      outFile,
    });
    console.log(`Teams app package written to ${built.outFile} (app id ${built.manifest.id}, version ${built.manifest.version})`);
    if (validate) {
      const result = await validateWithToolkit(built.outFile);
      if (!result.ran) console.warn(`Not checked with the Agents Toolkit: ${result.output}`);
      else if (!result.passed) {
        console.error(`The Agents Toolkit's validator rejected the package:\n${result.output}`);
        return 1;
      } else console.log('Checked with the Microsoft 365 Agents Toolkit (atk validate): all passed.');
    }
    console.log('Upload it in Teams (Apps > Manage your apps > Upload an app) or in the Teams admin center.');
    return 0;
  } catch (error) {
    console.error(`Cannot build the Teams app package: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (require.main === module) {
  void main().then((code) => {
    process.exitCode = code;
  });
}
