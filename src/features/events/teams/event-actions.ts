import { z } from 'zod';
import { eventIdSchema } from '../domain/event';
import { calendarLinkCard } from './event-cards';
import { BotServices } from '../../../platform/teams/bot-services';
import { CardAction, cardAction } from '../../../platform/teams/card-action';
import { TurnSender } from '../../members/domain/actor';
import { AdaptiveCardJson } from '../../../shared/cards/card-template';

const eventRef = z.object({ eventId: eventIdSchema });
const versionedEventRef = eventRef.extend({ sequence: z.coerce.number().int().min(0) });
// Form inputs arrive with the data; OfficerEvents validates the fields themselves.
const eventForm = z.looseObject({});
const eventUpdate = z.looseObject({ eventId: eventIdSchema, sequence: z.coerce.number().int().min(0).optional() });
const rsvp = eventRef.extend({ response: z.enum(['going', 'maybe', 'not_going']) });
const calendarLink = z.object({ scope: z.enum(['member', 'officers']), rotate: z.boolean().optional() });

/** Issues (or replaces) a Members' Calendar address: shown once, only its hash is stored. */
export async function calendarLinkFor(sender: TurnSender, scope: 'member' | 'officers', services: BotServices): Promise<AdaptiveCardJson> {
  const token = await services.events.tokens.issue(await sender.actor(), scope);
  return calendarLinkCard({ scope, url: `${services.publicBaseUrl}/calendar/${token}.ics` });
}

/** Action.Execute verbs of event cards. */
export const EVENT_ACTIONS: Record<string, CardAction> = {
  'event.create': cardAction(eventForm, async (data, sender, services) => services.events.desk.create(await sender.actor(), data)),
  'event.update': cardAction(eventUpdate, async (data, sender, services) => services.events.desk.update(await sender.actor(), data.eventId, data, data.sequence)),
  'event.edit': cardAction(eventRef, async (data, sender, services) => services.events.desk.editForm(await sender.actor(), data.eventId)),
  'event.cancel': cardAction(versionedEventRef, async (data, sender, services) => services.events.desk.cancel(await sender.actor(), data.eventId, data.sequence)),
  'event.status': cardAction(eventRef, async (data, sender, services) => services.events.desk.status(await sender.actor(), data.eventId)),
  'event.attendees': cardAction(eventRef, async (data, sender, services) => services.events.desk.attendees(await sender.actor(), data.eventId)),
  'event.rsvp': cardAction(rsvp, (data, sender, services) => services.events.desk.rsvp(sender, data.eventId, data.response)),
  'event.invitation': cardAction(eventRef, (data, sender, services) => services.events.desk.invitation(sender, data.eventId)),
  'calendar.link': cardAction(calendarLink, (data, sender, services) => calendarLinkFor(sender, data.scope, services)),
  'bulletin.optOut': cardAction(z.object({}).loose(), async (_data, sender, services) => {
    await services.events.bulletinOptOuts.optOut(sender.aadObjectId);
    return services.events.bulletin.card();
  }),
};
