import { BulletinOptOuts } from '../calendar/data/bulletin-opt-outs';
import { CalendarFeed } from '../calendar/calendar-feed';
import { CalendarTokens } from '../calendar/data/calendar-tokens';
import { EventDesk } from './event-desk';
import { EventRepository } from './data/event-repository';
import { MemberBulletin } from '../calendar/member-bulletin';

/** The events capability as the Teams layer and the HTTP server see it. */
export interface EventServices {
  desk: EventDesk;
  repository: EventRepository;
  tokens: CalendarTokens;
  feed: CalendarFeed;
  bulletin: MemberBulletin;
  bulletinOptOuts: BulletinOptOuts;
  /** The .ics of one event, for "Add to my calendar". */
  eventIcs(eventId: string): Promise<{ fileName: string; body: string } | undefined>;
}
