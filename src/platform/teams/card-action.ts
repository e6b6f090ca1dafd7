import { z } from 'zod';
import { AdaptiveCardJson } from '../../shared/cards/card-template';
import { DomainError } from '../../shared/errors/domain-error';
import { TurnSender } from '../../features/members/domain/actor';
import { BotServices } from './bot-services';

/** One Action.Execute verb: its data is client-written, so it is parsed before anything reads it. */
export interface CardAction {
  run(rawData: unknown, sender: TurnSender, services: BotServices): Promise<AdaptiveCardJson>;
}

export function cardAction<T>(schema: z.ZodType<T>, handle: (data: T, sender: TurnSender, services: BotServices) => Promise<AdaptiveCardJson>): CardAction {
  return {
    run: (rawData, sender, services) => {
      const parsed = schema.safeParse(rawData);
      if (!parsed.success) throw new DomainError('invalid_input', 'This card sent something I did not expect. Please ask again to get a fresh card.');
      return handle(parsed.data, sender, services);
    },
  };
}
