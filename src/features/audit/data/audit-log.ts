import { randomBytes } from 'node:crypto';
import { type TableClient, odata } from '@azure/data-tables';
import { z } from 'zod';
import type { Logger } from '../../../platform/logging/logger';
import { isConflict } from '../../../platform/storage/keys';
import type { Clock } from '../../../platform/time/clock';
import {
  AUDIT_ACTIONS,
  AUDIT_ACTOR_ROLES,
  AUDIT_SUBJECT_KINDS,
  type AuditEntry,
  type AuditTrail,
  type NewAuditEntry,
  newAuditEntrySchema,
} from '../domain/audit-entry';

/**
 * The audit trail in its own table (`<prefix>audit`), append only: entries are created and never
 * changed, with two exceptions the law asks for: an erased person's id and name are replaced by
 * the erasure's pseudonym (see audit-personal-data.ts), and entries older than RETENTION_AUDIT_LOG
 * are deleted by the daily retention purge.
 *
 *   PK 'log'   RK '<inverted milliseconds, 13 digits>_<12 random hex>'
 *
 * The RowKey counts down with time, so the table's own ascending order is newest first: "the
 * latest 20" is one query on one partition, and the next page starts after the last RowKey shown.
 * The random tail keeps two entries in the same millisecond apart (a 409 draws a new one).
 *
 * Writing an entry never fails the action it records, which has already happened: the SDK retries
 * throttling and server errors, a conflict draws a new key, and a write that still fails is logged
 * for the operators (`audit.write_failed`, without the detail) instead of turning a done action
 * into an error the person would retry.
 */
export const AUDIT_PARTITION = 'log';
const MAX_MILLIS = 9_999_999_999_999;
const ROW_KEY = /^\d{13}_[0-9a-f]{12}$/;
const MAX_PAGE = 100;

const storedEntrySchema = z.object({
  rowKey: z.string().regex(ROW_KEY),
  atUtc: z.string(),
  actorId: z.string(),
  actorRole: z.enum(AUDIT_ACTOR_ROLES),
  action: z.enum(AUDIT_ACTIONS),
  subjectKind: z.enum(AUDIT_SUBJECT_KINDS),
  subjectId: z.string(),
  detail: z.string().default(''),
});

export interface AuditPage {
  entries: AuditEntry[];
  /** Where the next (older) page starts; absent on the last page. */
  after?: string;
}

export function isAuditCursor(value: unknown): value is string {
  return typeof value === 'string' && ROW_KEY.test(value);
}

export class AuditLog implements AuditTrail {
  constructor(
    private readonly table: TableClient,
    private readonly clock: Clock,
    private readonly logger?: Logger,
  ) {}

  async record(input: NewAuditEntry): Promise<void> {
    const entry = newAuditEntrySchema.parse(input);
    const now = this.clock.now().toUTC();
    const base = {
      partitionKey: AUDIT_PARTITION,
      atUtc: now.toISO()!,
      actorId: entry.actor.aadObjectId,
      actorRole: entry.actor.role,
      action: entry.action,
      subjectKind: entry.subject.kind,
      subjectId: entry.subject.id,
      detail: entry.detail,
    };
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        await this.table.createEntity({ ...base, rowKey: rowKeyFor(now.toMillis()) });
        return;
      } catch (error) {
        if (isConflict(error) && attempt < 3) continue;
        this.logger?.error(
          { event: 'audit.write_failed', action: entry.action, subjectKind: entry.subject.kind, err: error },
          'an audit entry could not be written',
        );
        return;
      }
    }
  }

  /** Newest first, `limit` entries (at most 100), starting after the cursor of an earlier page. */
  async latest(options: { limit?: number; after?: string } = {}): Promise<AuditPage> {
    const limit = Math.min(Math.max(1, options.limit ?? 20), MAX_PAGE);
    const filter = isAuditCursor(options.after)
      ? odata`PartitionKey eq ${AUDIT_PARTITION} and RowKey gt ${options.after}`
      : odata`PartitionKey eq ${AUDIT_PARTITION}`;
    const entries: AuditEntry[] = [];
    // Pages may come back short: read on until one more than asked for shows whether older ones exist.
    for await (const page of this.table.listEntities({ queryOptions: { filter } }).byPage({ maxPageSize: limit + 1 })) {
      for (const raw of page) entries.push(entryOf(storedEntrySchema.parse(raw)));
      if (entries.length > limit) break;
    }
    if (entries.length <= limit) return { entries };
    const shown = entries.slice(0, limit);
    return { entries: shown, after: shown[shown.length - 1]!.id };
  }
}

function rowKeyFor(millis: number): string {
  return `${String(MAX_MILLIS - millis).padStart(13, '0')}_${randomBytes(6).toString('hex')}`;
}

function entryOf(stored: z.infer<typeof storedEntrySchema>): AuditEntry {
  return {
    id: stored.rowKey,
    atUtc: stored.atUtc,
    actor: { aadObjectId: stored.actorId, role: stored.actorRole },
    action: stored.action,
    subject: { kind: stored.subjectKind, id: stored.subjectId },
    detail: stored.detail,
  };
}
