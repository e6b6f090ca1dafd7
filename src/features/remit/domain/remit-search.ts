import MiniSearch, { SearchResult } from 'minisearch';
import { KnowledgeEntry, SearchableEntry } from './knowledge-entry';
import { QueryConcept } from './query-concept';
import { TITLE_FIELDS, conceptCredit, contentStems, isInTitle, jaccard, weightedCoverage } from './match-scoring';
import { stem } from './stemmer';
import { SynonymExpander } from './synonym-expander';
import { indexTerms, tokenize } from './text-normalizer';

interface IndexedDocument {
  id: string;
  question: string;
  alternatives: string;
  keywords: string;
  answer: string;
  section: string;
}

/** A scored candidate; `coverage` is the share of the question's concepts the entry matched. */
export interface RemitMatch {
  entry: KnowledgeEntry;
  coverage: number;
  /** In [0, 1]: coverage, discounted when a runner-up scored nearly as well. */
  confidence: number;
}

/** The best entry for a question, or why none is trusted. */
export type RemitSearchOutcome = { kind: 'match'; match: RemitMatch } | { kind: 'none'; reason: 'off_topic' | 'low_confidence' };

const ALL_FIELDS = ['question', 'alternatives', 'keywords', 'answer', 'section'];
const FIELD_BOOST = { question: 3, alternatives: 2.5, keywords: 2, section: 1.5, answer: 1 };
// Acronym entries are for "what does X mean"; a topic that uses the same words should win a real question.
const GLOSSARY_BOOST = 0.6;
// Weak words also count for less in the score, so "children in care" does not drown out "health".
const WEAK_TERM_BOOST = 0.5;
const CANDIDATES = 10;
// Up to double the score for an entry whose own question is worded like the member's question.
const QUESTION_SIMILARITY_BONUS = 1;

/**
 * Thresholds, tuned on tests/fixtures/remit-questions.yaml. A decline costs a member one click to
 * Democratic Services; a confident wrong answer costs trust, so they lean towards declining.
 */
export const SEARCH_THRESHOLDS = {
  /** Share of the question's concepts the answer must cover. */
  minCoverage: 0.7,
  /** Questions made only of everyday domain words must be covered completely. */
  minWeakOnlyCoverage: 1,
  minConfidence: 0.35,
} as const;

interface Candidate {
  entry: KnowledgeEntry;
  coverage: number;
  // A strong concept of the question is what the entry is about (its question, keywords...), not a passing mention.
  anchored: boolean;
  rankScore: number;
}

/**
 * Full-text search over the knowledge base (MiniSearch: BM25, field boosts, prefix and typo
 * matching) plus the checks that make declining reliable: the answer must account for most of the
 * question's words, not just one of them. Build once; `search` is synchronous.
 */
export class RemitSearch {
  private readonly index: MiniSearch<IndexedDocument>;
  private readonly byId: ReadonlyMap<string, SearchableEntry>;
  // Every term in the index: typo and prefix matching are only tried for words outside it.
  private readonly vocabulary = new Set<string>();
  // Content-word stems of each entry's question and alternatives, for question similarity.
  private readonly questionStems: ReadonlyMap<string, readonly ReadonlySet<string>[]>;

  constructor(
    entries: readonly SearchableEntry[],
    private readonly expander: SynonymExpander,
  ) {
    this.byId = new Map(entries.map((s) => [s.entry.id, s]));
    this.questionStems = new Map(entries.map((s) => [s.entry.id, [s.entry.question, ...s.alternatives].map((q) => contentStems(tokenize(q)))]));
    this.index = new MiniSearch<IndexedDocument>({
      fields: ALL_FIELDS,
      storeFields: [],
      tokenize: (text) => tokenize(text),
      processTerm: (term) => {
        const terms = indexTerms(term);
        for (const t of terms) this.vocabulary.add(t);
        return terms;
      },
    });
    this.index.addAll(entries.map(toDocument));
  }

