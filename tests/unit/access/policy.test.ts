import fs from 'node:fs';
import path from 'node:path';
import type { Actor, Role, TurnSender } from '../../../src/shared/access/actor';
import {
  ACCESS_RULES,
  type Permission,
  admitTo,
  may,
  mayEnter,
  opensToEveryone,
  refusalOf,
  requirePermission,
  systemActor,
} from '../../../src/shared/access/policy';
import { MATRIX_END, MATRIX_START, accessMatrixMarkdown, withAccessMatrix } from '../../../src/shared/access/access-matrix';
import { DomainError } from '../../../src/shared/errors/domain-error';
import { projectRoot } from '../../../src/platform/process/project-root';

const person = (role: Role, councillor = false, aadObjectId = '00000000-0000-4000-8000-00000000000a'): Actor => ({
  aadObjectId,
  name: 'Test Person',
  tenantId: 'tenant',
  role,
  councillor,
});

/**
 * The expected matrix, written out by hand so a change to the rules must change this too. Columns:
 * guest, a councillor who is not on the panel (a guest with the flag), panel member, officer,
 * admin, a panel member the record names, a guest the record names, the bot's scheduled work.
 */
const COLUMNS = ['guest', 'councillor', 'panel member', 'officer', 'admin', 'named panel member', 'named guest', 'scheduled work'] as const;
const EXPECTED: Record<Permission, string> = {
  'help.use': '1111111 0',
  'remit.ask': '1111111 0',
  'meetings.read': '1111111 0',
  'roles.mine': '1111111 0',
  'officerQuestions.view': '0001111 0',
  'meetings.reminders': '0011110 1',
  'apologies.send': '0011110 0',
  'bulletin.read': '0111110 1',
  'calendar.own': '0111110 0',
  'events.respond': '0111110 1',
  'events.ics': '1111111 0',
  'attendance.checkIn': '0111110 0',
  'training.own': '0111110 0',
  'training.reminded': '0100000 1',
  'keyFigures.read': '0111110 0',
  'challenges.view': '0011110 1',
  'challenges.mine': '0011110 0',
  'challenges.report': '0011110 1',
  'challenges.respond': '0001110 0',
  'challenges.create': '0001100 0',
  'challenges.list': '0001100 0',
  'challenges.export': '0001100 1',
  'youSaidWeDid.prepare': '0001100 0',
  'youSaidWeDid.receive': '0011110 0',
  'feedback.read': '0001100 0',
  'reminders.optOuts.read': '0001100 0',
  'apologies.read': '0001100 1',
  'meetings.manage': '0001100 0',
  'events.create': '0001100 0',
  'events.manage': '0001100 0',
  'events.attendees': '0001100 1',
  'officerQuestions.answer': '0001100 1',
  'knowledge.manage': '0001100 0',
  'attendance.record': '0001100 0',
  'training.due': '0001100 0',
  'participation.report': '0001100 0',
  'keyFigures.enter': '0001100 0',
  'roles.manage': '0001100 0',
  'roles.assign': '0001100 0',
  'roles.import': '0001100 0',
  'roles.assignStaff': '0000100 0',
  'audit.read': '0000100 0',
  'privacy.own': '1111111 0',
  'privacy.export': '0000100 0',
  'privacy.erase': '0000100 0',
  'retention.purge': '0000100 1',
  'privacy.notice.edit': '0001100 0',
};

