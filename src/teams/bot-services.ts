import { KnowledgeBase } from '../remit/knowledge-base';
import { RemitService } from '../remit/remit-service';
import { AnswerFeedbackStore } from '../remit/answer-feedback-store';
import { MemberDirectory } from '../members/member-directory';
import { RoleService } from '../members/role-service';
import { Clock } from '../time/clock';
import { Logger } from '../logging/logger';

/** Everything a turn may call: domain services only, no storage clients. */
export interface BotServices {
  knowledge: KnowledgeBase;
  remit: RemitService;
  feedback: AnswerFeedbackStore;
  members: MemberDirectory;
  roles: RoleService;
  clock: Clock;
  logger: Logger;
  allowedTenantIds: readonly string[];
}
