import { AdaptiveCardJson } from '../cards/card-template';
import { literalText } from '../cards/literal-text';
import { renderNoticeCard } from '../cards/notice-card';
import { roleLabel } from '../help/help-content';
import { Role } from './actor';

/** "my role": who Teams says they are (the display name shown as typed, never as Markdown) and their role. */
export function myRoleNotice(displayName: string, role: Role): AdaptiveCardJson {
  return renderNoticeCard({ title: 'Your role', text: `You are signed in as ${literalText(displayName)}, with the role of ${roleLabel(role)}.`, style: 'default' });
}