  /** The best entry for a tokenised question (see `tokenize`). */
  search(tokens: readonly string[]): RemitSearchOutcome {
    const concepts = this.expander.concepts(tokens);
    const scored = concepts.filter((c) => c.strength !== 'intent');
    const hasStrong = scored.some((c) => c.strength === 'strong');
    if (!hasStrong && !scored.some((c) => c.strength === 'weak')) return { kind: 'none', reason: 'off_topic' };

    const results = this.query(concepts, hasStrong ? ALL_FIELDS : TITLE_FIELDS);
    const matchedAnywhere = new Set(results.flatMap((r) => r.queryTerms));
    if (!scored.some((c) => (hasStrong ? c.strength === 'strong' : true) && isFound(c, matchedAnywhere))) {
      return { kind: 'none', reason: 'off_topic' };
    }

    const [best, runnerUp] = this.rank(results, scored, contentStems(tokens));
    if (!best) return { kind: 'none', reason: 'off_topic' };
    const confidence = best.coverage * (1 - 0.5 * ((runnerUp?.rankScore ?? 0) / best.rankScore));
    const minCoverage = hasStrong ? SEARCH_THRESHOLDS.minCoverage : SEARCH_THRESHOLDS.minWeakOnlyCoverage;
    const trusted = (best.anchored || !hasStrong) && best.coverage >= minCoverage && confidence >= SEARCH_THRESHOLDS.minConfidence;
    if (!trusted) return { kind: 'none', reason: 'low_confidence' };
    return { kind: 'match', match: { entry: best.entry, coverage: best.coverage, confidence } };
  }

  private query(concepts: readonly QueryConcept[], fields: string[]): SearchResult[] {
    const weights = new Map<string, number>();
    for (const concept of concepts) {
      const factor = concept.strength === 'weak' ? WEAK_TERM_BOOST : 1;
      // Synonyms of a weak word the index already knows ("children" -> "young people") match nearly
      // everything: slow, and no signal. An unknown weak word ("kids") still needs them.
      const ownWordsOnly = concept.strength === 'weak' && [...concept.terms].every(([t, w]) => w < 1 || this.vocabulary.has(t));
      for (const [term, weight] of concept.terms) {
        if ((ownWordsOnly && weight < 1) || this.isRedundant(term, concept)) continue;
        weights.set(term, Math.max(weight * factor, weights.get(term) ?? 0));
      }
    }
    return this.index.search([...weights.keys()].join(' '), {
      fields,
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      boost: FIELD_BOOST,
      boostTerm: (term) => weights.get(term) ?? 1,
      boostDocument: (id: string) => (this.byId.get(id)?.entry.kind === 'glossary' ? GLOSSARY_BOOST : 1),
      // A word the index knows is taken as meant ("leader" is not a typo of "leaver"); typo tolerance
      // only on longer words, so "lunch" never becomes "launch".
      prefix: (term) => term.length >= 4 && !/\d/.test(term) && !this.vocabulary.has(term),
      fuzzy: (term) => (/\d/.test(term) || this.vocabulary.has(term) ? false : term.length >= 9 ? 2 : term.length >= 6 ? 1 : false),
      maxFuzzy: 2,
      combineWith: 'OR',
    });
  }

  // A known word whose stem is also asked for adds nothing but time: every indexed word is indexed
  // with its stem too. Unknown words stay, for typo matching.
  private isRedundant(term: string, concept: QueryConcept): boolean {
    const stemmed = stem(term);
    return stemmed !== term && concept.terms.has(stemmed) && this.vocabulary.has(term);
  }

  // The runner-up is kept to discount confidence when two entries are close.
  private rank(results: readonly SearchResult[], concepts: readonly QueryConcept[], queryStems: ReadonlySet<string>): Candidate[] {
    const candidates: Candidate[] = [];
    for (const result of results.slice(0, CANDIDATES)) {
      const searchable = this.byId.get(String(result.id));
      if (!searchable) continue;
      const credits = concepts.map((c) => conceptCredit(c, result));
      const coverage = weightedCoverage(concepts, credits);
      const anchored = concepts.some((c, i) => c.strength === 'strong' && (credits[i] ?? 0) > 0 && isInTitle(c, result));
      const similarity = Math.max(0, ...(this.questionStems.get(searchable.entry.id) ?? []).map((q) => jaccard(queryStems, q)));
      // Coverage counts twice: an answer to every word beats a louder answer to one of them.
      const rankScore = result.score * coverage * coverage * (1 + QUESTION_SIMILARITY_BONUS * similarity);
      candidates.push({ entry: searchable.entry, coverage, anchored, rankScore });
    }
    return candidates.sort((a, b) => b.rankScore - a.rankScore).slice(0, 2);
  }
}

function toDocument(searchable: SearchableEntry): IndexedDocument {
  const { entry } = searchable;
  return {
    id: entry.id,
    question: entry.question,
    alternatives: searchable.alternatives.join(' . '),
    keywords: [...searchable.keywords, ...searchable.acronyms].join(' . '),
    answer: entry.answer,
    section: entry.source.section,
  };
}

function isFound(concept: QueryConcept, matchedQueryTerms: ReadonlySet<string>): boolean {
  for (const term of concept.terms.keys()) if (matchedQueryTerms.has(term)) return true;
  return false;
}
