import { z } from 'zod';
import { AdaptiveCardJson } from '../cards/card-template';
import { renderRolesCard } from '../cards/roles-card';
import { DomainError } from '../errors/domain-error';
import { TurnSender } from '../members/actor';
import { AAD_OBJECT_ID_PATTERN } from '../members/member';
import { MAX_ROLES_QUERY, rolesCardData } from '../members/roles-card-data';
import { answerCard } from '../remit/remit-cards';
import { BotServices } from './bot-services';
import { CardAction, cardAction } from './card-action';
import { MEETING_ACTIONS } from './meeting-actions';
import { EVENT_ACTIONS } from './event-actions';
import { CHALLENGE_ACTIONS } from './challenge-actions';
import { literalText } from '../cards/literal-text';

const feedbackData = z.object({
  entryId: z.string().min(1).max(100),
  question: z.string().max(2000),
  helpful: z.boolean(),
});

// The page and search ride along on every roles-card button; out-of-range values fall back to the first page / no search.
const rolesView = {
  page: z.coerce.number().int().min(0).max(100_000).catch(0).default(0),
  query: z.string().catch('').default('').transform((query) => query.trim().slice(0, MAX_ROLES_QUERY)),
};
const targetMemberData = z.object({ aadObjectId: z.string().regex(AAD_OBJECT_ID_PATTERN), ...rolesView });
const rolesPageData = z.object(rolesView);

async function changeOfficer(data: z.infer<typeof targetMemberData>, officer: boolean, sender: TurnSender, services: BotServices): Promise<AdaptiveCardJson> {
  const changed = await services.roles.setOfficer(await sender.actor(), data.aadObjectId, officer);
  const message = officer ? `${literalText(changed.name)} is now an officer.` : `${literalText(changed.name)} is no longer an officer.`;
  services.logger.info({ event: 'role.changed', target: changed.aadObjectId, officer }, 'role changed');
  return renderRolesCard(rolesCardData(await services.roles.membersWithRoles(), { page: data.page, query: data.query, message }));
}

/** The roles card at a page and search: administrators only (the text command "roles <name>" lands here too). */
export async function rolesCard(sender: TurnSender, services: BotServices, view: { page: number; query: string }): Promise<AdaptiveCardJson> {
  if ((await sender.actor()).role !== 'admin') throw new DomainError('forbidden', 'Only an administrator can manage roles.');
  return renderRolesCard(rolesCardData(await services.roles.membersWithRoles(), view));
}

/** Every Action.Execute verb the bot understands. Unknown verbs are refused by the caller. */
export const CARD_ACTIONS: Readonly<Record<string, CardAction>> = {
  'feedback.submit': cardAction(feedbackData, async (data, sender, services) => {
    const entry = services.knowledge.entry(data.entryId);
    if (!entry) throw new DomainError('not_found', 'That answer is no longer in the knowledge base. Please ask your question again.');
    await services.feedback.record({ entryId: entry.id, question: data.question, helpful: data.helpful }, sender.aadObjectId);
    return answerCard(services.knowledge, entry, data.question, data.helpful ? 'helpful' : 'not_helpful');
  }),
  'role.grantOfficer': cardAction(targetMemberData, (data, sender, services) => changeOfficer(data, true, sender, services)),
  'role.revokeOfficer': cardAction(targetMemberData, (data, sender, services) => changeOfficer(data, false, sender, services)),
  'roles.page': cardAction(rolesPageData, (data, sender, services) => rolesCard(sender, services, data)),
  ...MEETING_ACTIONS,
  ...EVENT_ACTIONS,
  ...CHALLENGE_ACTIONS,
};

export function findCardAction(verb: unknown): CardAction | undefined {
  return typeof verb === 'string' && Object.hasOwn(CARD_ACTIONS, verb) ? CARD_ACTIONS[verb] : undefined;
}
