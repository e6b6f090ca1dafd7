import MiniSearch from 'minisearch';
import { TermResults } from '../../../src/features/remit/domain/term-results';

const documents = [
  { id: 'a', title: 'Who chairs the panel', body: 'The chairman is a councillor. The panel meets in the Darent Room.' },
  { id: 'b', title: 'Where does the panel meet', body: 'Sessions House, Maidstone.' },
  { id: 'c', title: 'Accountability', body: 'The panel is accountable to the County Council.' },
  // The same text twice: equal scores keep the order the documents were indexed in.
  { id: 'd', title: 'Twin', body: 'identical words here' },
  { id: 'e', title: 'Twin', body: 'identical words here' },
];

function index(): MiniSearch {
  const search = new MiniSearch({ fields: ['title', 'body'], storeFields: [] });
  search.addAll(documents);
  return search;
}

const fields = ['title', 'body'];
const scoring = { boost: { title: 2, body: 1 } };
const weights = new Map([
  ['panel', 0.5],
  ['meet', 1],
  ['accountab', 0.8],
  ['twin', 1],
  ['unknown', 1],
]);
const vocabulary = new Set(['panel', 'meet', 'twin', 'chairs', 'chairman', 'identical', 'words', 'here', 'accountable', 'council']);
const prefix = (term: string) => term === 'accountab';

describe('term results worked out once per term', () => {
  it("gives what MiniSearch's own weighted OR query gives: scores, matched terms and order", () => {
    const direct = index().search([...weights.keys()].join(' '), {
      fields,
      ...scoring,
      boostTerm: (term) => weights.get(term) ?? 1,
      prefix,
      combineWith: 'OR',
    });
    const search = index();
    const cached = new TermResults(
      search,
      documents.map((d) => d.id),
      (term) => vocabulary.has(term),
      scoring,
    );
    const simplify = (results: { id: unknown; score: number; terms: string[]; queryTerms: string[] }[]) =>
      results.map((r) => ({ id: String(r.id), score: Number(r.score.toFixed(9)), terms: r.terms, queryTerms: r.queryTerms }));
    expect(simplify(cached.search(weights, fields, prefix))).toEqual(simplify(direct));
    // Asked again, from what was kept: the same.
    expect(simplify(cached.search(weights, fields, prefix))).toEqual(simplify(direct));
    expect(direct.map((r) => r.id)).toContain('c');
    // Only the best two, told the same.
    expect(simplify(cached.search(weights, fields, prefix, 2))).toEqual(simplify(direct).slice(0, 2));
  });

  it('keeps what it found for a term apart for each set of fields, and refuses to let a result change it', () => {
    const cached = new TermResults(
      index(),
      documents.map((d) => d.id),
      (term) => vocabulary.has(term),
      scoring,
    );
    const titleOnly = cached.search(new Map([['panel', 1]]), ['title'], () => false);
    const everywhere = cached.search(new Map([['panel', 1]]), fields, () => false);
    expect(titleOnly.map((r) => r.id).sort()).toEqual(['a', 'b']);
    expect(everywhere.map((r) => r.id).sort()).toEqual(['a', 'b', 'c']);
    const matchedIn = everywhere[0]!.match['panel']!;
    expect(() => matchedIn.push('x')).toThrow(TypeError);
  });
});
