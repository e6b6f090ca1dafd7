import { z } from 'zod';
import { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { TurnSender } from '../../members/domain/actor';
import { meetingCard, meetingFormCard } from './meeting-cards';
import { meetingIdSchema } from '../domain/meeting';
import { MeetingFormError } from '../officer-meetings';
import { BotServices } from '../../../platform/teams/bot-services';
import { CardAction, cardAction } from '../../../platform/teams/card-action';
import { meetingCardOptions, showMeeting } from './meeting-turn';

const meetingRef = z.object({ meetingId: meetingIdSchema });
const versionedMeetingRef = meetingRef.extend({ sequence: z.coerce.number().int().min(0) });
const apologyInput = meetingRef.extend({ reason: z.string().max(2000).optional(), substitute: z.string().max(1000).optional() });
// The form's inputs arrive with the data; OfficerMeetings validates the fields themselves.
const meetingForm = z.looseObject({ meetingId: z.union([meetingIdSchema, z.literal('')]).optional(), sequence: z.coerce.number().int().min(0).optional() });

async function saveMeeting(form: z.infer<typeof meetingForm>, sender: TurnSender, services: BotServices): Promise<AdaptiveCardJson> {
  const actor = await sender.actor();
  try {
    const meeting = form.meetingId
      ? await services.meetings.officers.edit(actor, form.meetingId, form, form.sequence)
      : await services.meetings.officers.add(actor, form);
    await services.meetings.changed(meeting);
    return meetingCard(meeting, { ...meetingCardOptions(services, actor), heading: form.meetingId ? 'Meeting updated' : 'Meeting added' });
  } catch (error) {
    if (error instanceof MeetingFormError) return meetingFormCard({ error });
    throw error;
  }
}

/** Action.Execute verbs of meeting and apology cards. */
export const MEETING_ACTIONS: Record<string, CardAction> = {
  'meeting.show': cardAction(meetingRef, (data, sender, services) => showMeeting(data.meetingId, sender, services)),
  'meeting.apologies': cardAction(meetingRef, (data, sender, services) => services.apologies.open(data.meetingId, sender)),
  'apology.send': cardAction(apologyInput, (data, sender, services) => services.apologies.send(data.meetingId, sender, data)),
  'apology.withdraw': cardAction(meetingRef, (data, sender, services) => services.apologies.withdraw(data.meetingId, sender)),
  'meeting.edit': cardAction(meetingRef, async (data, sender, services) => meetingFormCard({ meeting: await services.meetings.officers.forEditing(await sender.actor(), data.meetingId) })),
  'meeting.cancel': cardAction(versionedMeetingRef, async (data, sender, services) => {
    const actor = await sender.actor();
    const meeting = await services.meetings.officers.cancel(actor, data.meetingId, data.sequence);
    await services.meetings.changed(meeting);
    return meetingCard(meeting, { ...meetingCardOptions(services, actor), heading: 'Meeting cancelled' });
  }),
  'meeting.save': cardAction(meetingForm, saveMeeting),
};
