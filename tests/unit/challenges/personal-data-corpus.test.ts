import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { POSSIBLE_NAME_MESSAGE, checkPersonalData, personalDataMessage } from '../../../src/features/challenges/domain/personal-data-guard';

const entry = z.union([
  z.string().transform((text) => ({ text, expect: 'refuse' as const })),
  z.object({ text: z.string(), expect: z.enum(['refuse', 'confirm']).default('refuse') }),
]);
const corpusSchema = z.object({ caught: z.array(entry).min(60), passed: z.array(z.string()).min(60) });
const corpus = corpusSchema.parse(parse(readFileSync(join(__dirname, '../../fixtures/personal-data-corpus.yaml'), 'utf8')));

function outcome(text: string): 'refuse' | 'confirm' | 'clear' {
  const found = checkPersonalData(text);
  if (found.refused.length > 0) return 'refuse';
  return found.possibleNames.length > 0 ? 'confirm' : 'clear';
}

describe('personal-data guard corpus', () => {
  it.each(corpus.caught.map((item) => [item.text, item.expect]))('catches %j (%s)', (text, expected) => {
    expect(outcome(text)).toBe(expected);
  });

  it.each(corpus.passed)('lets %j through', (text) => {
    expect(checkPersonalData(text)).toEqual({ refused: [], possibleNames: [] });
  });

  it('never repeats what it found in its messages', () => {
    for (const { text } of corpus.caught) {
      const found = checkPersonalData(text);
      const message = found.refused.length > 0 ? personalDataMessage(found.refused) : POSSIBLE_NAME_MESSAGE;
      expect(message).not.toMatch(/\d{2}/);
      for (const name of found.possibleNames) expect(message.toLowerCase()).not.toMatch(new RegExp(`\\b${name}\\b`));
    }
  });
});
