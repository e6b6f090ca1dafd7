import { z } from 'zod';
import type { TurnSender } from '../../../shared/access/actor';
import { requirePermission } from '../../../shared/access/policy';
import type { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { noticeCard } from '../../../shared/cards/notice-card';
import { type Feature, cardAction, notFound } from '../../../shared/feature';
import { ICS_CONTENT_TYPE } from '../../meetings';
import type { MemberDirectory } from '../../members';
import type { CalendarServices } from '../calendar-services';
import { calendarLinkCard } from './calendar-cards';

export interface CalendarFeatureDependencies extends CalendarServices {
  members: MemberDirectory;
  publicBaseUrl: string;
}

const calendarLink = z.object({ scope: z.enum(['member', 'officers']), rotate: z.boolean().optional() });

/** "events" (the bulletin at any time), calendar links and their feeds, and the weekly bulletin. */
export function calendarFeature(deps: CalendarFeatureDependencies): Feature {
  /** Issues (or replaces) a calendar address: shown once, only its hash is stored. */
  async function calendarLinkFor(sender: TurnSender, scope: 'member' | 'officers'): Promise<AdaptiveCardJson> {
    const token = await deps.tokens.issue(await sender.actor(), scope);
    return calendarLinkCard({ scope, url: `${deps.publicBaseUrl}/calendar/${token}.ics` });
  }

  async function setBulletin(sender: TurnSender, on: boolean): Promise<AdaptiveCardJson> {
    if (on) await deps.bulletinOptOuts.optIn(sender.aadObjectId);
    else await deps.bulletinOptOuts.optOut(sender.aadObjectId);
    return on
      ? noticeCard('Bulletin on', "You'll get the Member Bulletin each week.", 'good')
      : noticeCard('Bulletin off', "You won't get the weekly Member Bulletin. Say **start bulletin** to get it again.", 'good');
  }

  return {
    name: 'calendar',
    commands: [
      {
        name: 'events',
        phrases: ['events', 'upcoming events', 'participation events', "what's on", 'bulletin'],
        run: () => deps.bulletin.cards(),
      },
      {
        name: 'calendar-link',
        phrases: ['my calendar link', 'calendar link', "members' calendar", 'members calendar'],
        run: (_input, sender) => calendarLinkFor(sender, 'member'),
      },
      {
        name: 'officers-calendar-link',
        phrases: ['officers calendar link'],
        run: async (_input, sender) => {
          requirePermission(await sender.actor(), 'calendar.officers');
          return calendarLinkFor(sender, 'officers');
        },
      },
      { name: 'bulletin-off', phrases: ['stop bulletin'], run: (_input, sender) => setBulletin(sender, false) },
      { name: 'bulletin-on', phrases: ['start bulletin'], run: (_input, sender) => setBulletin(sender, true) },
    ],
    verbs: {
      'calendar.link': cardAction(calendarLink, (data, sender) => calendarLinkFor(sender, data.scope)),
      'bulletin.optOut': cardAction(z.object({}).loose(), async (_data, sender) => {
        await deps.bulletinOptOuts.optOut(sender.aadObjectId);
        return deps.bulletin.card();
      }),
    },
    jobs: deps.bulletinSender.handlers(),
    start: () => deps.bulletinSender.ensureScheduled(),
    downloads: [
      {
        // Subscriptions: the token in the path is the only credential (Outlook cannot sign in).
        path: '/calendar/:file',
        serve: async ({ params }) => {
          const token = /^([A-Za-z0-9_-]{43})\.ics$/.exec(params.file ?? '')?.[1];
          const scope = token ? await deps.tokens.resolve(token) : undefined;
          const active =
            scope?.kind === 'officers' || (scope?.kind === 'member' && (await deps.members.find(scope.aadObjectId))?.active === true);
          if (!scope || !active) return notFound('No such calendar');
          return {
            kind: 'file',
            fileName: 'members-calendar.ics',
            body: await deps.feed.build(scope),
            contentType: ICS_CONTENT_TYPE,
            inline: true,
          };
        },
      },
    ],
  };
}
