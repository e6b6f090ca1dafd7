import { PNG } from 'pngjs';
import { challengeAreaChart, challengeTrendChart } from '../../../src/features/challenges/domain/challenge-report-chart';
import { buildChallengeReport } from '../../../src/features/challenges/domain/challenge-report';
import { quarterPeriod } from '../../../src/features/challenges/domain/challenge-report-period';
import { parseKeyFigureDefinitions, loadKeyFigureDefinitions } from '../../../src/features/key-figures/domain/key-figure-definitions';
import { changeText, figureLines } from '../../../src/features/key-figures/domain/key-figures';
import { keyFiguresTrendChart } from '../../../src/features/key-figures/domain/key-figures-chart';
import { KeyFiguresFormError, figureInputId, validateKeyFiguresForm } from '../../../src/features/key-figures/domain/key-figures-form';
import { draftSummary, plainWords } from '../../../src/features/challenges/domain/you-said-we-did';
import { cardImage } from '../../../src/platform/charts/card-chart';
import { ChartRenderer } from '../../../src/platform/charts/chart-renderer';
import { renderWordReport } from '../../../src/platform/documents/word-report';
import { readDocx } from '../../support/docx-text';

const renderer = new ChartRenderer();
const definitions = loadKeyFigureDefinitions();
const quarter = (key: string, values: Record<string, number>) => ({
  quarter: key,
  values,
  source: 'Performance report',
  enteredBy: { aadObjectId: 'o', name: 'O' },
  enteredAtUtc: '2026-10-02T09:00:00.000Z',
  formId: 'f',
  version: 1,
});

describe('charts', () => {
  it('draws a chart to PNG with our font, text and all, and fits it in a card', async () => {
    const report = buildChallengeReport([], quarterPeriod(2026, 3), '2026-10-01T09:00:00.000Z');
    const chart = await renderer.draw(challengeAreaChart(report));
    expect(chart.svg).toContain('DejaVu Sans');
    const png = PNG.sync.read(renderer.png(chart, 1));
    expect([png.width, png.height]).toEqual([chart.width, chart.height]);
    let dark = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 100 && png.data[i + 1]! < 100 && png.data[i + 2]! < 100) dark++;
    expect(dark).toBeGreaterThan(200);
    const sharp = PNG.sync.read(renderer.png(chart, 2));
    expect(sharp.width).toBe(chart.width * 2);
    const image = cardImage(renderer, chart);
    expect(image?.url).toMatch(/^data:image\/png;base64,/);
    expect(image!.url.length).toBeLessThanOrEqual(16 * 1024);
    expect(cardImage(renderer, chart, 100)).toBeUndefined();
  });

  it('labels a small count of cards in whole numbers, each once', async () => {
    const quarters = [1, 2, 3, 4].map((q) => ({
      ...buildChallengeReport([], quarterPeriod(2026, q as 1 | 2 | 3 | 4), '2027-01-05T09:00:00.000Z'),
      raised: q === 4 ? 1 : 0,
    }));
    const svg = (await renderer.draw(challengeTrendChart(quarters))).svg;
    const labels = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
    expect(labels.filter((label) => label === '1')).toHaveLength(1);
    expect(labels).not.toContain('0.5');
  });

  it('draws the key figures as small multiples over four quarters', async () => {
    const chart = await renderer.draw(
      keyFiguresTrendChart(definitions, [
        quarter('2026-Q2', { 'children-in-care': 1900 }),
        quarter('2026-Q3', { 'children-in-care': 1870, 'attainment-gap': 43 }),
      ]),
    );
    expect(chart.width).toBeGreaterThan(300);
    expect(chart.altText).toContain('Children in care 1900, 1870');
  });
});

describe('Word documents', () => {
  it('writes the council heading, the period, tables and the chart, and reads back', async () => {
    const chart = await renderer.draw(challengeAreaChart(buildChallengeReport([], quarterPeriod(2026, 3), '2026-10-01T09:00:00.000Z')));
    const body = await renderWordReport({
      title: 'Test report',
      period: 'Q3 2026: 1 July to 30 September 2026',
      preparedLine: 'Prepared today',
      blocks: [
        { kind: 'facts', rows: [['New', '42']] },
        { kind: 'chart', png: renderer.png(chart, 2), width: chart.width, height: chart.height, altText: chart.altText },
        { kind: 'table', columns: ['Member', 'Attended'], rows: [['Cllr A', '3']] },
      ],
    });
    const docx = readDocx(body);
    expect(docx.paragraphs.slice(0, 4)).toEqual([
      'Kent County Council',
      'Corporate Parenting Panel',
      'Test report',
      'Q3 2026: 1 July to 30 September 2026',
    ]);
    expect(docx.tables).toEqual([
      [['New', '42']],
      [
        ['Member', 'Attended'],
        ['Cllr A', '3'],
      ],
    ]);
    expect(docx.images).toHaveLength(1);
    expect(docx.title).toBe('Test report');
  });
});

