import { DomainError } from '../../shared/errors/domain-error';
import { type Actor, type Role, type RoleHolding, hasRole, holdingLabel } from '../../shared/access/actor';
import type { Member } from './domain/member';
import type { MemberDirectory } from './data/member-directory';
import type { HoldingChange, RoleDirectory, StoredHolding } from './data/role-directory';
import { requirePermission } from '../../shared/access/policy';
import type { AuditTrail } from '../audit/domain/audit-entry';
import { literalText } from '../../shared/text/literal-text';

export interface MemberWithRole extends RoleHolding {
  aadObjectId: string;
  name: string;
  active: boolean;
  /** Bootstrap admins come from ADMIN_AAD_OBJECT_IDS and cannot be changed in the bot. */
  fixed: boolean;
}

/** What a change asks for: a new role, a councillor flag, or both. */
export interface RoleRequest {
  role?: Role;
  councillor?: boolean;
}

/** One person's role before and after a change, for whoever must react (the calendar withdraws a feed). */
export interface RoleChange {
  aadObjectId: string;
  before: RoleHolding;
  after: RoleHolding;
}

export type RoleChangeListener = (change: RoleChange) => Promise<void>;

export interface RoleOutcome {
  person: MemberWithRole;
  /** False when the person already held it (a second click, a redelivered card, a repeated import). */
  changed: boolean;
}

const GUEST: RoleHolding = { role: 'guest', councillor: false };

/**
 * Who holds which role. Roles come only from server-side data keyed by aadObjectId: bootstrap
 * admins from configuration, everyone else from the roles table, where officers and admins set
 * them in Teams (the roles card, or an import from a Team's roster). Everyone else is a guest.
 * Every change is written once (ETag-guarded), audited with who made it, and told to listeners.
 */
export class RoleService {
  private readonly bootstrapAdmins: ReadonlySet<string>;
  private readonly listeners: RoleChangeListener[] = [];

  constructor(
    private readonly roles: RoleDirectory,
    private readonly members: MemberDirectory,
    bootstrapAdminIds: readonly string[],
    private readonly audit: AuditTrail,
  ) {
    this.bootstrapAdmins = new Set(bootstrapAdminIds.map((id) => id.toLowerCase()));
  }

  /** Called after every change of someone's role or councillor flag. */
  onChange(listener: RoleChangeListener): void {
    this.listeners.push(listener);
  }

  async holdingOf(aadObjectId: string): Promise<RoleHolding> {
    const stored = await this.roles.get(aadObjectId);
    if (this.isBootstrapAdmin(aadObjectId)) return { role: 'admin', councillor: stored?.councillor ?? false };
    return stored ? { role: stored.role, councillor: stored.councillor } : GUEST;
  }

  async roleOf(aadObjectId: string): Promise<Role> {
    return (await this.holdingOf(aadObjectId)).role;
  }

  /**
   * The roles card's change: officers and admins may make someone a guest or a panel member and
   * set the councillor flag; only an admin may make or remove officers and admins. Nobody changes
   * their own role, nor a bootstrap admin's.
   */
  async assign(actor: Actor, targetAadObjectId: string, request: RoleRequest): Promise<RoleOutcome> {
    requirePermission(actor, 'roles.assign');
    const target = await this.members.find(targetAadObjectId);
    if (!target)
      throw new DomainError('not_found', 'I could not find that person in the members directory. They need to have used the bot first.');
    if (this.isBootstrapAdmin(target.aadObjectId)) {
      throw new DomainError(
        'invalid_input',
        `${literalText(target.name)} is an administrator set in the bot's configuration; their role cannot be changed here.`,
      );
    }
    if (target.aadObjectId === actor.aadObjectId)
      throw new DomainError('invalid_input', 'You cannot change your own role. Ask another officer or administrator.');
    const result = await this.roles.change(target.aadObjectId, actor.aadObjectId, (current) => {
      const before = current ?? { ...GUEST, changedBy: '', changedAtUtc: '' };
      const after: RoleHolding = { role: request.role ?? before.role, councillor: request.councillor ?? before.councillor };
      if (touchesStaff(before, after)) requirePermission(actor, 'roles.assignStaff');
      return sameHolding(before, after) ? undefined : { ...after, source: 'roles card' };
    });
    if (result) await this.recorded(actor, target.aadObjectId, result.before, result.after);
    const holding = result?.after ?? (await this.holdingOf(target.aadObjectId));
    return { person: personOf(target, holding, false), changed: result !== undefined };
  }

