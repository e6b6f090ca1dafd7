import type { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { type ApologyCardData, renderApologyCard } from './apology-card';
import { literalText } from '../../../shared/text/literal-text';
import { renderNoticeCard } from '../../../shared/cards/notice-card';
import { formatLondonDateTime } from '../../../platform/time/london';
import type { Apology, ApologyMeeting } from '../domain/apology';

function base(meeting: ApologyMeeting): Pick<ApologyCardData, 'meetingId' | 'meetingTitle' | 'when'> {
  return { meetingId: meeting.id, meetingTitle: literalText(meeting.title), when: formatLondonDateTime(meeting.start) };
}

/** Asking the member for an optional reason and substitute. */
export function apologyFormCard(meeting: ApologyMeeting, problem = ''): AdaptiveCardJson {
  return renderApologyCard({
    ...base(meeting),
    heading: 'Send apologies',
    state: 'form',
    message: problem,
    messageColor: problem ? 'Attention' : 'Default',
    reason: '',
    substitute: '',
    reasonShown: '',
    substituteShown: '',
    canWithdraw: false,
  });
}

/** The member's apology as stored, with Withdraw while the meeting is ahead. */
export function apologyRecordedCard(meeting: ApologyMeeting, apology: Apology, message: string, canWithdraw: boolean): AdaptiveCardJson {
  return renderApologyCard({
    ...base(meeting),
    heading: 'Apologies sent',
    state: 'recorded',
    message,
    messageColor: 'Good',
    reason: '',
    substitute: '',
    reasonShown: apology.reason ? literalText(apology.reason) : 'None given',
    substituteShown: apology.substitute ? literalText(apology.substitute) : 'None',
    canWithdraw,
  });
}

export function apologyWithdrawnCard(meeting: ApologyMeeting): AdaptiveCardJson {
  return renderApologyCard({
    ...base(meeting),
    heading: 'Apologies withdrawn',
    state: 'closed',
    message: 'Your apologies have been withdrawn; the officers will be told.',
    messageColor: 'Good',
    reason: '',
    substitute: '',
    reasonShown: '',
    substituteShown: '',
    canWithdraw: false,
  });
}

/** For officers: who has sent apologies for a meeting. */
export function apologyListCard(meeting: ApologyMeeting, apologies: Apology[]): AdaptiveCardJson {
  const lines = apologies.map((a) => {
    const details = [a.reason ? `reason: ${literalText(a.reason)}` : '', a.substitute ? `substitute: ${literalText(a.substitute)}` : '']
      .filter(Boolean)
      .join('; ');
    return `- ${literalText(a.name)}${details ? ` (${details})` : ''}`;
  });
  const text =
    apologies.length === 0
      ? 'No apologies have been received.'
      : `${apologies.length} ${apologies.length === 1 ? 'apology' : 'apologies'}:\n\n${lines.join('\n')}`;
  return renderNoticeCard({
    title: `Apologies for ${literalText(meeting.title)}, ${formatLondonDateTime(meeting.start)}`,
    text,
    style: 'default',
  });
}

/** What officers receive when a member sends or withdraws apologies. */
export function apologyNoticeForOfficers(meeting: ApologyMeeting, apology: Apology, withdrawn: boolean): AdaptiveCardJson {
  const who = literalText(apology.name);
  const text = withdrawn
    ? `${who} has withdrawn their apologies for ${literalText(meeting.title)}, ${formatLondonDateTime(meeting.start)}.`
    : `${who} has sent apologies for ${literalText(meeting.title)}, ${formatLondonDateTime(meeting.start)}.${apology.reason ? ` Reason: ${literalText(apology.reason)}.` : ''}${apology.substitute ? ` Substitute: ${literalText(apology.substitute)}.` : ''}`;
  return renderNoticeCard({ title: withdrawn ? 'Apologies withdrawn' : 'Apologies received', text, style: 'default' });
}
