import type MiniSearch from 'minisearch';
import type { MatchInfo, SearchOptions, SearchResult } from 'minisearch';

/** One document's score for one term, and the fields it matched in (as MiniSearch reports them). */
interface TermHit {
  // The document's place in the order it was indexed.
  at: number;
  score: number;
  // Shared by every result that holds the term: frozen, so that nothing can change what is kept.
  match: Readonly<MatchInfo>;
}

/** How the index scores a term, the same for every question: field boosts and document boosts. */
export type TermScoring = Pick<SearchOptions, 'boost' | 'boostDocument'>;

const NO_HITS: readonly TermHit[] = [];

/**
 * What an OR query of weighted terms returns, with each indexed term's results worked out once.
 * The index never changes once built, nor does how it scores (given here, once), so a term's BM25
 * scores over it never do either: a question costs a lookup per term and the sum, not a pass over
 * every posting of every term (the search's largest cost, for words such as "panel" found in nearly
 * every entry). Only the index's own words are kept, so what is kept is bounded by its vocabulary
 * (for each set of fields searched); other words (the start of a word, searched as a prefix) go to
 * MiniSearch each time. The result is MiniSearch's own: each document's weighted sum, times the
 * number of query terms it matched, best first.
 */
export class TermResults {
  // Per set of fields searched, each indexed term's hits.
  private readonly known = new Map<string, Map<string, readonly TermHit[]>>();
  private readonly ids: readonly string[];
  private readonly at = new Map<string, number>();
  // Sums per document, in its indexed place: reused by every search (one question at a time).
  private readonly scores: Float64Array;
  // The hits of each document touched, in the order of the query's terms (the terms' places in it).
  private readonly found: { term: number; hit: TermHit }[][];

  constructor(
    private readonly index: MiniSearch,
    documentIds: readonly string[],
    private readonly isIndexed: (term: string) => boolean,
    private readonly scoring: TermScoring,
  ) {
    this.ids = [...documentIds];
    documentIds.forEach((id, i) => this.at.set(id, i));
    this.scores = new Float64Array(documentIds.length);
    this.found = documentIds.map(() => []);
  }

  /**
   * The documents matching any of the weighted terms, best first; `limit` keeps only the best so
   * many, and only theirs are told which terms they matched (the rest are never looked at).
   */
  search(
    weights: ReadonlyMap<string, number>,
    fields: readonly string[],
    prefix: (term: string) => boolean,
    limit = Infinity,
  ): SearchResult[] {
    const fieldsKey = fields.join(',');
    let kept = this.known.get(fieldsKey);
    if (!kept) this.known.set(fieldsKey, (kept = new Map()));
    const terms = [...weights.keys()];
    const touched = this.sum(
      weights,
      terms.map((term) => this.hits(term, fields, prefix(term), kept)),
    );
    const best = touched
      .map((at) => ({ at, score: this.scores[at]! * this.found[at]!.length }))
      .sort((a, b) => b.score - a.score || a.at - b.at)
      .slice(0, limit)
      .map(({ at, score }) => this.result(at, score, terms));
    for (const at of touched) {
      this.scores[at] = 0;
      this.found[at]!.length = 0;
    }
    return best;
  }

  // Each document's weighted sum over the terms, in the order MiniSearch adds them; the documents touched.
  private sum(weights: ReadonlyMap<string, number>, termHits: readonly (readonly TermHit[])[]): number[] {
    const touched: number[] = [];
    let term = 0;
    for (const weight of weights.values()) {
      for (const hit of termHits[term]!) {
        const found = this.found[hit.at]!;
        if (found.length === 0) touched.push(hit.at);
        this.scores[hit.at]! += weight * hit.score;
        found.push({ term, hit });
      }
      term++;
    }
    return touched;
  }

  private result(at: number, score: number, terms: readonly string[]): SearchResult {
    const queryTerms: string[] = [];
    const match: MatchInfo = {};
    for (const { term, hit } of this.found[at]!) {
      queryTerms.push(terms[term]!);
      Object.assign(match, hit.match);
    }
    return { id: this.ids[at]!, score, terms: Object.keys(match), queryTerms, match };
  }

  private hits(term: string, fields: readonly string[], prefix: boolean, kept: Map<string, readonly TermHit[]>): readonly TermHit[] {
    if (!prefix && !this.isIndexed(term)) return NO_HITS;
    const found = prefix ? undefined : kept.get(term);
    if (found) return found;
    const hits = this.index
      .search(term, { ...this.scoring, fields: [...fields], tokenize: (text) => [text], processTerm: (t) => t, prefix, combineWith: 'OR' })
      .map((r) => ({ at: this.at.get(String(r.id)) ?? -1, score: r.score, match: freeze(r.match) }))
      .filter((hit) => hit.at >= 0);
    if (!prefix) kept.set(term, hits);
    return hits;
  }
}

function freeze(match: MatchInfo): Readonly<MatchInfo> {
  for (const fields of Object.values(match)) Object.freeze(fields);
  return Object.freeze(match);
}