  /**
   * Adds someone from a Team's roster: a guest becomes a panel member (`panel`), or anyone is
   * marked a councillor (`councillors`). Never lowers a role, so a repeated import changes nothing.
   */
  async importOne(actor: Actor, member: Member, what: 'panel' | 'councillors', source: string): Promise<RoleOutcome> {
    requirePermission(actor, 'roles.import');
    if (this.isBootstrapAdmin(member.aadObjectId) && what === 'panel')
      return { person: personOf(member, await this.holdingOf(member.aadObjectId), true), changed: false };
    const result = await this.roles.change(member.aadObjectId, actor.aadObjectId, (current): HoldingChange | undefined => {
      const before = current ?? { ...GUEST, changedBy: '', changedAtUtc: '' };
      const after: RoleHolding =
        what === 'panel'
          ? { role: before.role === 'guest' ? 'panel' : before.role, councillor: before.councillor }
          : { role: before.role, councillor: true };
      return sameHolding(before, after) ? undefined : { ...after, source };
    });
    if (result) await this.recorded(actor, member.aadObjectId, result.before, result.after, source);
    const holding = result?.after ?? (await this.holdingOf(member.aadObjectId));
    return { person: personOf(member, holding, this.isBootstrapAdmin(member.aadObjectId)), changed: result !== undefined };
  }

  /** Everyone the directory knows, with their role (guests included). */
  async membersWithRoles(): Promise<MemberWithRole[]> {
    const [members, stored] = await Promise.all([this.members.list({ activeOnly: false }), this.roles.all()]);
    return members.map((member) => personOf(member, this.holding(member.aadObjectId, stored), this.isBootstrapAdmin(member.aadObjectId)));
  }

  /**
   * Active people (the bot can reach them) whose role and flag pass `test`, each with what they
   * hold: how every broadcast picks its audience.
   */
  async activeWhere(test: (person: MemberWithRole) => boolean): Promise<(Member & RoleHolding)[]> {
    const [members, stored] = await Promise.all([this.members.list({ activeOnly: true }), this.roles.all()]);
    return members.flatMap((member) => {
      const holding = this.holding(member.aadObjectId, stored);
      return test(personOf(member, holding, this.isBootstrapAdmin(member.aadObjectId))) ? [{ ...member, ...holding }] : [];
    });
  }

  /** Active officers and admins with their directory rows: whom officer notices go to. */
  activeOfficers(): Promise<Member[]> {
    return this.activeWhere((person) => hasRole(person.role, 'officer'));
  }

  /** Active administrators with their directory rows. */
  activeAdmins(): Promise<Member[]> {
    return this.activeWhere((person) => person.role === 'admin');
  }

  private holding(aadObjectId: string, stored: ReadonlyMap<string, StoredHolding>): RoleHolding {
    const row = stored.get(aadObjectId);
    if (this.isBootstrapAdmin(aadObjectId)) return { role: 'admin', councillor: row?.councillor ?? false };
    return row ? { role: row.role, councillor: row.councillor } : GUEST;
  }

  /** The audit entries (naming who made the change and whom it is about) and the listeners, once per real change. */
  private async recorded(actor: Actor, aadObjectId: string, before: StoredHolding | undefined, after: StoredHolding, source?: string) {
    const was = before ?? { ...GUEST, changedBy: '', changedAtUtc: '' };
    const via = source ? `, ${source}` : '';
    const entries: { action: 'role.granted' | 'role.revoked'; detail: string }[] = [];
    if (was.role !== after.role) {
      const held = was.changedAtUtc
        ? `; held since ${was.changedAtUtc.slice(0, 10)}${was.changedBy ? `, set by ${was.changedBy}` : ''}`
        : '';
      entries.push({
        action: hasRole(after.role, was.role) ? 'role.granted' : 'role.revoked',
        detail: `${holdingLabel({ role: after.role, councillor: false })} (was ${holdingLabel({ role: was.role, councillor: false })}${held}${via})`,
      });
    }
    if (was.councillor !== after.councillor)
      entries.push({
        action: after.councillor ? 'role.granted' : 'role.revoked',
        detail: `councillor ${after.councillor ? 'flag set' : 'flag removed'}${via}`,
      });
    for (const entry of entries)
      await this.audit.record({
        actor: { aadObjectId: actor.aadObjectId, role: actor.role },
        action: entry.action,
        subject: { kind: 'member', id: aadObjectId },
        detail: entry.detail.slice(0, 300),
      });
    const change: RoleChange = {
      aadObjectId,
      before: { role: was.role, councillor: was.councillor },
      after: { role: after.role, councillor: after.councillor },
    };
    for (const listener of this.listeners) await listener(change);
  }

  private isBootstrapAdmin(aadObjectId: string): boolean {
    return this.bootstrapAdmins.has(aadObjectId.toLowerCase());
  }
}

function personOf(member: Member, holding: RoleHolding, fixed: boolean): MemberWithRole {
  return { aadObjectId: member.aadObjectId, name: member.name, active: member.active, fixed, ...holding };
}

function sameHolding(a: RoleHolding, b: RoleHolding): boolean {
  return a.role === b.role && a.councillor === b.councillor;
}

/** A change that makes or unmakes an officer or administrator. */
function touchesStaff(before: RoleHolding, after: RoleHolding): boolean {
  return before.role !== after.role && (hasRole(before.role, 'officer') || hasRole(after.role, 'officer'));
}

/** Whether a change takes something away that the person could see (a lower role, or no longer a councillor). */
export function narrows(change: RoleChange): boolean {
  return !hasRole(change.after.role, change.before.role) || (change.before.councillor && !change.after.councillor);
}
