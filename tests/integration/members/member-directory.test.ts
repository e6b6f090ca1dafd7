import { MemberDirectory } from '../../../src/features/members/data/member-directory';
import { RoleDirectory } from '../../../src/features/members/data/role-directory';
import { RoleService } from '../../../src/features/members/role-service';
import { AuditLog } from '../../../src/features/audit/data/audit-log';
import { DomainError } from '../../../src/shared/errors/domain-error';
import { ManualClock } from '../../../src/platform/time/clock';
import { testTableStore } from '../../support/test-storage';
import { teamsPersonalChatId, teamsUserId } from '../../support/teams-ids';

const tenantId = 'tenant-1';
const personalRef = {
  conversation: { id: teamsPersonalChatId('1:1'), conversationType: 'personal' },
  serviceUrl: 'http://127.0.0.1/_connector',
};

async function setUp() {
  const store = await testTableStore();
  const clock = new ManualClock('2026-11-23T09:00:00Z');
  const members = new MemberDirectory(store.client('members'), clock);
  const audit = new AuditLog(store.client('audit'), clock);
  const roles = new RoleService(new RoleDirectory(store.client('roles'), clock), members, ['Admin-1'], audit);
  return { members, roles, clock, audit };
}

describe('MemberDirectory against Azurite', () => {
  it('records a member, keeps their 1:1 reference when later seen in a team, and updates last seen', async () => {
    const { members, clock } = await setUp();
    await members.recordSighting({
      aadObjectId: 'm-1',
      name: 'Cllr Hughes',
      tenantId,
      teamsUserId: teamsUserId('1'),
      personalConversationReference: personalRef,
    });
    clock.advance({ hours: 2 });
    await members.recordSighting({ aadObjectId: 'm-1', name: 'Cllr M Hughes', tenantId, teamsUserId: teamsUserId('1') });
    const member = await members.find('m-1');
    expect(member).toMatchObject({ name: 'Cllr M Hughes', active: true, conversationReference: personalRef });
    expect(member?.lastSeen.toISO()).toBe('2026-11-23T11:00:00.000Z');
  });

  it('marks an uninstalled member inactive without losing the row, and a new message makes them active again', async () => {
    const { members } = await setUp();
    await members.recordSighting({
      aadObjectId: 'm-2',
      name: 'Cllr Shah',
      tenantId,
      teamsUserId: teamsUserId('2'),
      personalConversationReference: personalRef,
    });
    await members.markInactive('m-2');
    expect((await members.list({ activeOnly: true })).map((m) => m.aadObjectId)).toEqual([]);
    expect((await members.find('m-2'))?.active).toBe(false);
    await members.recordSighting({ aadObjectId: 'm-2', name: 'Cllr Shah', tenantId, teamsUserId: teamsUserId('2') });
    expect((await members.list({ activeOnly: true })).map((m) => m.aadObjectId)).toEqual(['m-2']);
  });

  it('remembers "stop reminders" across later sightings until "start reminders"', async () => {
    const { members } = await setUp();
    expect(await members.setRemindersOff('m-5', true)).toBe(false);
    await members.recordSighting({ aadObjectId: 'm-5', name: 'Cllr R', tenantId, teamsUserId: teamsUserId('5') });
    expect((await members.find('m-5'))?.remindersOff).toBe(false);
    expect(await members.setRemindersOff('m-5', true)).toBe(true);
    await members.recordSighting({ aadObjectId: 'm-5', name: 'Cllr R', tenantId, teamsUserId: teamsUserId('5') });
    expect((await members.find('m-5'))?.remindersOff).toBe(true);
    await members.setRemindersOff('m-5', false);
    expect((await members.find('m-5'))?.remindersOff).toBe(false);
  });

  it('ignores an uninstall from someone it never saw', async () => {
    const { members } = await setUp();
    await members.markInactive('never-seen');
    expect(await members.find('never-seen')).toBeUndefined();
  });

  it('refuses ids that cannot be table keys before they reach storage', async () => {
    const { members } = await setUp();
    await expect(members.recordSighting({ aadObjectId: 'a/b', name: 'x', tenantId, teamsUserId: teamsUserId('x') })).rejects.toThrow(
      'invalid table key',
    );
  });
});

describe('RoleService against Azurite', () => {
  it('gives members by default, bootstrap admins from configuration (any case), officers when granted', async () => {
    const { members, roles } = await setUp();
    await members.recordSighting({ aadObjectId: 'm-3', name: 'Officer O', tenantId, teamsUserId: teamsUserId('3') });
    expect(await roles.roleOf('m-3')).toBe('member');
    expect(await roles.roleOf('admin-1')).toBe('admin');
    const admin = { aadObjectId: 'Admin-1', name: 'Admin', tenantId, role: 'admin' as const };
    await roles.setOfficer(admin, 'm-3', true);
    expect(await roles.roleOf('m-3')).toBe('officer');
    await roles.setOfficer(admin, 'm-3', false);
    expect(await roles.roleOf('m-3')).toBe('member');
  });

  it('lets only admins change roles, only for known members, and never for configured admins', async () => {
    const { members, roles } = await setUp();
    await members.recordSighting({ aadObjectId: 'm-4', name: 'Cllr A', tenantId, teamsUserId: teamsUserId('4') });
    await members.recordSighting({ aadObjectId: 'Admin-1', name: 'Admin', tenantId, teamsUserId: teamsUserId('0') });
    const officer = { aadObjectId: 'o-1', name: 'O', tenantId, role: 'officer' as const };
    const admin = { ...officer, aadObjectId: 'Admin-1', role: 'admin' as const };
    await expect(roles.setOfficer(officer, 'm-4', true)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(roles.setOfficer(admin, 'unknown', true)).rejects.toMatchObject({ code: 'not_found' });
    await expect(roles.setOfficer(admin, 'Admin-1', false)).rejects.toBeInstanceOf(DomainError);
    expect(await roles.roleOf('m-4')).toBe('member');
    const listed = await roles.membersWithRoles();
    expect(listed.map((p) => [p.name, p.role, p.fixed])).toEqual([
      ['Admin', 'admin', true],
      ['Cllr A', 'member', false],
    ]);
  });
});
