import type { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { renderNoticeCard } from '../../../shared/cards/notice-card';
import { literalText } from '../../../shared/text/literal-text';
import type { Member } from '../domain/member';

/** For officers: which active members have said "stop reminders". */
export function reminderOptOutsCard(activeMembers: Member[]): AdaptiveCardJson {
  const off = activeMembers.filter((member) => member.remindersOff);
  const text =
    off.length === 0
      ? `All ${activeMembers.length} active members receive meeting reminders.`
      : `${off.length} of ${activeMembers.length} active members have stopped meeting reminders:\n\n${off.map((m) => `- ${literalText(m.name)}`).join('\n')}`;
  return renderNoticeCard({ title: 'Meeting reminder opt-outs', text, style: 'default' });
}
