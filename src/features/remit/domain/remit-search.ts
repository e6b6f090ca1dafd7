import MiniSearch, { type SearchResult } from 'minisearch';
import type { KnowledgeEntry, SearchableEntry } from './knowledge-entry';
import type { QueryConcept } from './query-concept';
import { EntryQuestions } from './entry-questions';
import { TITLE_FIELDS, conceptCredit, isInTitle, textStems, weightedCoverage } from './match-scoring';
import { stem } from './stemmer';
import { WEAK_STEMS } from './stop-words';
import type { SynonymExpander } from './synonym-expander';
import { TermResults } from './term-results';
import { indexTerms, tokenize } from './text-normalizer';
import { askedPairs, sharedPairShare, wordPairsOf, type WordPairs } from './word-pairs';

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

/** The best candidate and whether it is trusted: lets the caller weigh entries against source passages. */
export type RemitEvaluation =
  | {
      kind: 'match';
      trusted: boolean;
      anchored: boolean;
      match: RemitMatch;
      runnerUp?: KnowledgeEntry;
      candidates: readonly RankedCandidate[];
    }
  | { kind: 'none'; reason: 'off_topic' };

/**
 * How one index weighs and trusts its documents. Authored entries are "about" something (their
 * question, keywords); source passages are just text, so they must account for more of a question.
 */
export interface SearchProfile {
  fields: readonly string[];
  /** Fields that say what a document is about: a question of everyday words is matched on these only. */
  titleFields: readonly string[];
  boost: Readonly<Record<string, number>>;
  /** Multiplies the score of some documents (glossary terms lose to topics that use the same words). */
  documentBoost: (entry: KnowledgeEntry) => number;
  /** Share of the question's concepts the answer must cover. */
  minCoverage: number;
  /** Questions made only of everyday domain words must be covered this well. */
  minWeakOnlyCoverage: number;
  minConfidence: number;
  /** Whether a strong word of the question must be in a title field. */
  requireAnchor: boolean;
  /**
   * Whether words found almost everywhere ("panel", "children") are searched for too when the
   * question has a stronger word; when not, they are only checked in each candidate (faster).
   */
  searchWeakWords: boolean;
}

// Acronym entries are for "what does X mean"; a topic that uses the same words should win a real question.
const GLOSSARY_BOOST = 0.6;

/**
 * Thresholds for authored entries, tuned on the tune half of tests/fixtures/remit-questions.yaml. A
 * decline costs a member one click to ask an officer; a confident wrong answer costs trust, so
 * they lean towards declining.
 */
export const ENTRY_PROFILE: SearchProfile = {
  fields: ['question', 'alternatives', 'keywords', 'answer', 'section'],
  titleFields: TITLE_FIELDS,
  boost: { question: 3, alternatives: 2.5, keywords: 2, section: 1.5, answer: 1 },
  documentBoost: (entry) => (entry.kind === 'glossary' ? GLOSSARY_BOOST : 1),
  minCoverage: 0.7,
  minWeakOnlyCoverage: 1,
  minConfidence: 0.45,
  requireAnchor: true,
  searchWeakWords: true,
};

// Weak words also count for less in the score, so "children in care" does not drown out "health".
const WEAK_TERM_BOOST = 0.5;
const CANDIDATES = 10;
// Only the best so many results are weighed; past the first CANDIDATES, only those of the kind asked for.
const CANDIDATES_LOOKED_AT = CANDIDATES * 3;
const LENGTH_RELIEF_FROM = 4;
const LENGTH_RELIEF_PER_WORD = 0.05;
const MAX_LENGTH_RELIEF = 0.15;
const RANKED_KEPT = 5;
// Up to four times the score for an entry whose own question is worded like the member's question: on
// questions held out of the knowledge base, likeness to an entry's other phrasings ranks better than a
// louder match in its answer (3 against 1: 1 more right, 3 fewer wrong of 1,145; the tune half the same).
const QUESTION_SIMILARITY_BONUS = 3;
// Up to three times the score for an entry whose phrasings keep the member's neighbouring words
// together: "who does our panel report to" is the panel's accountability ("who does the panel report
// to?"), not the reports it considers. Held-out KB phrasings: 13 more right, 7 fewer wrong of 1,146;
// tune half 1 fewer wrong.
const WORD_PAIR_BONUS = 2;

/** A candidate in rank order, for weighing entries against passages. */
export interface RankedCandidate {
  entry: KnowledgeEntry;
  coverage: number;
  anchored: boolean;
}

interface Candidate {
  entry: KnowledgeEntry;
  coverage: number;
  // A strong concept of the question is what the entry is about (its question, keywords...), not a passing mention.
  anchored: boolean;
  rankScore: number;
  // Of the kind the question asks for (a figure, a date, a name): `fit` above 1.
  ofTheKindAsked: boolean;
}

