import type { RunningApp } from '../../../src/app/app';
import type { Actor } from '../../../src/shared/access/actor';
import { startTestApp } from '../../support/test-app';
import { FIXTURE_TENANT_ID, entraObjectId } from '../../support/teams-ids';

const officer: Actor = { aadObjectId: entraObjectId('sam'), name: 'Sam Patel', tenantId: FIXTURE_TENANT_ID, role: 'officer' };
const member: Actor = { aadObjectId: entraObjectId('martin'), name: 'Martin Hughes', tenantId: FIXTURE_TENANT_ID, role: 'panel' };

const EDITED = `# Privacy notice: Corporate Parenting Panel assistant

Kent County Council keeps your Entra object id, your name and what you send the assistant, to run
the panel's business (UK GDPR Article 6(1)(e)). Say "my data" for a copy; contact the Data
Protection Officer at [kent.gov.uk](https://www.kent.gov.uk) to have it corrected or erased.`;

function formOf(card: unknown): { formId: string; version: string } {
  const match = /"verb":"privacy\.notice\.save","data":\{"formId":"([0-9a-f-]{36})","version":"(\d+)"\}/.exec(JSON.stringify(card));
  if (!match) throw new Error('no save button');
  return { formId: match[1]!, version: match[2]! };
}

describe('the privacy notice officers edit in Teams', () => {
  let app: RunningApp;
  const page = async () => (await fetch(`${app.url}/privacy`)).text();
  const desk = () => app.services.privacy.notice;

  beforeAll(async () => {
    app = await startTestApp({}, { startWorkers: false });
  });
  afterAll(() => app?.stop());

  it('serves the notice that ships with the bot until an officer saves one', async () => {
    expect(await page()).toContain('What the assistant keeps');
    await expect(desk().editForm(member)).rejects.toMatchObject({ code: 'forbidden' });
    const form = JSON.stringify(await desk().editForm(officer));
    expect(form).toContain('The notice that ships with the bot');
    expect(form).toContain('What the assistant keeps');
  });

  it('refuses a notice without a heading, with HTML or with a plain-http link, keeping what was typed and saving nothing', async () => {
    const { formId, version } = formOf(await desk().editForm(officer));
    for (const [markdown, problem] of [
      [EDITED.replace(/^# /, ''), 'Start the notice with a heading line'],
      [`${EDITED}\n\n<script>alert(1)</script>`, 'without HTML tags'],
      [EDITED.replace('https://www.kent.gov.uk', 'http://www.kent.gov.uk'), 'Links must start with https://'],
      ['# Short', 'at least 200 characters'],
    ] as const) {
      const card = JSON.stringify(await desk().save(officer, { formId, version, markdown }));
      expect(card).toContain(problem);
      expect(card).toContain(formId);
    }
    expect(await page()).toContain('What the assistant keeps');
  });

  it('saves a new version once however often the form is sent, serves it at once, and audits who changed it', async () => {
    const { formId, version } = formOf(await desk().editForm(officer));
    const [first, second] = await Promise.all([
      desk().save(officer, { formId, version, markdown: EDITED }),
      desk().save(officer, { formId, version, markdown: EDITED }),
    ]);
    expect(JSON.stringify([first, second])).toContain('Version 1');
    expect(JSON.stringify([first, second])).not.toContain('Version 2');
    const html = await page();
    expect(html).toContain('Say &quot;my data&quot; for a copy');
    expect(html).not.toContain('What the assistant keeps');
    // A form opened before that save is out of date: the officer is told and their text kept.
    const stale = JSON.stringify(
      await desk().save(officer, { formId: '6b1f0c2d-3e4a-4b5c-9d6e-7f8a9b0c1d2e', version, markdown: `${EDITED}\n\nMore.` }),
    );
    expect(stale).toContain('Someone else saved version 1');
    expect(stale).toContain('More.');
    const audit = JSON.stringify(await app.services.audit.card({ ...officer, aadObjectId: 'x', role: 'admin' }));
    expect(audit).toContain('Privacy notice changed');
    expect(audit).toContain('version 1');
  });

  it('resets to the default, as a version of its own', async () => {
    const { formId, version } = formOf(await desk().editForm(officer));
    expect(version).toBe('1');
    expect(JSON.stringify(await desk().reset(officer, { formId, version }))).toContain('Privacy notice reset');
    expect(await page()).toContain('What the assistant keeps');
    expect(JSON.stringify(await desk().editForm(officer))).toContain('Version 2, saved by Sam Patel');
  });
});
