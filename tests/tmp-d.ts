import { KnowledgeBase } from '../src/remit/knowledge-base';
import { RemitService } from '../src/remit/remit-service';
import { tokenize } from '../src/remit/text-normalizer';
import { isStopWord } from '../src/remit/stop-words';
const s = new RemitService(KnowledgeBase.loadFromDirectory()) as unknown as any;
for (const q of process.argv.slice(3)) {
  const raw = tokenize(q);
  const tokens = raw.map((t: string) => (isStopWord(t) ? t : s.speller.correct(t)));
  const e = s.entries.evaluate(tokens); const p = s.passages.evaluate(tokens);
  const c = s.entries.expander.concepts(tokens).map((x: any) => `${x.strength}:${[...x.terms.keys()].join('/')}`);
  const f = (r: any) => r.kind === 'none' ? r.reason : `${r.match.entry.id} cov=${r.match.coverage.toFixed(2)} conf=${r.match.confidence.toFixed(2)} ${r.trusted ? 'TRUSTED' : 'untrusted'} | ${r.candidates.slice(1,4).map((x: any) => x.entry.id + ':' + x.coverage.toFixed(2)).join(' ')}`;
  const a = s.answer(q);
  console.log(`${q}\n  tokens ${tokens.join(' ')}\n  concepts ${c.join(' | ')}\n  entries: ${f(e)}\n  passages: ${f(p)}\n  answer: ${a.kind === 'answer' ? a.entry.id + ' ' + a.confidence.toFixed(2) : a.reason}`);
}
