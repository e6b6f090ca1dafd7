import { z } from 'zod';
import { requirePermission } from '../../../shared/access/policy';
import { DomainError } from '../../../shared/errors/domain-error';
import { Feature, cardAction } from '../../../shared/feature';
import { Logger } from '../../../platform/logging/logger';
import { AnswerFeedbackStore } from '../data/answer-feedback-store';
import { KnowledgeBase } from '../domain/knowledge-base';
import { RemitService } from '../remit-service';
import { feedbackReportCard } from './feedback-report';
import { answerCard, unknownCard } from './remit-cards';

export interface RemitFeatureDependencies {
  knowledge: KnowledgeBase;
  remit: RemitService;
  feedback: AnswerFeedbackStore;
  logger: Logger;
}

const feedbackData = z.object({
  entryId: z.string().min(1).max(100),
  question: z.string().max(2000),
  helpful: z.boolean(),
});

/** Questions about the panel's remit (the fallback for any free text), answer feedback and its report. */
export function remitFeature(deps: RemitFeatureDependencies): Feature {
  const { knowledge, remit, feedback, logger } = deps;
  return {
    name: 'remit',
    commands: [
      {
        name: 'feedback-report',
        phrases: ['feedback', 'feedback report'],
        help: { title: 'feedback', detail: 'See which answers members found unhelpful.', role: 'officer' },
        run: async (_input, sender) => {
          requirePermission(await sender.actor(), 'feedback.read');
          return feedbackReportCard(knowledge, await feedback.totals());
        },
      },
    ],
    verbs: {
      'feedback.submit': cardAction(feedbackData, async (data, sender) => {
        const entry = knowledge.entry(data.entryId);
        if (!entry) throw new DomainError('not_found', 'That answer is no longer in the knowledge base. Please ask your question again.');
        await feedback.record({ entryId: entry.id, question: data.question, helpful: data.helpful }, sender.aadObjectId);
        return answerCard(knowledge, entry, data.question, data.helpful ? 'helpful' : 'not_helpful');
      }),
    },
    freeText: {
      accepts: () => true,
      run: async (question) => {
        const result = remit.answer(question);
        if (result.kind === 'unknown') {
          logger.info({ event: 'remit.unknown', reason: result.reason, length: question.length }, 'question declined');
          return unknownCard(knowledge, result.reason);
        }
        logger.info({ event: 'remit.answer', entryId: result.entry.id, confidence: Number(result.confidence.toFixed(3)) }, 'question answered');
        return answerCard(knowledge, result.entry, question, 'none');
      },
    },
  };
}
