import type { RunningApp } from '../../src/app/app';
import { RoleDirectory } from '../../src/features/members/data/role-directory';
import type { Role } from '../../src/shared/access/actor';
import type { TableStore } from '../../src/platform/storage/table-store';
import { SystemClock } from '../../src/platform/time/clock';

/** Someone a test needs in a role: a panel member unless it says otherwise. */
export interface SeededRole {
  aadObjectId: string;
  role?: Role;
  councillor?: boolean;
}

/**
 * Gives people their roles straight in the roles table, as officers would on the roles card:
 * the arrangement step of tests that are not about managing roles (a Playground conversation
 * needs its councillors to be panel members, everyone else is a guest).
 */
export async function seedRolesIn(store: TableStore, people: readonly SeededRole[]): Promise<void> {
  const roles = new RoleDirectory(store.client('roles'), new SystemClock());
  for (const person of people)
    await roles.change(person.aadObjectId, 'test-seed', () => ({
      role: person.role ?? 'panel',
      councillor: person.councillor ?? false,
      source: 'test seed',
    }));
}

/** The same, in a running bot's own tables. */
export function seedRoles(app: RunningApp, people: readonly SeededRole[]): Promise<void> {
  return seedRolesIn(app.composition.tables, people);
}
