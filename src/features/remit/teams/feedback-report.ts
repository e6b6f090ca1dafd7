import type { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { renderFeedbackReportCard } from './feedback-report-card';
import { literalText } from '../../../shared/text/literal-text';
import type { EntryFeedbackTotals } from '../data/answer-feedback-store';
import type { KnowledgeBase } from '../domain/knowledge-base';

const MAX_ENTRIES_SHOWN = 15;

/** For officers improving content: the answers members marked unhelpful most, with what they asked. */
export function feedbackReportCard(knowledge: KnowledgeBase, totals: EntryFeedbackTotals[]): AdaptiveCardJson {
  const votes = totals.reduce((sum, t) => sum + t.helpful + t.notHelpful, 0);
  return renderFeedbackReportCard({
    summary:
      votes === 0
        ? 'No feedback has been given yet.'
        : `${votes} ${votes === 1 ? 'vote' : 'votes'} on ${totals.length} ${totals.length === 1 ? 'answer' : 'answers'}, least helpful first.`,
    entries: totals.slice(0, MAX_ENTRIES_SHOWN).map((t) => ({
      entryId: t.entryId,
      title: knowledge.entry(t.entryId)?.question ?? 'An answer no longer in the knowledge base',
      helpful: t.helpful,
      notHelpful: t.notHelpful,
      recentUnhelpful: t.recentUnhelpfulQuestions.map((q) => `"${literalText(q)}"`).join('; '),
    })),
  });
}
