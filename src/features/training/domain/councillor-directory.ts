import type { Member } from '../../members/domain/member';
import type { RoleService } from '../../members';
import { may } from '../../../shared/access/policy';

/** The councillors the training record is about (Recommendation 3: every member after each election). */
export interface CouncillorDirectory {
  listCouncillors(): Promise<Member[]>;
}

/**
 * Councillors as the roles table knows them: every active person with the councillor flag, on
 * the panel or not (officers set it on the roles card, or import a Team of all elected members).
 * Partner members of the panel are not councillors, so they are not chased for councillors'
 * training.
 */
export class FlaggedCouncillors implements CouncillorDirectory {
  constructor(private readonly roles: Pick<RoleService, 'activeWhere'>) {}

  listCouncillors(): Promise<Member[]> {
    return this.roles.activeWhere((person) => may(person, 'training.reminded'));
  }
}
