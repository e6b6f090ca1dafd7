import { type Activity, TurnContext } from 'botbuilder';
import { type MemberSighting, isValidAadObjectId } from '../../features/members';

/** The tenant an activity belongs to: Teams puts it on the conversation and in channelData. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const fromConversation = activity.conversation?.tenantId;
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannelData = channelData?.tenant?.id;
  const tenant = fromConversation ?? (typeof fromChannelData === 'string' ? fromChannelData : undefined);
  return typeof tenant === 'string' && tenant.length > 0 ? tenant : undefined;
}

export function isPersonalConversation(activity: Partial<Activity>): boolean {
  return activity.conversation?.conversationType === 'personal';
}

/**
 * Who sent this activity, from the activity itself (the only trustworthy place): Teams signs it.
 * Undefined when the sender has no usable Entra object id (then nothing may be attributed to them).
 */
export function sightingFrom(context: TurnContext): MemberSighting | undefined {
  const { activity } = context;
  const aadObjectId = activity.from?.aadObjectId;
  const tenantId = tenantOf(activity);
  if (!isValidAadObjectId(aadObjectId) || !tenantId || typeof activity.from.id !== 'string') return undefined;
  return {
    aadObjectId,
    name: typeof activity.from.name === 'string' && activity.from.name.trim() ? activity.from.name.trim() : undefined,
    tenantId,
    teamsUserId: activity.from.id,
    personalConversationReference: isPersonalConversation(activity)
      ? (TurnContext.getConversationReference(activity) as unknown as Record<string, unknown>)
      : undefined,
  };
}
