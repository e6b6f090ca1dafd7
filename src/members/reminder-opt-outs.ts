import { AdaptiveCardJson } from '../cards/card-template';
import { renderNoticeCard } from '../cards/notice-card';
import { literalText } from '../cards/literal-text';
import { Member } from './member';

/** For officers: which active members have said "stop reminders". */
export function reminderOptOutsCard(activeMembers: Member[]): AdaptiveCardJson {
  const off = activeMembers.filter((member) => member.remindersOff);
  const text =
    off.length === 0
      ? `All ${activeMembers.length} active members receive meeting reminders.`
      : `${off.length} of ${activeMembers.length} active members have stopped meeting reminders:\n\n${off.map((m) => `- ${literalText(m.name)}`).join('\n')}`;
  return renderNoticeCard({ title: 'Meeting reminder opt-outs', text, style: 'default' });
}
