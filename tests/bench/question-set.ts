import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import type { KnowledgeEntry } from '../../src/features/remit/domain/knowledge-entry';
import type { RemitResult } from '../../src/features/remit/domain/remit-result';
import { projectRoot } from '../../src/platform/process/project-root';

const half = z.enum(['tune', 'test']);
const entryIds = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]));

const questionSchema = z
  .strictObject({
    q: z.string().min(1),
    expect: entryIds.optional(),
    quote: z.string().min(1).optional(),
    decline: z.enum(['off_topic', 'not_in_docs']).optional(),
    half,
  })
  .refine(
    (q) => (q.decline === undefined) !== (q.expect === undefined && q.quote === undefined),
    'a question either expects an answer (expect/quote) or a decline',
  );

const fileSchema = z.strictObject({ questions: z.array(questionSchema).min(1) });

export type SetQuestion = z.infer<typeof questionSchema>;
export type Half = z.infer<typeof half>;

/**
 * The half a question belongs to, from a hash of its text: stable across runs and machines, and
 * nobody chooses which questions the figure that counts is measured on.
 */
export function halfOf(question: string): Half {
  return createHash('sha256').update(question.trim().toLowerCase()).digest()[0]! < 128 ? 'tune' : 'test';
}

/** The project's remit question set (tests/fixtures/remit-questions.yaml). */
export function loadQuestionSet(): SetQuestion[] {
  const file = path.join(projectRoot(), 'tests/fixtures/remit-questions.yaml');
  return fileSchema.parse(YAML.parse(fs.readFileSync(file, 'utf8'))).questions;
}

export type Verdict = 'right' | 'declined' | 'wrong';

/**
 * How the bot did on one question. For a question with an answer: right, declined (a miss, but
 * honest) or wrong (answered with something else: a confident wrong answer). For a question that
 * must be declined: right when declined, wrong when answered.
 */
export function judge(question: SetQuestion, result: RemitResult): Verdict {
  if (question.decline) return result.kind === 'unknown' ? 'right' : 'wrong';
  if (result.kind === 'unknown') return 'declined';
  if (question.expect?.includes(result.entry.id)) return 'right';
  // The quote is judged in what the card shows: the answer, or the source passage quoted beside it.
  const quote = question.quote?.toLowerCase();
  const shown = [result.entry, ...(result.passage ? [result.passage] : [])];
  return quote !== undefined && shown.some((entry) => entry.answer.toLowerCase().includes(quote)) ? 'right' : 'wrong';
}

export interface HalfScore {
  half: Half;
  answerable: number;
  right: number;
  /** Answerable questions answered with the wrong entry. */
  wrong: number;
  /** Of the wrong answers, those the card gave as "not sure", with the runners-up beside them... */
  wrongUnsure: number;
  /** ...and of those, the ones whose runners-up hold the right entry. */
  wrongUnsureOffered: number;
  /** Right answers given as "not sure" (the hedge's cost). */
  rightUnsure: number;
  mustDecline: number;
  /** Off-topic and not-in-the-documents questions that were declined. */
  declinedWhenRight: number;
  /** Off-topic and not-in-the-documents questions answered, but as "not sure". */
  answeredUnsure: number;
  /** Answerable questions declined for want of confidence... */
  lowConfidenceDeclines: number;
  /** ...of which the right entry was among those offered as "Is it one of these?". */
  offeredRight: number;
  misses: { q: string; expected: string; got: string }[];
}

/** Scores one half of the set with any answering function. */
export function scoreHalf(questions: readonly SetQuestion[], which: Half, answer: (q: string) => RemitResult): HalfScore {
  const score: HalfScore = {
    half: which,
    answerable: 0,
    right: 0,
    wrong: 0,
    wrongUnsure: 0,
    wrongUnsureOffered: 0,
    rightUnsure: 0,
    mustDecline: 0,
    declinedWhenRight: 0,
    answeredUnsure: 0,
    lowConfidenceDeclines: 0,
    offeredRight: 0,
    misses: [],
  };
  for (const question of questions.filter((q) => q.half === which)) {
    const result = answer(question.q);
    const verdict = judge(question, result);
    if (question.decline) {
      score.mustDecline++;
      if (verdict === 'right') score.declinedWhenRight++;
      else if (result.kind === 'answer' && result.unsure) score.answeredUnsure++;
    } else {
      score.answerable++;
      if (verdict === 'right') score.right++;
      if (verdict === 'wrong') score.wrong++;
      if (result.kind === 'answer' && result.unsure) {
        if (verdict === 'right') score.rightUnsure++;
        else {
          score.wrongUnsure++;
          if (offersRight(question, result.nearby)) score.wrongUnsureOffered++;
        }
      }
      if (result.kind === 'unknown' && result.reason === 'low_confidence') {
        score.lowConfidenceDeclines++;
        if (offersRight(question, result.nearby)) score.offeredRight++;
      }
    }
    if (verdict !== 'right') {
      const expected = question.decline
        ? `decline (${question.decline})`
        : [...(question.expect ?? []), ...(question.quote ? [`"${question.quote}"`] : [])].join(' | ');
      score.misses.push({ q: question.q, expected, got: result.kind === 'unknown' ? `declined (${result.reason})` : result.entry.id });
    }
  }
  return score;
}

