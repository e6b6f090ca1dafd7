import { z } from 'zod';
import type { TurnSender } from '../../../shared/access/actor';
import type { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { noticeCard } from '../../../shared/cards/notice-card';
import { type Feature, cardAction } from '../../../shared/feature';
import type { TrainingDesk } from '../training-desk';

/** Corporate parenting training (Recommendation 3): who is due since the election, each member's record, reminders. */
export function trainingFeature(desk: TrainingDesk): Feature {
  async function setReminders(sender: TurnSender, on: boolean): Promise<AdaptiveCardJson> {
    await desk.setReminders(sender.aadObjectId, on);
    return on
      ? noticeCard(
          'Training reminders on',
          "I'll remind you about corporate parenting training while it is due (at most once a month).",
          'good',
        )
      : noticeCard(
          'Training reminders off',
          "I won't remind you about corporate parenting training. Say **start training reminders** to turn them back on, or **my training** to see your record.",
          'good',
        );
  }

  return {
    name: 'training',
    commands: [
      {
        name: 'training-due',
        access: 'training.due',
        phrases: ['training due', 'who needs training', 'who is due for training', 'training report'],
        help: {
          title: 'training due',
          detail: 'Councillors without corporate parenting training since the last election.',
          role: 'officer',
        },
        run: async (_input, sender) => desk.due(await sender.actor()),
      },
      {
        name: 'my-training',
        access: 'training.own',
        phrases: ['my training', 'my training record'],
        run: (_input, sender) => desk.mine(sender),
      },
      {
        name: 'training-reminders-off',
        access: 'training.own',
        phrases: ['stop training reminders'],
        run: (_input, sender) => setReminders(sender, false),
      },
      {
        name: 'training-reminders-on',
        access: 'training.own',
        phrases: ['start training reminders'],
        run: (_input, sender) => setReminders(sender, true),
      },
    ],
    verbs: {
      'training.optOut': cardAction('training.own', z.looseObject({}), (_data, sender) => setReminders(sender, false)),
    },
    jobs: desk.handlers(),
    start: () => desk.ensureScheduled(),
  };
}
