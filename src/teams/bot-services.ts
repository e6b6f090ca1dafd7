import { KnowledgeBase } from '../remit/knowledge-base';
import { RemitService } from '../remit/remit-service';
import { AnswerFeedbackStore } from '../remit/answer-feedback-store';
import { MemberDirectory } from '../members/member-directory';
import { RoleService } from '../members/role-service';
import { RecentSightings } from '../members/recent-sightings';
import { TeamRegistry } from '../members/team-registry';
import { EventServices } from '../events/event-services';
import { ChallengeDesk } from '../challenges/challenge-desk';
import { Clock } from '../time/clock';
import { MeetingServices } from '../meetings/meeting-services';
import { ApologyDesk } from '../apologies/apology-desk';
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
