import { MeetingConcurrencyError, MeetingRepository } from '../../../src/features/meetings/data/meeting-repository';
import { type Meeting, mergeDraft, withChange } from '../../../src/features/meetings/domain/meeting';
import { TableClient } from '@azure/data-tables';
import { testConnectionString, testTableStore } from '../../support/test-storage';
import { aMeeting } from '../../unit/meetings/meeting-fixtures';

async function repository(): Promise<MeetingRepository> {
  const store = await testTableStore();
  return new MeetingRepository(store.client('meetings'));
}

const now = '2026-01-05T09:00:00.000Z';

describe('MeetingRepository against Azurite', () => {
  it('stores meetings and lists them by start with one range query, cancelled ones included', async () => {
    const repo = await repository();
    const march = aMeeting({ sourceId: '2', startUtc: '2027-03-16T10:00:00.000Z' });
    const january = aMeeting({ sourceId: '1', startUtc: '2027-01-19T10:00:00.000Z' });
    const cancelled = aMeeting({ sourceId: '3', startUtc: '2027-03-02T10:00:00.000Z', status: 'cancelled', cancelledReason: 'source' });
    const officer = aMeeting({ source: 'officer', sourceId: 'o-1', startUtc: '2027-03-20T10:00:00.000Z' });
    for (const m of [march, january, cancelled, officer]) await repo.create(m);

    expect((await repo.listStartingFrom('2027-01-01T00:00:00.000Z', 10)).map((m) => m.sourceId)).toEqual(['1', '3', '2', 'o-1']);
    expect((await repo.listStartingFrom('2027-01-01T00:00:00.000Z', 2)).map((m) => m.sourceId)).toEqual(['1', '3']);
    expect((await repo.listStartingBetween('2027-03-01T00:00:00.000Z', '2027-03-31T23:00:00.000Z')).map((m) => m.sourceId)).toEqual([
      '3',
      '2',
      'o-1',
    ]);
    expect(
      (await repo.listStartingBetween('2027-03-01T00:00:00.000Z', '2027-03-31T23:00:00.000Z', { source: 'officer' })).map(
        (m) => m.sourceId,
      ),
    ).toEqual(['o-1']);
    expect(await repo.listStartingBetween('2027-02-01T00:00:00.000Z', '2027-03-01T00:00:00.000Z')).toEqual([]);

    const read = await repo.get(january.id);
    expect(read?.meeting).toEqual(JSON.parse(JSON.stringify(january)));
    expect(read?.etag).toMatch(/\S/);
    expect(await repo.get('mg-000000000000000000000000')).toBeUndefined();
  });

  it('creating the same id twice fails with 409 (the natural idempotency key)', async () => {
    const repo = await repository();
    const meeting = aMeeting({ sourceId: 'dup', startUtc: '2027-01-19T10:00:00.000Z' });
    await repo.create(meeting);
    await expect(repo.create(meeting)).rejects.toMatchObject({ statusCode: 409 });
  });

  it('a move swaps the timeline row: the meeting is listed once, at its new time', async () => {
    const repo = await repository();
    const meeting = aMeeting({ sourceId: 'mv', startUtc: '2027-01-19T10:00:00.000Z' });
    await repo.create(meeting);
    const result = await repo.mutate(meeting.id, (current) =>
      mergeDraft(current, { ...current!, startUtc: '2027-02-02T10:00:00.000Z' }, now),
    );
    expect(result).toMatchObject({
      outcome: 'updated',
      meeting: { status: 'moved', previousStartUtc: '2027-01-19T10:00:00.000Z', sequence: 1 },
    });
    const all = await repo.listStartingFrom('2020-01-01T00:00:00.000Z', 10);
    expect(all.map((m) => [m.id, m.startUtc])).toEqual([[meeting.id, '2027-02-02T10:00:00.000Z']]);
  });

  it('mutate creates, reports unchanged, and never deletes', async () => {
    const repo = await repository();
    const meeting = aMeeting({ sourceId: 'new', startUtc: '2027-01-19T10:00:00.000Z' });
    expect((await repo.mutate(meeting.id, () => meeting)).outcome).toBe('created');
    expect((await repo.mutate(meeting.id, () => 'unchanged')).outcome).toBe('unchanged');
    expect(await repo.get(meeting.id)).toBeDefined();
  });

  it('replace with a stale ETag is refused (412 -> MeetingConcurrencyError) and changes nothing', async () => {
    const repo = await repository();
    const meeting = aMeeting({ sourceId: 'etag', startUtc: '2027-01-19T10:00:00.000Z' });
    await repo.create(meeting);
    const stale = (await repo.get(meeting.id))!;
    await repo.replace(stale, bump(stale.meeting, { venue: 'Council Chamber' }));
    await expect(repo.replace(stale, bump(stale.meeting, { venue: 'Somewhere else' }))).rejects.toBeInstanceOf(MeetingConcurrencyError);
    // Also when the stale write would have moved the meeting (old timeline row already gone).
    await expect(repo.replace(stale, bump(stale.meeting, { startUtc: '2027-05-01T09:00:00.000Z' }))).rejects.toBeInstanceOf(
      MeetingConcurrencyError,
    );
    expect((await repo.get(meeting.id))?.meeting.venue).toBe('Council Chamber');
    expect((await repo.listStartingFrom('2020-01-01T00:00:00.000Z', 10)).map((m) => m.venue)).toEqual(['Council Chamber']);
  });

  it('mutate re-reads after a conflicting write (412) and decides again on the fresh data', async () => {
    const store = await testTableStore();
    const table = store.client('meetings');
    const repo = new MeetingRepository(table);
    // Another instance, with its own client, writes between our read and our write.
    const other = new MeetingRepository(
      TableClient.fromConnectionString(testConnectionString(), store.tableName('meetings'), { allowInsecureConnection: true }),
    );
    const meeting = aMeeting({ sourceId: 'race', startUtc: '2027-01-19T10:00:00.000Z' });
    await repo.create(meeting);
    const submit = table.submitTransaction.bind(table);
    let interleaved = false;
    table.submitTransaction = async (actions) => {
      if (!interleaved) {
        interleaved = true;
        const theirs = (await other.get(meeting.id))!;
        await other.replace(theirs, bump(theirs.meeting, { notes: 'theirs' }));
      }
      return submit(actions);
    };
    let calls = 0;
    const result = await repo.mutate(meeting.id, (current) => {
      calls++;
      return withChange(current!, { ...current!, notes: `${current!.notes ?? ''}+ours` }, now);
    });
    expect(calls).toBe(2);
    expect(result.meeting?.notes).toBe('theirs+ours');
    expect((await repo.get(meeting.id))?.meeting).toMatchObject({ notes: 'theirs+ours', sequence: 2 });
  });
});

function bump(meeting: Meeting, changes: Partial<Meeting>): Meeting {
  return { ...meeting, ...changes, sequence: meeting.sequence + 1 };
}
