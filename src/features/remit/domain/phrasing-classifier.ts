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

/**
 * A second opinion on which entry a question asks for, learnt from the ways each entry's own
 * phrasings put it (a multinomial naive Bayes over their search terms). The search weighs where
 * a question's words are found, answers included; this weighs only how members word questions,
 * so when it is sure of another entry than the search's, the search's answer is in doubt.
 * Trained once, when the search is built; a question costs one sum per entry.
 */
export class PhrasingClassifier {
  private constructor(
    private readonly ids: readonly string[],
    // Per entry: log P(term | entry) for the terms its phrasings use, and for any other term.
    private readonly logLikelihood: readonly ReadonlyMap<string, number>[],
    private readonly logUnseen: readonly number[],
    private readonly vocabulary: ReadonlySet<string>,
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
    const likelihoods = ids.map((id) => {
      const entry = counts.get(id)!;
      const total = [...entry.values()].reduce((sum, n) => sum + n, 0) + SMOOTHING * vocabulary.size;
      return {
        seen: new Map([...entry].map(([term, n]) => [term, Math.log((n + SMOOTHING) / total)])),
        unseen: Math.log(SMOOTHING / total),
      };
    });
    return new PhrasingClassifier(
      ids,
      likelihoods.map((l) => l.seen),
      likelihoods.map((l) => l.unseen),
      vocabulary,
    );
  }

  /** The likeliest entry for a question's terms; undefined when none of them is in any phrasing. */
  likeliest(terms: readonly string[]): LikeliestEntry | undefined {
    const known = [...new Set(terms)].filter((term) => this.vocabulary.has(term));
    if (known.length === 0 || this.ids.length === 0) return undefined;
    const scores = this.ids.map((_, i) => known.reduce((sum, term) => sum + (this.logLikelihood[i]!.get(term) ?? this.logUnseen[i]!), 0));
    const best = scores.reduce((top, score, i) => (score > scores[top]! ? i : top), 0);
    const normaliser = scores.reduce((sum, score) => sum + Math.exp(score - scores[best]!), 0);
    return { id: this.ids[best]!, probability: 1 / normaliser };
  }
}
