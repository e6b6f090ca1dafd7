import { randomUUID } from 'node:crypto';
import { ActivityTypes, TurnContext } from 'botbuilder';
import { Actor } from '../members/actor';
import { admitActivity } from './activity-gate';
import { BotServices } from './bot-services';
import { handleConversationUpdate, handleInstallationUpdate } from './installation-turn';
import { handleCardActionInvoke } from './invoke-turn';
import { handleMessage } from './message-turn';
import { errorInvokeResponse, failureCard, sendCard, sendInvokeResponse } from './replies';
import { sightingFrom } from './turn-identity';
import { DomainError } from '../errors/domain-error';

/**
 * One turn: admit or drop the activity, identify the sender, route by activity type, and turn any
 * failure into a friendly reply. Every turn logs under its own request id.
 */
export class PanelBot {
  constructor(private readonly services: BotServices) {}

  async handleTurn(context: TurnContext): Promise<void> {
    const { activity } = context;
    const logger = this.services.logger.child({ reqId: randomUUID(), activityType: activity.type, conversationType: activity.conversation?.conversationType });
    const services: BotServices = { ...this.services, logger };
    const gate = admitActivity(activity, services.allowedTenantIds);
    if (!gate.admit) {
      logger.warn({ event: 'activity.dropped', reason: gate.reason, channelId: activity.channelId }, 'activity dropped');
      if (activity.type === ActivityTypes.Invoke) await sendInvokeResponse(context, { status: 403 });
      return;
    }
    try {
      await this.route(context, services);
    } catch (error) {
      logger.error({ event: 'turn.failed', err: error }, 'turn failed');
      await this.replyWithFailure(context, error);
    }
  }

  private async route(context: TurnContext, services: BotServices): Promise<void> {
    switch (context.activity.type) {
      case ActivityTypes.Message:
        return handleMessage(context, await this.requireActor(context, services), services);
      case ActivityTypes.Invoke:
        if (context.activity.name !== 'adaptiveCard/action') return sendInvokeResponse(context, { status: 501 });
        return handleCardActionInvoke(context, await this.requireActor(context, services), services);
      case ActivityTypes.InstallationUpdate:
        return handleInstallationUpdate(context, services);
      case ActivityTypes.ConversationUpdate:
        return handleConversationUpdate(context, services);
      default:
        services.logger.debug({ event: 'activity.ignored' }, 'activity type not handled');
    }
  }

  /** Records the sighting and looks up the role in parallel: both run on every message. */
  private async requireActor(context: TurnContext, services: BotServices): Promise<Actor> {
    const sighting = sightingFrom(context);
    if (!sighting) throw new DomainError('forbidden', 'I can only help people signed in to Microsoft Teams in our organisation.');
    const [, role] = await Promise.all([services.members.recordSighting(sighting), services.roles.roleOf(sighting.aadObjectId)]);
    return { aadObjectId: sighting.aadObjectId, name: sighting.name ?? 'you', tenantId: sighting.tenantId, role };
  }

  private async replyWithFailure(context: TurnContext, error: unknown): Promise<void> {
    try {
      if (context.activity.type === ActivityTypes.Invoke) await sendInvokeResponse(context, errorInvokeResponse(error));
      else if (context.activity.type === ActivityTypes.Message) await sendCard(context, failureCard(error));
    } catch (replyError) {
      this.services.logger.error({ event: 'turn.reply_failed', err: replyError }, 'could not tell the user about a failure');
    }
  }
}
