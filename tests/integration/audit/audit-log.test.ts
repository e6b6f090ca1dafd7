import { AuditLog } from '../../../src/features/audit/data/audit-log';
import { AuditDesk } from '../../../src/features/audit/audit-desk';
import { MemberDirectory } from '../../../src/features/members/data/member-directory';
import { RoleDirectory } from '../../../src/features/members/data/role-directory';
import { RoleService } from '../../../src/features/members/role-service';
import { ManualClock } from '../../../src/platform/time/clock';
import { testTableStore } from '../../support/test-storage';
import { challengeRig, formData, respond } from '../challenges/challenge-rig';
import { leadSam, officerAlex } from '../../unit/challenges/challenge-fixtures';

const ADMIN_ID = '9d3c1c2e-6b7a-4f51-9f0e-0a1b2c3d4e5f';
const OFFICER_ID = '5b2f4e8a-1c3d-4e6f-8a9b-0c1d2e3f4a5b';
const admin = { aadObjectId: ADMIN_ID, name: 'Olivia Officer', tenantId: 't', role: 'admin' as const };

async function setUp() {
  const store = await testTableStore();
  const clock = new ManualClock('2026-11-23T09:00:00Z');
  const table = store.client('audit');
  const audit = new AuditLog(table, clock);
  const members = new MemberDirectory(store.client('members'), clock);
  const roles = new RoleService(new RoleDirectory(store.client('roles'), clock), members, [ADMIN_ID], audit);
  return { store, clock, table, audit, members, roles };
}

describe('the audit log against Azurite', () => {
  it('keeps entries newest first in the table itself, 20 to a page, and pages on to the oldest', async () => {
    const { audit, clock, table } = await setUp();
    for (let index = 0; index < 45; index++) {
      await audit.record({
        actor: { aadObjectId: `actor-${index}`, role: 'officer' },
        action: 'broadcast',
        subject: { kind: 'event', id: `event-${index}` },
        detail: `${index} queued`,
      });
      clock.advance({ minutes: 1 });
    }
    const first = await audit.latest();
    expect(first.entries.map((entry) => entry.subject.id)).toEqual(Array.from({ length: 20 }, (_, i) => `event-${44 - i}`));
    expect(first.entries[0]).toMatchObject({
      atUtc: '2026-11-23T09:44:00.000Z',
      actor: { aadObjectId: 'actor-44', role: 'officer' },
      action: 'broadcast',
      detail: '44 queued',
    });
    const second = await audit.latest({ after: first.after });
    expect(second.entries.map((entry) => entry.subject.id)[0]).toBe('event-24');
    const third = await audit.latest({ after: second.after });
    expect(third.entries.map((entry) => entry.subject.id)).toEqual(['event-4', 'event-3', 'event-2', 'event-1', 'event-0']);
    expect(third.after).toBeUndefined();
    // One partition, time-ordered row keys: the plain table order is already newest first.
    const raw: string[] = [];
    for await (const entity of table.listEntities()) raw.push(String(entity.subjectId));
    expect(raw.slice(0, 3)).toEqual(['event-44', 'event-43', 'event-42']);
  });

  it('keeps two entries of the same millisecond apart, and refuses a cursor it did not make', async () => {
    const { audit } = await setUp();
    await Promise.all(
      [1, 2, 3].map((n) =>
        audit.record({ actor: { aadObjectId: 'a', role: 'admin' }, action: 'export', subject: { kind: 'member', id: `m-${n}` } }),
      ),
    );
    expect((await audit.latest()).entries).toHaveLength(3);
    expect((await audit.latest({ after: "x' or 1" })).entries).toHaveLength(3);
  });

  it('records who granted and who revoked a role, and on revocation who had it since when; a repeat records nothing', async () => {
    const { audit, members, roles, clock } = await setUp();
    await members.recordSighting({ aadObjectId: OFFICER_ID, name: 'Sam Patel', tenantId: 't', teamsUserId: '29:sam' });
    await roles.assign(admin, OFFICER_ID, { role: 'officer' });
    await roles.assign(admin, OFFICER_ID, { role: 'officer' }); // the same card action delivered twice
    clock.advance({ days: 30 });
    const secondAdmin = { ...admin, aadObjectId: 'c8e1a0b2-0d4f-4a3e-9b8c-7d6e5f4a3b2c' };
    await roles.assign(secondAdmin, OFFICER_ID, { role: 'guest' });
    const { entries } = await audit.latest();
    expect(entries.map((entry) => [entry.action, entry.actor.aadObjectId, entry.actor.role, entry.subject])).toEqual([
      ['role.revoked', secondAdmin.aadObjectId, 'admin', { kind: 'member', id: OFFICER_ID }],
      ['role.granted', ADMIN_ID, 'admin', { kind: 'member', id: OFFICER_ID }],
    ]);
    expect(entries[0]!.detail).toBe(`guest (was officer; held since 2026-11-23, set by ${ADMIN_ID})`);
    expect(entries[1]!.detail).toBe('officer (was guest)');
  });

  it('records challenge status changes with the statuses only, never the words or the response', async () => {
    const rig = await challengeRig();
    const created = await rig.service.create(
      officerAlex,
      formData({ words: 'We want free bus passes until we are 21, like in other counties.' }),
    );
    const reference = created.view.challenge.reference;
    rig.clock.advance({ minutes: 5 }); // entries of the same millisecond have no order between them
    await respond(rig, leadSam, reference, 1, { response: 'Raised with the transport team this week.', status: 'accepted' });
    await respond(rig, leadSam, reference, 1, { response: 'Raised with the transport team this week.', status: 'accepted' }); // double submit
    await respond(rig, leadSam, reference, 2, { response: 'No status change, just an update.' });
    const { entries } = await rig.audit.latest();
    expect(entries.map((entry) => [entry.action, entry.subject.id, entry.actor.aadObjectId, entry.detail])).toEqual([
      ['challenge.status', reference, leadSam.aadObjectId, 'received -> accepted'],
      ['challenge.status', reference, officerAlex.aadObjectId, 'raised, received'],
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/bus|transport|update/);
  });

  it('shows administrators the latest entries with names from the directory, and no one else', async () => {
    const { audit, members, roles } = await setUp();
    await members.recordSighting({ aadObjectId: ADMIN_ID, name: 'Olivia Officer', tenantId: 't', teamsUserId: '29:olivia' });
    await members.recordSighting({ aadObjectId: OFFICER_ID, name: 'Sam Patel', tenantId: 't', teamsUserId: '29:sam' });
    await roles.assign(admin, OFFICER_ID, { role: 'officer' });
    const desk = new AuditDesk(audit, members);
    const card = JSON.stringify(await desk.card(admin));
    expect(card).toContain('Role granted: Sam Patel');
    expect(card).toContain('By Olivia Officer (administrator)');
    expect(card).not.toContain('audit.page');
    await expect(desk.card({ ...admin, role: 'officer' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(desk.card(admin, 'not-a-cursor')).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
