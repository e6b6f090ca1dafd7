import { Duration } from 'luxon';
import { BulletinOptOuts } from '../../../src/features/calendar/data/bulletin-opt-outs';
import { CalendarTokens } from '../../../src/features/calendar/data/calendar-tokens';
import { EventInvitations } from '../../../src/features/events/data/event-invitations';
import { EventRepository } from '../../../src/features/events/data/event-repository';
import { EventRsvps } from '../../../src/features/events/event-rsvps';
import { OfficerEvents } from '../../../src/features/events/officer-events';
import { RsvpBook } from '../../../src/features/events/data/rsvp-book';
import { ManualClock } from '../../../src/platform/time/clock';
import { testTableStore } from '../../support/test-storage';

/** Every events service over one fresh set of tables, with a clock standing at 5 January 2027, 9am. */
export async function eventsRig(start = '2027-01-05T09:00:00Z') {
  const store = await testTableStore();
  const clock = new ManualClock(start);
  const repository = new EventRepository(store.client('events'));
  const book = new RsvpBook(store.client('rsvps'), clock);
  const invitations = new EventInvitations(store.client('eventinvites'), clock);
  return {
    store,
    clock,
    repository,
    book,
    invitations,
    officers: new OfficerEvents(repository, clock, { minNotice: Duration.fromISO('P14D') }),
    rsvps: new EventRsvps(repository, book, invitations),
    tokens: new CalendarTokens(store.client('calendartokens'), clock),
    optOuts: new BulletinOptOuts(store.client('bulletinoptouts'), clock),
  };
}
