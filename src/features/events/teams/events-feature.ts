import { z } from 'zod';
import { requirePermission } from '../../../shared/access/policy';
import { DomainError } from '../../../shared/errors/domain-error';
import { type Feature, cardAction, linkRefused, notFound } from '../../../shared/feature';
import { icsFileId } from '../../../shared/text/ics-file-name';
import type { Clock } from '../../../platform/time/clock';
import { ICS_CONTENT_TYPE } from '../../meetings';
import { eventIdSchema } from '../domain/event';
import { matchEventsByTitle } from '../domain/event-search';
import type { EventDesk } from '../event-desk';

export interface EventsFeatureDependencies {
  desk: EventDesk;
  clock: Clock;
  /** The .ics of one event, for "Add to my calendar". */
  eventIcs(eventId: string): Promise<{ fileName: string; body: string } | undefined>;
}

const eventRef = z.object({ eventId: eventIdSchema });
const versionedEventRef = eventRef.extend({ sequence: z.coerce.number().int().min(0) });
// Form inputs arrive with the data; OfficerEvents validates the fields themselves.
const eventForm = z.looseObject({});
const eventUpdate = z.looseObject({ eventId: eventIdSchema, sequence: z.coerce.number().int().min(0).optional() });
const rsvp = eventRef.extend({ response: z.enum(['going', 'maybe', 'not_going']) });

/** Participation events (Recommendation 6): officers' events, invitations, RSVPs, attendees and their CSV. */
export function eventsFeature(deps: EventsFeatureDependencies): Feature {
  const { desk } = deps;
  return {
    name: 'events',
    commands: [
      {
        name: 'new-event',
        access: 'events.create',
        phrases: ['new event', 'create event', 'create an event', 'add event'],
        help: { title: 'new event', detail: 'Invite members to a participation event; follow replies on its card.', role: 'officer' },
        run: async (_input, sender) => desk.newEventForm(await sender.actor()),
      },
      {
        name: 'attendees',
        access: 'events.attendees',
        // "Who is going to the awards evening", not "who is going to chair the panel" (a question).
        patterns: [/^(?:attendees|rsvps)\s+(?:for|to|of)\s+(.{2,200})$/, /^who(?: is|'s) going (?:to|for) the\s+(.{2,200})$/],
        help: { title: 'attendees for <event>', detail: 'Who is going, with a CSV download.', role: 'officer' },
        run: async (input, sender) => {
          const actor = await sender.actor();
          requirePermission(actor, 'events.attendees');
          const matches = matchEventsByTitle(await desk.upcoming(50), input.match?.[1] ?? '', deps.clock.now().toUTC().toISO()!);
          if (matches.length === 0)
            throw new DomainError('not_found', 'I could not find an upcoming event with that name. Ask **events** to see them.');
          return desk.attendees(actor, matches[0]!.id);
        },
      },
    ],
    verbs: {
      'event.create': cardAction('events.manage', eventForm, async (data, sender) => desk.create(await sender.actor(), data)),
      'event.update': cardAction('events.manage', eventUpdate, async (data, sender) =>
        desk.update(await sender.actor(), data.eventId, data, data.sequence),
      ),
      'event.edit': cardAction('events.manage', eventRef, async (data, sender) => desk.editForm(await sender.actor(), data.eventId)),
      'event.cancel': cardAction('events.manage', versionedEventRef, async (data, sender) =>
        desk.cancel(await sender.actor(), data.eventId, data.sequence),
      ),
      'event.status': cardAction('events.manage', eventRef, async (data, sender) => desk.status(await sender.actor(), data.eventId)),
      'event.attendees': cardAction('events.attendees', eventRef, async (data, sender) =>
        desk.attendees(await sender.actor(), data.eventId),
      ),
      'event.rsvp': cardAction('events.respond', rsvp, (data, sender) => desk.rsvp(sender, data.eventId, data.response)),
      'event.invitation': cardAction('events.respond', eventRef, (data, sender) => desk.invitation(sender, data.eventId)),
    },
    jobs: desk.handlers(),
    downloads: [
      {
        path: '/events/:file',
        access: 'events.ics',
        serve: async ({ params }) => {
          const id = icsFileId(params.file);
          const file = id ? await deps.eventIcs(id) : undefined;
          return file ? { kind: 'file', ...file, contentType: ICS_CONTENT_TYPE } : notFound();
        },
      },
      {
        path: '/events/:eventId/attendees.csv',
        access: 'events.attendees',
        serve: async ({ params, query }) => {
          const file = await desk.attendeesCsv(params.eventId ?? '', query);
          return file ? { kind: 'file', ...file } : linkRefused('Open the event card in Teams again for a fresh link.');
        },
      },
    ],
  };
}