/**
 * Full-text search over the knowledge base (MiniSearch: BM25, field boosts, prefix and typo
 * matching) plus the checks that make declining reliable: the answer must account for most of the
 * question's words, not just one of them. Build once; `search` is synchronous.
 */
export class RemitSearch {
  private readonly fields: string[];
  private readonly index: MiniSearch<IndexedDocument>;
  private readonly byId: ReadonlyMap<string, SearchableEntry>;
  // Every term in the index: typo and prefix matching are only tried for words outside it.
  private readonly vocabulary = new Set<string>();
  // Content-word stems of each entry's question and alternatives, for question similarity.
  private readonly questionStems: ReadonlyMap<string, EntryQuestions>;
  // Every index term of each entry (all fields): weak words are checked here, not searched for.
  private readonly docTerms = new Map<string, ReadonlySet<string>>();
  // Adjacent content words of each entry's question, alternatives and keywords.
  private readonly wordPairs: ReadonlyMap<string, WordPairs>;
  // The profile's document boosts other than 1, worked out once.
  private readonly documentBoosts = new Map<string, number>();
  private readonly termResults: TermResults;

  constructor(
    entries: readonly SearchableEntry[],
    private readonly expander: SynonymExpander,
    private readonly profile: SearchProfile = ENTRY_PROFILE,
  ) {
    this.fields = [...profile.fields];
    this.byId = new Map(entries.map((s) => [s.entry.id, s]));
    for (const { entry } of entries) {
      const boost = profile.documentBoost(entry);
      if (boost !== 1) this.documentBoosts.set(entry.id, boost);
    }
    this.questionStems = new Map(
      entries.map((s) => [s.entry.id, new EntryQuestions([s.entry.question, ...s.alternatives].map(textStems))]),
    );
    this.wordPairs = new Map(entries.map((s) => [s.entry.id, wordPairsOf([s.entry.question, ...s.alternatives, ...s.keywords])]));
    this.index = new MiniSearch<IndexedDocument>({
      fields: this.fields,
      storeFields: [],
      tokenize: (text) => tokenize(text),
      processTerm: (term) => {
        const terms = indexTerms(term);
        for (const t of terms) this.vocabulary.add(t);
        return terms;
      },
    });
    const documents = entries.map(toDocument);
    this.index.addAll(documents);
    this.termResults = new TermResults(
      this.index,
      documents.map((d) => d.id),
      (term) => this.vocabulary.has(term),
      {
        boost: { ...profile.boost },
        // Called for every document, term and field: the boosts are looked up, and not asked for at all when none differs.
        ...(this.documentBoosts.size > 0 ? { boostDocument: (id: string) => this.documentBoosts.get(id) ?? 1 } : {}),
      },
    );
    for (const document of documents) {
      const terms = new Set<string>();
      for (const field of this.fields)
        for (const token of tokenize(String(document[field as keyof IndexedDocument] ?? '')))
          for (const t of indexTerms(token)) terms.add(t);
      this.docTerms.set(document.id, terms);
    }
  }

  /** Whether the index holds this term (a word or a stem). */
  holds(term: string): boolean {
    return this.vocabulary.has(term);
  }

  /**
   * The best entry for a question's concepts (`SynonymExpander.concepts`, read once and weighed by
   * every index) with whether it passes this profile's thresholds, or why there is none at all.
   */
  evaluate(concepts: readonly QueryConcept[], fit: (entry: KnowledgeEntry) => number = () => 1): RemitEvaluation {
    const scored = concepts.filter((c) => c.strength !== 'intent');
    const hasStrong = scored.some((c) => c.strength === 'strong');
    if (!hasStrong && !scored.some((c) => c.strength === 'weak')) return { kind: 'none', reason: 'off_topic' };

    // Words found almost everywhere have postings in most of the index: a profile may check them
    // in each candidate's terms instead of searching for them.
    const searched = hasStrong && !this.profile.searchWeakWords ? concepts.filter((c) => c.strength !== 'weak') : concepts;
    const results = this.query(searched, hasStrong ? this.fields : [...this.profile.titleFields]);
    const matchedAnywhere = new Set(results.slice(0, CANDIDATES_LOOKED_AT).flatMap((r) => r.queryTerms));
    if (!scored.some((c) => (hasStrong ? c.strength === 'strong' : true) && isFound(c, matchedAnywhere))) {
      return { kind: 'none', reason: 'off_topic' };
    }

    const ranked = this.rank(results, scored, fit, hasStrong);
    const [best, runnerUp] = ranked;
    if (!best) return { kind: 'none', reason: 'off_topic' };
    const confidence = best.coverage * (1 - 0.5 * ((runnerUp?.rankScore ?? 0) / best.rankScore));
    const minCoverage = hasStrong ? this.profile.minCoverage - lengthRelief(scored) : this.profile.minWeakOnlyCoverage;
    const anchoredEnough = !this.profile.requireAnchor || best.anchored || !hasStrong;
    const trusted = anchoredEnough && best.coverage >= minCoverage && confidence >= this.profile.minConfidence;
    return {
      kind: 'match',
      trusted,
      anchored: best.anchored,
      match: { entry: best.entry, coverage: best.coverage, confidence },
      runnerUp: runnerUp?.entry,
      candidates: ranked,
    };
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
    return this.termResults.search(
      weights,
      fields,
      // Typos are corrected before the search (SpellingCorrector, against the index's own words); a
      // word the index does not know may still be the start of one ("accountab", "recs").
      // A whole English word ("highways") is not the start of one: no prefix search for it.
      (term) => term.length >= 5 && !/\d/.test(term) && !this.vocabulary.has(term) && !this.expander.isEnglishWord(term),
      CANDIDATES_LOOKED_AT,
    );
  }

