import { stem } from './stemmer';

/** What the corrector may consult: the words the index holds, and whether a stem is real English. */
export interface SpellingVocabulary {
  /** Every word (not stem) the index holds, with how often it occurs: the more common wins a tie. */
  words: ReadonlyMap<string, number>;
  /** Whether the word (as typed) is a real English word, inflected forms such as "became" included. */
  isEnglish(word: string): boolean;
}

const MIN_LENGTH = 4;
const LONG_WORD = 9;
// An indexed word seen this rarely, that is no English word and is one typo from a common English
// word, is itself a typo (an alternative written as members type, "chalenge cards?"): it is corrected, not known.
const TYPO_AT_MOST = 2;
const TYPO_COMMONER_BY = 10;

/**
 * Corrects typos in a question against the words the knowledge base and documents actually use
 * ("accountabilty" -> "accountability", "challange" -> "challenge"). A word is left alone when the
 * index knows it, when it is a real English word the documents just do not use ("lunch" is not a
 * typo of "launch"), when it holds a digit, or when no indexed word is close enough (one edit for
 * words up to seven letters, two for longer, so "invicta" is not "invite"; a swap of two neighbouring letters counts as one).
 * Candidates are found through a symmetric deletion index (as in SymSpell), so a lookup costs microseconds.
 */
export class SpellingCorrector {
  private readonly byDeletion = new Map<string, string[]>();
  private readonly known = new Set<string>();
  // Long words by first letter: a typo dropping two letters ("apprentiships") meets no single deletion.
  private readonly longByInitial = new Map<string, string[]>();

  // Indexed words that are themselves typos of a common indexed word: never a correction's result.
  private readonly typos = new Set<string>();

  constructor(private readonly vocabulary: SpellingVocabulary) {
    for (const word of vocabulary.words.keys()) {
      if (word.length < MIN_LENGTH || /\d/.test(word)) continue;
      if (word.length >= LONG_WORD) {
        const list = this.longByInitial.get(word[0]!);
        if (list) list.push(word);
        else this.longByInitial.set(word[0]!, [word]);
      }
      // One deletion per indexed word is enough: the question's own deletions (up to two) meet it,
      // which finds every one-edit typo and the two-edit ones people make. It keeps the index small.
      for (const key of deletions(word, 1)) {
        const list = this.byDeletion.get(key);
        if (list) list.push(word);
        else this.byDeletion.set(key, [word]);
      }
    }
    for (const word of vocabulary.words.keys()) if (this.isTypo(word)) this.typos.add(word);
    for (const word of vocabulary.words.keys()) {
      if (this.typos.has(word)) continue;
      this.known.add(word);
      this.known.add(stem(word));
    }
  }

  private isTypo(word: string): boolean {
    const seen = this.vocabulary.words.get(word) ?? 0;
    if (seen > TYPO_AT_MOST || word.length < MIN_LENGTH || /\d/.test(word) || this.vocabulary.isEnglish(word)) return false;
    const limit = maxEdits(word.length);
    for (const key of deletions(word, limit))
      for (const other of this.byDeletion.get(key) ?? [])
        if (
          other !== word &&
          (this.vocabulary.words.get(other) ?? 0) >= TYPO_COMMONER_BY * seen &&
          this.vocabulary.isEnglish(other) &&
          editDistance(word, other, limit) <= limit
        )
          return true;
    return false;
  }

  /** The token as the index would know it, or the token itself. */
  correct(token: string): string {
    if (token.length < MIN_LENGTH || /\d/.test(token) || this.known.has(token) || this.known.has(stem(token))) return token;
    if (this.vocabulary.isEnglish(token)) return token;
    const limit = maxEdits(token.length);
    const candidates = new Set<string>();
    for (const key of deletions(token, limit)) for (const word of this.byDeletion.get(key) ?? []) candidates.add(word);
    const best = this.closest(token, candidates, limit) ?? this.closestLongWord(token, limit);
    return best ?? token;
  }

  // Only for long words the deletion index missed: people keep the first letter of a long word right.
  private closestLongWord(token: string, limit: number): string | undefined {
    if (token.length < LONG_WORD - limit) return undefined;
    const sameInitial = this.longByInitial.get(token[0]!) ?? [];
    return this.closest(
      token,
      sameInitial.filter((word) => Math.abs(word.length - token.length) <= limit),
      limit,
    );
  }

  // Between words as close, one that starts as the typed word does wins ("yonger" is "younger", not
  // "longer": people get a word's first letter right), then the commoner.
  private closest(token: string, candidates: Iterable<string>, limit: number): string | undefined {
    let best: { word: string; distance: number; initial: boolean; frequency: number } | undefined;
    for (const word of candidates) {
      if (this.typos.has(word)) continue;
      const distance = editDistance(token, word, limit);
      if (distance > limit) continue;
      const found = { word, distance, initial: word[0] === token[0], frequency: this.vocabulary.words.get(word) ?? 0 };
      if (!best || isCloser(found, best)) best = found;
    }
    return best?.word;
  }
}

function isCloser(
  a: { distance: number; initial: boolean; frequency: number },
  b: { distance: number; initial: boolean; frequency: number },
): boolean {
  if (a.distance !== b.distance) return a.distance < b.distance;
  if (a.initial !== b.initial) return a.initial;
  return a.frequency > b.frequency;
}

function maxEdits(length: number): number {
  return length <= 7 ? 1 : 2;
}

/** The word and every string made by deleting up to `edits` letters from it. */
function deletions(word: string, edits: number): Set<string> {
  const out = new Set<string>([word]);
  let frontier = [word];
  for (let round = 0; round < edits; round++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const shorter = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(shorter)) {
          out.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push(new Array<number>(b.length + 1).fill(0));
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i]!;
    const above = rows[i - 1]!;
    row[0] = i;
    let rowMin = row[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      row[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
  }
  return rows[a.length]![b.length]!;
}
