import { literalText } from '../../../src/shared/text/literal-text';

describe('literalText: escapes only what Markdown would read as markup in that position', () => {
  it.each([
    'Awards-2026',
    '7 > 11',
    'St. Mary’s Church, 10.30am',
    'Kent County Council - Children in Care',
    'Fish & Chips',
    'a * b = c',
    'snake_case_name',
    'C# and F# training',
    'Meeting #4',
    '3 < 4',
    'Price: £5 (or more!) {approx} | 50% + VAT ~ ok',
    '“Awards” – 2026 • Kent’s “voice” … ‹›«» — ¡¿',
    'Awards 2026. A year of change',
  ])('leaves %j as it is', (text) => {
    expect(literalText(text)).toBe(text);
  });

  it.each([
    ['# Not a heading', '\\# Not a heading'],
    ['- not a list', '\\- not a list'],
    ['+ not a list', '\\+ not a list'],
    ['* not a list', '\\* not a list'],
    ['1. Not a numbered list', '1\\. Not a numbered list'],
    ['12) Not either', '12\\) Not either'],
    ['2026. A year of change', '2026\\. A year of change'],
    ['> not a quote', '\\> not a quote'],
    ['---', '\\---'],
    ['*not bold*', '\\*not bold\\*'],
    ['**not bold**', '\\*\\*not bold\\*\\*'],
    ['_not italic_', '\\_not italic\\_'],
    ['~~not struck~~', '\\~\\~not struck\\~\\~'],
    ['`not code`', '\\`not code\\`'],
    ['[Open the secure portal](https://evil.example)', '\\[Open the secure portal](https://evil.example)'],
    ['![pixel](https://evil.example/p.png)', '!\\[pixel](https://evil.example/p.png)'],
    ['<at>Everyone</at>', '\\<at>Everyone\\</at>'],
    ['<https://evil.example>', '\\<https://evil.example>'],
    ['Tom &amp; Jerry', 'Tom \\&amp; Jerry'],
    ['a \\* b', 'a \\\\* b'],
  ])('escapes %j', (text, expected) => {
    expect(literalText(text)).toBe(expected);
  });

  it('escapes line starts on every line and keeps an indent from becoming a code block', () => {
    expect(literalText('First line\n- second\n    indented')).toBe('First line\n\\- second\n\u00a0\u00a0\u00a0\u00a0indented');
    expect(literalText('Title\n===')).toBe('Title\n\\===');
  });
});
