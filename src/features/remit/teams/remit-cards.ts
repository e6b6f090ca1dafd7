import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { LONDON } from '../../../platform/time/clock';
import { formatLondonDate } from '../../../platform/time/london';
import { authoredTextToCardMarkdown } from '../../../shared/text/authored-markdown';
import { type FeedbackState, renderAnswerCard } from './answer-card';
import { renderUnknownCard } from './unknown-card';
import { EXAMPLE_QUESTIONS } from '../domain/example-questions';
import type { KnowledgeBase } from '../domain/knowledge-base';
import type { KnowledgeEntry, KnowledgeSource } from '../domain/knowledge-entry';

export function sourceLabel(source: KnowledgeSource): string {
  return source.section === '' ? source.document : `${source.document} - ${source.section}`;
}

export interface AnswerCardContext {
  /** Today in London, `YYYY-MM-DD`: an answer last reviewed more than a year before says so. */
  today: string;
  /** Makes the "Ask an officer" button ask once however often it is pressed. */
  requestId?: string;
  /**
   * Other entries offered beside the answer: because it only just won (its runners-up), or because
   * the member said it did not help (the others that came close to their question).
   */
  alternatives?: { because: 'unsure' | 'not_helpful'; entries: readonly KnowledgeEntry[] };
  /** The entry answering the other question of a two-question message. */
  alsoAsked?: KnowledgeEntry;
  /** A source passage that says more of what was asked than the answer, quoted beside it. */
  passage?: KnowledgeEntry;
}

/** The answer card for an entry, rebuilt from the knowledge base (never from card data). */
export function answerCard(
  lookup: (id: string) => KnowledgeEntry | undefined,
  entry: KnowledgeEntry,
  question: string,
  feedbackState: FeedbackState,
  context: AnswerCardContext,
): AdaptiveCardJson {
  const alsoAsked = context.alsoAsked && context.alsoAsked.id !== entry.id ? [context.alsoAsked] : [];
  const runnersUp = (context.alternatives?.entries ?? []).filter((e) => !alsoAsked.some((a) => a.id === e.id));
  // An entry offered as the other question's answer or as a runner-up is not offered again as related.
  const offered = [...alsoAsked, ...runnersUp];
  const related = entry.related.map(lookup).filter((e): e is KnowledgeEntry => e !== undefined && !offered.some((r) => r.id === e.id));
  return renderAnswerCard({
    reviewNote: reviewNote(entry, context.today),
    alternativesNote: alternativesNote(context.alternatives),
    alternatives: runnersUp.map((e) => ({ question: e.question })),
    alsoAsked: alsoAsked.map((e) => ({ question: e.question })),
    requestId: context.requestId ?? randomUUID(),
    entryId: entry.id,
    title: entry.question,
    answer: authoredTextToCardMarkdown(entry.answer),
    sourceLabel: sourceLabel(entry.source),
    passageText: context.passage ? authoredTextToCardMarkdown(context.passage.answer) : '',
    passageSource: context.passage ? sourceLabel(context.passage.source) : '',
    related: related.slice(0, 3).map((e) => ({ question: e.question })),
    question,
    feedbackState,
  });
}

function alternativesNote(alternatives: AnswerCardContext['alternatives']): string {
  if (!alternatives) return '';
  const offered = alternatives.entries.length > 0;
  if (alternatives.because === 'not_helpful') return offered ? 'Perhaps one of these answers it:' : '';
  return offered
    ? "I'm not sure this is what you asked. If it isn't, is it one of these?"
    : "I'm not sure this is what you asked. If it isn't, press No and ask an officer.";
}

const UNKNOWN_EXPLANATIONS = {
  off_topic: "That doesn't look like a question about the Corporate Parenting Panel, so I'd rather not guess.",
  low_confidence: "I couldn't find a confident answer to that in the panel's documents, and I'd rather not guess.",
  empty: 'Ask me a question about the Corporate Parenting Panel in your own words.',
  about_now:
    "The panel's documents date from 2015 to 2017, so they can't tell you today's figures or who holds a post now, and I'd rather not guess.",
  unknown_acronym: "That acronym isn't in the panel's glossary, and I'd rather not guess what it stands for.",
} as const;

/**
 * An honest "I don't know", with "Ask an officer" (the question goes to the officers, who answer it
 * in Teams), the Democratic Services contact, and the questions of the entries that came close
 * (`nearby`) or, when none did, example questions that do work.
 */
export function unknownCard(
  knowledge: KnowledgeBase,
  reason: keyof typeof UNKNOWN_EXPLANATIONS,
  question = '',
  nearby: readonly KnowledgeEntry[] = [],
): AdaptiveCardJson {
  const contact = knowledge.contact();
  return renderUnknownCard({
    question: reason === 'empty' ? '' : question.slice(0, 2000),
    requestId: randomUUID(),
    explanation: UNKNOWN_EXPLANATIONS[reason],
    contactTitle: 'Who can help',
    contactText: authoredTextToCardMarkdown(contact.answer),
    contactSource: sourceLabel(contact.source),
    nearby: nearby.map((e) => ({ question: e.question })),
    examples: nearby.length > 0 ? [] : EXAMPLE_QUESTIONS.slice(0, 3).map((question) => ({ question })),
  });
}

/** "Last reviewed 23 November 2025": shown only when that is more than a year ago, so members can weigh it. */
export function reviewNote(entry: KnowledgeEntry, today: string): string {
  if (!entry.review) return '';
  const reviewed = DateTime.fromISO(entry.review.reviewed, { zone: LONDON });
  const yearAgo = DateTime.fromISO(today, { zone: LONDON }).minus({ years: 1 });
  if (!(reviewed < yearAgo)) return '';
  return `Last reviewed ${formatLondonDate(reviewed)}, more than a year ago: it may be out of date. Ask an officer if it matters.`;
}
