import type MiniSearch from 'minisearch';
import type { MatchInfo, SearchOptions, SearchResult } from 'minisearch';

/** One document's score for one term, and the fields it matched in (as MiniSearch reports them). */
interface TermHit {
  id: string;
  score: number;
  // Shared by every result that holds the term: frozen, so that nothing can change what is kept.
  match: Readonly<MatchInfo>;
}

/** The options every term of a query is searched with: the fields, boosts and document boosts. */
export type TermSearchOptions = Pick<SearchOptions, 'fields' | 'boost' | 'boostDocument'>;

/**
 * What an OR query of weighted terms returns, with each indexed term's results worked out once.
 * The index never changes once built, so a term's BM25 scores over it never do either: a question
 * costs a lookup per term and the sum, not a pass over every posting of every term (the search's
 * largest cost, for words such as "panel" found in nearly every entry). Only the index's own words
 * are kept, so what is kept is bounded by its vocabulary; other words (the start of a word, searched
 * as a prefix) go to MiniSearch each time. The result is MiniSearch's own: each document's
 * weighted sum, times the number of query terms it matched, best first.
 */
export class TermResults {
  private readonly known = new Map<string, readonly TermHit[]>();
  // Documents in the order they were indexed: equal scores keep it, as MiniSearch's do.
  private readonly order = new Map<string, number>();

  constructor(
    private readonly index: MiniSearch,
    documentIds: readonly string[],
    private readonly isIndexed: (term: string) => boolean,
  ) {
    documentIds.forEach((id, i) => this.order.set(id, i));
  }

  search(weights: ReadonlyMap<string, number>, options: TermSearchOptions, prefix: (term: string) => boolean): SearchResult[] {
    const combined = new Map<string, { score: number; queryTerms: string[]; match: MatchInfo }>();
    for (const [term, weight] of weights) {
      for (const hit of this.hits(term, options, prefix(term))) {
        const found = combined.get(hit.id);
        if (found) {
          found.score += weight * hit.score;
          found.queryTerms.push(term);
          Object.assign(found.match, hit.match);
        } else combined.set(hit.id, { score: weight * hit.score, queryTerms: [term], match: { ...hit.match } });
      }
    }
    return [...combined]
      .map(([id, { score, queryTerms, match }]) => ({ id, score: score * queryTerms.length, terms: Object.keys(match), queryTerms, match }))
      .sort((a, b) => b.score - a.score || (this.order.get(a.id) ?? 0) - (this.order.get(b.id) ?? 0));
  }

  private hits(term: string, options: TermSearchOptions, prefix: boolean): readonly TermHit[] {
    if (!prefix && !this.isIndexed(term)) return [];
    const key = `${(options.fields ?? []).join(',')}|${term}`;
    const kept = prefix ? undefined : this.known.get(key);
    if (kept) return kept;
    const hits = this.index
      .search(term, { ...options, tokenize: (text) => [text], processTerm: (t) => t, prefix, combineWith: 'OR' })
      .map((r) => ({ id: String(r.id), score: r.score, match: freeze(r.match) }));
    if (!prefix) this.known.set(key, hits);
    return hits;
  }
}

function freeze(match: MatchInfo): Readonly<MatchInfo> {
  for (const fields of Object.values(match)) Object.freeze(fields);
  return Object.freeze(match);
}
