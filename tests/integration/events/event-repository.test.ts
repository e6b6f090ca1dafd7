import { EventRepository } from '../../../src/features/events/data/event-repository';
import { type ParticipationEvent, newEventId } from '../../../src/features/events/domain/event';
import { testTableStore } from '../../support/test-storage';
import { anEvent } from '../../unit/events/event-fixtures';
import { teamsTeamId } from '../../support/teams-ids';

async function repository(): Promise<EventRepository> {
  return new EventRepository((await testTableStore()).client('events'));
}

function eventAt(startUtc: string, overrides: Partial<ParticipationEvent> = {}): ParticipationEvent {
  return anEvent({
    id: newEventId(),
    startUtc,
    endUtc: new Date(Date.parse(startUtc) + 7_200_000).toISOString(),
    rsvpByUtc: startUtc,
    ...overrides,
  });
}

describe('EventRepository against Azurite', () => {
  it('stores an event and reads it back whole, with an ETag; unknown ids are undefined', async () => {
    const repo = await repository();
    const event = eventAt('2027-02-10T18:00:00.000Z', { audience: { kind: 'team', teamId: teamsTeamId('cicc'), teamName: 'CiCC' } });
    await repo.create(event);
    const stored = await repo.get(event.id);
    expect(stored?.event).toEqual(event);
    expect(stored?.etag).toBeTruthy();
    expect(await repo.get(newEventId())).toBeUndefined();
    await expect(repo.create(event)).rejects.toMatchObject({ statusCode: 409 });
    await expect(repo.get('ev-../../x')).rejects.toThrow();
  });

  it('lists upcoming events in start order with one range query, cancelled ones included', async () => {
    const repo = await repository();
    const march = eventAt('2027-03-01T10:00:00.000Z');
    const february = eventAt('2027-02-01T10:00:00.000Z', { status: 'cancelled' });
    const january = eventAt('2027-01-01T10:00:00.000Z');
    for (const event of [march, february, january]) await repo.create(event);
    expect((await repo.listUpcoming('2027-01-15T00:00:00.000Z', 10)).map((e) => e.id)).toEqual([february.id, march.id]);
    expect((await repo.listUpcoming('2026-12-01T00:00:00.000Z', 1)).map((e) => e.id)).toEqual([january.id]);
    expect((await repo.listStartingBetween('2027-01-01T10:00:00.000Z', '2027-03-01T10:00:00.000Z')).map((e) => e.id)).toEqual([
      january.id,
      february.id,
    ]);
  });

  it('moves the time-ordered copy when the start changes, in one transaction', async () => {
    const repo = await repository();
    const event = eventAt('2027-02-01T10:00:00.000Z');
    await repo.create(event);
    const result = await repo.mutate(event.id, (current) => ({
      ...current,
      startUtc: '2027-04-01T09:00:00.000Z',
      endUtc: '2027-04-01T11:00:00.000Z',
      sequence: current.sequence + 1,
    }));
    expect(result).toMatchObject({ changed: true, event: { sequence: 1 } });
    expect(await repo.listStartingBetween('2027-01-01T00:00:00.000Z', '2027-03-01T00:00:00.000Z')).toEqual([]);
    expect((await repo.listUpcoming('2027-01-01T00:00:00.000Z', 10)).map((e) => [e.id, e.startUtc])).toEqual([
      [event.id, '2027-04-01T09:00:00.000Z'],
    ]);
    expect(await repo.mutate(event.id, () => 'unchanged')).toMatchObject({ changed: false, event: { sequence: 1 } });
    expect(await repo.mutate(newEventId(), () => 'unchanged')).toBeUndefined();
  });

  it('never loses a change when two writers race: the loser reads again and decides again', async () => {
    const repo = await repository();
    const event = eventAt('2027-02-01T10:00:00.000Z');
    await repo.create(event);
    const bump = (title: string) =>
      repo.mutate(event.id, (current) => ({ ...current, title: `${current.title} +${title}`, sequence: current.sequence + 1 }));
    await Promise.all([bump('a'), bump('b'), bump('c')]);
    const stored = (await repo.get(event.id))!.event;
    expect(stored.sequence).toBe(3);
    expect(stored.title.split(' +').slice(1).sort()).toEqual(['a', 'b', 'c']);
  });
});
