import { audienceIncludes, audienceLabel, participationEventSchema } from '../../../src/features/events/domain/event';
import { eventVisibleTo } from '../../../src/features/events/domain/event-visibility';
import { anEvent } from './event-fixtures';

const stored = (audience: unknown) => participationEventSchema.parse({ ...anEvent(), audience });

describe('event audiences', () => {
  it('reads events stored before the audiences changed as what they meant', () => {
    expect(stored({ kind: 'all' }).audience).toEqual({ kind: 'panel' });
    expect(stored({ kind: 'role', role: 'officer' }).audience).toEqual({ kind: 'officers' });
    expect(stored({ kind: 'role', role: 'admin' }).audience).toEqual({ kind: 'officers' });
    expect(stored({ kind: 'team', teamId: '19:abc@thread.tacv2', teamName: 'CiCC' }).audience).toEqual({
      kind: 'team',
      teamId: '19:abc@thread.tacv2',
      teamName: 'CiCC',
    });
    for (const audience of [{ kind: 'panel' }, { kind: 'councillors' }, { kind: 'officers' }])
      expect(stored(audience).audience).toEqual(audience);
  });

  it('refuses an audience that was never one', () => {
    expect(participationEventSchema.safeParse({ ...anEvent(), audience: { kind: 'everyone' } }).success).toBe(false);
    expect(participationEventSchema.safeParse({ ...anEvent(), audience: { kind: 'role', role: 'member' } }).success).toBe(true); // read as officers: narrower than everyone
    expect(participationEventSchema.safeParse({ ...anEvent(), audience: 'all' }).success).toBe(false);
  });

  it('names them, and says who is in each by role', () => {
    expect(audienceLabel({ kind: 'panel' })).toBe('Panel members');
    expect(audienceLabel({ kind: 'councillors' })).toBe('All councillors');
    expect(audienceIncludes({ kind: 'panel' }, { role: 'panel' })).toBe(true);
    expect(audienceIncludes({ kind: 'panel' }, { role: 'officer' })).toBe(false);
    expect(audienceIncludes({ kind: 'councillors' }, { role: 'guest', councillor: true })).toBe(true);
    expect(audienceIncludes({ kind: 'councillors' }, { role: 'panel' })).toBe(false);
    expect(audienceIncludes({ kind: 'officers' }, { role: 'admin' })).toBe(true);
    expect(audienceIncludes({ kind: 'team', teamId: 't', teamName: 'T' }, { role: 'admin' })).toBe(false);
  });

  it('shows an event to officers, its audience and those invited, never to a guest', () => {
    const team = anEvent({ audience: { kind: 'team', teamId: 't', teamName: 'T' } });
    expect(eventVisibleTo(team, { aadObjectId: 'o', role: 'officer' }, false)).toBe(true);
    expect(eventVisibleTo(team, { aadObjectId: 'p', role: 'panel' }, false)).toBe(false);
    expect(eventVisibleTo(team, { aadObjectId: 'p', role: 'panel' }, true)).toBe(true);
    expect(eventVisibleTo(anEvent(), { aadObjectId: 'p', role: 'panel' }, false)).toBe(true);
    expect(eventVisibleTo(anEvent(), { aadObjectId: 'g', role: 'guest' }, true)).toBe(false);
    expect(
      eventVisibleTo(anEvent({ audience: { kind: 'councillors' } }), { aadObjectId: 'c', role: 'guest', councillor: true }, false),
    ).toBe(true);
  });
});
