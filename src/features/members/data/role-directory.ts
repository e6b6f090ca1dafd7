import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { Clock } from '../../../platform/time/clock';
import { assertValidKey, isNotFound } from '../../../platform/storage/keys';

const PARTITION = 'role';

export type StoredRole = 'officer';

interface RoleEntity {
  partitionKey: string;
  rowKey: string;
  role: StoredRole;
  grantedBy: string;
  grantedAtUtc: string;
}

const storedGrantSchema = z.object({ role: z.literal('officer'), grantedBy: z.string().default(''), grantedAtUtc: z.string().default('') });

/** A role as granted: what, by whom (aadObjectId), when (UTC ISO). */
export type RoleGrant = z.infer<typeof storedGrantSchema>;

/** Roles granted in the bot, keyed by aadObjectId. Bootstrap admins live in configuration, not here. */
export class RoleDirectory {
  constructor(
    private readonly table: TableClient,
    private readonly clock: Clock,
  ) {}

  async storedRole(aadObjectId: string): Promise<StoredRole | undefined> {
    return (await this.storedGrant(aadObjectId))?.role;
  }

  async storedGrant(aadObjectId: string): Promise<RoleGrant | undefined> {
    try {
      return storedGrantSchema.parse(await this.table.getEntity(PARTITION, assertValidKey(aadObjectId, 'aadObjectId')));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async grant(aadObjectId: string, role: StoredRole, grantedBy: string): Promise<void> {
    await this.table.upsertEntity<RoleEntity>(
      {
        partitionKey: PARTITION,
        rowKey: assertValidKey(aadObjectId, 'aadObjectId'),
        role,
        grantedBy,
        grantedAtUtc: this.clock.now().toUTC().toISO()!,
      },
      'Replace',
    );
  }

  /** Removes the role and returns what was held (by whom it was granted, when), for the audit trail. */
  async revoke(aadObjectId: string): Promise<RoleGrant | undefined> {
    const held = await this.storedGrant(aadObjectId);
    try {
      await this.table.deleteEntity(PARTITION, assertValidKey(aadObjectId, 'aadObjectId'));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    return held;
  }

  async all(): Promise<Map<string, StoredRole>> {
    const roles = new Map<string, StoredRole>();
    for await (const entity of this.table.listEntities<RoleEntity>({ queryOptions: { filter: `PartitionKey eq '${PARTITION}'` } })) {
      roles.set(entity.rowKey, entity.role);
    }
    return roles;
  }
}
