import type { Member, RoleService } from '../../members';

/** The councillors the training record is about (Recommendation 3: every member after each election). */
export interface CouncillorDirectory {
  listCouncillors(): Promise<Member[]>;
}

/**
 * Councillors as the directory can tell them today: every active member who holds no staff role.
 * Officers and administrators run the programme rather than take it, so they are left out; the
 * directory records no councillor flag, so partner members of the panel who use the bot are
 * counted with the councillors. A directory that knows who is a councillor replaces this class
 * behind the same interface.
 */
export class RoleDerivedCouncillors implements CouncillorDirectory {
  constructor(
    private readonly roles: Pick<RoleService, 'membersWithRoles'>,
    private readonly members: { list(filter: { activeOnly: boolean }): Promise<Member[]> },
  ) {}

  async listCouncillors(): Promise<Member[]> {
    const [members, people] = await Promise.all([this.members.list({ activeOnly: true }), this.roles.membersWithRoles()]);
    const staff = new Set(people.filter((person) => person.role !== 'member').map((person) => person.aadObjectId));
    return members.filter((member) => !staff.has(member.aadObjectId));
  }
}
