import { z } from 'zod';
import { requirePermission } from '../../../shared/access/policy';
import { type Feature, cardAction } from '../../../shared/feature';
import { meetingIdSchema } from '../../meetings';
import type { ApologyDesk } from '../apology-desk';
import type { ApologyNotices } from '../apology-notices';

export interface ApologiesFeatureDependencies {
  desk: ApologyDesk;
  /** The coalesced notices to officers, a scheduled job. */
  notices: ApologyNotices;
  /** The next meeting going ahead, for "send apologies" without a meeting named. */
  nextMeetingId(): Promise<string>;
}

const meetingRef = z.object({ meetingId: meetingIdSchema });
const apologyInput = meetingRef.extend({ reason: z.string().max(2000).optional(), substitute: z.string().max(1000).optional() });

/** A member's apologies for a meeting (from its card or by message) and the officers' list. */
export function apologiesFeature(deps: ApologiesFeatureDependencies): Feature {
  const { desk } = deps;
  return {
    name: 'apologies',
    commands: [
      {
        name: 'send-apologies',
        access: 'apologies.send', // Phrases that carry an object ("... for the next meeting"), so they are patterns.
        patterns: [/^(?:i (?:want|need|would like) to )?(?:send|give|submit|offer|tender|register)\s+(?:my\s+)?apologies\b/],
        run: async (_input, sender) => desk.open(await deps.nextMeetingId(), sender),
      },
      {
        name: 'list-apologies',
        access: 'apologies.read',
        // Always the next meeting's list. "Apologies - who do I send them to?" is a question.
        patterns: [
          /^(?:apologies|list (?:the )?apologies|show (?:the )?apologies)(?:\s+(?:for|received for|sent for)\s+(?:the\s+)?(?:next|upcoming)\s+(?:panel\s+)?meeting)?$/,
          /^who (?:has|have) sent (?:their )?apologies\b/,
        ],
        help: { title: 'apologies for the next meeting', detail: 'Who has sent apologies.', role: 'officer' },
        run: async (_input, sender) => {
          const actor = await sender.actor();
          // Refuse before looking up the meeting, so a member is told why rather than that none is planned.
          requirePermission(actor, 'apologies.read');
          return desk.listFor(actor, await deps.nextMeetingId());
        },
      },
    ],
    verbs: {
      'meeting.apologies': cardAction('apologies.send', meetingRef, (data, sender) => desk.open(data.meetingId, sender)),
      'apology.send': cardAction('apologies.send', apologyInput, (data, sender) => desk.send(data.meetingId, sender, data)),
      'apology.withdraw': cardAction('apologies.send', meetingRef, (data, sender) => desk.withdraw(data.meetingId, sender)),
    },
    jobs: deps.notices.handlers(),
  };
}
