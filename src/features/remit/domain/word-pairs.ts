import type { QueryConcept } from './query-concept';
import { stem } from './stemmer';
import { isStopWord } from './stop-words';
import { tokenize } from './text-normalizer';

/**
 * Two content words side by side, in order ("lead member", "foster carer"): a phrasing that keeps
 * the member's words together is closer than one that only holds each word somewhere. Stems, with
 * the small words between them skipped ("member for children" -> "member child").
 */
export type WordPairs = ReadonlySet<string>;

/** The adjacent content-word pairs of some texts (an entry's question, alternatives and keywords). */
export function wordPairsOf(texts: readonly string[]): WordPairs {
  const pairs = new Set<string>();
  for (const text of texts) {
    const words = tokenize(text)
      .filter((t) => !isStopWord(t))
      .map(stem);
    for (let i = 1; i < words.length; i++) pairs.add(pairKey(words[i - 1]!, words[i]!));
  }
  return pairs;
}

/**
 * The question's neighbouring words, as the pairs an entry would hold for each ("panel report" for
 * "the panel report to"): each word by the stems of its own spellings, not its synonyms (a pair is
 * about how the member put it). Intent and number words are not part of a topic's phrasing. Built
 * once per question; each candidate is then a few set lookups.
 */
export function askedPairs(concepts: readonly QueryConcept[]): readonly (readonly string[])[] {
  const words = concepts
    .filter((c) => c.strength === 'strong' || c.strength === 'weak')
    .map((c) => [...new Set([...c.terms].filter(([, weight]) => weight >= 1).map(([term]) => stem(term)))]);
  const pairs: string[][] = [];
  for (let i = 1; i < words.length; i++) pairs.push(words[i - 1]!.flatMap((first) => words[i]!.map((second) => pairKey(first, second))));
  return pairs;
}

/** The share of the question's neighbouring words that an entry also keeps together, 0 to 1. */
export function sharedPairShare(asked: readonly (readonly string[])[], pairs: WordPairs | undefined): number {
  if (!pairs || asked.length === 0) return 0;
  let shared = 0;
  for (const ways of asked) if (ways.some((key) => pairs.has(key))) shared++;
  return shared / asked.length;
}

function pairKey(first: string, second: string): string {
  return `${first} ${second}`;
}
