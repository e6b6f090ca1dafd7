import { KnowledgeBase } from '../../features/remit/domain/knowledge-base';
import { RemitService } from '../../features/remit/remit-service';
import { AnswerFeedbackStore } from '../../features/remit/data/answer-feedback-store';
import { MemberDirectory } from '../../features/members/data/member-directory';
import { RoleService } from '../../features/members/role-service';
import { RecentSightings } from '../../features/members/domain/recent-sightings';
import { TeamRegistry } from '../../features/members/data/team-registry';
import { EventServices } from '../../features/events/event-services';
import { ChallengeDesk } from '../../features/challenges/challenge-desk';
import { Clock } from '../time/clock';
import { MeetingServices } from '../../features/meetings/meeting-services';
import { ApologyDesk } from '../../features/apologies/apology-desk';
import { Logger } from '../logging/logger';

/** Everything a turn may call: domain services only, no storage clients. */
export interface BotServices {
  knowledge: KnowledgeBase;
  remit: RemitService;
  feedback: AnswerFeedbackStore;
  members: MemberDirectory;
  /** Which sightings this instance wrote lately, so a burst of messages costs one write. */
  sightings: RecentSightings;
  roles: RoleService;
  teams: TeamRegistry;
  events: EventServices;
  challenges: ChallengeDesk;
  meetings: MeetingServices;
  apologies: ApologyDesk;
  /** Where the bot serves links (calendar files), e.g. https://cpp-bot.azurewebsites.net. */
  publicBaseUrl: string;
  clock: Clock;
  logger: Logger;
  allowedTenantIds: readonly string[];
}
