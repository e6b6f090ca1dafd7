import { z } from 'zod';
import { BotServices } from '../../../platform/teams/bot-services';
import { CardAction, cardAction } from '../../../platform/teams/card-action';

// The services validate the fields (and the card's reference and version) themselves.
const anyData = z.looseObject({});
const reference = z.object({ reference: z.string().min(1).max(40) });

/** Action.Execute verbs of challenge cards. */
export const CHALLENGE_ACTIONS: Record<string, CardAction> = {
  'challenge.create': cardAction(anyData, async (data, sender, services: BotServices) => services.challenges.create(await sender.actor(), data)),
  'challenge.respond': cardAction(anyData, async (data, sender, services) => services.challenges.respond(await sender.actor(), data)),
  'challenge.show': cardAction(reference, async (data, sender, services) => services.challenges.show(await sender.actor(), data.reference)),
  'challenge.list': cardAction(anyData, async (data, sender, services) => services.challenges.list(await sender.actor(), { data })),
};

/** Action.Execute verbs of "You said, we did"; the desk validates the year, version and text. */
export const YOU_SAID_WE_DID_ACTIONS: Record<string, CardAction> = {
  'youSaidWeDid.edit': cardAction(anyData, async (data, sender, services) => services.youSaidWeDid.edit(await sender.actor(), data)),
  'youSaidWeDid.save': cardAction(anyData, async (data, sender, services) => services.youSaidWeDid.save(await sender.actor(), data)),
  'youSaidWeDid.send': cardAction(anyData, async (data, sender, services) => services.youSaidWeDid.send(await sender.actor(), data)),
};
