import type { SearchResult } from 'minisearch';
import type { QueryConcept } from './query-concept';
import { isStopWord } from './stop-words';
import { stem } from './stemmer';
import { tokenize } from './text-normalizer';

/**
 * Fields that say what an entry is about. A question made only of everyday domain words ("what is the
 * panel for") is matched against these only, not against every answer that mentions "panel".
 */
export const TITLE_FIELDS = ['question', 'alternatives', 'keywords'];

// Weak words ("panel", "children") barely show what a question is about, nor do bare numbers ("the two
// groups"); intent words not at all.
export const CONCEPT_WEIGHT: Readonly<Record<QueryConcept['strength'], number>> = { strong: 1, number: 0.5, weak: 0.25, intent: 0 };
// How much a concept found only through typo tolerance or a word prefix counts towards coverage.
const FUZZY_CREDIT = 0.8;
const PREFIX_CREDIT = 0.5;

/** Stems of the words that carry meaning. */
export function contentStems(tokens: readonly string[]): Set<string> {
  return new Set(tokens.filter((t) => !isStopWord(t)).map(stem));
}

/** Stems of the words of a text that carry meaning. */
export function textStems(text: string): Set<string> {
  return contentStems(tokenize(text));
}

/** How alike two word sets are (Jaccard index), 0 to 1. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * 1 if the entry contains one of the concept's terms, less if only a typo or prefix match found it.
 * `holds` says whether the entry holds a term (default: the terms the search matched in it).
 */
export function conceptCredit(
  concept: QueryConcept,
  result: SearchResult,
  holds: (term: string) => boolean = (term) => result.terms.includes(term),
): number {
  if (concept.alternatives) return phraseCredit(concept.alternatives, holds);
  let best = 0;
  for (const term of concept.terms.keys()) {
    const full = concept.credit?.get(term) ?? 1;
    if (holds(term)) best = Math.max(best, full);
    else if (result.queryTerms.includes(term)) {
      const viaPrefix = result.terms.some((docTerm) => docTerm.startsWith(term));
      best = Math.max(best, full * (viaPrefix ? PREFIX_CREDIT : FUZZY_CREDIT));
    }
    if (best >= 1) return 1;
  }
  return best;
}

function phraseCredit(alternatives: readonly (readonly string[])[], holds: (term: string) => boolean): number {
  let best = 0;
  for (const words of alternatives) {
    let found = 0;
    for (const word of words) if (holds(word)) found++;
    best = Math.max(best, found / words.length);
    if (best >= 1) return 1;
  }
  return best;
}

/** True when the concept matched one of the fields that say what the entry is about. */
export function isInTitle(concept: QueryConcept, result: SearchResult, titleFields: readonly string[] = TITLE_FIELDS): boolean {
  const queryTerms = new Set(result.queryTerms);
  for (const [docTerm, fields] of Object.entries(result.match)) {
    if (!fields.some((f) => titleFields.includes(f) || f === 'section')) continue;
    // A document term that is not itself a query term was reached by a typo or prefix match.
    if (concept.terms.has(docTerm) || (!queryTerms.has(docTerm) && [...concept.terms.keys()].some((t) => queryTerms.has(t)))) return true;
  }
  return false;
}

/** The share of the question's concepts an entry covers, weighted by how much each says about the topic. */
export function weightedCoverage(concepts: readonly QueryConcept[], credits: readonly number[]): number {
  let total = 0;
  let covered = 0;
  concepts.forEach((concept, i) => {
    const weight = CONCEPT_WEIGHT[concept.strength] * (concept.informativeness ?? 1);
    total += weight;
    covered += weight * (credits[i] ?? 0);
  });
  return total === 0 ? 0 : covered / total;
}
