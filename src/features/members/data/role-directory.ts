import { TableClient } from '@azure/data-tables';
import { Clock } from '../../../platform/time/clock';
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

/** Roles granted in the bot, keyed by aadObjectId. Bootstrap admins live in configuration, not here. */
export class RoleDirectory {
  constructor(
    private readonly table: TableClient,
    private readonly clock: Clock,
  ) {}

  async storedRole(aadObjectId: string): Promise<StoredRole | undefined> {
    try {
      const entity = await this.table.getEntity<RoleEntity>(PARTITION, assertValidKey(aadObjectId, 'aadObjectId'));
      return entity.role;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async grant(aadObjectId: string, role: StoredRole, grantedBy: string): Promise<void> {
    await this.table.upsertEntity<RoleEntity>(
      { partitionKey: PARTITION, rowKey: assertValidKey(aadObjectId, 'aadObjectId'), role, grantedBy, grantedAtUtc: this.clock.now().toUTC().toISO()! },
      'Replace',
    );
  }

  async revoke(aadObjectId: string): Promise<void> {
    try {
      await this.table.deleteEntity(PARTITION, assertValidKey(aadObjectId, 'aadObjectId'));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  async all(): Promise<Map<string, StoredRole>> {
    const roles = new Map<string, StoredRole>();
    for await (const entity of this.table.listEntities<RoleEntity>({ queryOptions: { filter: `PartitionKey eq '${PARTITION}'` } })) {
      roles.set(entity.rowKey, entity.role);
    }
    return roles;
  }
}
