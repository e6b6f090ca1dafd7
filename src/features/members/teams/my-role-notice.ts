import { type Actor, holdingLabel } from '../../../shared/access/actor';
import type { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { renderNoticeCard } from '../../../shared/cards/notice-card';
import { literalText } from '../../../shared/text/literal-text';

const GUEST_NOTE =
  ' As a guest you can ask me about the panel and its public meetings. If you are on the panel, or a councillor, ask Democratic Services to add you.';

/** "my role": who Teams says they are (the display name shown as typed, never as Markdown) and their role. */
export function myRoleNotice(displayName: string, actor: Pick<Actor, 'role' | 'councillor'>): AdaptiveCardJson {
  const holding = { role: actor.role, councillor: actor.councillor === true };
  return renderNoticeCard({
    title: 'Your role',
    text: `You are signed in as ${literalText(displayName)}, with the role of ${holdingLabel(holding)}.${holding.role === 'guest' && !holding.councillor ? GUEST_NOTE : ''}`,
    style: 'default',
  });
}
