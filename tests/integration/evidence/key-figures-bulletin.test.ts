import { DateTime } from 'luxon';
import { MemberBulletin } from '../../../src/features/calendar/member-bulletin';
import { KeyFiguresStore } from '../../../src/features/key-figures/data/key-figures-store';
import { loadKeyFigureDefinitions } from '../../../src/features/key-figures/domain/key-figure-definitions';
import { KeyFiguresDesk } from '../../../src/features/key-figures/key-figures-desk';
import { ChartRenderer } from '../../../src/platform/charts/chart-renderer';
import { ManualClock } from '../../../src/platform/time/clock';
import type { Actor } from '../../../src/shared/access/actor';
import { executeActionData } from '../../support/conversation-driver';
import { testTableStore } from '../../support/test-storage';

const officer: Actor = { aadObjectId: '11111111-1111-4111-8111-111111111111', name: 'Olivia Officer', tenantId: 't', role: 'officer' };
const member: Actor = { aadObjectId: '22222222-2222-4222-8222-222222222222', name: 'Cllr Test', tenantId: 't', role: 'panel' };
const nothingScheduled = { listStartingBetween: async () => [], listStartingFrom: async () => [] };

/** The quarter's figures from the officers' form to the Member Bulletin, against Azurite. */
describe('key figures from the form to the bulletin', () => {
  const clock = new ManualClock('2026-10-05T09:00:00+01:00'); // a Monday, early in Q4 2026
  let desk: KeyFiguresDesk;
  let store: KeyFiguresStore;
  let bulletin: MemberBulletin;

  beforeAll(async () => {
    const tables = await testTableStore();
    store = new KeyFiguresStore(tables.client('keyfigures'));
    desk = new KeyFiguresDesk({ store, definitions: loadKeyFigureDefinitions(), charts: new ChartRenderer(), clock });
    bulletin = new MemberBulletin(nothingScheduled, nothingScheduled, { list: async () => [] }, clock, { keyFigures: desk });
  });

  /** Fills the form the desk drew for `text` and saves it, as the card would post it. */
  async function enter(text: string, inputs: Record<string, string>, by: Actor = officer) {
    const form = await desk.form(by, text);
    const data = executeActionData(form, 'keyFigures.save');
    return JSON.stringify(await desk.save(by, { ...data, ...inputs }));
  }

  it('refuses members and quarters that have not ended, changing nothing', async () => {
    await expect(desk.form(member, 'enter key figures')).rejects.toMatchObject({
      code: 'forbidden',
      userMessage: 'Only officers can enter the key figures. Ask "key figures" to see the latest.',
    });
    await expect(desk.save(member, { quarter: '2026-Q3', formId: 'aaaaaaaa-bbbb' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(desk.form(officer, 'enter key figures for Q4 2026')).rejects.toMatchObject({
      code: 'invalid_input',
      userMessage: expect.stringMatching(/Q4 2026 has not ended yet .* The last complete quarter is Q3 2026\./),
    });
    await expect(desk.save(officer, { quarter: '2027-Q1', formId: 'aaaaaaaa-bbbb', figure_children_in_care: '1' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(desk.form(officer, 'enter key figures for 2026')).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await store.latest('2030-Q4', 10)).toEqual([]);
    expect(JSON.stringify(await desk.card(member))).toContain('No key figures have been entered yet.');
  });

  it('redraws the form with the errors beside the figures and saves nothing when a figure is wrong', async () => {
    const refused = await enter('enter key figures for Q3 2026', {
      figure_children_in_care: '1870.5',
      figure_foster_care_share: '140',
      source: '',
    });
    expect(refused).toContain('Please check the figures marked below.');
    expect(refused).toContain('Enter a whole number.');
    expect(refused).toContain('Enter a number from 0 to 100.');
    expect(refused).toContain('Say where the figures come from');
    expect(refused).toContain('"value":"140"');
    expect(await store.get('2026-Q3')).toBeUndefined();
  });

  it('carries the latest quarter once in the bulletin, with the change since the quarter before and the trend chart', async () => {
    expect(
      await enter('enter key figures for Q2 2026', {
        figure_children_in_care: '1,858',
        figure_attainment_gap: '43',
        source: 'Children in care performance report, 30 June 2026',
      }),
    ).toContain('Saved. Members get them in the next Member Bulletin.');
    expect(
      await enter('enter key figures', {
        figure_children_in_care: '1870',
        figure_foster_care_share: '69.5%',
        figure_attainment_gap: '41.5',
        source: 'Children in care performance report, 30 September 2026',
      }),
    ).toContain('Saved. Members get them in the next Member Bulletin.');

    const first = await bulletin.prepare();
    const card = JSON.stringify(first.cardsFor(member)[0]);
    expect(card).toContain('Key figures: Q3 2026');
    expect(card).toContain('1,870 (up 12 since Q2 2026)');
    expect(card).toContain('41.5 points (down 1.5 points since Q2 2026 (better))');
    expect(card).toContain('"value":"69.5%"');
    expect(card).toContain('Source: Children in care performance report, 30 September 2026');
    expect(card).toMatch(/"url":"data:image\/png;base64,[A-Za-z0-9+/=]{200,}"/);
    expect(Buffer.byteLength(card)).toBeLessThan(28 * 1024);
    await first.queued();
    // The same week's bulletin run again (a retried job) still carries them; next week's does not.
    expect(JSON.stringify((await bulletin.prepare()).cardsFor(member))).toContain('Key figures: Q3 2026');
    clock.set(DateTime.fromISO('2026-10-12T08:00:00', { zone: 'Europe/London' }));
    expect(JSON.stringify((await bulletin.prepare()).cardsFor(member))).not.toContain('Key figures');
    // Members can still ask for them.
    expect(JSON.stringify(await desk.card(member))).toContain('1,870 (up 12 since Q2 2026)');
  });

  it('keeps a correction (and the version it replaced) without announcing it again, and says where a backfilled quarter goes', async () => {
    const corrected = await enter('correct key figures for Q3 2026', {
      figure_children_in_care: '1872',
      figure_foster_care_share: '69.5',
      figure_attainment_gap: '41.5',
      source: 'Children in care performance report, 30 September 2026 (revised)',
    });
    expect(corrected).toContain('Members already had this quarter in a bulletin');
    expect((await store.get('2026-Q3'))?.version).toBe(2);
    expect(JSON.stringify((await bulletin.prepare()).cardsFor(member))).not.toContain('Key figures');
    expect(JSON.stringify(await desk.card(member))).toContain('1,872 (up 14 since Q2 2026)');
    const backfilled = await enter('enter key figures for Q1 2026', {
      figure_children_in_care: '1840',
      source: 'Performance report, March 2026',
    });
    expect(backfilled).toContain('the bulletin carries only the latest quarter (Q3 2026)');
  });
});
