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
  private readonly groups: QuestionGroup[] = [];

  constructor(questions: readonly ReadonlySet<string>[]) {
    for (let at = 0; at < questions.length; at += QUESTIONS_PER_GROUP)
      this.groups.push(new QuestionGroup(questions.slice(at, at + QUESTIONS_PER_GROUP)));
  }

  similarity(concepts: readonly QueryConcept[]): number {
    let best = 0;
    for (const group of this.groups) best = Math.max(best, group.similarity(concepts));
    return best;
  }
}

// A bit per question in a 32-bit mask (the sign bit left alone).
const QUESTIONS_PER_GROUP = 31;

class QuestionGroup {
  private readonly sizes: number[];
  private readonly masks = new Map<string, number>();

  constructor(questions: readonly ReadonlySet<string>[]) {
    this.sizes = questions.map((q) => [...q].reduce((sum, s) => sum + stemWeight(s), 0));
    questions.forEach((stems, i) => {
      for (const stem of stems) this.masks.set(stem, (this.masks.get(stem) ?? 0) | (1 << i));
    });
  }

  similarity(concepts: readonly QueryConcept[]): number {
    const found = new Array<number>(this.sizes.length).fill(0);
    const used = new Array<number>(this.sizes.length).fill(0);
    const seen = new Set<string>();
    let total = 0;
    for (const concept of concepts) {
      const weight = CONCEPT_WEIGHT[concept.strength];
      total += weight;
      let hit = 0;
      for (const term of concept.terms.keys()) {
        const mask = this.masks.get(term);
        if (mask === undefined) continue;
        hit |= mask;
        if (!seen.has(term)) {
          seen.add(term);
          forEachBit(mask, (i) => (used[i]! += stemWeight(term)));
        }
      }
      forEachBit(hit, (i) => (found[i]! += weight));
    }
    let best = 0;
    for (let i = 0; i < this.sizes.length; i++) {
      if (total === 0 || found[i] === 0 || this.sizes[i] === 0) continue;
      const recall = found[i]! / total;
      const precision = used[i]! / this.sizes[i]!;
      best = Math.max(best, (2 * precision * recall) / (precision + recall));
    }
    return best;
  }
}

// "What was the Corporate Parenting Select Committee?" is worded like "what was the select committee":
// the words every entry shares barely count against an entry's question.
function stemWeight(stemmed: string): number {
  return WEAK_STEMS.has(stemmed) ? CONCEPT_WEIGHT.weak : 1;
}

function forEachBit(mask: number, visit: (bit: number) => void): void {
  for (let rest = mask, bit = 0; rest !== 0; rest >>>= 1, bit++) if (rest & 1) visit(bit);
}
