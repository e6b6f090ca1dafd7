import type { Actor } from '../../shared/access/actor';
import { requirePermission } from '../../shared/access/policy';
import { DomainError } from '../../shared/errors/domain-error';
import { literalText } from '../../shared/text/literal-text';
import type { AuditTrail } from '../audit/domain/audit-entry';
import type { InstalledTeam, TeamRegistry } from './data/team-registry';
import type { Member } from './domain/member';
import { RosterThrottled, type TeamRosterPages } from './domain/team-roster-pages';
import type { MemberWithRole, RoleService } from './role-service';

/** A Team too big to be a panel's: reading stops rather than hold a turn for minutes. */
const MAX_ROSTER_PAGES = 40;

/** Everyone a Team's roster lists, read page by page before any role is written. */
interface RosterRead {
  members: Member[];
  skipped: number;
  unreachable: number;
}

/** What an import adds: panel membership, or the councillor flag (for a Team of all elected members). */
export type ImportKind = 'panel' | 'councillors';

export interface ImportSummary {
  kind: ImportKind;
  team: { teamId: string; name: string };
  /** People in the roster the bot can attribute a role to. */
  inRoster: number;
  /** Newly made panel members (or newly flagged councillors), by name. */
  added: MemberWithRole[];
  /** Already panel members, staff or councillors: left as they were. */
  unchanged: number;
  /** Roster entries without an Entra id. */
  skipped: number;
  /** Recorded without a 1:1 chat yet. */
  unreachable: number;
  /** Panel members (for a panel import) who are not in this Team: left as they are, listed for the officer to check. */
  notInTeam: MemberWithRole[];
}

/**
 * "import panel members from <Team>": reads the Team's roster and makes every guest in it a panel
 * member (or marks everyone a councillor). Idempotent: a repeated import, or Teams delivering the
 * command twice, changes and audits nothing more. Additive: nobody loses a role by not being in
 * the Team (the summary lists them, to change on the roles card).
 */
export class MemberImport {
  constructor(private readonly deps: { roles: RoleService; teams: TeamRegistry; roster: TeamRosterPages; audit: AuditTrail }) {}

  async run(actor: Actor, teamName: string, kind: ImportKind): Promise<ImportSummary> {
    requirePermission(actor, 'roles.import');
    const team = await this.findTeam(teamName);
    const read = await this.readRoster(team);
    const source = `import from ${team.teamId}`.slice(0, 200);
    const added: MemberWithRole[] = [];
    for (const member of read.members) {
      const outcome = await this.deps.roles.importOne(actor, member, kind, source);
      if (outcome.changed) added.push(outcome.person);
    }
    const inTeam = new Set(read.members.map((member) => member.aadObjectId));
    const notInTeam =
      kind === 'panel'
        ? (await this.deps.roles.membersWithRoles()).filter((person) => person.role === 'panel' && !inTeam.has(person.aadObjectId))
        : [];
    const summary: ImportSummary = {
      kind,
      team: { teamId: team.teamId, name: team.name },
      inRoster: read.members.length,
      added,
      unchanged: read.members.length - added.length,
      skipped: read.skipped,
      unreachable: read.unreachable,
      notInTeam,
    };
    await this.deps.audit.record({
      actor: { aadObjectId: actor.aadObjectId, role: actor.role },
      action: 'import',
      subject: { kind: 'team', id: team.teamId.slice(0, 200) },
      detail: `${kind === 'panel' ? 'panel members' : 'councillors'}: ${summary.inRoster} in the roster, ${added.length} added, ${summary.unchanged} unchanged, ${summary.skipped} skipped, ${summary.unreachable} without a chat yet`,
    });
    return summary;
  }

  /**
   * Every page of the Team's roster (each person recorded in the members directory, a 1:1 chat
   * opened where Teams allows one) before any role is written, so a refusal changes no role.
   */
  private async readRoster(team: InstalledTeam): Promise<RosterRead> {
    const read: RosterRead = { members: [], skipped: 0, unreachable: 0 };
    const seen = new Set<string>();
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await this.deps.roster.readPage(team.teamId, token).catch((error: unknown) => {
        throw rosterRefusal(error, team.name);
      });
      read.skipped += page.ignored;
      for (const member of page.members) {
        if (seen.has(member.aadObjectId)) continue;
        seen.add(member.aadObjectId);
        read.members.push(member);
        if (!member.conversationReference) read.unreachable++;
      }
      token = page.continuationToken;
    } while (token && ++pages < MAX_ROSTER_PAGES);
    return read;
  }

  /** The installed Team named (case and spacing ignored); a part of a name finds it when only one Team matches. */
  private async findTeam(typed: string): Promise<InstalledTeam> {
    const teams = await this.deps.teams.list();
    const wanted = fold(typed);
    const exact = teams.filter((team) => fold(team.name) === wanted);
    const partial = exact.length > 0 ? exact : teams.filter((team) => wanted.length >= 3 && fold(team.name).includes(wanted));
    if (partial.length === 1) return partial[0]!;
    const names = teams.map((team) => `"${literalText(team.name)}"`).join(', ');
    if (partial.length > 1)
      throw new DomainError('invalid_input', `More than one Team matches "${literalText(typed)}": ${names}. Please give the full name.`);
    throw new DomainError(
      'not_found',
      teams.length === 0
        ? 'The bot is not installed in any Team yet. Add it to the panel’s Team first, then import from it.'
        : `The bot is not installed in a Team called "${literalText(typed)}". Teams it is in: ${names}.`,
    );
  }
}

function fold(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en-GB');
}

/** What the officer is told when Teams will not give the roster (it has been read whole before any role changes). */
function rosterRefusal(error: unknown, teamName: string): DomainError {
  const name = `"${literalText(teamName.slice(0, 100))}"`;
  if (error instanceof RosterThrottled)
    return new DomainError('unavailable', 'Teams is asking me to slow down. Please try again in a few minutes; no role was changed.');
  if (error instanceof DomainError) return error;
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (status === 403)
    return new DomainError(
      'forbidden',
      `Teams would not let me read the members of ${name}: the bot may have been removed from it. No role was changed.`,
    );
  if (status === 404)
    return new DomainError(
      'not_found',
      `Teams no longer knows the Team ${name}: it may have been deleted or archived. No role was changed.`,
    );
  return new DomainError(
    'unavailable',
    `I could not read the members of ${name} from Teams just now. Please try again; no role was changed.`,
    {
      cause: error,
    },
  );
}
