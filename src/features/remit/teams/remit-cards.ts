import { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { authoredTextToCardMarkdown } from '../../../shared/text/authored-markdown';
import { FeedbackState, renderAnswerCard } from './answer-card';
import { renderUnknownCard } from './unknown-card';
import { EXAMPLE_QUESTIONS } from '../../help/help-content';
import { KnowledgeBase } from '../domain/knowledge-base';
import { KnowledgeEntry, KnowledgeSource } from '../domain/knowledge-entry';

export function sourceLabel(source: KnowledgeSource): string {
  return `${source.document} - ${source.section}`;
}

/** The answer card for an entry, rebuilt from the knowledge base (never from card data). */
export function answerCard(knowledge: KnowledgeBase, entry: KnowledgeEntry, question: string, feedbackState: FeedbackState): AdaptiveCardJson {
  const related = entry.related.map((id) => knowledge.entry(id)).filter((e): e is KnowledgeEntry => e !== undefined);
  return renderAnswerCard({
    entryId: entry.id,
    title: entry.question,
    answer: authoredTextToCardMarkdown(entry.answer),
    sourceLabel: sourceLabel(entry.source),
    related: related.slice(0, 3).map((e) => ({ question: e.question })),
    question,
    feedbackState,
  });
}

const UNKNOWN_EXPLANATIONS = {
  off_topic: "That doesn't look like a question about the Corporate Parenting Panel, so I'd rather not guess.",
  low_confidence: "I couldn't find a confident answer to that in the panel's documents, and I'd rather not guess.",
  empty: 'Ask me a question about the Corporate Parenting Panel in your own words.',
} as const;

/** An honest "I don't know", with the Democratic Services contact and questions that do work. */
export function unknownCard(knowledge: KnowledgeBase, reason: keyof typeof UNKNOWN_EXPLANATIONS): AdaptiveCardJson {
  const contact = knowledge.contact();
  return renderUnknownCard({
    explanation: UNKNOWN_EXPLANATIONS[reason],
    contactTitle: 'Who can help',
    contactText: authoredTextToCardMarkdown(contact.answer),
    contactSource: sourceLabel(contact.source),
    suggestions: EXAMPLE_QUESTIONS.slice(0, 3).map((question) => ({ question })),
  });
}
