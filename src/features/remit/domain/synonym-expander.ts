import {
  DOES_WHAT_INTENT,
  INTENT_WORDS,
  SITS_ON_INTENT,
  TRAILING_FOR_INTENT,
  asksWhatSomethingDoes,
  asksWhatWasFound,
  asksWhereItIsFrom,
  asksWhoSitsOn,
} from './intent-words';
import type { QueryConcept } from './query-concept';
import { isStopWord, WEAK_TERMS } from './stop-words';
import { stem } from './stemmer';
import { indexTerms, tokenize } from './text-normalizer';

/** Synonyms find an answer but should not outrank one that uses the member's own words. */
const SYNONYM_WEIGHT = 0.5;
const INTENT_WEIGHT = 0.5;
const MAX_CONCEPTS = 40;
/** English synonyms (WordNet) of a word the documents never use: found, but only partly proven. */
const THESAURUS_WEIGHT = 0.3;
const THESAURUS_CREDIT = 0.6;

/** Rank of a word in spoken English (1 = commonest), undefined when rare. */
export type WordRank = (word: string) => number | undefined;

// The commonest words of spoken English ("news", "true", "next"): a question of one of them alone is small talk.
const EVERYDAY_RANK = 1000;

// Rank in spoken English -> how much a word the documents never use still says about a question.
const EVERYDAY_WORD_WEIGHTS: readonly (readonly [maxRank: number, weight: number])[] = [
  [500, 0.5],
  [2000, 0.7],
  [5000, 0.9],
];

/**
 * How much a strong word says about a question's topic, by how common it is in everyday speech:
 * "turn up", "proper" and "struggling" are wrapping; "pothole" or "braille" are the point.
 */
export function informativeness(rank: number | undefined): number {
  if (rank === undefined) return 1;
  return EVERYDAY_WORD_WEIGHTS.find(([maxRank]) => rank <= maxRank)?.[1] ?? 1;
}

/** The general English thesaurus, consulted only for words the index does not hold. */
export interface ThesaurusLookup {
  relatedStems(stemmed: string): readonly string[];
  /** Nouns carry a question's topic however common they are ("queen", "pizza"). */
  isMostlyNoun(stemmed: string): boolean;
}

/** What the expander may consult about English beyond the synonym groups; each part is optional. */
export interface EnglishLookups {
  thesaurus?: ThesaurusLookup;
  wordRank?: WordRank;
  /** Whether a word as typed is a real English word ("became", "highways"). */
  isEnglish?: (word: string) => boolean;
}

interface Word {
  raw: string;
  stem: string;
  /** A fixed phrase ("answer to"): `raw` is its content word, `stem` the whole phrase. */
  fixed?: true;
}

interface Phrase {
  stems: readonly string[];
  groups: number[];
}

/** A group member as the search needs it: its content-word stems. */
type Member = readonly string[];

/**
 * Turns a tokenised question into concepts, expanding words and phrases that belong to a synonym
 * group (including acronym <-> meaning) so "LAC" also finds "looked after children".
 */
export class SynonymExpander {
  private readonly groupTerms: readonly (readonly string[])[];
  private readonly groupMembers: readonly (readonly Member[])[];
  private readonly phrasesByFirstStem = new Map<string, Phrase[]>();
  // Phrases of one content word among small words ("answer to", "out of area"), as token sequences.
  private readonly fixedPhrases: readonly (readonly string[])[];

  private isIndexed: (term: string) => boolean = () => true;

