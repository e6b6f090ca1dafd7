import type { Feature } from '../../shared/feature';
import type { Logger } from '../logging/logger';
import type { MemberDirectory, RecentSightings, RoleService, TeamRegistry } from '../../features/members';

/**
 * What the Teams layer needs besides the features: who people are (members, roles, the Teams the
 * bot is in) and where to log. Everything a person can ask for comes from `features`.
 */
export interface TeamsPlatformServices {
  features: readonly Feature[];
  /** Where the bot serves its pages (the privacy notice the welcome card links). */
  publicBaseUrl: string;
  members: MemberDirectory;
  /** Which sightings this instance wrote lately, so a burst of messages costs one write. */
  sightings: RecentSightings;
  roles: RoleService;
  teams: TeamRegistry;
  logger: Logger;
  allowedTenantIds: readonly string[];
}
