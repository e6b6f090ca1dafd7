import { type Role, roleLabel } from '../../../shared/access/actor';
import type { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { renderNoticeCard } from '../../../shared/cards/notice-card';
import { literalText } from '../../../shared/text/literal-text';

/** "my role": who Teams says they are (the display name shown as typed, never as Markdown) and their role. */
export function myRoleNotice(displayName: string, role: Role): AdaptiveCardJson {
  return renderNoticeCard({
    title: 'Your role',
    text: `You are signed in as ${literalText(displayName)}, with the role of ${roleLabel(role)}.`,
    style: 'default',
  });
}
