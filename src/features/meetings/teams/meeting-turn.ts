import { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { DomainError } from '../../../shared/errors/domain-error';
import { Actor, TurnSender, hasRole } from '../../members/domain/actor';
import { meetingAnswerCard, meetingCard, meetingFormCard } from './meeting-cards';
import { MeetingQuestion } from '../meeting-query';
import { BotServices } from '../../../platform/teams/bot-services';

/** The links and flags every meeting card needs for this viewer. */
export function meetingCardOptions(services: BotServices, viewer: Actor) {
  return {
    nowUtc: services.clock.now().toUTC().toISO()!,
    viewerIsOfficer: hasRole(viewer.role, 'officer'),
    calendarUrlFor: (meetingId: string) => `${services.publicBaseUrl}/calendar/meetings/${encodeURIComponent(meetingId)}.ics`,
  };
}

export async function answerMeetingQuestion(text: string, sender: TurnSender, services: BotServices): Promise<AdaptiveCardJson> {
  const answer = await services.meetings.queries.ask(text);
  return meetingAnswerCard(answer, meetingCardOptions(services, await sender.actor()));
}

const NEXT: MeetingQuestion = { kind: 'next', focus: 'when' };

/** The next meeting that is going ahead, for "send apologies for the next meeting". */
export async function nextMeetingId(services: BotServices): Promise<string> {
  const answer = await services.meetings.queries.answer(NEXT);
  if (answer.kind !== 'meeting') throw new DomainError('not_found', 'There is no upcoming panel meeting to send apologies for.');
  return answer.meeting.id;
}

export async function showMeeting(meetingId: string, sender: TurnSender, services: BotServices, heading?: string): Promise<AdaptiveCardJson> {
  const stored = await services.meetings.repository.get(meetingId);
  if (!stored) throw new DomainError('not_found', 'I could not find that meeting.');
  return meetingCard(stored.meeting, { ...meetingCardOptions(services, await sender.actor()), ...(heading ? { heading } : {}) });
}

export async function addMeetingForm(sender: TurnSender): Promise<AdaptiveCardJson> {
  if (!hasRole((await sender.actor()).role, 'officer')) throw new DomainError('forbidden', 'Only officers can add meetings.');
  return meetingFormCard();
}
