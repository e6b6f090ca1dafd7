import { z } from 'zod';
import { BotServices } from '../../../platform/teams/bot-services';
import { CardAction, cardAction } from '../../../platform/teams/card-action';

// The desk validates the cursor itself (our own RowKey format).
const page = z.object({ after: z.string().max(40) });

/** Action.Execute verbs of the audit log. */
export const AUDIT_CARD_ACTIONS: Record<string, CardAction> = {
  'audit.page': cardAction(page, async (data, sender, services: BotServices) => services.audit.card(await sender.actor(), data.after)),
};
