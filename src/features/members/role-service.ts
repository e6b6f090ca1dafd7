import { DomainError } from '../../shared/errors/domain-error';
import type { Actor, Role } from '../../shared/access/actor';
import type { Member } from './domain/member';
import type { MemberDirectory } from './data/member-directory';
import type { RoleDirectory } from './data/role-directory';
import { requirePermission } from '../../shared/access/policy';
import type { AuditTrail } from '../audit';
import { literalText } from '../../shared/text/literal-text';

export interface MemberWithRole {
  aadObjectId: string;
  name: string;
  role: Role;
  active: boolean;
  /** Bootstrap admins come from ADMIN_AAD_OBJECT_IDS and cannot be changed in the bot. */
  fixed: boolean;
}

/**
 * Decides who may do what. Roles come only from server-side data keyed by aadObjectId:
 * bootstrap admins from configuration, officers granted in the bot by an admin, everyone else a member.
 */
export class RoleService {
  private readonly bootstrapAdmins: ReadonlySet<string>;

  constructor(
    private readonly roles: RoleDirectory,
    private readonly members: MemberDirectory,
    bootstrapAdminIds: readonly string[],
    private readonly audit: AuditTrail,
  ) {
    this.bootstrapAdmins = new Set(bootstrapAdminIds.map((id) => id.toLowerCase()));
  }

  async roleOf(aadObjectId: string): Promise<Role> {
    if (this.isBootstrapAdmin(aadObjectId)) return 'admin';
    return (await this.roles.storedRole(aadObjectId)) ?? 'member';
  }

  async setOfficer(actor: Actor, targetAadObjectId: string, officer: boolean): Promise<MemberWithRole> {
    requirePermission(actor, 'roles.change');
    const target = await this.members.find(targetAadObjectId);
    if (!target)
      throw new DomainError('not_found', 'I could not find that person in the members directory. They need to have used the bot first.');
    if (this.isBootstrapAdmin(target.aadObjectId)) {
      throw new DomainError(
        'invalid_input',
        `${literalText(target.name)} is an administrator set in the bot's configuration; their role cannot be changed here.`,
      );
    }
    const held = await this.roles.storedGrant(target.aadObjectId);
    // Only a real change is written and audited: a second click (or a redelivered card action) is not one.
    if (officer && !held) {
      await this.roles.grant(target.aadObjectId, 'officer', actor.aadObjectId);
      await this.audit.record({
        actor: { aadObjectId: actor.aadObjectId, role: actor.role },
        action: 'role.granted',
        subject: { kind: 'member', id: target.aadObjectId },
        detail: 'officer',
      });
    } else if (!officer && held) {
      const revoked = await this.roles.revoke(target.aadObjectId);
      const since = revoked?.grantedAtUtc ? ` since ${revoked.grantedAtUtc.slice(0, 10)}` : '';
      const by = revoked?.grantedBy ? `, granted by ${revoked.grantedBy}` : '';
      await this.audit.record({
        actor: { aadObjectId: actor.aadObjectId, role: actor.role },
        action: 'role.revoked',
        subject: { kind: 'member', id: target.aadObjectId },
        detail: `officer (held${since}${by})`,
      });
    }
    return {
      aadObjectId: target.aadObjectId,
      name: target.name,
      role: officer ? 'officer' : 'member',
      active: target.active,
      fixed: false,
    };
  }

  async membersWithRoles(): Promise<MemberWithRole[]> {
    const [members, stored] = await Promise.all([this.members.list({ activeOnly: false }), this.roles.all()]);
    return members.map((member) => {
      const fixed = this.isBootstrapAdmin(member.aadObjectId);
      return {
        aadObjectId: member.aadObjectId,
        name: member.name,
        active: member.active,
        fixed,
        role: fixed ? 'admin' : (stored.get(member.aadObjectId) ?? 'member'),
      };
    });
  }

  /** Active officers and admins with their directory rows: whom officer notices go to. */
  async activeOfficers(): Promise<Member[]> {
    const [members, stored] = await Promise.all([this.members.list({ activeOnly: true }), this.roles.all()]);
    return members.filter((member) => this.isBootstrapAdmin(member.aadObjectId) || stored.get(member.aadObjectId) === 'officer');
  }

  /** Active administrators (from configuration) with their directory rows. */
  async activeAdmins(): Promise<Member[]> {
    return (await this.members.list({ activeOnly: true })).filter((member) => this.isBootstrapAdmin(member.aadObjectId));
  }

  private isBootstrapAdmin(aadObjectId: string): boolean {
    return this.bootstrapAdmins.has(aadObjectId.toLowerCase());
  }
}
