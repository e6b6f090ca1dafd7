import type { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { literalText } from '../../../shared/text/literal-text';
import { type CardButton, emptyPanelReport, renderPanelReportCard } from '../../../shared/cards/panel-report-card';
import type { ParticipationEvent } from '../../events';
import type { Member } from '../../members';
import { formatLondonDate, formatLondonDateTime } from '../../../platform/time/london';
import type { TrainingRecord } from '../domain/training-record';

const MAX_NAMES = 60;

export interface TrainingContext {
  /** 'Thursday 1 May 2025'. */
  electionText: string;
  nextSessions: readonly ParticipationEvent[];
}

/** "training due": the councillors with no corporate parenting training since the election, for officers. */
export function trainingDueCard(due: readonly Member[], councillors: number, context: TrainingContext): AdaptiveCardJson {
  const shown = due.slice(0, MAX_NAMES).map((member) => literalText(member.name));
  return renderPanelReportCard({
    ...emptyPanelReport('Corporate parenting training due'),
    subtitle: `Councillors with no training since the county council election on ${context.electionText}.`,
    facts: [
      { title: 'Training due', value: `${due.length} of ${councillors}` },
      { title: 'Trained since the election', value: String(councillors - due.length) },
    ],
    sections: [
      {
        title: due.length === 0 ? 'Everyone has been trained since the election.' : 'Not yet trained',
        lines: due.length === 0 ? [] : [shown.join(', ') + (due.length > shown.length ? ` and ${due.length - shown.length} more` : '')],
      },
      sessionsSection(context.nextSessions),
    ],
    footnote:
      'Training counts when an officer records attendance at a Training event (or the councillor checks in on the day). Each councillor who is due gets one reminder a month while sessions are planned.',
  });
}

/** "my training": the member's own record. */
export function myTrainingCard(record: TrainingRecord, context: TrainingContext, remindersOff: boolean): AdaptiveCardJson {
  const line = (session: TrainingRecord['sinceElection'][number]) => `${formatLondonDate(session.startUtc)}: ${literalText(session.title)}`;
  const status = record.due
    ? `You have not attended corporate parenting training since the election on ${context.electionText}. Please book one of the next sessions.`
    : `You are up to date: you have attended training since the election on ${context.electionText}. Thank you.`;
  return renderPanelReportCard({
    ...emptyPanelReport('My corporate parenting training'),
    message: status,
    messageColor: record.due ? 'Warning' : 'Good',
    sections: [
      { title: 'Since the election', lines: record.sinceElection.length === 0 ? ['None recorded yet.'] : record.sinceElection.map(line) },
      ...(record.beforeElection.length > 0 ? [{ title: 'Before the election', lines: record.beforeElection.map(line) }] : []),
      sessionsSection(context.nextSessions),
    ],
    choices: sessionButtons(context.nextSessions),
    footnote: remindersOff
      ? 'Training reminders are off. Say "start training reminders" to get them again.'
      : 'Say "stop training reminders" if you do not want reminders.',
  });
}

/** The friendly monthly reminder with the next dates. */
export function trainingReminderCard(context: TrainingContext): AdaptiveCardJson {
  const buttons: CardButton[] = [{ title: 'Stop training reminders', verb: 'training.optOut', data: {} }];
  return renderPanelReportCard({
    ...emptyPanelReport('Corporate parenting training'),
    heading: 'A friendly reminder',
    message: `As a councillor you are a corporate parent to every child in the council's care. Our records show no corporate parenting training for you since the county council election on ${context.electionText}, so here are the next sessions.`,
    messageColor: 'Default',
    sections: [sessionsSection(context.nextSessions)],
    choices: sessionButtons(context.nextSessions),
    footnote:
      'If you have been to a session and it is not recorded, please tell the participation officer. You will get at most one of these a month.',
    buttons,
  });
}

function sessionsSection(sessions: readonly ParticipationEvent[]): { title: string; lines: string[] } {
  return {
    title: 'Next training sessions',
    lines:
      sessions.length === 0
        ? ['No sessions are planned yet; officers will invite you when they are.']
        : sessions.map((event) => `${formatLondonDateTime(event.startUtc)}: ${literalText(event.title)}, ${literalText(event.venue)}`),
  };
}

function sessionButtons(sessions: readonly ParticipationEvent[]): CardButton[] {
  return sessions.map((event) => ({ title: `See ${event.title.slice(0, 40)}`, verb: 'event.invitation', data: { eventId: event.id } }));
}
