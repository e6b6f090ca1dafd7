import { hashCalendarToken, newCalendarToken } from '../../../src/features/calendar/data/calendar-tokens';
import { member, officer, priya } from '../../unit/events/event-fixtures';
import { eventsRig } from './event-support';

describe('CalendarTokens against Azurite', () => {
  it('issues a token that resolves to its owner, storing only its hash', async () => {
    const { tokens, store } = await eventsRig();
    const token = await tokens.issue(member);
    expect(await tokens.resolve(token)).toEqual({ kind: 'member', aadObjectId: member.aadObjectId });
    const rows: string[] = [];
    for await (const row of store.client('calendartokens').listEntities()) rows.push(JSON.stringify(row));
    expect(rows.join('\n')).not.toContain(token);
    expect(rows.join('\n')).toContain(hashCalendarToken(token));
    expect(await tokens.hasToken(member.aadObjectId)).toBe(true);
    expect(await tokens.hasToken(priya.aadObjectId)).toBe(false);
  });

  it('rotates: a new token works and the old one is withdrawn (410), also when two rotations race', async () => {
    const { tokens } = await eventsRig();
    const first = await tokens.issue(member);
    const second = await tokens.issue(member);
    expect(await tokens.resolve(first)).toEqual({ kind: 'withdrawn' });
    expect(await tokens.resolve(second)).toEqual({ kind: 'member', aadObjectId: member.aadObjectId });
    const raced = await Promise.all([tokens.issue(member), tokens.issue(member)]);
    const live = await Promise.all(raced.map((token) => tokens.resolve(token)));
    expect(live.filter((scope) => scope?.kind === 'member')).toHaveLength(1);
    expect(await tokens.resolve(second)).toEqual({ kind: 'withdrawn' });
  });

  it("gives every person their own address: one rotating or losing theirs never touches another's", async () => {
    const { tokens } = await eventsRig();
    const officers = [officer, { ...officer, aadObjectId: '44444444-4444-4444-8444-444444444444', name: 'Second officer' }];
    const firstOfficers = await tokens.issue(officers[0]!);
    const secondOfficers = await tokens.issue(officers[1]!);
    const members = await tokens.issue(member);
    await tokens.issue(officers[1]!); // the second officer asks again
    await tokens.revokeFor(member.aadObjectId, 'uninstalled');
    expect(await tokens.resolve(firstOfficers)).toEqual({ kind: 'member', aadObjectId: officer.aadObjectId });
    expect(await tokens.resolve(secondOfficers)).toEqual({ kind: 'withdrawn' });
    expect(await tokens.resolve(members)).toEqual({ kind: 'withdrawn' });
  });

  it('refuses a guest, and withdraws for erasure leaving nothing of the person in the table', async () => {
    const { tokens, store } = await eventsRig();
    await expect(tokens.issue({ ...member, role: 'guest' })).rejects.toMatchObject({ code: 'forbidden' });
    const token = await tokens.issue(priya);
    expect(await tokens.revokeFor(priya.aadObjectId, 'erased')).toBe(true);
    expect(await tokens.revokeFor(priya.aadObjectId, 'erased')).toBe(false);
    expect(await tokens.resolve(token)).toEqual({ kind: 'withdrawn' });
    const rows: string[] = [];
    for await (const row of store.client('calendartokens').listEntities()) rows.push(JSON.stringify(row));
    expect(rows.join('\n')).not.toContain(priya.aadObjectId);
    expect(rows.join('\n')).toContain('"reason":"erased"');
  });

  it("answers 410 for the shared officers' address an earlier version handed out", async () => {
    const { tokens, store } = await eventsRig();
    const legacy = newCalendarToken();
    const table = store.client('calendartokens');
    await table.createEntity({
      partitionKey: 'calendar',
      rowKey: `h|${hashCalendarToken(legacy)}`,
      scope: 'officers',
      issuedAtUtc: '2026-01-01T00:00:00.000Z',
    });
    await table.createEntity({
      partitionKey: 'calendar',
      rowKey: 'o|officers',
      tokenHash: hashCalendarToken(legacy),
      issuedAtUtc: '2026-01-01T00:00:00.000Z',
    });
    expect(await tokens.resolve(legacy)).toEqual({ kind: 'withdrawn' });
  });

  it('resolves nothing for malformed or unknown tokens without touching storage keys', async () => {
    const { tokens } = await eventsRig();
    for (const bad of [undefined, '', 'short', 'a/b'.repeat(15), `${'x'.repeat(42)}#`, 'A'.repeat(43)])
      expect(await tokens.resolve(bad)).toBeUndefined();
  });
});

describe('BulletinOptOuts against Azurite', () => {
  it('opts members out and back in, and filters the weekly send', async () => {
    const { optOuts } = await eventsRig();
    await optOuts.optOut(member.aadObjectId);
    await optOuts.optOut(member.aadObjectId);
    expect(await optOuts.isOptedOut(member.aadObjectId)).toBe(true);
    expect(await optOuts.isOptedOut(priya.aadObjectId)).toBe(false);
    expect((await optOuts.subscribers([member, priya])).map((m) => m.name)).toEqual(['Cllr Priya Shah']);
    expect(await optOuts.optIn(member.aadObjectId)).toBe(true);
    expect(await optOuts.optIn(member.aadObjectId)).toBe(false);
    expect(await optOuts.optedOut()).toEqual(new Set());
  });
});
