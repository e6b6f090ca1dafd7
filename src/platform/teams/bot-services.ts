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
import { AttendanceDesk } from '../../features/attendance/attendance-desk';
import { TrainingDesk } from '../../features/training/training-desk';
import { ParticipationDesk } from '../../features/participation/participation-desk';
import { KeyFiguresDesk } from '../../features/key-figures/key-figures-desk';
import { YouSaidWeDidDesk } from '../../features/challenges/you-said-we-did-desk';

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
  attendance: AttendanceDesk;
  training: TrainingDesk;
  participation: ParticipationDesk;
  keyFigures: KeyFiguresDesk;
  youSaidWeDid: YouSaidWeDidDesk;
  /** Where the bot serves links (calendar files), e.g. https://cpp-bot.azurewebsites.net. */
  publicBaseUrl: string;
  clock: Clock;
  logger: Logger;
  allowedTenantIds: readonly string[];
}
