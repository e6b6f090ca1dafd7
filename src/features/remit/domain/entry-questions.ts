import { CONCEPT_WEIGHT } from './match-scoring';
import type { QueryConcept } from './query-concept';
import { WEAK_STEMS } from './stop-words';

/**
 * How alike the member's question and the closest of an entry's own questions (its question and
 * alternatives) are, through synonyms: the F1 of how much of the member's question the entry's
 * question says (recall) and how much of the entry's question the member asked about (precision).
 * "Who answers the CPP?" is close to "Who is the Corporate Parenting Panel accountable to?" even
 * though they share one word. Built once per entry: each stem maps to a bit mask of the questions
 * holding it, so one pass over the member's terms scores up to 31 questions of the entry; an entry
 * with more has one such group per 31.
 */
export class EntryQuestions {
  // Per stem, a bit mask per group of 31 questions: bit i of group g is question 31g + i.
  private readonly masks: ReadonlyMap<string, readonly number[]>;
  private readonly sizes: Float64Array;
  private readonly groups: number;
  // Worked in place on every call (a search is synchronous, one question at a time): no allocation per candidate.
  private readonly found: Float64Array;
  private readonly used: Float64Array;
  private readonly hit: number[];

  constructor(questions: readonly ReadonlySet<string>[]) {
    this.groups = Math.ceil(questions.length / QUESTIONS_PER_GROUP);
    this.sizes = Float64Array.from(questions, (q) => [...q].reduce((sum, s) => sum + stemWeight(s), 0));
    this.found = new Float64Array(questions.length);
    this.used = new Float64Array(questions.length);
    this.hit = new Array<number>(this.groups).fill(0);
    const masks = new Map<string, number[]>();
    questions.forEach((stems, i) => {
      const group = Math.floor(i / QUESTIONS_PER_GROUP);
      for (const stem of stems) {
        let mask = masks.get(stem);
        if (!mask) masks.set(stem, (mask = new Array<number>(this.groups).fill(0)));
        mask[group]! |= 1 << (i % QUESTIONS_PER_GROUP);
      }
    });
    this.masks = masks;
  }

  similarity(concepts: readonly QueryConcept[]): number {
    const { found, used, hit } = this;
    found.fill(0);
    used.fill(0);
    const seen: string[] = [];
    let total = 0;
    for (const concept of concepts) {
      const weight = CONCEPT_WEIGHT[concept.strength];
      total += weight;
      hit.fill(0);
      for (const term of concept.terms.keys()) {
        const masks = this.masks.get(term);
        if (masks === undefined) continue;
        const counted = seen.includes(term);
        if (!counted) seen.push(term);
        for (let group = 0; group < this.groups; group++) {
          hit[group]! |= masks[group]!;
          if (!counted) addToEach(used, group, masks[group]!, stemWeight(term));
        }
      }
      for (let group = 0; group < this.groups; group++) addToEach(found, group, hit[group]!, weight);
    }
    if (total === 0) return 0;
    let best = 0;
    for (let i = 0; i < this.sizes.length; i++) {
      if (found[i] === 0 || this.sizes[i] === 0) continue;
      const recall = found[i]! / total;
      const precision = used[i]! / this.sizes[i]!;
      best = Math.max(best, (2 * precision * recall) / (precision + recall));
    }
    return best;
  }
}

// A bit per question in a 32-bit mask (the sign bit left alone).
const QUESTIONS_PER_GROUP = 31;

// Adds the amount to each question of the group whose bit is set in the mask.
function addToEach(sums: Float64Array, group: number, mask: number, amount: number): void {
  const first = group * QUESTIONS_PER_GROUP;
  for (let rest = mask, bit = 0; rest !== 0; rest >>>= 1, bit++) if (rest & 1) sums[first + bit]! += amount;
}

// "What was the Corporate Parenting Select Committee?" is worded like "what was the select committee":
// the words every entry shares barely count against an entry's question.
function stemWeight(stemmed: string): number {
  return WEAK_STEMS.has(stemmed) ? CONCEPT_WEIGHT.weak : 1;
}
