import { z } from 'zod';
import { requirePermission } from '../../../shared/access/policy';
import { DomainError } from '../../../shared/errors/domain-error';
import { type Feature, cardAction, linkRefused } from '../../../shared/feature';
import type { Logger } from '../../../platform/logging/logger';
import type { Clock } from '../../../platform/time/clock';
import { londonDate } from '../../../platform/time/london';
import type { AnswerFeedbackStore } from '../data/answer-feedback-store';
import { answerInputSchema, askButtonSchema } from '../domain/officer-question';
import type { LiveKnowledge } from '../live-knowledge';
import type { OfficerDesk } from '../officer-desk';
import { feedbackReportCard } from './feedback-report';
import { answerCard, unknownCard } from './remit-cards';
import type { Metrics } from '../../../platform/telemetry/metrics';

export interface RemitFeatureDependencies {
  knowledge: LiveKnowledge;
  feedback: AnswerFeedbackStore;
  officers: OfficerDesk;
  clock: Clock;
  logger: Logger;
  /** Answers and declines counted for Application Insights (nothing when it is not configured). */
  metrics: Metrics;
}

const feedbackData = z.object({
  entryId: z.string().min(1).max(100),
  question: z.string().max(2000),
  helpful: z.boolean(),
});

const questionRef = z.object({ questionId: z.string().regex(/^oq-[a-f0-9]{16}$/) });
const entryRef = z.object({ entryId: z.string().regex(/^officer-[a-f0-9]{16}$/) });
const entryChange = entryRef.extend({
  etag: z.string().min(1).max(200),
  question: z.string().max(2000).optional(),
  answer: z.string().max(5000).optional(),
});

/**
 * Questions about the panel's remit (the fallback for any free text), answer feedback and its
 * report, and "Ask an officer": questions the bot cannot answer go to the officers, whose answers
 * can join the knowledge base.
 */
