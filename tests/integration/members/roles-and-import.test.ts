import type { RunningApp } from '../../../src/app/app';
import { AuditLog } from '../../../src/features/audit/data/audit-log';
import { MemberDirectory } from '../../../src/features/members/data/member-directory';
import { RoleDirectory, parseRoleRow } from '../../../src/features/members/data/role-directory';
import { RoleService } from '../../../src/features/members/role-service';
import { ManualClock } from '../../../src/platform/time/clock';
import { BotClient, teamsPerson } from '../../support/bot-client';
import { EmulatedConnector, type RosterMember } from '../../support/emulated-connector';
import { seedRoles } from '../../support/seed-roles';
import { FIXTURE_TENANT_ID, teamsTeamId } from '../../support/teams-ids';
import { startTestApp } from '../../support/test-app';
import { testTableStore } from '../../support/test-storage';

async function rolesRig() {
  const store = await testTableStore();
  const clock = new ManualClock('2026-11-23T09:00:00Z');
  const table = store.client('roles');
  const members = new MemberDirectory(store.client('members'), clock);
  const audit = new AuditLog(store.client('audit'), clock);
  const directory = new RoleDirectory(table, clock);
  const roles = new RoleService(directory, members, ['admin-1'], audit);
  return { table, clock, members, audit, directory, roles };
}

const admin = { aadObjectId: 'admin-1', name: 'Olivia Officer', tenantId: 't', role: 'admin' as const };

describe('stored roles against Azurite', () => {
  it('reads what earlier versions wrote: an officer as an officer (with who granted it), a "member" as a guest, rubbish as a guest', async () => {
    const { table, directory, roles } = await rolesRig();
    await table.createEntity({
      partitionKey: 'role',
      rowKey: 'legacy-officer',
      role: 'officer',
      grantedBy: 'admin-1',
      grantedAtUtc: '2026-03-01T10:00:00.000Z',
    });
    await table.createEntity({ partitionKey: 'role', rowKey: 'legacy-member', role: 'member', grantedBy: 'x', grantedAtUtc: '' });
    await table.createEntity({ partitionKey: 'role', rowKey: 'damaged', role: 'superuser', councillor: 'yes' });
    expect(await directory.get('legacy-officer')).toEqual({
      role: 'officer',
      councillor: false,
      changedBy: 'admin-1',
      changedAtUtc: '2026-03-01T10:00:00.000Z',
    });
    expect(await roles.holdingOf('legacy-officer')).toEqual({ role: 'officer', councillor: false });
    expect(await roles.holdingOf('legacy-member')).toEqual({ role: 'guest', councillor: false });
    expect(await roles.holdingOf('damaged')).toEqual({ role: 'guest', councillor: false });
    expect(await roles.holdingOf('never-seen')).toEqual({ role: 'guest', councillor: false });
    expect([...(await directory.all()).keys()].sort()).toEqual(['legacy-member', 'legacy-officer']);
    expect(parseRoleRow({ role: 'admin' })).toBeUndefined(); // an admin was never stored by earlier versions
  });

  it('rewrites a legacy row in the current form on its next change, keeps a revocation as a row, and audits who did it', async () => {
    const { table, members, roles, audit, clock } = await rolesRig();
    await members.recordSighting({ aadObjectId: 'legacy-officer', name: 'Sam Patel', tenantId: 't', teamsUserId: '29:sam' });
    await table.createEntity({
      partitionKey: 'role',
      rowKey: 'legacy-officer',
      role: 'officer',
      grantedBy: 'admin-0',
      grantedAtUtc: '2026-03-01T10:00:00.000Z',
    });
    clock.advance({ days: 1 });
    await roles.assign(admin, 'legacy-officer', { role: 'guest' });
    const row = await table.getEntity('role', 'legacy-officer');
    expect(row).toMatchObject({
      schema: 2,
      role: 'guest',
      councillor: false,
      previousRole: 'officer',
      changedBy: 'admin-1',
      changedAtUtc: '2026-11-24T09:00:00.000Z',
      source: 'roles card',
    });
    const { entries } = await audit.latest();
    expect(entries.map((entry) => [entry.action, entry.actor.aadObjectId, entry.subject.id, entry.detail])).toEqual([
      ['role.revoked', 'admin-1', 'legacy-officer', 'guest (was officer; held since 2026-03-01, set by admin-0)'],
    ]);
  });

  it('applies two changes made at once to one person, each on what the other wrote (ETags), and audits each once', async () => {
    const { members, roles, audit } = await rolesRig();
    await members.recordSighting({ aadObjectId: 'cllr-1', name: 'Cllr Ada', tenantId: 't', teamsUserId: '29:ada' });
    const officer = { ...admin, aadObjectId: 'officer-2', role: 'officer' as const };
    await Promise.all([roles.assign(admin, 'cllr-1', { role: 'panel' }), roles.assign(officer, 'cllr-1', { councillor: true })]);
    expect(await roles.holdingOf('cllr-1')).toEqual({ role: 'panel', councillor: true });
    await Promise.all([roles.assign(admin, 'cllr-1', { role: 'panel' }), roles.assign(admin, 'cllr-1', { role: 'panel' })]);
    const { entries } = await audit.latest();
    const details = entries.map((entry) => entry.detail).sort();
    expect(details).toHaveLength(2);
    expect(details[0]).toBe('councillor flag set');
    // Whichever change landed first is the other's "before": the officer's flag row, or no row at all.
    expect(details[1]).toMatch(/^panel member \(was guest(; held since \d{4}-\d{2}-\d{2}, set by officer-2)?\)$/);
  });

  it('tells listeners of every real change, with what the person held before and after', async () => {
    const { members, roles } = await rolesRig();
    await members.recordSighting({ aadObjectId: 'cllr-2', name: 'Cllr Bo', tenantId: 't', teamsUserId: '29:bo' });
    const heard: unknown[] = [];
    roles.onChange(async (change) => void heard.push(change));
    await roles.assign(admin, 'cllr-2', { role: 'officer', councillor: true });
    await roles.assign(admin, 'cllr-2', { role: 'officer', councillor: true });
    await roles.assign(admin, 'cllr-2', { councillor: false });
    expect(heard).toEqual([
      { aadObjectId: 'cllr-2', before: { role: 'guest', councillor: false }, after: { role: 'officer', councillor: true } },
      { aadObjectId: 'cllr-2', before: { role: 'officer', councillor: true }, after: { role: 'officer', councillor: false } },
    ]);
  });
});

