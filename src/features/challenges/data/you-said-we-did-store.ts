import type { TableClient } from '@azure/data-tables';
import { isConflict, isNotFound, isPreconditionFailed } from '../../../platform/storage/keys';
import { type YouSaidWeDid, youSaidWeDidSchema } from '../domain/you-said-we-did';

const PARTITION = 'summary';

/** The year's "You said, we did" as officers edit it (table `yousaidwedid`, one row per year, ETag-guarded). */
export class YouSaidWeDidStore {
  constructor(private readonly table: TableClient) {}

  async get(year: number): Promise<(YouSaidWeDid & { etag: string }) | undefined> {
    try {
      const entity = await this.table.getEntity<{ json: string }>(PARTITION, String(year));
      const parsed = youSaidWeDidSchema.safeParse(JSON.parse(entity.json));
      if (!parsed.success) throw new Error(`stored summary ${year} is malformed`);
      return { ...parsed.data, etag: entity.etag };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Saves `next` if the stored version is still `expectedVersion` (0: none stored); false when someone saved in between. */
  async save(next: YouSaidWeDid, expectedVersion: number): Promise<boolean> {
    const current = await this.get(next.year);
    if ((current?.version ?? 0) !== expectedVersion) return false;
    const entity = { partitionKey: PARTITION, rowKey: String(next.year), json: JSON.stringify(next) };
    try {
      if (current) await this.table.updateEntity(entity, 'Replace', { etag: current.etag });
      else await this.table.createEntity(entity);
      return true;
    } catch (error) {
      if (isConflict(error) || isPreconditionFailed(error)) return false;
      throw error;
    }
  }
}