  // A known word whose stem is also asked for adds nothing but time: every indexed word is indexed
  // with its stem too. Unknown words stay, for typo matching, and so does the word of a stem found
  // almost everywhere: "cared" is rare where "care" is in every answer.
  private isRedundant(term: string, concept: QueryConcept): boolean {
    const stemmed = stem(term);
    return stemmed !== term && concept.terms.has(stemmed) && this.vocabulary.has(term) && !WEAK_STEMS.has(stemmed);
  }

  // The runner-up is kept to discount confidence when two entries are close.
  private rank(
    results: readonly SearchResult[],
    concepts: readonly QueryConcept[],
    fit: (entry: KnowledgeEntry) => number,
    allFields: boolean,
  ): Candidate[] {
    const candidates: Candidate[] = [];
    const asked = askedPairs(concepts);
    results.slice(0, CANDIDATES_LOOKED_AT).forEach((result, at) => {
      const searchable = this.byId.get(String(result.id));
      if (!searchable) return;
      // `fit`: answers of the kind the question asks for (a figure, a date, a name) rank higher. Past
      // the first ten, an entry is weighed only when it is of that kind ("it made 15 recommendations"
      // among fifteen entries each about one recommendation).
      const entryFit = fit(searchable.entry);
      if (at >= CANDIDATES && entryFit <= 1) return;
      const terms = this.docTerms.get(searchable.entry.id);
      const holds = allFields && terms ? (term: string) => terms.has(term) || result.terms.includes(term) : undefined;
      const credits = concepts.map((c) => conceptCredit(c, result, holds));
      const coverage = weightedCoverage(concepts, credits);
      const anchored = concepts.some(
        (c, i) => c.strength === 'strong' && (credits[i] ?? 0) > 0 && isInTitle(c, result, this.profile.titleFields),
      );
      const similarity = this.questionStems.get(searchable.entry.id)?.similarity(concepts) ?? 0;
      const together = sharedPairShare(asked, this.wordPairs.get(searchable.entry.id));
      // Coverage counts twice: an answer to every word beats a louder answer to one of them.
      const rankScore =
        result.score * coverage * coverage * (1 + QUESTION_SIMILARITY_BONUS * similarity) * (1 + WORD_PAIR_BONUS * together) * entryFit;
      candidates.push({ entry: searchable.entry, coverage, anchored, rankScore, ofTheKindAsked: entryFit > 1 });
    });
    const sorted = candidates.sort((a, b) => b.rankScore - a.rankScore);
    const kept = sorted.slice(0, RANKED_KEPT);
    // "How many recommendations": fifteen entries each about one outscore the one that counts them,
    // which is kept too, to be offered or to answer (see RemitService).
    const ofTheKind = kept.some((c) => c.ofTheKindAsked) ? undefined : sorted.find((c) => c.ofTheKindAsked);
    return ofTheKind ? [...kept, ofTheKind] : kept;
  }
}

/**
 * A long question carries words no answer repeats ("I'm wondering whether, as a local member, I
 * am expected to turn up to ..."): past four strong words, each lowers the coverage needed a little.
 */
function lengthRelief(concepts: readonly QueryConcept[]): number {
  const strong = concepts.filter((c) => c.strength === 'strong').length;
  return Math.min(MAX_LENGTH_RELIEF, Math.max(0, strong - LENGTH_RELIEF_FROM) * LENGTH_RELIEF_PER_WORD);
}

function toDocument(searchable: SearchableEntry): IndexedDocument {
  const { entry } = searchable;
  return {
    id: entry.id,
    question: entry.question,
    alternatives: searchable.alternatives.join(' . '),
    keywords: [...searchable.keywords, ...searchable.acronyms].join(' . '),
    answer: entry.answer,
    // The document as well as the section: "what did the Select Committee say about ..." is about its entries.
    section: `${entry.source.section} . ${entry.source.document}`,
  };
}

function isFound(concept: QueryConcept, matchedQueryTerms: ReadonlySet<string>): boolean {
  for (const term of concept.terms.keys()) if (matchedQueryTerms.has(term)) return true;
  return false;
}