describe('"import panel members from <Team>" through the bot, with Teams emulated', () => {
  const officer = teamsPerson('import-officer', 'Sam Patel');
  const guest = teamsPerson('import-guest', 'Alex Guest');
  const formerPanel = teamsPerson('import-former', 'Cllr Former Member');
  const panelTeam = { id: teamsTeamId('corporate-parenting-panel'), name: 'Corporate Parenting Panel' };
  const membersTeam = { id: teamsTeamId('all-elected-members'), name: 'All Elected Members' };
  const goneTeam = { id: teamsTeamId('archived-team'), name: 'Archived working group' };
  const councillors = [1, 2, 3, 4].map((n) => teamsPerson(`import-cllr-${n}`, `Cllr Roster ${n}`));
  const account = (person: { teamsUserId: string; name: string; aadObjectId: string }): RosterMember => ({
    id: person.teamsUserId,
    name: person.name,
    aadObjectId: person.aadObjectId,
    userRole: 'user',
    tenantId: FIXTURE_TENANT_ID,
  });
  let app: RunningApp;
  let connector: EmulatedConnector;
  let teams: BotClient;

  beforeAll(async () => {
    // Two a page, so a roster of six is read in three pages, as Teams pages a larger one.
    connector = new EmulatedConnector({ conversationWindows: [], maxRosterPageSize: 2 });
    await connector.start();
    app = await startTestApp({ ALLOWED_TENANT_IDS: FIXTURE_TENANT_ID }, { startWorkers: false });
    teams = new BotClient(app, connector);
    for (const person of [officer, guest, formerPanel]) await teams.install(person);
    await seedRoles(app, [
      { aadObjectId: officer.aadObjectId, role: 'officer' },
      { aadObjectId: formerPanel.aadObjectId, role: 'panel' },
    ]);
    for (const team of [panelTeam, membersTeam, goneTeam]) await teams.addToTeam(team, officer);
    connector.setRoster(panelTeam.id, [
      account(officer),
      ...councillors.map(account),
      { id: '28:00000000-0000-4000-8000-0000000000b0', name: 'Some other bot', aadObjectId: '' },
    ]);
    connector.setRoster(membersTeam.id, councillors.slice(0, 2).map(account));
  });
  afterAll(async () => {
    await app?.stop();
    await connector?.stop();
  });

  it('refuses a guest, and names the Teams the bot is in when the Team is not one of them', async () => {
    expect(await teams.say(guest, `import panel members from ${panelTeam.name}`)).toContain(
      'Only officers and administrators can import panel members.',
    );
    const unknown = await teams.say(officer, 'import panel members from Fostering Network');
    expect(unknown).toContain('The bot is not installed in a Team called \\"Fostering Network\\"');
    expect(unknown).toContain('Corporate Parenting Panel');
    expect(connector.rosterReads).toEqual([]);
  });

  it('reads every page of the roster, makes its guests panel members, opens chats for them, and sums it up', async () => {
    connector.addFault({
      routes: ['create-conversation'],
      match: (request) => request.conversationId === councillors[3]!.teamsUserId,
      times: 99,
      fault: { kind: 'status', status: 403, code: 'BotNotInConversationRoster' },
    });
    const card = await teams.say(officer, 'Import panel members from corporate parenting panel');
    expect(card).toContain('Panel members imported from Corporate Parenting Panel');
    expect(card).toContain('"title":"In the Team","value":"5"');
    expect(card).toContain('"title":"Made panel members","value":"4"');
    expect(card).toContain('"title":"Already held it (unchanged)","value":"1"');
    expect(card).toContain('"title":"Not people (skipped)","value":"1"');
    expect(card).toContain('"title":"No chat with the bot yet","value":"1"');
    expect(card).toContain('Cllr Former Member'); // a panel member not in the Team, listed to check
    expect(connector.rosterReads.filter((read) => read.conversationId === panelTeam.id)).toHaveLength(3);
    for (const person of councillors)
      expect(await app.services.roles.holdingOf(person.aadObjectId)).toEqual({ role: 'panel', councillor: false });
    expect(await app.services.roles.roleOf(officer.aadObjectId)).toBe('officer');
    expect(await app.services.roles.roleOf(formerPanel.aadObjectId)).toBe('panel');
    expect(connector.createdConversations.map((created) => created.userId).sort()).toEqual(
      councillors
        .slice(0, 3)
        .map((p) => p.teamsUserId)
        .sort(),
    );
    expect((await app.services.members.find(councillors[0]!.aadObjectId))?.conversationReference).toBeDefined();
    expect((await app.services.members.find(councillors[3]!.aadObjectId))?.conversationReference).toBeUndefined();
  });

  it('changes and audits nothing more when the import is repeated (or Teams delivers it twice)', async () => {
    const audit = new AuditLog(app.composition.tables.client('audit'), new ManualClock('2026-11-23T09:00:00Z'));
    const grantsBefore = (await audit.latest({ limit: 100 })).entries.filter((entry) => entry.action === 'role.granted').length;
    const again = await teams.say(officer, `import panel members from ${panelTeam.name}`);
    expect(again).toContain('nothing changed');
    expect(again).toContain('"title":"Made panel members","value":"0"');
    const { entries } = await audit.latest({ limit: 100 });
    expect(entries.filter((entry) => entry.action === 'role.granted')).toHaveLength(grantsBefore);
    const imports = entries.filter((entry) => entry.action === 'import');
    expect(imports).toHaveLength(2);
    expect(imports.map((entry) => entry.detail)).toEqual([
      'panel members: 5 in the roster, 0 added, 5 unchanged, 1 skipped, 1 without a chat yet',
      'panel members: 5 in the roster, 4 added, 1 unchanged, 1 skipped, 1 without a chat yet',
    ]);
    expect(imports[0]).toMatchObject({
      actor: { aadObjectId: officer.aadObjectId, role: 'officer' },
      subject: { kind: 'team', id: panelTeam.id },
    });
    const granted = entries.find((entry) => entry.action === 'role.granted' && entry.subject.id === councillors[0]!.aadObjectId);
    expect(granted).toMatchObject({
      actor: { aadObjectId: officer.aadObjectId },
      detail: `panel member (was guest, import from ${panelTeam.id})`,
    });
  });

  it('marks councillors from a Team of all elected members, leaving their roles as they are', async () => {
    const card = await teams.say(officer, `import councillors from ${membersTeam.name}`);
    expect(card).toContain('Councillors imported from All Elected Members');
    expect(await app.services.roles.holdingOf(councillors[0]!.aadObjectId)).toEqual({ role: 'panel', councillor: true });
    expect(await app.services.roles.holdingOf(councillors[2]!.aadObjectId)).toEqual({ role: 'panel', councillor: false });
  });

  it('waits out a 429 with Retry-After and carries on', async () => {
    connector.addFault({ routes: ['roster'], times: 1, fault: { kind: 'status', status: 429, retryAfterSeconds: 1 } });
    const before = connector.count(429);
    expect(await teams.say(officer, `import panel members from ${panelTeam.name}`)).toContain('Panel members imported');
    expect(connector.count(429)).toBe(before + 1);
  });

  it.each([
    [403, 'Teams would not let me read the members of \\"Corporate Parenting Panel\\"'],
    [429, 'Teams is asking me to slow down'],
  ])('changes nothing and says so when Teams keeps answering %s', async (status, words) => {
    const fresh = teamsPerson(`import-fresh-${status}`, `Cllr Fresh ${status}`);
    connector.setRoster(panelTeam.id, [account(officer), ...councillors.map(account), account(fresh)]);
    connector.addFault({
      routes: ['roster'],
      match: (request) => !request.marker.endsWith(':'),
      times: 10,
      fault: { kind: 'status', status, retryAfterSeconds: 0 },
    });
    const reply = await teams.say(officer, `import panel members from ${panelTeam.name}`);
    connector.clearFaults();
    expect(reply).toContain(words);
    expect(reply).toMatch(/[Nn]o role was changed/);
    expect(await app.services.roles.roleOf(fresh.aadObjectId)).toBe('guest');
    expect(await app.services.members.find(fresh.aadObjectId)).toBeUndefined();
  });

  it('says so when Teams no longer knows the Team (404)', async () => {
    const reply = await teams.say(officer, `import panel members from ${goneTeam.name}`);
    expect(reply).toContain('Teams no longer knows the Team \\"Archived working group\\"');
  });
});
