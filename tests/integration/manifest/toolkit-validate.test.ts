import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { buildAppPackage } from '../../../src/tools/package-app';
import { toolkitCli, validateWithToolkit } from '../../../src/tools/toolkit-validate';

/**
 * The built Teams app package checked by the Microsoft 365 Agents Toolkit itself (`atk validate
 * --manifest-file`: its schema check and validation rules), offline, as `npm run package` does.
 */
const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpp-atk-test-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('atk validate', () => {
  it('is installed (a devDependency, installed without install scripts)', () => {
    expect(toolkitCli()).toMatch(/m365agentstoolkit-cli[\\/]cli\.js$/);
  });

  it('passes the built package, and rejects one whose bot id is not a GUID', async () => {
    const good = await buildAppPackage({
      appId: APP_ID,
      publicBaseUrl: 'https://cpp-bot.azurewebsites.net',
      outFile: path.join(dir, 'good.zip'),
    });
    const zip = new AdmZip(good.outFile);
    const manifest = JSON.parse(zip.readAsText('manifest.json')) as { bots: { botId: string }[] };
    manifest.bots[0]!.botId = 'not-a-guid';
    zip.updateFile('manifest.json', Buffer.from(JSON.stringify(manifest)));
    const badFile = path.join(dir, 'bad.zip');
    zip.writeZip(badFile);
    const home = fs.mkdtempSync(path.join(dir, 'home-'));
    const [passed, rejected] = await Promise.all([validateWithToolkit(good.outFile, { home }), validateWithToolkit(badFile, { home })]);
    expect(passed).toMatchObject({ ran: true, passed: true });
    expect(passed.output).toContain('All passed');
    expect(rejected).toMatchObject({ ran: true, passed: false });
    expect(rejected.output).toMatch(/botId/);
  }, 240_000);
});
