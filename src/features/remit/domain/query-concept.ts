/**
 * One thing a question asks about: a word, or a phrase matched as a whole ("looked after children"),
 * with every index term that would count as finding it and how much each is worth.
 */
export interface QueryConcept {
  /** Index term -> weight; the question's own words weigh 1, synonyms less. */
  terms: ReadonlyMap<string, number>;
  /**
   * How much finding a term counts towards coverage, when less than fully (absent: 1). Words from
   * the general English thesaurus only half-prove what a question is about: "house" also means a firm.
   */
  credit?: ReadonlyMap<string, number>;
  /**
   * For a phrase, or a word with multi-word synonyms: each way of saying it, as content-word
   * stems. The concept is found as far as the best-matched way's words are all there.
   */
  alternatives?: readonly (readonly string[])[];
  /**
   * 'weak': appears almost everywhere ("panel"); 'number': a bare number; 'intent': says what kind of
   * answer is wanted ("where", "how many"). None of these proves on its own what the question is about.
   */
  strength: 'strong' | 'weak' | 'number' | 'intent';
  /**
   * For a strong concept, how much it says about what the question is about, in (0, 1]: everyday
   * words ("turn", "proper", "expected") count for less than rare ones ("braille"). Absent: 1.
   */
  informativeness?: number;
}
