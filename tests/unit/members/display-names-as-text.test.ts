import { myRoleNotice } from '../../../src/features/members/teams/my-role-notice';
import { rolesCardData } from '../../../src/features/members/teams/roles-card-data';
import { renderRolesCard } from '../../../src/features/members/teams/roles-card';

const EVIL = '[Open the secure portal](https://evil.example)';
/** A Markdown link survives only if `[` is unescaped: `[text](url)` in the card text. */
const LIVE_LINK = /(^|[^\\])\[[^\]]*\]\(/;

function textBlocks(card: unknown): string[] {
  const texts: string[] = [];
  JSON.stringify(card, (key, value: unknown) => {
    if (key === 'text' && typeof value === 'string') texts.push(value);
    return value;
  });
  return texts;
}

describe('display names with Markdown in them show as plain text', () => {
  it('on the roles card, and in its confirmation', () => {
    const card = renderRolesCard(
      rolesCardData([{ aadObjectId: 'aad-1', name: EVIL, role: 'panel', councillor: false, active: true, fixed: false }], {
        aadObjectId: 'officer',
        role: 'officer',
      }),
    );
    const texts = textBlocks(card);
    expect(texts).toContain('\\[Open the secure portal](https://evil.example)');
    expect(texts.some((text) => LIVE_LINK.test(text))).toBe(false);
  });

  it('in "my role"', () => {
    const texts = textBlocks(myRoleNotice(EVIL, { role: 'panel' }));
    expect(texts.join('\n')).toContain('You are signed in as \\[Open the secure portal](https://evil.example), with the role of');
    expect(texts.some((text) => LIVE_LINK.test(text))).toBe(false);
  });
});
