import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { Clock } from '../../../platform/time/clock';
import { assertValidKey, isConflict, isNotFound, isPreconditionFailed } from '../../../platform/storage/keys';
import { ROLES, type Role, type RoleHolding } from '../../../shared/access/actor';

const PARTITION = 'role';
const MAX_ATTEMPTS = 5;

/**
 * One row per person whose role was ever set in the bot (table `<prefix>roles`, PK `role`, RK
 * aadObjectId). A role taken away is a row with the lesser role and who took it, never a deleted
 * row; the history of every change is in the audit log.
 *
 * Rows written before roles had four values (one release: `{role: 'officer', grantedBy,
 * grantedAtUtc}`) are read as they meant: an officer, granted by that person then. A legacy
 * `member` row (never written by the bot, but possible by hand) meant "has used the bot", which is
 * what made every member of the tenant a panel member: it is read as a guest. Everyone with no row
 * is a guest. A row is rewritten in the current form the next time it changes.
 */
const currentRowSchema = z.object({
  schema: z.literal(2),
  role: z.enum(ROLES),
  councillor: z.boolean(),
  changedBy: z.string(),
  changedAtUtc: z.string(),
  previousRole: z.enum(ROLES).optional(),
  source: z.string().optional(),
});
const legacyRowSchema = z.object({
  role: z.enum(['officer', 'member']),
  grantedBy: z.string().default(''),
  grantedAtUtc: z.string().default(''),
});

/** A role as stored: what, whether a councillor, who set it (an aadObjectId, or `import`) and when (UTC ISO). */
export interface StoredHolding extends RoleHolding {
  changedBy: string;
  changedAtUtc: string;
  previousRole?: Role;
  /** How it was set: `roles card`, or `import from <team id>`. */
  source?: string;
}

/** Reads a stored row in either form; undefined for a row that is neither (it is treated as no role: a guest). */
export function parseRoleRow(raw: unknown): StoredHolding | undefined {
  const current = currentRowSchema.safeParse(raw);
  if (current.success) {
    const { schema: _schema, ...holding } = current.data;
    return holding;
  }
  const legacy = legacyRowSchema.safeParse(raw);
  if (!legacy.success) return undefined;
  return {
    role: legacy.data.role === 'officer' ? 'officer' : 'guest',
    councillor: false,
    changedBy: legacy.data.grantedBy,
    changedAtUtc: legacy.data.grantedAtUtc,
  };
}

/** What a change writes; the directory adds who and when. */
export interface HoldingChange extends RoleHolding {
  source: string;
}

/** Roles set in the bot, keyed by aadObjectId. Bootstrap admins live in configuration, not here. */
export class RoleDirectory {
  constructor(
    private readonly table: TableClient,
    private readonly clock: Clock,
  ) {}

  async get(aadObjectId: string): Promise<StoredHolding | undefined> {
    return (await this.read(aadObjectId))?.holding;
  }

  /**
   * Changes one person's role as `decide` says, given what is stored now (undefined: nothing, a
   * guest); `decide` returning undefined changes nothing. Guarded by the row's ETag, so of two
   * people changing the same row at once each decision is made on what the other wrote.
   */
  async change(
    aadObjectId: string,
    changedBy: string,
    decide: (current: StoredHolding | undefined) => HoldingChange | undefined,
  ): Promise<{ before: StoredHolding | undefined; after: StoredHolding } | undefined> {
    const rowKey = assertValidKey(aadObjectId, 'aadObjectId');
    for (let attempt = 1; ; attempt++) {
      const current = await this.read(aadObjectId);
      const next = decide(current?.holding);
      if (!next) return undefined;
      const after: StoredHolding = {
        role: next.role,
        councillor: next.councillor,
        changedBy,
        changedAtUtc: this.clock.now().toUTC().toISO()!,
        source: next.source,
        ...(current && current.holding.role !== next.role ? { previousRole: current.holding.role } : {}),
        ...(current && current.holding.role === next.role && current.holding.previousRole
          ? { previousRole: current.holding.previousRole }
          : {}),
      };
      const entity = { partitionKey: PARTITION, rowKey, schema: 2, ...after };
      try {
        if (current) await this.table.updateEntity(entity, 'Replace', { etag: current.etag });
        else await this.table.createEntity(entity);
        return { before: current?.holding, after };
      } catch (error) {
        if (!(isPreconditionFailed(error) || isConflict(error)) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** Every stored role (rows that cannot be read count as guests and are left out). */
  async all(): Promise<Map<string, StoredHolding>> {
    const roles = new Map<string, StoredHolding>();
    for await (const entity of this.table.listEntities({ queryOptions: { filter: `PartitionKey eq '${PARTITION}'` } })) {
      const holding = parseRoleRow(entity);
      if (holding && typeof entity.rowKey === 'string') roles.set(entity.rowKey, holding);
    }
    return roles;
  }

  private async read(aadObjectId: string): Promise<{ holding: StoredHolding; etag: string } | undefined> {
    try {
      const entity = await this.table.getEntity(PARTITION, assertValidKey(aadObjectId, 'aadObjectId'));
      const holding = parseRoleRow(entity);
      // An unreadable row is kept (for whoever investigates) but grants nothing: it is overwritten on the next change.
      return { holding: holding ?? { role: 'guest', councillor: false, changedBy: '', changedAtUtc: '' }, etag: entity.etag };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }
}
