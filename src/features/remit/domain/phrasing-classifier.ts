/** One of an entry's phrasings (its question or an alternative), as the words the search reads in it. */
export interface LabelledPhrasing {
  id: string;
  terms: readonly string[];
}

/** The entry whose phrasings a question's words are likeliest to come from, and how likely. */
export interface LikeliestEntry {
  id: string;
  probability: number;
}

// Add-a-little smoothing: a word an entry's phrasings never use makes it unlikely, never impossible.
const SMOOTHING = 0.1;

/** The entries whose phrasings use a term, each with how much likelier that makes it than a term it never uses. */
interface Posting {
  entries: Int32Array;
  gains: Float64Array;
}

/**
 * A second opinion on which entry a question asks for, learnt from the ways each entry's own
 * phrasings put it (a multinomial naive Bayes over their search terms). The search weighs where
 * a question's words are found, answers included; this weighs only how members word questions,
 * so when it is sure of another entry than the search's, the search's answer is in doubt.
 * Trained once, when the search is built. Each entry's score starts at "none of the terms used"
 * and only the entries that do use a term are visited for it: a question costs a pass over the
 * entries and the postings of its terms.
 */
export class PhrasingClassifier {
  private constructor(
    private readonly ids: readonly string[],
    // Per entry: log P(term | entry) for a term its phrasings never use.
    private readonly logUnseen: Float64Array,
    private readonly postings: ReadonlyMap<string, Posting>,
  ) {}

  static train(phrasings: readonly LabelledPhrasing[]): PhrasingClassifier {
    const counts = new Map<string, Map<string, number>>();
    const vocabulary = new Set<string>();
    for (const { id, terms } of phrasings) {
      const entry = counts.get(id) ?? new Map<string, number>();
      counts.set(id, entry);
      for (const term of terms) {
        vocabulary.add(term);
        entry.set(term, (entry.get(term) ?? 0) + 1);
      }
    }
    const ids = [...counts.keys()];
    const logUnseen = new Float64Array(ids.length);
    const byTerm = new Map<string, { entries: number[]; gains: number[] }>();
    ids.forEach((id, at) => {
      const entry = counts.get(id)!;
      const total = [...entry.values()].reduce((sum, n) => sum + n, 0) + SMOOTHING * vocabulary.size;
      logUnseen[at] = Math.log(SMOOTHING / total);
      for (const [term, n] of entry) {
        const posting = byTerm.get(term) ?? { entries: [], gains: [] };
        byTerm.set(term, posting);
        posting.entries.push(at);
        posting.gains.push(Math.log((n + SMOOTHING) / SMOOTHING));
      }
    });
    const postings = new Map(
      [...byTerm].map(([term, p]) => [term, { entries: Int32Array.from(p.entries), gains: Float64Array.from(p.gains) }]),
    );
    return new PhrasingClassifier(ids, logUnseen, postings);
  }

  /** The likeliest entry for a question's terms; undefined when none of them is in any phrasing. */
  likeliest(terms: readonly string[]): LikeliestEntry | undefined {
    const known = [...new Set(terms)].map((term) => this.postings.get(term)).filter((p): p is Posting => p !== undefined);
    if (known.length === 0) return undefined;
    const scores = this.logUnseen.map((unseen) => unseen * known.length);
    for (const { entries, gains } of known) {
      for (let k = 0; k < entries.length; k++) scores[entries[k]!]! += gains[k]!;
    }
    let best = 0;
    for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]!) best = i;
    let normaliser = 0;
    for (const score of scores) normaliser += Math.exp(score - scores[best]!);
    return { id: this.ids[best]!, probability: 1 / normaliser };
  }
}
