import { z } from 'zod';
import { type TurnSender, hasRole } from '../../../shared/access/actor';
import { may } from '../../../shared/access/policy';
import type { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { noticeCard } from '../../../shared/cards/notice-card';
import { type DownloadResult, type Feature, cardAction, gone, notFound } from '../../../shared/feature';
import { ICS_CONTENT_TYPE } from '../../meetings';
import type { MemberDirectory, RoleService } from '../../members';
import type { CalendarServices } from '../calendar-services';
import { calendarLinkCard } from './calendar-cards';

export interface CalendarFeatureDependencies extends CalendarServices {
  members: MemberDirectory;
  roles: Pick<RoleService, 'holdingOf'>;
  publicBaseUrl: string;
}

// `scope` came from cards of an earlier version (a shared officers' feed); every link is now the person's own.
const calendarLink = z.object({ scope: z.enum(['member', 'officers']).optional(), rotate: z.boolean().optional() });

/** "events" (the bulletin at any time), each person's calendar link and feed, and the weekly bulletin. */
export function calendarFeature(deps: CalendarFeatureDependencies): Feature {
  /** Issues (or replaces) the sender's own calendar address: shown once, only its hash is stored. */
  async function calendarLinkFor(sender: TurnSender): Promise<AdaptiveCardJson> {
    const actor = await sender.actor();
    const token = await deps.tokens.issue(actor);
    return calendarLinkCard({ url: `${deps.publicBaseUrl}/calendar/${token}.ics`, officer: hasRole(actor.role, 'officer') });
  }

  async function setBulletin(sender: TurnSender, on: boolean): Promise<AdaptiveCardJson> {
    if (on) await deps.bulletinOptOuts.optIn(sender.aadObjectId);
    else await deps.bulletinOptOuts.optOut(sender.aadObjectId);
    return on
      ? noticeCard('Bulletin on', "You'll get the Member Bulletin each week.", 'good')
      : noticeCard('Bulletin off', "You won't get the weekly Member Bulletin. Say **start bulletin** to get it again.", 'good');
  }

  /**
   * A feed fetch (Outlook, every hour or so). The token is the only credential, so who it belongs
   * to is read again now: someone who has removed the bot, or whose role no longer allows a
   * calendar, gets 410 Gone, as does an address that was replaced or withdrawn.
   */
  async function feed(file: string | undefined): Promise<DownloadResult> {
    const token = /^([A-Za-z0-9_-]{43})\.ics$/.exec(file ?? '')?.[1];
    const scope = token ? await deps.tokens.resolve(token) : undefined;
    if (!scope) return notFound('No such calendar');
    if (scope.kind === 'withdrawn') return gone(WITHDRAWN);
    const [member, holding] = await Promise.all([deps.members.find(scope.aadObjectId), deps.roles.holdingOf(scope.aadObjectId)]);
    const viewer = { aadObjectId: scope.aadObjectId, ...holding };
    if (member?.active !== true || !may(viewer, 'calendar.own')) return gone(WITHDRAWN);
    return {
      kind: 'file',
      fileName: 'members-calendar.ics',
      body: await deps.feed.build(viewer),
      contentType: ICS_CONTENT_TYPE,
      inline: true,
    };
  }

  return {
    name: 'calendar',
    commands: [
      {
        name: 'events',
        access: 'bulletin.read',
        phrases: ['events', 'upcoming events', 'participation events', "what's on", 'bulletin'],
        // One card, or several when a busy month needs parts.
        run: async (_input, sender) => deps.bulletin.cards(await sender.actor()),
      },
      {
        name: 'calendar-link',
        access: 'calendar.own',
        phrases: ['my calendar link', 'calendar link', "members' calendar", 'members calendar'],
        run: (_input, sender) => calendarLinkFor(sender),
      },
      {
        // Officers once shared one feed; each now has their own, which shows every event to an officer.
        name: 'officers-calendar-link',
        access: 'calendar.own',
        phrases: ['officers calendar link', "officers' calendar link", 'officers calendar'],
        run: (_input, sender) => calendarLinkFor(sender),
      },
      { name: 'bulletin-off', access: 'bulletin.read', phrases: ['stop bulletin'], run: (_input, sender) => setBulletin(sender, false) },
      { name: 'bulletin-on', access: 'bulletin.read', phrases: ['start bulletin'], run: (_input, sender) => setBulletin(sender, true) },
    ],
    verbs: {
      'calendar.link': cardAction('calendar.own', calendarLink, (_data, sender) => calendarLinkFor(sender)),
      'bulletin.optOut': cardAction('bulletin.read', z.object({}).loose(), async (_data, sender) => {
        await deps.bulletinOptOuts.optOut(sender.aadObjectId);
        return deps.bulletin.card(await sender.actor());
      }),
    },
    jobs: deps.bulletinSender.handlers(),
    start: () => deps.bulletinSender.ensureScheduled(),
    // Removing the bot withdraws the person's calendar address at once (the feed would refuse it anyway).
    uninstalled: async (aadObjectId) => {
      await deps.tokens.revokeFor(aadObjectId, 'uninstalled');
    },
    downloads: [
      {
        // Subscriptions: the token in the path is the only credential (Outlook cannot sign in).
        path: '/calendar/:file',
        access: 'calendar.own',
        serve: ({ params }) => feed(params.file),
      },
    ],
  };
}

const WITHDRAWN = 'This calendar address has been withdrawn. Ask the Corporate Parenting Panel bot in Teams for "my calendar link".';