function offersRight(question: SetQuestion, offered: readonly KnowledgeEntry[] = []): boolean {
  return offered.some((entry) => judge(question, { kind: 'answer', entry, confidence: 0, related: [] }) === 'right');
}

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

/** One line per half, as printed by the bench and the unit test. */
export function describeScore(score: HalfScore): string {
  return (
    `${score.half} half: top-1 ${score.right}/${score.answerable} (${pct(score.right, score.answerable)}), ` +
    `confident-wrong ${score.wrong}/${score.answerable} (${pct(score.wrong, score.answerable)}; ` +
    `${score.wrongUnsure} of them given as "not sure", ${score.wrongUnsureOffered} with the right entry beside; ` +
    `${score.rightUnsure} right answers given as "not sure"), ` +
    `declined ${score.declinedWhenRight}/${score.mustDecline} off-topic/not-in-docs (${pct(score.declinedWhenRight, score.mustDecline)}; ` +
    `${score.answeredUnsure} of the rest answered as "not sure"); ` +
    `${score.lowConfidenceDeclines} answerable declined for want of confidence, the right entry offered for ${score.offeredRight}`
  );
}

/**
 * The question with one typo in its longest word (of six letters or more): a letter dropped,
 * two swapped or one doubled, chosen from a hash of the question so every run types the same.
 * Undefined when no word is long enough.
 */
export function withTypo(question: string): string | undefined {
  const words = question.split(/\s+/);
  const at = words.reduce((best, w, i) => (/^[a-z]{6,}$/i.test(w) && (best < 0 || w.length > words[best]!.length) ? i : best), -1);
  if (at < 0) return undefined;
  const word = words[at]!;
  const hash = createHash('sha256').update(question).digest();
  const i = 1 + (hash[0]! % (word.length - 2));
  const typed = [
    word.slice(0, i) + word.slice(i + 1),
    word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2),
    word.slice(0, i) + word[i] + word.slice(i),
  ][hash[1]! % 3]!;
  return [...words.slice(0, at), typed, ...words.slice(at + 1)].join(' ');
}

export interface VariantScore {
  /** Questions judged right as written, asked again in the other form. */
  tried: number;
  /** Still judged right in that form. */
  right: number;
  /** Answered wrongly in that form (for a must-decline question: answered at all). */
  wrong: number;
}

/**
 * Of the questions of a half judged right as written, how many still are when asked in another
 * form (`vary`; undefined skips the question). `answerableOnly` leaves the must-declines out.
 */
function variantScore(
  questions: readonly SetQuestion[],
  which: Half,
  answer: (q: string) => RemitResult,
  vary: (question: string) => string | undefined,
  answerableOnly: boolean,
): VariantScore {
  const score = { tried: 0, right: 0, wrong: 0 };
  for (const question of questions.filter((q) => q.half === which && !(answerableOnly && q.decline))) {
    const varied = vary(question.q);
    if (varied === undefined || judge(question, answer(question.q)) !== 'right') continue;
    score.tried++;
    const verdict = judge(question, answer(varied));
    if (verdict === 'right') score.right++;
    if (verdict === 'wrong') score.wrong++;
  }
  return score;
}

/** Of the answerable questions of a half answered right, how many still are with a typo in their longest word. */
export function typoScore(questions: readonly SetQuestion[], which: Half, answer: (q: string) => RemitResult): VariantScore {
  return variantScore(questions, which, answer, withTypo, true);
}

// How people wrap a question in a Teams message: a greeting, a sign-off, their name, a link, asking to be told.
const WRAPPINGS: readonly ((question: string) => string)[] = [
  (q) => `Hi, ${q} Thanks`,
  (q) => `Morning! ${q}`,
  (q) => `${q}?? thx`,
  (q) => `Dear bot, ${q}. Kind regards, Jo`,
  (q) => `I am Cllr Smith. ${q}`,
  (q) => `${q} https://democracy.kent.gov.uk/mgCommitteeDetails.aspx?ID=693`,
  (q) => `Sorry to bother you, but ${q}`,
  (q) => `Hi, hope you are well. ${q} Many thanks`,
  (q) => `Can you tell me ${q}`,
  (q) => `Question from Cllr Jones - ${q}`,
  (q) => `hi bot ${q} ta`,
  (q) => `${q} please`,
];

/** The question written as a Teams message, one wrapping chosen from a hash of the question. */
export function withWrapping(question: string): string {
  const hash = createHash('sha256').update(`wrap:${question}`).digest();
  return WRAPPINGS[hash[0]! % WRAPPINGS.length]!(question);
}

/**
 * Of the questions of a half judged right as written (answered, or declined when they must be),
 * how many still are wrapped as a Teams message.
 */
export function wrappedScore(questions: readonly SetQuestion[], which: Half, answer: (q: string) => RemitResult): VariantScore {
  return variantScore(questions, which, answer, withWrapping, false);
}
