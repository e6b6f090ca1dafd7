import { questionKey } from '../../../src/features/remit/domain/exact-question-match';
import { KnowledgeBase } from '../../../src/features/remit/domain/knowledge-base';
import { RemitService } from '../../../src/features/remit/remit-service';
import { describeScore, halfOf, loadQuestionSet, scoreHalf, typoScore, wrappedScore } from '../../bench/question-set';

const questions = loadQuestionSet();
const knowledge = KnowledgeBase.loadFromDirectory();
const service = new RemitService(knowledge);
const answer = (q: string) => service.answer(q);

describe('remit search on the question set', () => {
  it('has a set big enough to mean something in both halves', () => {
    for (const half of ['tune', 'test'] as const) {
      const inHalf = questions.filter((q) => q.half === half);
      expect(inHalf.filter((q) => !q.decline).length).toBeGreaterThanOrEqual(100);
      expect(inHalf.filter((q) => q.decline === 'off_topic').length).toBeGreaterThanOrEqual(10);
      expect(inHalf.filter((q) => q.decline === 'not_in_docs').length).toBeGreaterThanOrEqual(10);
    }
  });

  it('assigns every question to the half its hash gives, never by hand', () => {
    const misplaced = questions.filter((q) => q.half !== halfOf(q.q)).map((q) => `${q.q} -> half: ${halfOf(q.q)}`);
    expect(misplaced).toEqual([]);
  });

  it('holds each question once', () => {
    const keys = questions.map((q) => q.q.trim().toLowerCase());
    expect(keys.length).toBe(new Set(keys).size);
  });

  it('expects only entries that exist', () => {
    const unknown = questions.flatMap((q) => q.expect ?? []).filter((id) => knowledge.entry(id) === undefined);
    expect(unknown).toEqual([]);
  });

  it('never copies a question of the set into the knowledge base as a question or alternative', () => {
    const kbQuestions = new Set(knowledge.searchableEntries().flatMap((s) => [s.entry.question, ...s.alternatives].map(questionKey)));
    const copied = questions.filter((q) => kbQuestions.has(questionKey(q.q))).map((q) => q.q);
    expect(copied).toEqual([]);
  });

  /**
   * Issue 10's target is 90% of the test half with no confident wrong answer and every decline kept.
   * The search does not reach it yet on questions written by reviewers who never saw it (85.7% top-1,
   * 31 wrong of 842, 22 of them given as "not sure" with runners-up, 376/450 declines when this was
   * last measured, with the 2026-12-08 batches and phrasings): these floors stop it getting worse, and are raised
   * to the target as it improves.
   */
  it('does no worse on the test half than the figures last measured (the target is 90% and none wrong)', () => {
    const tune = scoreHalf(questions, 'tune', answer);
    const test = scoreHalf(questions, 'test', answer);
    // The tune half's misses are what to work on; the test half stays blind (its totals only), or
    // reading its misses would make it a second tuning half.
    console.log(
      [
        describeScore(tune),
        ...tune.misses.map((m) => `  tune miss: "${m.q}" -> ${m.got} (expected ${m.expected})`),
        describeScore(test),
      ].join('\n'),
    );
    expect(test.right / test.answerable).toBeGreaterThanOrEqual(0.857);
    expect(test.wrong).toBeLessThanOrEqual(31);
    expect(test.declinedWhenRight).toBeGreaterThanOrEqual(376);
    expect(tune.right / tune.answerable).toBeGreaterThanOrEqual(0.897);
    // A decline for want of confidence offers the entries that came close: the right one is there for nearly half (37 of 81).
    expect(test.offeredRight / test.lowConfidenceDeclines).toBeGreaterThanOrEqual(0.45);
  });

  it('still answers nearly every question it gets right when its longest word is mistyped', () => {
    // 671 of 688 on the test half and 4 wrong when this was last measured (277 of 286 and 1 when written).
    const typos = typoScore(questions, 'test', answer);
    expect(typos.right / typos.tried).toBeGreaterThanOrEqual(0.96);
    expect(typos.wrong).toBeLessThanOrEqual(4);
  });

  it('reads a question the same when it is wrapped as a Teams message (greeting, sign-off, name, link)', () => {
    // 1,098 of 1,098 on the test half when last measured, 456 of 456 when this was written (310 of 452 before greetings, politeness and sign-offs were read past).
    const wrapped = wrappedScore(questions, 'test', answer);
    expect(wrapped.right / wrapped.tried).toBeGreaterThanOrEqual(0.98);
    expect(wrapped.wrong).toBeLessThanOrEqual(1);
  });

  it('declines nearly every question of the tune half that must be declined (30 of 443 slip through today)', () => {
    const answered = questions.filter((q) => q.half === 'tune' && q.decline && service.answer(q.q).kind === 'answer').map((q) => q.q);
    expect(answered.length).toBeLessThanOrEqual(30);
  });
});
