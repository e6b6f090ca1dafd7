import type { CalendarFeed } from './calendar-feed';
import type { CalendarTokens } from './data/calendar-tokens';
import type { BulletinOptOuts } from './data/bulletin-opt-outs';
import type { BulletinSender } from './bulletin-sender';
import type { MemberBulletin } from './member-bulletin';

/** The Members' Calendar (feeds of meetings and events) and the weekly Member Bulletin. */
export interface CalendarServices {
  tokens: CalendarTokens;
  feed: CalendarFeed;
  bulletin: MemberBulletin;
  bulletinOptOuts: BulletinOptOuts;
  bulletinSender: BulletinSender;
}
