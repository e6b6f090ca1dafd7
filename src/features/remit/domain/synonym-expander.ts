import { INTENT_WORDS, TRAILING_FOR_INTENT } from './intent-words';
import { QueryConcept } from './query-concept';
import { isStopWord, WEAK_TERMS } from './stop-words';
import { stem } from './stemmer';
import { indexTerms, tokenize } from './text-normalizer';

/** Synonyms find an answer but should not outrank one that uses the member's own words. */
const SYNONYM_WEIGHT = 0.5;
const INTENT_WEIGHT = 0.5;
const MAX_CONCEPTS = 40;

interface Word {
  raw: string;
  stem: string;
}

interface Phrase {
  stems: readonly string[];
  groups: number[];
}

/**
 * Turns a tokenised question into concepts, expanding words and phrases that belong to a synonym
 * group (including acronym <-> meaning) so "LAC" also finds "looked after children".
 */
export class SynonymExpander {
  private readonly groupTerms: readonly (readonly string[])[];
  private readonly phrasesByFirstStem = new Map<string, Phrase[]>();

  constructor(groups: readonly (readonly string[])[]) {
    const phraseByKey = new Map<string, Phrase>();
    this.groupTerms = groups.map((group, groupIndex) => {
      const members = group.map(contentWords).filter((words) => words.length > 0);
      for (const words of members) {
        const key = words.map((w) => w.stem).join(' ');
        const phrase = phraseByKey.get(key) ?? { stems: words.map((w) => w.stem), groups: [] };
        if (!phrase.groups.includes(groupIndex)) phrase.groups.push(groupIndex);
        phraseByKey.set(key, phrase);
      }
      // Stems are enough for synonyms: the index holds every word's stem, and fewer terms keep queries fast.
      return [...new Set(members.flat().map((w) => w.stem))];
    });
    for (const phrase of phraseByKey.values()) {
      const first = phrase.stems[0];
      if (first === undefined) continue;
      const list = this.phrasesByFirstStem.get(first) ?? [];
      list.push(phrase);
      // Longest first, so "looked after children" wins over "children".
      list.sort((a, b) => b.stems.length - a.stems.length);
      this.phrasesByFirstStem.set(first, list);
    }
  }

  /** Concepts of a question given as tokens (stop words included; they are dropped here). */
  concepts(tokens: readonly string[]): QueryConcept[] {
    const words = tokens.filter((t) => !isStopWord(t)).map((raw) => ({ raw, stem: stem(raw) }));
    const concepts: QueryConcept[] = [];
    let i = 0;
    while (i < words.length && concepts.length < MAX_CONCEPTS) {
      const phrase = this.longestPhraseAt(words, i);
      const word = words[i];
      const intent = word ? INTENT_WORDS[word.raw] : undefined;
      // A multi-word phrase ("get in touch") beats an intent word, which beats a one-word synonym.
      if (intent && word && (phrase?.stems.length ?? 1) === 1) {
        concepts.push(intentConcept(word, intent));
        i += 1;
        continue;
      }
      const covered = words.slice(i, i + (phrase?.stems.length ?? 1));
      concepts.push(this.concept(covered, phrase));
      i += covered.length;
    }
    if (tokens.length > 1 && tokens[tokens.length - 1] === 'for') concepts.push(intentConcept(undefined, TRAILING_FOR_INTENT));
    return concepts;
  }

  private longestPhraseAt(words: readonly Word[], start: number): Phrase | undefined {
    const first = words[start];
    if (!first) return undefined;
    return this.phrasesByFirstStem
      .get(first.stem)
      ?.find((p) => p.stems.every((s, offset) => words[start + offset]?.stem === s));
  }

  private concept(covered: readonly Word[], phrase: Phrase | undefined): QueryConcept {
    const own = new Set(covered.flatMap((w) => indexTerms(w.raw)));
    const synonyms = new Set<string>();
    for (const group of phrase?.groups ?? []) {
      for (const term of this.groupTerms[group] ?? []) if (!own.has(term)) synonyms.add(term);
    }
    // A big synonym group must not outweigh the word itself: the group shares one synonym budget.
    const synonymWeight = synonyms.size === 0 ? 0 : SYNONYM_WEIGHT / Math.sqrt(synonyms.size);
    const terms = new Map<string, number>();
    for (const term of synonyms) terms.set(term, synonymWeight);
    for (const term of own) terms.set(term, 1);
    return { terms, strength: strength(covered) };
  }
}

function intentConcept(word: Word | undefined, related: readonly string[]): QueryConcept {
  const terms = new Map<string, number>();
  for (const term of related.map(stem)) terms.set(term, INTENT_WEIGHT / 2);
  for (const term of word ? indexTerms(word.raw) : []) terms.set(term, INTENT_WEIGHT);
  return { terms, strength: 'intent' };
}

function contentWords(phrase: string): Word[] {
  return tokenize(phrase)
    .filter((t) => !isStopWord(t))
    .map((raw) => ({ raw, stem: stem(raw) }));
}

function strength(words: readonly Word[]): QueryConcept['strength'] {
  if (words.every((w) => /^\d+$/.test(w.stem))) return 'number';
  if (words.every((w) => WEAK_TERMS.has(w.stem) || WEAK_TERMS.has(w.raw))) return 'weak';
  return 'strong';
}
