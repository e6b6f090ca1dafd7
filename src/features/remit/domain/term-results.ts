import type MiniSearch from 'minisearch';
import type { MatchInfo, SearchOptions, SearchResult } from 'minisearch';

/** One document's score for one term, and the fields it matched in (as MiniSearch reports them). */
interface TermHit {
  id: string;
  score: number;
  // Shared by every result that holds the term: frozen, so that nothing can change what is kept.
  match: Readonly<MatchInfo>;
}

/** How the index scores a term, the same for every question: field boosts and document boosts. */
export type TermScoring = Pick<SearchOptions, 'boost' | 'boostDocument'>;

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
  // Documents in the order they were indexed: equal scores keep it, as MiniSearch's do.
  private readonly order = new Map<string, number>();

  constructor(
    private readonly index: MiniSearch,
    documentIds: readonly string[],
    private readonly isIndexed: (term: string) => boolean,
    private readonly scoring: TermScoring,
  ) {
    documentIds.forEach((id, i) => this.order.set(id, i));
  }

  search(weights: ReadonlyMap<string, number>, fields: readonly string[], prefix: (term: string) => boolean): SearchResult[] {
    const fieldsKey = fields.join(',');
    let kept = this.known.get(fieldsKey);
    if (!kept) this.known.set(fieldsKey, (kept = new Map()));
    const combined = new Map<string, { score: number; queryTerms: string[]; match: MatchInfo }>();
    for (const [term, weight] of weights) {
      for (const hit of this.hits(term, fields, prefix(term), kept)) {
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

  private hits(term: string, fields: readonly string[], prefix: boolean, kept: Map<string, readonly TermHit[]>): readonly TermHit[] {
    if (!prefix && !this.isIndexed(term)) return [];
    const found = prefix ? undefined : kept.get(term);
    if (found) return found;
    const hits = this.index
      .search(term, { ...this.scoring, fields: [...fields], tokenize: (text) => [text], processTerm: (t) => t, prefix, combineWith: 'OR' })
      .map((r) => ({ id: String(r.id), score: r.score, match: freeze(r.match) }));
    if (!prefix) kept.set(term, hits);
    return hits;
  }
}

function freeze(match: MatchInfo): Readonly<MatchInfo> {
  for (const fields of Object.values(match)) Object.freeze(fields);
  return Object.freeze(match);
}
