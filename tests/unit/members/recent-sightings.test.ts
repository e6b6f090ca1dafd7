import { Duration } from 'luxon';
import { RecentSightings } from '../../../src/features/members/domain/recent-sightings';
import { ManualClock } from '../../../src/platform/time/clock';
import { teamsPersonalChatId, teamsUserId } from '../../support/teams-ids';

const sighting = {
  aadObjectId: 'm-1',
  name: 'Cllr A',
  tenantId: 't',
  teamsUserId: teamsUserId('a'),
  personalConversationReference: { conversation: { id: teamsPersonalChatId('1') } },
};

describe('RecentSightings', () => {
  it('writes the first sighting, skips identical ones within the window, writes again after it', () => {
    const clock = new ManualClock('2026-11-23T09:00:00Z');
    const recent = new RecentSightings(clock);
    expect(recent.shouldWrite(sighting)).toBe(true);
    clock.advance({ seconds: 30 });
    expect(recent.shouldWrite(sighting)).toBe(false);
    clock.advance({ seconds: 31 });
    expect(recent.shouldWrite(sighting)).toBe(true);
  });

  it('writes at once when anything in the sighting changes, or after forget', () => {
    const recent = new RecentSightings(new ManualClock('2026-11-23T09:00:00Z'));
    expect(recent.shouldWrite(sighting)).toBe(true);
    expect(recent.shouldWrite({ ...sighting, name: 'Cllr A Smith' })).toBe(true);
    expect(recent.shouldWrite({ ...sighting, name: 'Cllr A Smith', personalConversationReference: undefined })).toBe(true);
    recent.forget('m-1');
    expect(recent.shouldWrite({ ...sighting, name: 'Cllr A Smith', personalConversationReference: undefined })).toBe(true);
  });

  it('stays within its capacity, dropping the oldest member first', () => {
    const recent = new RecentSightings(new ManualClock('2026-11-23T09:00:00Z'), Duration.fromObject({ minutes: 1 }), 2);
    for (const id of ['a', 'b', 'c']) recent.shouldWrite({ ...sighting, aadObjectId: id });
    expect(recent.shouldWrite({ ...sighting, aadObjectId: 'c' })).toBe(false);
    expect(recent.shouldWrite({ ...sighting, aadObjectId: 'a' })).toBe(true);
  });
});
