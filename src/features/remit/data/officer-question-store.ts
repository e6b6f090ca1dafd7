import type { TableClient } from '@azure/data-tables';
import { hashedKey, isConflict, isNotFound, isPreconditionFailed } from '../../../platform/storage/keys';
import { type OfficerQuestion, officerQuestionSchema } from '../domain/officer-question';

const PARTITION = 'question';

interface QuestionEntity {
  partitionKey: string;
  rowKey: string;
  /** The question as JSON, parsed with its schema on read. */
  body: string;
  status: string;
}

/** A stored question with the etag its next change must carry. */
export interface StoredQuestion {
  question: OfficerQuestion;
  etag: string;
}

/**
 * Questions members asked the officers, one row each, in one partition: officers list the open
 * ones (a handful at any time). Every change is conditional on the etag read, so two officers
 * answering at once cannot both succeed.
 */
export class OfficerQuestionStore {
  constructor(private readonly table: TableClient) {}

  /** The id a member's request gets: the same request (a double click, a redelivery) gives the same id. */
  static idFor(aadObjectId: string, requestId: string): string {
    return `oq-${hashedKey(aadObjectId, requestId).slice(0, 16)}`;
  }

  /** Stores a new question; an existing one with the same id is returned instead (nothing is asked twice). */
  async create(question: OfficerQuestion): Promise<{ stored: StoredQuestion; created: boolean }> {
    try {
      const response = await this.table.createEntity<QuestionEntity>(this.entity(question));
      return { stored: { question, etag: response.etag ?? '' }, created: true };
    } catch (error) {
      if (!isConflict(error)) throw error;
      const existing = await this.get(question.id);
      if (!existing) throw error;
      return { stored: existing, created: false };
    }
  }

  async get(id: string): Promise<StoredQuestion | undefined> {
    try {
      const entity = await this.table.getEntity<QuestionEntity>(PARTITION, id);
      return { question: officerQuestionSchema.parse(JSON.parse(entity.body)), etag: entity.etag };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Replaces the question if nobody changed it since `etag` was read; 'stale' otherwise. */
  async replace(question: OfficerQuestion, etag: string): Promise<'replaced' | 'stale'> {
    try {
      await this.table.updateEntity<QuestionEntity>(this.entity(question), 'Replace', { etag });
      return 'replaced';
    } catch (error) {
      if (isPreconditionFailed(error)) return 'stale';
      throw error;
    }
  }

  /** Open questions, oldest first. */
  async open(): Promise<StoredQuestion[]> {
    const found: StoredQuestion[] = [];
    const rows = this.table.listEntities<QuestionEntity>({
      queryOptions: { filter: `PartitionKey eq '${PARTITION}' and status eq 'open'` },
    });
    for await (const entity of rows) {
      const parsed = officerQuestionSchema.safeParse(JSON.parse(entity.body));
      if (parsed.success) found.push({ question: parsed.data, etag: entity.etag });
    }
    return found.sort((a, b) => a.question.askedAtUtc.localeCompare(b.question.askedAtUtc));
  }

  private entity(question: OfficerQuestion): QuestionEntity {
    return { partitionKey: PARTITION, rowKey: question.id, body: JSON.stringify(question), status: question.status };
  }
}
