import { BulletinOptOuts } from './bulletin-opt-outs';
import { CalendarFeed } from './calendar-feed';
import { CalendarTokens } from './calendar-tokens';
import { EventDesk } from './event-desk';
import { EventRepository } from './event-repository';
import { MemberBulletin } from './member-bulletin';

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
