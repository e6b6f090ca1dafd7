import { hashCalendarToken } from '../../../src/features/calendar/data/calendar-tokens';
import { member, officer, priya } from '../../unit/events/event-fixtures';
import { eventsRig } from './event-support';

describe('CalendarTokens against Azurite', () => {
  it('issues a token that resolves to its owner, storing only its hash', async () => {
    const { tokens, store } = await eventsRig();
    const token = await tokens.issue(member, 'member');
    expect(await tokens.resolve(token)).toEqual({ kind: 'member', aadObjectId: member.aadObjectId });
    const rows: string[] = [];
    for await (const row of store.client('calendartokens').listEntities()) rows.push(JSON.stringify(row));
    expect(rows.join('\n')).not.toContain(token);
    expect(rows.join('\n')).toContain(hashCalendarToken(token));
    expect(await tokens.hasToken(member, 'member')).toBe(true);
    expect(await tokens.hasToken(priya, 'member')).toBe(false);
  });

  it('rotates: a new token works and the old one stops, also when two rotations race', async () => {
    const { tokens } = await eventsRig();
    const first = await tokens.issue(member, 'member');
    const second = await tokens.issue(member, 'member');
    expect(await tokens.resolve(first)).toBeUndefined();
    expect(await tokens.resolve(second)).toEqual({ kind: 'member', aadObjectId: member.aadObjectId });
    const raced = await Promise.all([tokens.issue(member, 'member'), tokens.issue(member, 'member')]);
    const live = await Promise.all(raced.map((token) => tokens.resolve(token)));
    expect(live.filter((scope) => scope !== undefined)).toHaveLength(1);
    expect(await tokens.resolve(second)).toBeUndefined();
  });

  it("keeps the officers' feed to officers, and revokes", async () => {
    const { tokens } = await eventsRig();
    await expect(tokens.issue(member, 'officers')).rejects.toMatchObject({ code: 'forbidden' });
    const token = await tokens.issue(officer, 'officers');
    expect(await tokens.resolve(token)).toEqual({ kind: 'officers' });
    expect(await tokens.revoke(officer, 'officers')).toBe(true);
    expect(await tokens.revoke(officer, 'officers')).toBe(false);
    expect(await tokens.resolve(token)).toBeUndefined();
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