export function remitFeature(deps: RemitFeatureDependencies): Feature {
  const { knowledge, feedback, officers, clock, logger } = deps;
  const today = () => londonDate(clock.now());
  const lookup = (id: string) => knowledge.entry(id);
  return {
    name: 'remit',
    commands: [
      {
        name: 'feedback-report',
        access: 'feedback.read',
        phrases: ['feedback', 'feedback report'],
        help: { title: 'feedback', detail: 'See which answers members found unhelpful.', role: 'officer' },
        run: async (_input, sender) => {
          requirePermission(await sender.actor(), 'feedback.read');
          return feedbackReportCard(knowledge.curated(), await feedback.totals());
        },
      },
      {
        name: 'open-questions',
        access: 'officerQuestions.answer',
        phrases: ['open questions', 'unanswered questions', 'questions for officers', 'questions for the officers'],
        help: { title: 'open questions', detail: 'Questions members asked the officers that nobody has answered yet.', role: 'officer' },
        run: async (_input, sender) => officers.openQuestions(await sender.actor()),
      },
      {
        name: 'officer-answers',
        access: 'knowledge.manage',
        phrases: ['officer answers', 'officer entries', 'export officer answers', 'export officer entries'],
        help: {
          title: 'officer answers',
          detail: 'The answers officers added to the knowledge base: edit, retire or export them as YAML.',
          role: 'officer',
        },
        run: async (_input, sender) => officers.officerEntries(await sender.actor()),
      },
      {
        name: 'answers-due-for-review',
        access: 'knowledge.manage',
        phrases: ['answers due for review', 'due for review', 'review due', 'answers to review'],
        help: {
          title: 'answers due for review',
          detail: 'Knowledge entries whose review date has passed or falls within 30 days.',
          role: 'officer',
        },
        run: async (_input, sender) => officers.dueForReview(await sender.actor()),
      },
    ],
    verbs: {
      'feedback.submit': cardAction('remit.ask', feedbackData, async (data, sender) => {
        const entry = knowledge.entry(data.entryId);
        if (!entry) throw new DomainError('not_found', 'That answer is no longer in the knowledge base. Please ask your question again.');
        await feedback.record({ entryId: entry.id, question: data.question, helpful: data.helpful }, sender.aadObjectId);
        const remit = await knowledge.remit();
        // The passage the card quoted is found again from the question, never taken from card data.
        const passage = remit.passageBesideAnswer(data.question, entry.id);
        if (data.helpful) return answerCard(lookup, entry, data.question, 'helpful', { today: today(), passage });
        // The other entries that came close are offered beside "Ask an officer": searched again from the
        // question (schema-checked text, read like any question), never taken as entry ids from card data.
        const entries = remit.runnersUp(data.question, entry.id);
        return answerCard(lookup, entry, data.question, 'not_helpful', {
          today: today(),
          alternatives: { because: 'not_helpful', entries },
          passage,
        });
      }),
      'officerQuestion.ask': cardAction('remit.ask', askButtonSchema, async (data, sender) => officers.ask(await sender.actor(), data)),
      'officerQuestion.show': cardAction('officerQuestions.view', questionRef, async (data, sender) =>
        officers.show(await sender.actor(), data.questionId),
      ),
      'officerQuestion.answer': cardAction('officerQuestions.answer', answerInputSchema, async (data, sender) =>
        officers.answer(await sender.actor(), data),
      ),
      'officerEntry.list': cardAction('knowledge.manage', z.object({}), async (_data, sender) =>
        officers.officerEntries(await sender.actor()),
      ),
      'officerEntry.edit': cardAction('knowledge.manage', entryRef, async (data, sender) =>
        officers.editEntryForm(await sender.actor(), data.entryId),
      ),
      'officerEntry.save': cardAction('knowledge.manage', entryChange, async (data, sender) =>
        officers.saveEntry(await sender.actor(), data),
      ),
      'officerEntry.retire': cardAction('knowledge.manage', entryChange, async (data, sender) =>
        officers.retireEntry(await sender.actor(), data),
      ),
    },
    jobs: officers.handlers(),
    start: () => officers.ensureScheduled(),
    downloads: [
      {
        path: '/exports/officer-answers.yaml',
        access: 'knowledge.manage',
        serve: async ({ query }) => {
          const file = await officers.exportYaml(query);
          return file
            ? { kind: 'file', ...file, contentType: 'application/yaml; charset=utf-8' }
            : linkRefused('Ask for "officer answers" in Teams again for a fresh link.');
        },
      },
    ],
    freeText: {
      access: 'remit.ask',
      accepts: () => true,
      run: async (question) => {
        const result = (await knowledge.remit()).answer(question);
        if (result.kind === 'unknown') {
          deps.metrics.count('remit.declined', { reason: result.reason });
          const nearby = result.nearby ?? [];
          logger.info(
            { event: 'remit.unknown', reason: result.reason, length: question.length, offered: nearby.map((e) => e.id) },
            'question declined',
          );
          return unknownCard(knowledge.curated(), result.reason, question, nearby);
        }
        deps.metrics.count('remit.answered', { entry: result.entry.id });
        logger.info(
          {
            event: 'remit.answer',
            entryId: result.entry.id,
            confidence: Number(result.confidence.toFixed(3)),
            unsure: result.unsure === true,
            offered: (result.nearby ?? []).map((e) => e.id),
            ...(result.alsoAsked ? { alsoAsked: result.alsoAsked.id } : {}),
            ...(result.passage ? { passage: result.passage.id } : {}),
          },
          'question answered',
        );
        const alternatives = result.unsure ? { because: 'unsure' as const, entries: result.nearby ?? [] } : undefined;
        return answerCard(lookup, result.entry, question, 'none', {
          today: today(),
          alternatives,
          alsoAsked: result.alsoAsked,
          passage: result.passage,
        });
      },
    },
  };
}