  constructor(
    groups: readonly (readonly string[])[],
    private readonly english: EnglishLookups = {},
  ) {
    const phraseByKey = new Map<string, Phrase>();
    const fixedKeys = new Set(groups.flat().flatMap((member) => fixedPhrase(member) ?? []));
    this.fixedPhrases = [...fixedKeys].map((key) => key.split(' ')).sort((a, b) => b.length - a.length);
    const memberWords = groups.map((group) => group.map(usableMember).filter((words): words is Word[] => words !== undefined));
    // A fixed phrase is found in a question only as itself: as a synonym, its content word alone would be a false friend.
    const plain = (words: readonly Word[]) => !words.some((w) => w.fixed);
    const groupMembers = (this.groupMembers = memberWords.map((members) => members.filter(plain).map((words) => words.map((w) => w.stem))));
    this.groupTerms = memberWords.map((members, groupIndex) => {
      for (const words of members) {
        const key = words.map((w) => w.stem).join(' ');
        const phrase = phraseByKey.get(key) ?? { stems: words.map((w) => w.stem), groups: [] };
        if (!phrase.groups.includes(groupIndex)) phrase.groups.push(groupIndex);
        phraseByKey.set(key, phrase);
      }
      // Stems are enough for synonyms: the index holds every word's stem, and fewer terms keep queries fast.
      return [...new Set(groupMembers[groupIndex]!.flat())];
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

  /** Tells the expander which terms the index holds, so English synonyms are looked up only for the others. */
  useIndex(isIndexed: (term: string) => boolean): void {
    this.isIndexed = isIndexed;
  }

  /** Whether a term is (the stem of) a whole English word, not the start of one ("accountab"). */
  isEnglishWord(term: string): boolean {
    return this.english.isEnglish?.(term) ?? false;
  }

  /**
   * Whether a concept is only an everyday word, among the commonest of spoken English ("news",
   * "wrong", "everything", "answer"): on its own it says nothing of what a question is about.
   */
  isEverydayWord(concept: QueryConcept): boolean {
    // A word of a group with phrases in it is the panel's own ("minutes": "takes the minutes").
    if (concept.alternatives) return false;
    const ranks = [...concept.terms]
      .filter(([, weight]) => weight >= 1)
      .map(([term]) => this.english.wordRank?.(term))
      .filter((rank): rank is number => rank !== undefined);
    return ranks.length > 0 && ranks.every((rank) => rank <= EVERYDAY_RANK);
  }

  /** Concepts of a question given as tokens (stop words included; they are dropped here). */
  concepts(tokens: readonly string[]): QueryConcept[] {
    const words = this.withFixedPhrases(asRead(tokens));
    const whereFrom = asksWhereItIsFrom(tokens);
    const concepts: QueryConcept[] = [];
    let i = 0;
    while (i < words.length && concepts.length < MAX_CONCEPTS) {
      const phrase = this.longestPhraseAt(words, i);
      const word = words[i];
      // "Where is that from?" asks for a source, not a place: the "where" says nothing.
      if (whereFrom && word?.raw === 'where') {
        i += 1;
        continue;
      }
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
    if (asksWhatSomethingDoes(tokens)) concepts.push(intentConcept(undefined, DOES_WHAT_INTENT));
    if (asksWhoSitsOn(tokens)) concepts.push(intentConcept(undefined, SITS_ON_INTENT));
    return concepts;
  }

  // "Who does the panel answer to": the small words are what make "answer to" mean "accountable".
  private withFixedPhrases(tokens: readonly string[]): Word[] {
    const words: Word[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const fixed = this.fixedPhrases.find((phrase) => phrase.every((token, offset) => tokens[i + offset] === token));
      if (fixed) {
        words.push(fixedWord(fixed));
        i += fixed.length - 1;
      } else if (!isStopWord(tokens[i]!)) words.push({ raw: tokens[i]!, stem: stem(tokens[i]!) });
    }
    return words;
  }

  private longestPhraseAt(words: readonly Word[], start: number): Phrase | undefined {
    const first = words[start];
    if (!first) return undefined;
    return this.phrasesByFirstStem.get(first.stem)?.find((p) => p.stems.every((s, offset) => words[start + offset]?.stem === s));
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
    const credit = new Map<string, number>();
    const thesaurus = this.english.thesaurus;
    if (synonyms.size === 0 && thesaurus && ![...own].some((term) => this.isIndexed(term))) {
      for (const word of covered) {
        for (const related of thesaurus.relatedStems(word.stem)) {
          if (own.has(related) || !this.isIndexed(related)) continue;
          terms.set(related, THESAURUS_WEIGHT);
          credit.set(related, THESAURUS_CREDIT);
        }
      }
    }
    for (const term of own) terms.set(term, 1);
    const kind = strength(covered);
    const concept: QueryConcept = {
      terms,
      strength: kind,
      ...(credit.size > 0 ? { credit } : {}),
      // Only words the documents never use are discounted: a word they do use ("meet", "school")
      // can be what tells two answers apart.
      ...(kind === 'strong' && synonyms.size === 0 && ![...own].some((term) => this.isIndexed(term))
        ? {
            informativeness: Math.max(
              ...covered.map((w) => (thesaurus?.isMostlyNoun(w.stem) ? 1 : informativeness(this.english.wordRank?.(w.raw)))),
            ),
          }
        : {}),
    };
    // A phrase or a multi-word synonym is found only as far as its words are: "children" alone is a
    // third of "director of children's services".
    const alternatives = [
      covered.map((w) => (w.fixed ? stem(w.raw) : w.stem)),
      ...(phrase?.groups ?? []).flatMap((g) => this.groupMembers[g] ?? []),
    ];
    return alternatives.some((a) => a.length > 1) ? { ...concept, alternatives } : concept;
  }
}

// "How long has Kent used challenge cards" asks for a time, not about something long: an intent word.
const HOW_LONG = 'howlong';
const NAME_OF = 'nameof';

/**
 * The question's words as the search reads four phrasings: "how long" (an intent), "the number of"
 * (how many, not a phone number), "the name of" (a name asked for) and "what did X find" (its findings).
 */
function asRead(tokens: readonly string[]): string[] {
  const findings = asksWhatWasFound(tokens);
  return tokens.map((raw, at) => {
    if (raw === 'long' && tokens[at - 1] === 'how') return HOW_LONG;
    if (raw === 'number' && tokens[at + 1] === 'of') return 'many';
    // "What is the name of the room": a name is asked for, not something about names.
    if (raw === 'name' && tokens[at + 1] === 'of' && tokens[at - 1] === 'the') return NAME_OF;
    return raw === 'find' && findings ? 'findings' : raw;
  });
}

function intentConcept(word: Word | undefined, related: readonly string[]): QueryConcept {
  const terms = new Map<string, number>();
  for (const term of related.map(stem)) terms.set(term, INTENT_WEIGHT / 2);
  for (const term of word ? indexTerms(word.raw) : []) terms.set(term, INTENT_WEIGHT);
  return { terms, strength: 'intent' };
}

function usableMember(phrase: string): Word[] | undefined {
  const fixed = fixedPhrase(phrase);
  if (fixed !== undefined) return [fixedWord(fixed.split(' '))];
  const words = contentWords(phrase);
  return words.length === 0 ? undefined : words;
}

/**
 * "answer to" has one content word: as a synonym on its own it would make every "answer" mean
 * "accountable", so it is matched only as the whole phrase (its tokens joined by spaces).
 */
function fixedPhrase(phrase: string): string | undefined {
  const tokens = tokenize(phrase);
  return tokens.length > 1 && tokens.filter((t) => !isStopWord(t)).length === 1 ? tokens.join(' ') : undefined;
}

// The phrase's content word is what the documents hold; its key is the whole phrase, for the synonym groups.
function fixedWord(tokens: readonly string[]): Word {
  return { raw: tokens.find((t) => !isStopWord(t)) ?? tokens[0]!, stem: tokens.join('_'), fixed: true };
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
