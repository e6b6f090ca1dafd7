/**
 * One thing a question asks about: a word, or a phrase matched as a whole ("looked after children"),
 * with every index term that would count as finding it and how much each is worth.
 */
export interface QueryConcept {
  /** Index term -> weight; the question's own words weigh 1, synonyms less. */
  terms: ReadonlyMap<string, number>;
  /**
   * 'weak': appears almost everywhere ("panel"); 'number': a bare number; 'intent': says what kind of
   * answer is wanted ("where", "how many"). None of these proves on its own what the question is about.
   */
  strength: 'strong' | 'weak' | 'number' | 'intent';
}
