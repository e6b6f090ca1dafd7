import type { TableClient } from '@azure/data-tables';
import type { Clock } from '../../../platform/time/clock';
import { assertValidKey, hashedKey } from '../../../platform/storage/keys';

export interface AnswerFeedback {
  entryId: string;
  question: string;
  helpful: boolean;
}

export interface EntryFeedbackTotals {
  entryId: string;
  helpful: number;
  notHelpful: number;
  /** The most recent questions marked unhelpful: what officers read to improve the entry. */
  recentUnhelpfulQuestions: string[];
}

interface FeedbackEntity {
  partitionKey: string;
  rowKey: string;
  question: string;
  helpful: boolean;
  recordedAtUtc: string;
}

const MAX_STORED_QUESTION = 500;

/**
 * Thumbs up/down on answers, partitioned by knowledge entry so officers can read one entry's
 * feedback in one query. The row key hashes the member with the entry (never the question text,
 * which the card sends and anyone can vary): one vote per member per answer, a later vote
 * replaces it, and no aadObjectId is stored in clear. The question kept is the latest one asked.
 */
export class AnswerFeedbackStore {
  constructor(
    private readonly table: TableClient,
    private readonly clock: Clock,
  ) {}

  async record(feedback: AnswerFeedback, aadObjectId: string): Promise<void> {
    const question = feedback.question.slice(0, MAX_STORED_QUESTION);
    await this.table.upsertEntity<FeedbackEntity>(
      {
        partitionKey: assertValidKey(feedback.entryId, 'entryId'),
        rowKey: hashedKey('feedback-vote', aadObjectId, feedback.entryId),
        question,
        helpful: feedback.helpful,
        recordedAtUtc: this.clock.now().toUTC().toISO()!,
      },
      'Replace',
    );
  }

  /** Totals for every entry that has feedback, least helpful first. */
  async totals(): Promise<EntryFeedbackTotals[]> {
    const byEntry = new Map<string, { totals: EntryFeedbackTotals; unhelpful: FeedbackEntity[] }>();
    for await (const entity of this.table.listEntities<FeedbackEntity>()) {
      const bucket = byEntry.get(entity.partitionKey) ?? {
        totals: { entryId: entity.partitionKey, helpful: 0, notHelpful: 0, recentUnhelpfulQuestions: [] },
        unhelpful: [],
      };
      if (entity.helpful) bucket.totals.helpful += 1;
      else {
        bucket.totals.notHelpful += 1;
        bucket.unhelpful.push(entity);
      }
      byEntry.set(entity.partitionKey, bucket);
    }
    return [...byEntry.values()]
      .map(({ totals, unhelpful }) => ({
        ...totals,
        recentUnhelpfulQuestions: unhelpful
          .sort((a, b) => b.recordedAtUtc.localeCompare(a.recordedAtUtc))
          .slice(0, 3)
          .map((e) => e.question),
      }))
      .sort((a, b) => b.notHelpful - b.helpful - (a.notHelpful - a.helpful));
  }
}
