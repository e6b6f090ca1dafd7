import type { MemberDirectory } from '../../members';
import type { RoleService } from '../../members';
import { hasRole } from '../../../shared/access/actor';
import type { ChallengeCandidate } from './challenge-form';
import type { ChallengePeople } from '../challenge-service';

/**
 * Who can be made lead officer or assignee: active panel members and officers, with their
 * server-side role. Guests are never offered: they may not see a challenge card.
 */
export function directoryPeople(members: MemberDirectory, roles: RoleService): ChallengePeople {
  return {
    candidates: async (): Promise<ChallengeCandidate[]> => {
      const people = await roles.membersWithRoles();
      const active = new Set((await members.list({ activeOnly: true })).map((member) => member.aadObjectId));
      return people
        .filter((person) => active.has(person.aadObjectId) && hasRole(person.role, 'panel'))
        .map((person) => ({ aadObjectId: person.aadObjectId, name: person.name, role: person.role }));
    },
  };
}
