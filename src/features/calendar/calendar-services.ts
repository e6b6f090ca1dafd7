import { CalendarFeed } from './calendar-feed';
import { CalendarTokens } from './data/calendar-tokens';
import { BulletinOptOuts } from './data/bulletin-opt-outs';
import { BulletinSender } from './bulletin-sender';
import { MemberBulletin } from './member-bulletin';

/** The Members' Calendar (feeds of meetings and events) and the weekly Member Bulletin. */
export interface CalendarServices {
  tokens: CalendarTokens;
  feed: CalendarFeed;
  bulletin: MemberBulletin;
  bulletinOptOuts: BulletinOptOuts;
  bulletinSender: BulletinSender;
}
