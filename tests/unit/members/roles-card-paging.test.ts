import { renderRolesCard } from '../../../src/features/members/teams/roles-card';
import type { MemberWithRole } from '../../../src/features/members/role-service';
import { ROLES_PAGE_SIZE, rolesCardData } from '../../../src/features/members/teams/roles-card-data';

const SURNAMES = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Patel',
  'Wright',
  'Ó Súilleabháin',
  'Nowak',
];
/** 3,519 people, as in a county council's directory: long names, a few officers and admins. */
const people: MemberWithRole[] = Array.from({ length: 3_519 }, (_, i) => ({
  aadObjectId: `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`,
  name: `Cllr ${['Alexandra', 'Bartholomew', 'Christopher', 'Dorothea'][i % 4]} ${SURNAMES[i % SURNAMES.length]}-${i}`,
  role: i % 50 === 0 ? 'officer' : i % 997 === 0 ? 'admin' : 'member',
  active: i % 13 !== 0,
  fixed: i % 997 === 0,
}));

const cardBytes = (card: unknown) =>
  Buffer.byteLength(JSON.stringify({ contentType: 'application/vnd.microsoft.card.adaptive', content: card }), 'utf8');
const names = (card: unknown) => [...JSON.stringify(card).matchAll(/"text":"(Cllr [^"]+)"/g)].map((m) => m[1]);
function actionData(card: unknown, verb: string, title?: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  JSON.stringify(card, (_key, value: unknown) => {
    const action = value as { verb?: unknown; title?: unknown; data?: Record<string, unknown> } | null;
    if (action && typeof action === 'object' && action.verb === verb && (!title || action.title === title) && !found) found = action.data;
    return value;
  });
  return found;
}

describe('the roles card for a large directory', () => {
  it(`shows ${ROLES_PAGE_SIZE} people a page and stays far under Teams' ~28 KB with 3,519 people`, () => {
    const card = renderRolesCard(rolesCardData(people));
    expect(names(card)).toHaveLength(ROLES_PAGE_SIZE);
    expect(cardBytes(card)).toBeLessThan(28_000);
    expect(JSON.stringify(card)).toContain('1-20 of 3,519');
    expect(actionData(card, 'roles.page', 'Next')).toEqual({ page: 1, query: '' });
    expect(actionData(card, 'roles.page', 'Previous')).toBeUndefined();
  });

  it('pages with Next and Previous, in name order, every page under the limit', () => {
    const sorted = [...people].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    const second = renderRolesCard(rolesCardData(people, { page: 1 }));
    expect(names(second)).toEqual(sorted.slice(20, 40).map((p) => p.name));
    expect(JSON.stringify(second)).toContain('"title":"Previous"');
    const last = renderRolesCard(rolesCardData(people, { page: 175 }));
    expect(names(last)).toEqual(sorted.slice(3_500).map((p) => p.name));
    expect(JSON.stringify(last)).not.toContain('"title":"Next"');
    for (const page of [0, 1, 87, 175]) expect(cardBytes(renderRolesCard(rolesCardData(people, { page })))).toBeLessThan(28_000);
    expect(names(renderRolesCard(rolesCardData(people, { page: 9_999 })))).toEqual(sorted.slice(3_500).map((p) => p.name)); // past the end: the last page
  });

  it('searches by name, ignoring case and accents, and pages the matches', () => {
    const smiths = renderRolesCard(rolesCardData(people, { query: 'smith' }));
    expect(names(smiths).every((name) => name!.includes('Smith'))).toBe(true);
    expect(JSON.stringify(smiths)).toContain('matching “smith”');
    expect(actionData(smiths, 'roles.page', 'Next')).toEqual({ page: 1, query: 'smith' });
    expect(names(renderRolesCard(rolesCardData(people, { query: 'suilleabhain' }))).length).toBeGreaterThan(0);
    expect(JSON.stringify(renderRolesCard(rolesCardData(people, { query: 'Nobody Called This' })))).toContain('No one matches');
  });

  it('keeps the page and search on the grant and revoke buttons, so the admin stays where they were', () => {
    const card = renderRolesCard(rolesCardData(people, { page: 3, query: 'cllr' }));
    expect(actionData(card, 'role.grantOfficer')).toMatchObject({ page: 3, query: 'cllr' });
  });
});
