import { z } from 'zod';
import { CardAction, cardAction } from '../../../platform/teams/card-action';

// The form's inputs arrive with the data; KeyFiguresDesk validates every field.
const anyData = z.looseObject({});

/** Action.Execute verbs of key figures cards. */
export const KEY_FIGURES_ACTIONS: Record<string, CardAction> = {
  'keyFigures.form': cardAction(anyData, async (_data, sender, services) => services.keyFigures.form(await sender.actor())),
  'keyFigures.save': cardAction(anyData, async (data, sender, services) => services.keyFigures.save(await sender.actor(), data)),
};
