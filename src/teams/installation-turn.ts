import { TurnContext } from 'botbuilder';
import { renderWelcomeCard } from '../cards/welcome-card';
import { welcomeCardData } from '../help/help-content';
import { BotServices } from './bot-services';
import { isPersonalConversation, sightingFrom } from './turn-identity';
import { sendCard } from './replies';

/** installationUpdate: welcome on install (once per install), mark the member inactive on a personal uninstall. */
export async function handleInstallationUpdate(context: TurnContext, services: BotServices): Promise<void> {
  const { activity } = context;
  const sighting = sightingFrom(context);
  const team = teamOf(activity);
  if (activity.action === 'remove' || activity.action === 'remove-upgrade') {
    if (team) await services.teams.removed(team.id);
    if (sighting && isPersonalConversation(activity)) {
      await services.members.markInactive(sighting.aadObjectId);
      services.sightings.forget(sighting.aadObjectId);
      services.logger.info({ event: 'member.uninstalled' }, 'member removed the bot');
    }
    return;
  }
  if (sighting) await services.members.recordSighting(sighting);
  if (team) await services.teams.installed({ teamId: team.id, name: team.name, conversationReference: TurnContext.getConversationReference(activity) as unknown as Record<string, unknown> });
  if (activity.action === 'add' || activity.action === 'add-upgrade') await sendCard(context, renderWelcomeCard(welcomeCardData(services.publicBaseUrl)));
}

/** The Team an activity comes from (installs in a team's channel), from Teams' channelData. */
function teamOf(activity: TurnContext['activity']): { id: string; name: string } | undefined {
  if (activity.conversation?.conversationType !== 'channel') return undefined;
  const team = (activity.channelData as { team?: { id?: unknown; name?: unknown } } | undefined)?.team;
  if (typeof team?.id !== 'string' || team.id.length === 0) return undefined;
  return { id: team.id, name: typeof team.name === 'string' && team.name.trim() ? team.name.trim() : 'A team' };
}

/**
 * conversationUpdate: people added to a team or chat the bot is in are recorded, so later issues
 * can reach them; the bot's own arrival is left to installationUpdate, which sends the welcome.
 */
export async function handleConversationUpdate(context: TurnContext, services: BotServices): Promise<void> {
  const { activity } = context;
  const sender = sightingFrom(context);
  if (sender) await services.members.recordSighting(sender);
  const tenantId = sender?.tenantId;
  for (const added of activity.membersAdded ?? []) {
    if (added.id === activity.recipient?.id || !added.aadObjectId || !tenantId || added.aadObjectId === sender?.aadObjectId) continue;
    await services.members.recordSighting({ aadObjectId: added.aadObjectId, name: added.name, tenantId, teamsUserId: added.id });
  }
}
