import { randomUUID } from 'node:crypto';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Actor, TurnSender } from '../../shared/access/actor';
import { withLogContext } from '../logging/logger';
import { admitActivity } from './activity-gate';
import type { TeamsPlatformServices } from './bot-services';
import { CommandTable } from './command-table';
import { VerbTable } from './verb-table';
import { handleConversationUpdate, handleInstallationUpdate } from './installation-turn';
import { handleCardActionInvoke } from './invoke-turn';
import { handleMessage } from './message-turn';
import { errorInvokeResponse, failureCard, sendCard, sendInvokeResponse } from './replies';
import { sightingFrom } from './turn-identity';
import { DomainError } from '../../shared/errors/domain-error';

/**
 * One turn: admit or drop the activity, identify the sender, route by activity type, and turn any
 * failure into a friendly reply. Every turn logs under its own request id.
 */
export class PanelBot {
  private readonly commands: CommandTable;
  private readonly verbs: VerbTable;

  constructor(private readonly services: TeamsPlatformServices) {
    this.commands = new CommandTable(services.features);
    this.verbs = new VerbTable(services.features);
  }

  handleTurn(context: TurnContext): Promise<void> {
    const { activity } = context;
    return withLogContext(
      { reqId: randomUUID(), activityType: activity.type, conversationType: activity.conversation?.conversationType },
      () => this.admitAndRoute(context),
    );
  }

  private async admitAndRoute(context: TurnContext): Promise<void> {
    const { activity } = context;
    const { services } = this;
    const { logger } = services;
    const gate = admitActivity(activity, services.allowedTenantIds);
    if (!gate.admit) {
      logger.warn({ event: 'activity.dropped', reason: gate.reason, channelId: activity.channelId }, 'activity dropped');
      if (activity.type === ActivityTypes.Invoke) await sendInvokeResponse(context, { status: 403 });
      return;
    }
    try {
      await this.route(context);
    } catch (error) {
      logger.error({ event: 'turn.failed', err: error }, 'turn failed');
      await this.replyWithFailure(context, error);
    }
  }

  private async route(context: TurnContext): Promise<void> {
    const { services } = this;
    switch (context.activity.type) {
      case ActivityTypes.Message:
        return this.withSender(context, (sender) => handleMessage(context, sender, this.commands));
      case ActivityTypes.Invoke:
        if (context.activity.name !== 'adaptiveCard/action') return sendInvokeResponse(context, { status: 501 });
        return this.withSender(context, (sender) => handleCardActionInvoke(context, sender, this.verbs, services.logger));
      case ActivityTypes.InstallationUpdate:
        return handleInstallationUpdate(context, services);
      case ActivityTypes.ConversationUpdate:
        return handleConversationUpdate(context, services);
      default:
        services.logger.debug({ event: 'activity.ignored' }, 'activity type not handled');
    }
  }

  /**
   * Runs a handler for an identified sender. The member's sighting is written alongside the
   * handler rather than before it (the reply does not wait on it) and the turn ends only once it
   * is stored; an identical sighting within the last minute is not written again. The role is
   * read only if the handler asks for it.
   */
  private async withSender(context: TurnContext, handle: (sender: TurnSender) => Promise<void>): Promise<void> {
    const { services } = this;
    const sighting = sightingFrom(context);
    if (!sighting) throw new DomainError('forbidden', 'I can only help people signed in to Microsoft Teams in our organisation.');
    const recorded = (services.sightings.shouldWrite(sighting) ? services.members.recordSighting(sighting) : Promise.resolve()).catch(
      (error: unknown) => {
        services.sightings.forget(sighting.aadObjectId);
        services.logger.error({ event: 'member.sighting_failed', err: error }, 'could not record the member');
      },
    );
    const identity = { aadObjectId: sighting.aadObjectId, name: sighting.name ?? 'you', tenantId: sighting.tenantId };
    let actor: Promise<Actor> | undefined;
    const sender: TurnSender = {
      ...identity,
      actor: () => (actor ??= services.roles.holdingOf(identity.aadObjectId).then((holding) => ({ ...identity, ...holding }))),
    };
    try {
      await handle(sender);
    } finally {
      await recorded;
    }
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
