import { type TableClient, odata } from '@azure/data-tables';
import { z } from 'zod';
import { assertValidKey, isConflict, isNotFound, isPreconditionFailed } from '../../../platform/storage/keys';
import type { Clock } from '../../../platform/time/clock';

const NOTICE = 'notice';
const ERASURE = 'erasure';
const MAX_VERSION = 999_999;

/** One saved version of the privacy notice; `reset` versions serve the text that ships with the bot. */
export const noticeVersionSchema = z.object({
  version: z.number().int().min(1),
  markdown: z.string(),
  reset: z.boolean(),
  editedById: z.string(),
  editedByName: z.string(),
  editedAtUtc: z.string(),
  formId: z.string(),
});
export type NoticeVersion = z.infer<typeof noticeVersionSchema>;

export const erasureClaimSchema = z.object({
  status: z.enum(['started', 'done']),
  pseudonym: z.string(),
  startedAtUtc: z.string(),
  completedAtUtc: z.string().default(''),
  deleted: z.number().int().default(0),
  pseudonymised: z.number().int().default(0),
});
export type ErasureClaim = z.infer<typeof erasureClaimSchema>;

export type SaveOutcome = { kind: 'saved' | 'already_saved'; version: NoticeVersion } | { kind: 'stale'; current: number };

/**
 * The privacy feature's table (`privacy`):
 *
 *   PK 'notice'   RK '<999999 - version, 6 digits>'   one version of the privacy notice, never changed
 *   PK 'erasure'  RK '<request id>'                   one erasure request: started / done, its pseudonym and counts
 *
 * Versions count down in the RowKey, so the latest is the partition's first row. Creating a
 * version is the concurrency check (two officers saving version 5 at once: one 409s). An erasure
 * row holds the pseudonym, never the erased person's id or name.
 */
export class PrivacyStore {
  constructor(
    private readonly table: TableClient,
    private readonly clock: Clock,
  ) {}

  async latestNotice(): Promise<NoticeVersion | undefined> {
    const pages = this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${NOTICE}` } }).byPage({ maxPageSize: 1 });
    for await (const page of pages) {
      const first = page[0];
      if (first) return noticeVersionSchema.parse(first);
    }
    return undefined;
  }

  async noticeVersions(limit = 20): Promise<NoticeVersion[]> {
    const versions: NoticeVersion[] = [];
    for await (const row of this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${NOTICE}` } })) {
      versions.push(noticeVersionSchema.parse(row));
      if (versions.length >= limit) break;
    }
    return versions;
  }

  /** Saves the next version if the latest is still `expectedVersion`; the same form saved twice stores once. */
  async saveNotice(
    input: { markdown: string; reset: boolean; editor: { aadObjectId: string; name: string }; formId: string },
    expectedVersion: number,
  ): Promise<SaveOutcome> {
    const earlier = await this.byForm(input.formId);
    if (earlier) return { kind: 'already_saved', version: earlier };
    const current = (await this.latestNotice())?.version ?? 0;
    if (current !== expectedVersion) return { kind: 'stale', current };
    const version: NoticeVersion = {
      version: current + 1,
      markdown: input.markdown,
      reset: input.reset,
      editedById: input.editor.aadObjectId,
      editedByName: input.editor.name,
      editedAtUtc: this.clock.now().toUTC().toISO()!,
      formId: assertValidKey(input.formId, 'formId'),
    };
    if (version.version > MAX_VERSION) throw new Error('the privacy notice has too many versions');
    try {
      await this.table.createEntity({ partitionKey: NOTICE, rowKey: versionKey(version.version), ...version });
      return { kind: 'saved', version };
    } catch (error) {
      if (!isConflict(error)) throw error;
      const twin = await this.byForm(input.formId);
      return twin ? { kind: 'already_saved', version: twin } : { kind: 'stale', current: current + 1 };
    }
  }

  /** Claims an erasure request: 'claimed' the first time, else what the first claim recorded. */
  async claimErasure(
    requestId: string,
    pseudonym: string,
  ): Promise<{ kind: 'claimed' } | { kind: 'existing'; claim: ErasureClaim; etag: string }> {
    const claim: ErasureClaim = {
      status: 'started',
      pseudonym,
      startedAtUtc: this.clock.now().toUTC().toISO()!,
      completedAtUtc: '',
      deleted: 0,
      pseudonymised: 0,
    };
    try {
      await this.table.createEntity({ partitionKey: ERASURE, rowKey: assertValidKey(requestId, 'requestId'), ...claim });
      return { kind: 'claimed' };
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
    const existing = await this.erasure(requestId);
    if (!existing) throw new Error(`erasure request ${requestId} vanished`);
    return { kind: 'existing', ...existing };
  }

  async erasure(requestId: string): Promise<{ claim: ErasureClaim; etag: string } | undefined> {
    try {
      const entity = await this.table.getEntity(ERASURE, assertValidKey(requestId, 'requestId'));
      return { claim: erasureClaimSchema.parse(entity), etag: entity.etag };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Marks the request done with its counts; false when another run marked it first (so only one audits it). */
  async completeErasure(requestId: string, counts: { deleted: number; pseudonymised: number }): Promise<boolean> {
    const current = await this.erasure(requestId);
    if (!current || current.claim.status === 'done') return false;
    try {
      await this.table.updateEntity(
        { partitionKey: ERASURE, rowKey: requestId, status: 'done', completedAtUtc: this.clock.now().toUTC().toISO()!, ...counts },
        'Merge',
        { etag: current.etag },
      );
      return true;
    } catch (error) {
      if (isPreconditionFailed(error)) return false;
      throw error;
    }
  }

  private async byForm(formId: string): Promise<NoticeVersion | undefined> {
    for await (const row of this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${NOTICE} and formId eq ${formId}` } }))
      return noticeVersionSchema.parse(row);
    return undefined;
  }
}

function versionKey(version: number): string {
  return String(MAX_VERSION - version).padStart(6, '0');
}
