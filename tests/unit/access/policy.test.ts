import type { Actor, Role } from '../../../src/shared/access/actor';
import { ACCESS_RULES, type Permission, may, requirePermission, systemActor } from '../../../src/shared/access/policy';
import { DomainError } from '../../../src/shared/errors/domain-error';

const person = (role: Role, aadObjectId = '00000000-0000-0000-0000-00000000000a'): Actor => ({
  aadObjectId,
  name: 'Cllr Test',
  tenantId: 'tenant',
  role,
});

/** The expected matrix, written out by hand so a change to the rules must change this too. */
const EXPECTED: Record<Permission, { member: boolean; officer: boolean; admin: boolean; involvedMember: boolean; system: boolean }> = {
  'roles.manage': { member: false, officer: false, admin: true, involvedMember: false, system: false },
  'roles.change': { member: false, officer: false, admin: true, involvedMember: false, system: false },
  'audit.read': { member: false, officer: false, admin: true, involvedMember: false, system: false },
  'privacy.export': { member: false, officer: false, admin: true, involvedMember: false, system: false },
  'privacy.erase': { member: false, officer: false, admin: true, involvedMember: false, system: false },
  'retention.purge': { member: false, officer: false, admin: true, involvedMember: false, system: true },
  'privacy.notice.edit': { member: false, officer: true, admin: true, involvedMember: false, system: false },
  'feedback.read': { member: false, officer: true, admin: true, involvedMember: false, system: false },
  'reminders.optOuts.read': { member: false, officer: true, admin: true, involvedMember: false, system: false },
  'apologies.read': { member: false, officer: true, admin: true, involvedMember: false, system: false },
  'meetings.manage': { member: false, officer: true, admin: true, involvedMember: false, system: false },
  'events.create': { member: false, officer: true, admin: true, involvedMember: false, system: false },
  'events.manage': { member: false, officer: true, admin: true, involvedMember: false, system: false },
  'events.attendees': { member: false, officer: true, admin: true, involvedMember: false, system: true },
  'calendar.officers': { member: false, officer: true, admin: true, involvedMember: false, system: false },
  'challenges.create': { member: false, officer: true, admin: true, involvedMember: false, system: false },
  'challenges.respond': { member: false, officer: true, admin: true, involvedMember: true, system: false },
  'challenges.list': { member: false, officer: true, admin: true, involvedMember: false, system: false },
  'challenges.view': { member: true, officer: true, admin: true, involvedMember: true, system: true },
  'challenges.report': { member: true, officer: true, admin: true, involvedMember: true, system: true },
  'challenges.export': { member: false, officer: true, admin: true, involvedMember: false, system: true },
  'officerQuestions.answer': { member: false, officer: true, admin: true, involvedMember: false, system: false },
  'knowledge.manage': { member: false, officer: true, admin: true, involvedMember: false, system: false },
  'attendance.record': { member: false, officer: true, admin: true, involvedMember: false, system: false },
  'training.due': { member: false, officer: true, admin: true, involvedMember: false, system: false },
  'participation.report': { member: false, officer: true, admin: true, involvedMember: false, system: false },
  'keyFigures.enter': { member: false, officer: true, admin: true, involvedMember: false, system: false },
  'youSaidWeDid.prepare': { member: false, officer: true, admin: true, involvedMember: false, system: false },
};

describe('the access policy', () => {
  it('has an expected row for every rule and no other', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(ACCESS_RULES).sort());
  });

  const involved = person('member', '00000000-0000-0000-0000-0000000000bb');
  const record = { involvedAadObjectIds: [involved.aadObjectId] };
  const cells = (Object.keys(EXPECTED) as Permission[]).flatMap((permission) => {
    const row = EXPECTED[permission];
    return [
      [permission, 'member', person('member'), row.member] as const,
      [permission, 'officer', person('officer'), row.officer] as const,
      [permission, 'admin', person('admin'), row.admin] as const,
      [permission, 'member named on the record', involved, row.involvedMember] as const,
      [permission, "the bot's scheduled work", systemActor('test-job'), row.system] as const,
    ];
  });

  it.each(cells)('%s by a %s: %p', (permission, _who, principal, allowed) => {
    expect(may(principal, permission, record)).toBe(allowed);
    if (allowed) expect(() => requirePermission(principal, permission, record)).not.toThrow();
    else
      expect(() => requirePermission(principal, permission, record)).toThrow(
        new DomainError('forbidden', ACCESS_RULES[permission].refusal),
      );
  });

  it("never lets a person borrow a record's involvement when they are not on it", () => {
    expect(may(person('member'), 'challenges.respond', record)).toBe(false);
    expect(may(person('member'), 'challenges.respond')).toBe(false);
  });
});
