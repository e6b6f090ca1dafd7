import { DateTime } from 'luxon';
import { lookUpSubject } from '../../../src/features/privacy/domain/subject-lookup';
import type { Member } from '../../../src/features/members/domain/member';
import { entraObjectId, teamsUserId } from '../../support/teams-ids';

function member(seed: string, name: string, active = true): Member {
  return {
    aadObjectId: entraObjectId(seed),
    name,
    tenantId: 't',
    teamsUserId: teamsUserId(seed),
    active,
    lastSeen: DateTime.fromISO('2026-11-20T10:00:00Z'),
    remindersOff: false,
  };
}

const directory = [
  member('priya', 'Priya Shah'),
  member('priya-2', 'Cllr Priya Shah', false),
  member('martin', 'Cllr Martin Hughes'),
  member('olivia', 'Olivia Officer'),
  member('sam', 'Sam Patel'),
];

describe('finding the person an administrator means', () => {
  it('takes a whole name in any case, with or without "Cllr", and one word when only one person has it', () => {
    expect(lookUpSubject('martin hughes', directory)).toMatchObject({ kind: 'person', aadObjectId: entraObjectId('martin') });
    expect(lookUpSubject('Councillor Martin Hughes.', directory)).toMatchObject({ kind: 'person', name: 'Cllr Martin Hughes' });
    expect(lookUpSubject('"Patel"', directory)).toMatchObject({ kind: 'person', aadObjectId: entraObjectId('sam') });
  });

  it('offers a choice when several people have the name', () => {
    const found = lookUpSubject('Priya Shah', directory);
    expect(found.kind).toBe('choose');
    if (found.kind === 'choose') expect(found.people.map((p) => p.aadObjectId)).toEqual([entraObjectId('priya'), entraObjectId('priya-2')]);
  });

  it('takes an Entra object id in any case, in the directory or not', () => {
    expect(lookUpSubject(entraObjectId('olivia').toUpperCase(), directory)).toMatchObject({ kind: 'person', name: 'Olivia Officer' });
    const gone = entraObjectId('erased-long-ago');
    expect(lookUpSubject(gone, directory)).toEqual({ kind: 'person', aadObjectId: gone });
  });

  it('says so, kindly, when nobody has the name or nothing was said', () => {
    expect(() => lookUpSubject('Nobody Known', directory)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => lookUpSubject('  ', directory)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => lookUpSubject('x'.repeat(201), directory)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});
