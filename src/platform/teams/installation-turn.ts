import { TurnContext } from 'botbuilder';
import { renderWelcomeCard, welcomeCardData } from '../../features/help';
import type { TeamsPlatformServices } from './bot-services';
import { isPersonalConversation, sightingFrom, tenantOf } from './turn-identity';
import { isValidAadObjectId } from '../../features/members';
import { sendCard } from './replies';

/** installationUpdate: welcome on install (once per install), mark the member inactive on a personal uninstall. */
export async function handleInstallationUpdate(context: TurnContext, services: TeamsPlatformServices): Promise<void> {
  const { activity } = context;
  const sighting = sightingFrom(context);
  const team = teamOf(activity);
  if (activity.action === 'remove' || activity.action === 'remove-upgrade') {
    if (team) await services.teams.removed(team.id);
    if (sighting && isPersonalConversation(activity)) await memberUninstalled(services, sighting.aadObjectId);
    return;
  }
  if (sighting) await services.members.recordSighting(sighting);
  if (team)
    await services.teams.installed({
      teamId: team.id,
      name: team.name,
      conversationReference: TurnContext.getConversationReference(activity) as unknown as Record<string, unknown>,
    });
  if (activity.action === 'add' || activity.action === 'add-upgrade')
    await sendCard(context, renderWelcomeCard(welcomeCardData(services.publicBaseUrl)));
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
 * Each added member is checked and recorded on its own: one malformed entry is logged (without
 * names or ids) and skipped, never allowed to stop the members after it.
 */
export async function handleConversationUpdate(context: TurnContext, services: TeamsPlatformServices): Promise<void> {
  const { activity } = context;
  // The bot leaving a personal chat is the person uninstalling it (Teams may say so here instead of in installationUpdate).
  const removed = Array.isArray(activity.membersRemoved) ? activity.membersRemoved : [];
  if (isPersonalConversation(activity) && removed.some((account) => account?.id === activity.recipient?.id)) {
    const sighting = sightingFrom(context);
    if (sighting) await memberUninstalled(services, sighting.aadObjectId);
    return;
  }
  const sender = sightingFrom(context);
  if (sender) await services.members.recordSighting(sender);
  const tenantId = sender?.tenantId ?? tenantOf(activity);
  const added = Array.isArray(activity.membersAdded) ? activity.membersAdded : [];
  for (const [position, account] of added.entries()) {
    if (account?.id === activity.recipient?.id || (sender && account?.aadObjectId === sender.aadObjectId)) continue;
    const problem = !tenantId
      ? 'no_tenant'
      : !isValidAadObjectId(account?.aadObjectId)
        ? 'invalid_object_id'
        : typeof account.id !== 'string' || account.id.length === 0
          ? 'no_teams_id'
          : undefined;
    if (problem || !tenantId) {
      services.logger.warn({ event: 'roster.member_skipped', reason: problem, position }, 'skipped a malformed member of a roster change');
      continue;
    }
    try {
      await services.members.recordSighting({
        aadObjectId: account.aadObjectId!,
        name: typeof account.name === 'string' ? account.name : undefined,
        tenantId,
        teamsUserId: account.id,
      });
    } catch (error) {
      // The storage error would carry the row key (an object id): log only its status.
      services.logger.warn(
        { event: 'roster.member_failed', status: statusOf(error), position },
        'could not record a member of a roster change',
      );
    }
  }
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * A person removed the bot: their row is kept (history, roles) but nothing is sent to them, and
 * every feature is told (their calendar address is withdrawn). A feature that fails is logged, not
 * allowed to stop the others.
 */
async function memberUninstalled(services: TeamsPlatformServices, aadObjectId: string): Promise<void> {
  await services.members.markInactive(aadObjectId);
  services.sightings.forget(aadObjectId);
  for (const feature of services.features) {
    try {
      await feature.uninstalled?.(aadObjectId);
    } catch (error) {
      services.logger.error(
        { event: 'member.uninstall_failed', feature: feature.name, err: error },
        'a feature could not handle an uninstall',
      );
    }
  }
  services.logger.info({ event: 'member.uninstalled' }, 'member removed the bot');
}
