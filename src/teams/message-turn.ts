import { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { renderHelpCard } from '../cards/help-card';
import { renderRolesCard } from '../cards/roles-card';
import { renderWelcomeCard } from '../cards/welcome-card';
import { readInboundText, MAX_QUESTION_LENGTH } from '../conversation/inbound-text';
import { parseMessageCommand } from '../conversation/message-command';
import { DomainError } from '../errors/domain-error';
import { helpCardData, roleLabel, welcomeCardData } from '../help/help-content';
import { Actor, TurnSender, hasRole } from '../members/actor';
import { rolesCardData } from '../members/roles-card-data';
import { reminderOptOutsCard } from '../members/reminder-opt-outs';
import { feedbackReportCard } from '../remit/feedback-report';
import { answerCard, unknownCard } from '../remit/remit-cards';
import { BotServices } from './bot-services';
import { calendarLinkFor } from './event-actions';
import { matchEventsByTitle } from '../events/event-search';
import { addMeetingForm, answerMeetingQuestion, nextMeetingId } from './meeting-turn';
import { isMeetingQuestion } from '../meetings/meeting-query';
import { noticeCard, sendCard } from './replies';

const askButtonData = z.object({ action: z.literal('ask'), question: z.string() });

/** A typed message: a command, or a question for the knowledge base. */
export async function handleMessage(context: TurnContext, sender: TurnSender, services: BotServices): Promise<void> {
  const inbound = readInboundText(context.activity.text ?? askedFromCard(context.activity.value));
  switch (inbound.kind) {
    case 'empty':
      return sendCard(context, noticeCard('I can only read text', 'Type a question about the Corporate Parenting Panel, or **help** to see what I can do.'));
    case 'too_long':
      return sendCard(context, noticeCard('That message is too long', `Please ask a shorter question (up to ${MAX_QUESTION_LENGTH} characters).`, 'attention'));
    case 'unreadable':
      return sendCard(context, noticeCard("I couldn't read that", 'That message looks like it contains unreadable characters. Please type your question as plain text.', 'attention'));
    case 'text':
      return handleText(context, inbound.text, sender, services);
  }
}

async function handleText(context: TurnContext, text: string, sender: TurnSender, services: BotServices): Promise<void> {
  const command = parseMessageCommand(text);
  switch (command.kind) {
    case 'help':
      return sendCard(context, renderHelpCard(helpCardData((await sender.actor()).role)));
    case 'greeting':
      return sendCard(context, renderWelcomeCard(welcomeCardData(services.publicBaseUrl)));
    case 'my_role':
      return sendCard(context, noticeCard('Your role', `You are signed in as ${sender.name}, with the role of ${roleLabel((await sender.actor()).role)}.`));
    case 'roles':
      requireRole(await sender.actor(), 'admin', 'Only an administrator can manage roles.');
      return sendCard(context, renderRolesCard(rolesCardData(await services.roles.membersWithRoles())));
    case 'feedback_report':
      requireRole(await sender.actor(), 'officer', 'Only officers can see answer feedback.');
      return sendCard(context, feedbackReportCard(services.knowledge, await services.feedback.totals()));
    case 'reminders':
      return sendCard(context, await setReminders(sender, command.on, services));
    case 'reminder_opt_outs':
      requireRole(await sender.actor(), 'officer', 'Only officers can see who has stopped reminders.');
      return sendCard(context, reminderOptOutsCard(await services.members.list({ activeOnly: true })));
    case 'add_meeting':
      return sendCard(context, await addMeetingForm(sender));
    case 'send_apologies':
      return sendCard(context, await services.apologies.open(await nextMeetingId(services), sender));
    case 'list_apologies':
      requireRole(await sender.actor(), 'officer', 'Only officers can see the apologies received.');
      return sendCard(context, await services.apologies.listFor(await nextMeetingId(services)));
    case 'new_event':
      return sendCard(context, await services.events.desk.newEventForm(await sender.actor()));
    case 'events':
      return sendCard(context, await services.events.bulletin.card());
    case 'calendar_link':
      return sendCard(context, await calendarLinkFor(sender, 'member', services));
    case 'officers_calendar_link':
      requireRole(await sender.actor(), 'officer', 'Only officers can have the officers\' calendar.');
      return sendCard(context, await calendarLinkFor(sender, 'officers', services));
    case 'bulletin':
      return sendCard(context, await setBulletin(sender, command.on, services));
    case 'attendees':
      return sendCard(context, await attendeesFor(command.eventTitle, sender, services));
    case 'new_challenge':
      return sendCard(context, await services.challenges.newForm(await sender.actor()));
    case 'my_challenges':
      return sendCard(context, await services.challenges.listMine(await sender.actor()));
    case 'list_challenges':
      return sendCard(context, await services.challenges.list(await sender.actor(), { text: command.filter }));
    case 'challenge_report':
      return sendCard(context, await services.challenges.report(await sender.actor(), command.text));
    case 'show_challenge':
      return sendCard(context, await services.challenges.show(await sender.actor(), command.reference));
    case 'question':
      if (isMeetingQuestion(command.text)) return sendCard(context, await answerMeetingQuestion(command.text, sender, services));
      return answerQuestion(context, command.text, services);
  }
}

async function setBulletin(sender: TurnSender, on: boolean, services: BotServices) {
  if (on) await services.events.bulletinOptOuts.optIn(sender.aadObjectId);
  else await services.events.bulletinOptOuts.optOut(sender.aadObjectId);
  return on
    ? noticeCard('Bulletin on', "You'll get the Member Bulletin each week.", 'good')
    : noticeCard('Bulletin off', "You won't get the weekly Member Bulletin. Say **start bulletin** to get it again.", 'good');
}

async function attendeesFor(title: string, sender: TurnSender, services: BotServices) {
  const actor = await sender.actor();
  requireRole(actor, 'officer', 'Only officers can see who is attending.');
  const matches = matchEventsByTitle(await services.events.desk.upcoming(50), title, services.clock.now().toUTC().toISO()!);
  if (matches.length === 0) throw new DomainError('not_found', 'I could not find an upcoming event with that name. Ask **events** to see them.');
  return services.events.desk.attendees(actor, matches[0]!.id);
}

async function setReminders(sender: TurnSender, on: boolean, services: BotServices) {
  await services.members.setRemindersOff(sender.aadObjectId, !on);
  return on
    ? noticeCard('Reminders on', "I'll remind you before each panel meeting again.", 'good')
    : noticeCard('Reminders off', "I won't send you meeting reminders any more. Say **start reminders** to turn them back on.", 'good');
}

async function answerQuestion(context: TurnContext, question: string, services: BotServices): Promise<void> {
  const result = services.remit.answer(question);
  if (result.kind === 'unknown') {
    services.logger.info({ event: 'remit.unknown', reason: result.reason, length: question.length }, 'question declined');
    return sendCard(context, unknownCard(services.knowledge, result.reason));
  }
  services.logger.info({ event: 'remit.answer', entryId: result.entry.id, confidence: Number(result.confidence.toFixed(3)) }, 'question answered');
  return sendCard(context, answerCard(services.knowledge, result.entry, question, 'none'));
}

/** A question button (Action.Submit with data {action: 'ask', question}) arrives as a message with a value and no text. */
function askedFromCard(value: unknown): string | undefined {
  const parsed = askButtonData.safeParse(value);
  return parsed.success ? parsed.data.question : undefined;
}

function requireRole(actor: Actor, role: 'officer' | 'admin', message: string): void {
  if (!hasRole(actor.role, role)) throw new DomainError('forbidden', message);
}