describe('key figures', () => {
  it('ships a valid set and refuses a broken one with the figure named', () => {
    expect(definitions.map((d) => d.id)).toEqual([
      'children-in-care',
      'foster-care-share',
      'placement-stability',
      'care-leavers-eet',
      'attainment-gap',
    ]);
    expect(() =>
      parseKeyFigureDefinitions({
        figures: [
          { id: 'a', label: 'Aaa', unit: 'count' },
          { id: 'a', label: 'Bbb', unit: 'count' },
        ],
      }),
    ).toThrow(/"a" is listed twice/);
    expect(() => parseKeyFigureDefinitions({ figures: [{ id: 'Bad Id', label: 'Aaa', unit: 'count' }] })).toThrow(/figures\.0\.id/);
    expect(() => parseKeyFigureDefinitions({ figures: [{ id: 'a', label: 'Aaa', unit: 'kilos' }] })).toThrow(/key-figures\.yaml/);
  });

  it('validates the form: numbers in range, decimals, and a source line', () => {
    const [count, share] = definitions;
    expect(
      validateKeyFiguresForm(
        { [figureInputId(count!)]: '1,870', [figureInputId(share!)]: '69.5', source: 'Children in care report, September 2026' },
        definitions,
      ),
    ).toEqual({ values: { 'children-in-care': 1870, 'foster-care-share': 69.5 }, source: 'Children in care report, September 2026' });
    const error = (() => {
      try {
        validateKeyFiguresForm({ [figureInputId(count!)]: '18.5', [figureInputId(share!)]: '140', source: '' }, definitions);
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(KeyFiguresFormError);
    expect(Object.keys((error as KeyFiguresFormError).fieldErrors).sort()).toEqual(
      [figureInputId(count!), figureInputId(share!), 'source'].sort(),
    );
  });

  it('says the change since the quarter before in words', () => {
    const [count, , , , gap] = definitions;
    expect(changeText(count!, 1870, 1858, 'Q2 2026')).toBe('up 12 since Q2 2026');
    expect(changeText(gap!, 41.5, 43, 'Q2 2026')).toBe('down 1.5 points since Q2 2026 (better)');
    expect(changeText(gap!, 44, 43, 'Q2 2026')).toBe('up 1.0 points since Q2 2026 (worse)');
    expect(changeText(count!, 5, 5, 'Q2 2026')).toBe('no change since Q2 2026');
    const lines = figureLines(
      definitions,
      quarter('2026-Q3', { 'children-in-care': 1870 }),
      quarter('2026-Q1', { 'children-in-care': 1800 }),
    );
    expect(lines).toEqual([{ id: 'children-in-care', label: 'Children in care', value: '1,870', change: '' }]);
  });
});

describe('You said, we did', () => {
  it('takes names and jargon out and keeps sentences short', () => {
    const text = plainWords(
      'Cllr Martin Hughes raised it with KCC and the LAC team agreed new placements; the NEET group will meet in order to plan more apprenticeships for care leavers across the county',
      ['Martin Hughes'],
    );
    expect(text).not.toMatch(/Martin|Hughes|KCC|LAC|NEET/);
    expect(text).toMatch(/^Someone from the council raised it/);
    expect(text).toContain('not in education, work or training');
    expect(text.split('. ').length).toBeGreaterThan(1);
  });

  it('writes one item per closed challenge, redirected ones without personal detail', () => {
    const summary = draftSummary(
      2026,
      [
        {
          reference: 'CC-2026-002',
          title: 'More help with council tax',
          status: 'completed',
          closedOn: '2026-06-01',
          explanation: 'You will not pay council tax until you are 25.',
        },
        {
          reference: 'CC-2026-001',
          title: 'My social worker never calls',
          status: 'redirected',
          closedOn: '2026-03-01',
          explanation: 'Passed to Jane Smith, team manager',
        },
      ],
      ['Jane Smith'],
    );
    expect(summary.items.map((item) => item.reference)).toEqual(['CC-2026-001', 'CC-2026-002']);
    expect(JSON.stringify(summary)).not.toContain('Jane');
    expect(summary.items[1]!.weDid).toBe('You will not pay council tax until you are 25.');
  });
});
