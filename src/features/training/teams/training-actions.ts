import { z } from 'zod';
import { CardAction, cardAction } from '../../../platform/teams/card-action';
import { renderNoticeCard } from '../../../shared/cards/notice-card';

/** Action.Execute verbs of training cards. */
export const TRAINING_ACTIONS: Record<string, CardAction> = {
  'training.optOut': cardAction(z.looseObject({}), async (_data, sender, services) => {
    await services.training.setReminders(sender.aadObjectId, false);
    return renderNoticeCard({ title: 'Training reminders off', text: "I won't remind you about corporate parenting training. Say **start training reminders** to turn them back on, or **my training** to see your record.", style: 'good' });
  }),
};
