import { EntryQuestions } from '../../../src/features/remit/domain/entry-questions';
import type { QueryConcept } from '../../../src/features/remit/domain/query-concept';

const concept = (...terms: string[]): QueryConcept => ({ terms: new Map(terms.map((t) => [t, 1])), strength: 'strong' });
const phrasing = (...stems: string[]): ReadonlySet<string> => new Set(stems);

describe('how alike a question is to the closest of an entry’s phrasings', () => {
  it('is 1 for a question worded as one of them, and less for one sharing only some of its words', () => {
    const questions = new EntryQuestions([phrasing('chair', 'panel'), phrasing('venu', 'meet')]);
    expect(questions.similarity([concept('venu'), concept('meet')])).toBeCloseTo(1);
    const partly = questions.similarity([concept('venu'), concept('pizza')]);
    expect(partly).toBeGreaterThan(0);
    expect(partly).toBeLessThan(1);
    expect(questions.similarity([concept('pizza')])).toBe(0);
  });

  it('reads every phrasing of an entry with more than fit in one bit mask', () => {
    const fillers = Array.from({ length: 40 }, (_, i) => phrasing(`filler${i}`, 'panel'));
    const questions = new EntryQuestions([...fillers, phrasing('minut', 'clerk')]);
    expect(questions.similarity([concept('minut'), concept('clerk')])).toBeCloseTo(1);
    expect(questions.similarity([concept('filler35'), concept('panel')])).toBeCloseTo(1);
  });
});
