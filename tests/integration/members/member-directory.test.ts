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
  it('makes everyone a guest by default, bootstrap admins admins (any case), and others what they are given', async () => {
    const { members, roles } = await setUp();
    await members.recordSighting({ aadObjectId: 'm-3', name: 'Officer O', tenantId, teamsUserId: teamsUserId('3') });
    expect(await roles.holdingOf('m-3')).toEqual({ role: 'guest', councillor: false });
    expect(await roles.roleOf('admin-1')).toBe('admin');
    const admin = { aadObjectId: 'Admin-1', name: 'Admin', tenantId, role: 'admin' as const };
    await roles.assign(admin, 'm-3', { role: 'officer' });
    expect(await roles.roleOf('m-3')).toBe('officer');
    await roles.assign(admin, 'm-3', { role: 'panel', councillor: true });
    expect(await roles.holdingOf('m-3')).toEqual({ role: 'panel', councillor: true });
  });

  it('lets officers set guests and panel members, only admins make or remove staff, only for known people, never themselves or configured admins', async () => {
    const { members, roles } = await setUp();
    await members.recordSighting({ aadObjectId: 'm-4', name: 'Cllr A', tenantId, teamsUserId: teamsUserId('4') });
    await members.recordSighting({ aadObjectId: 'Admin-1', name: 'Admin', tenantId, teamsUserId: teamsUserId('0') });
    await members.recordSighting({ aadObjectId: 'o-1', name: 'O', tenantId, teamsUserId: teamsUserId('5') });
    const officer = { aadObjectId: 'o-1', name: 'O', tenantId, role: 'officer' as const };
    const admin = { ...officer, aadObjectId: 'Admin-1', role: 'admin' as const };
    const panel = { ...officer, aadObjectId: 'p-1', role: 'panel' as const };
    await expect(roles.assign(panel, 'm-4', { role: 'panel' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(roles.assign(officer, 'm-4', { role: 'officer' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(roles.assign(admin, 'unknown', { role: 'panel' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(roles.assign(admin, 'Admin-1', { role: 'guest' })).rejects.toBeInstanceOf(DomainError);
    await expect(roles.assign(officer, 'o-1', { councillor: true })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await roles.roleOf('m-4')).toBe('guest');
    expect((await roles.assign(officer, 'm-4', { role: 'panel', councillor: true })).changed).toBe(true);
    expect((await roles.assign(officer, 'm-4', { role: 'panel', councillor: true })).changed).toBe(false);
    await roles.assign(admin, 'o-1', { role: 'officer' });
    await expect(roles.assign({ ...officer, aadObjectId: 'o-2' }, 'o-1', { role: 'guest' })).rejects.toMatchObject({ code: 'forbidden' });
    const listed = await roles.membersWithRoles();
    expect(listed.map((p) => [p.name, p.role, p.councillor, p.fixed])).toEqual([
      ['Admin', 'admin', false, true],
      ['Cllr A', 'panel', true, false],
      ['O', 'officer', false, false],
    ]);
  });
});