describe('the access policy', () => {
  it('has an expected row for every rule and no other', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(ACCESS_RULES).sort());
  });

  const namedPanel = person('panel', false, '00000000-0000-4000-8000-0000000000bb');
  const namedGuest = person('guest', false, '00000000-0000-4000-8000-0000000000cc');
  const record = { involvedAadObjectIds: [namedPanel.aadObjectId, namedGuest.aadObjectId] };
  const principals = [
    person('guest'),
    person('guest', true),
    person('panel'),
    person('officer'),
    person('admin'),
    namedPanel,
    namedGuest,
    systemActor('test-job'),
  ];
  const cells = (Object.keys(EXPECTED) as Permission[]).flatMap((permission) => {
    const row = EXPECTED[permission].replace(' ', '');
    return principals.map((principal, column) => [permission, COLUMNS[column]!, principal, row[column] === '1'] as const);
  });

  it.each(cells)('%s by a %s: %p', (permission, _who, principal, allowed) => {
    expect(may(principal, permission, record)).toBe(allowed);
    if (allowed) expect(() => requirePermission(principal, permission, record)).not.toThrow();
    else expect(() => requirePermission(principal, permission, record)).toThrow(refusalOf(permission));
  });

  it("never lets a person borrow a record's involvement when they are not on it", () => {
    expect(may(person('panel'), 'challenges.respond', record)).toBe(false);
    expect(may(namedPanel, 'challenges.respond')).toBe(false);
    expect(may(person('guest'), 'officerQuestions.view', record)).toBe(false);
  });

  it('gives a panel member who is a councillor what both allow', () => {
    const both = person('panel', true);
    expect(may(both, 'training.reminded')).toBe(true);
    expect(may(both, 'challenges.view')).toBe(true);
    expect(may(person('panel'), 'training.reminded')).toBe(false);
  });

  it('refuses a hidden record exactly as a missing one, and everything else as forbidden with the rule’s words', () => {
    expect(refusalOf('challenges.view')).toEqual(
      new DomainError('not_found', 'That challenge card could not be found. References look like CC-2026-014.'),
    );
    expect(refusalOf('challenges.view').code).toBe('not_found');
    expect(refusalOf('audit.read').code).toBe('forbidden');
    for (const permission of Object.keys(ACCESS_RULES) as Permission[]) {
      if (opensToEveryone(permission)) continue;
      expect(ACCESS_RULES[permission].refusal.length).toBeGreaterThan(10);
    }
  });

  it('lets the router in only those who could be allowed once the record is read', () => {
    expect(mayEnter(person('panel'), 'challenges.respond')).toBe(true); // might be named on the card
    expect(mayEnter(person('guest'), 'challenges.respond')).toBe(false); // a named guest still may not
    expect(mayEnter(person('guest'), 'officerQuestions.view')).toBe(true); // their own question
    expect(mayEnter(person('guest'), 'challenges.view')).toBe(false);
    expect(mayEnter(systemActor('job'), 'challenges.view')).toBe(true);
  });

  it('reads no role for what everyone may do, and refuses the rest before the use case runs', async () => {
    let reads = 0;
    const guest: TurnSender = {
      aadObjectId: 'g',
      name: 'Guest',
      tenantId: 't',
      actor: () => {
        reads++;
        return Promise.resolve(person('guest'));
      },
    };
    await admitTo(guest, 'remit.ask');
    await admitTo(guest, 'meetings.read');
    expect(reads).toBe(0);
    await expect(admitTo(guest, 'challenges.view')).rejects.toEqual(refusalOf('challenges.view'));
    await expect(admitTo(guest, 'calendar.own')).rejects.toMatchObject({ code: 'forbidden' });
    expect(reads).toBe(2);
  });
});

describe("the README's access matrix", () => {
  const readme = fs.readFileSync(path.join(projectRoot(), 'README.md'), 'utf8');

  it('is the table rendered from the policy (run `npm run access-matrix` after changing a rule)', () => {
    const start = readme.indexOf(MATRIX_START);
    const end = readme.indexOf(MATRIX_END);
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start + MATRIX_START.length, end).trim()).toBe(accessMatrixMarkdown());
    expect(withAccessMatrix(readme)).toBe(readme);
  });

  it('has a row per rule and a yes exactly where the policy allows', () => {
    const rows = accessMatrixMarkdown().split('\n').slice(2);
    expect(rows).toHaveLength(Object.keys(ACCESS_RULES).length);
    const audit = rows.find((row) => row.startsWith('| `audit.read` |'))!.split(' | ');
    expect(audit.slice(2, 7)).toEqual(['-', '-', '-', '-', 'yes']);
    const reminded = rows.find((row) => row.startsWith('| `training.reminded` |'))!.split(' | ');
    expect(reminded.slice(2, 7)).toEqual(['-', '-', 'yes', '-', '-']);
  });
});
