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
  if (activity.action === 'remove' || activity.action === 'remove-upgrade') {
    if (sighting && isPersonalConversation(activity)) {
      await services.members.markInactive(sighting.aadObjectId);
      services.logger.info({ event: 'member.uninstalled' }, 'member removed the bot');
    }
    return;
  }
  if (sighting) await services.members.recordSighting(sighting);
  if (activity.action === 'add' || activity.action === 'add-upgrade') await sendCard(context, renderWelcomeCard(welcomeCardData()));
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
