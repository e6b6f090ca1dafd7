import { renderRolesCard } from '../../../src/features/members/teams/roles-card';
import type { MemberWithRole } from '../../../src/features/members/role-service';
import { MAX_ROLES_QUERY, ROLES_PAGE_SIZE, rolesCardData } from '../../../src/features/members/teams/roles-card-data';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';

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
const ROLE_CYCLE = ['guest', 'guest', 'panel', 'guest', 'panel'] as const;
/** 3,519 people, as in a county council's tenant: long names, guests, panel members, councillors, a few officers and admins. */
const people: MemberWithRole[] = Array.from({ length: 3_519 }, (_, i) => ({
  aadObjectId: `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`,
  name: `Cllr ${['Alexandra', 'Bartholomew', 'Christopher', 'Dorothea'][i % 4]} ${SURNAMES[i % SURNAMES.length]}-${i}`,
  role: i % 997 === 0 ? 'admin' : i % 50 === 0 ? 'officer' : ROLE_CYCLE[i % ROLE_CYCLE.length]!,
  councillor: i % 3 === 0,
  active: i % 13 !== 0,
  fixed: i % 997 === 0,
}));
const officer = { aadObjectId: 'officer-viewer', role: 'officer' as const };
const admin = { aadObjectId: 'admin-viewer', role: 'admin' as const };

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
/** The role choices offered to each person shown, by input id. */
function choicesById(card: unknown): Map<string, string[]> {
  const found = new Map<string, string[]>();
  JSON.stringify(card, (_key, value: unknown) => {
    const input = value as { type?: unknown; id?: unknown; choices?: { value: string }[] } | null;
    if (input?.type === 'Input.ChoiceSet' && typeof input.id === 'string')
      found.set(
        input.id,
        (input.choices ?? []).map((choice) => choice.value),
      );
    return value;
  });
  return found;
}

describe('the roles card for a large directory', () => {
  it(`shows ${ROLES_PAGE_SIZE} people a page and stays under Teams' ~28 KB with 3,519 people, even with the longest search`, () => {
    const card = renderRolesCard(rolesCardData(people, admin));
    expect(names(card)).toHaveLength(ROLES_PAGE_SIZE);
    expect(cardBytes(card)).toBeLessThan(28_000);
    expect(JSON.stringify(card)).toContain(`1-${ROLES_PAGE_SIZE} of 3,519`);
    expect(actionData(card, 'roles.page', 'Next')).toEqual({ page: 1, query: '' });
    expect(actionData(card, 'roles.page', 'Previous')).toBeUndefined();
    expect(adaptiveCardProblems(card)).toEqual([]);
    const longest = renderRolesCard(rolesCardData(people, admin, { query: 'Cllr '.repeat(MAX_ROLES_QUERY) }));
    expect(cardBytes(longest)).toBeLessThan(28_000);
  });

  it('pages with Next and Previous, in name order, every page under the limit', () => {
    const sorted = [...people].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    const second = renderRolesCard(rolesCardData(people, admin, { page: 1 }));
    expect(names(second)).toEqual(sorted.slice(ROLES_PAGE_SIZE, 2 * ROLES_PAGE_SIZE).map((p) => p.name));
    expect(JSON.stringify(second)).toContain('"title":"Previous"');
    const lastPage = Math.ceil(people.length / ROLES_PAGE_SIZE) - 1;
    const last = renderRolesCard(rolesCardData(people, admin, { page: lastPage }));
    expect(names(last)).toEqual(sorted.slice(lastPage * ROLES_PAGE_SIZE).map((p) => p.name));
    expect(JSON.stringify(last)).not.toContain('"title":"Next"');
    for (const page of [0, 1, 87, lastPage])
      expect(cardBytes(renderRolesCard(rolesCardData(people, admin, { page })))).toBeLessThan(28_000);
    expect(names(renderRolesCard(rolesCardData(people, admin, { page: 9_999 })))).toEqual(
      sorted.slice(lastPage * ROLES_PAGE_SIZE).map((p) => p.name),
    ); // past the end: the last page
  });

  it('searches by name, ignoring case and accents, and pages the matches', () => {
    const smiths = renderRolesCard(rolesCardData(people, officer, { query: 'smith' }));
    expect(names(smiths).every((name) => name!.includes('Smith'))).toBe(true);
    expect(JSON.stringify(smiths)).toContain('matching “smith”');
    expect(actionData(smiths, 'roles.page', 'Next')).toEqual({ page: 1, query: 'smith' });
    expect(names(renderRolesCard(rolesCardData(people, officer, { query: 'suilleabhain' }))).length).toBeGreaterThan(0);
    expect(JSON.stringify(renderRolesCard(rolesCardData(people, officer, { query: 'Nobody Called This' })))).toContain('No one matches');
  });

  it('keeps the page and search on every Save, so the viewer stays where they were', () => {
    const card = renderRolesCard(rolesCardData(people, admin, { page: 3, query: 'cllr' }));
    expect(actionData(card, 'role.set')).toMatchObject({ page: 3, query: 'cllr', aadObjectId: expect.any(String) });
  });

  it('offers officers guest and panel member for guests and panel members only; administrators every role; nobody themselves or a configured admin', () => {
    const few: MemberWithRole[] = [
      { aadObjectId: 'g', name: 'Cllr Guest', role: 'guest', councillor: true, active: true, fixed: false },
      { aadObjectId: 'p', name: 'Cllr Panel', role: 'panel', councillor: false, active: true, fixed: false },
      { aadObjectId: 'o', name: 'Cllr Officer', role: 'officer', councillor: false, active: true, fixed: false },
      { aadObjectId: 'x', name: 'Cllr Configured', role: 'admin', councillor: false, active: true, fixed: true },
      { aadObjectId: 'officer-viewer', name: 'Cllr Me', role: 'officer', councillor: false, active: true, fixed: false },
    ];
    expect(choicesById(renderRolesCard(rolesCardData(few, officer)))).toEqual(
      new Map([
        ['role-g', ['guest', 'panel']],
        ['role-p', ['guest', 'panel']],
      ]),
    );
    const forAdmin = choicesById(renderRolesCard(rolesCardData(few, admin)));
    expect([...forAdmin.keys()].sort()).toEqual(['role-g', 'role-o', 'role-officer-viewer', 'role-p']);
    expect(forAdmin.get('role-o')).toEqual(['guest', 'panel', 'officer', 'admin']);
    const json = JSON.stringify(renderRolesCard(rolesCardData(few, officer)));
    expect(json).toContain('Councillor (not on the panel)');
    expect(json).toContain('Administrator (set in configuration)');
    expect(json).toContain('"id":"councillor-g","title":"Councillor","value":"true"');
  });
});
