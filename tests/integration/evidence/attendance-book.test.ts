import { AttendanceBook } from '../../../src/features/attendance/data/attendance-book';
import { KeyFiguresStore } from '../../../src/features/key-figures/data/key-figures-store';
import type { TableStore } from '../../../src/platform/storage/table-store';
import { testTableStore } from '../../support/test-storage';

const EVENT = 'ev-0000000000000000000000aa';
const officer = { aadObjectId: '11111111-1111-4111-8111-111111111111', name: 'Olivia Officer' };
const colleague = { aadObjectId: '22222222-2222-4222-8222-222222222222', name: 'Sam Officer' };
const member = (i: number) => ({ aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Cllr ${i}` });

describe('attendance in Azure Tables', () => {
  let store: TableStore;
  let book: AttendanceBook;

  beforeAll(async () => {
    store = await testTableStore();
    book = new AttendanceBook(store.client('attendance'));
  });

  it('applies a submission delivered twice at once exactly once, with one history row per change', async () => {
    const wanted = Array.from({ length: 30 }, (_, i) => ({
      member: member(i),
      status: (i % 3 === 0 ? 'absent' : 'attended') as 'absent' | 'attended',
    }));
    const request = {
      occasionId: EVENT,
      wanted,
      by: officer,
      source: 'officer' as const,
      submissionId: 'form-aaaaaaaa',
      atUtc: '2026-11-24T10:05:00.000Z',
      since: '2026-11-24T10:00:00.000Z',
    };
    const [first, second] = await Promise.all([book.apply(request), book.apply(request)]);
    expect(first.changes.length + second.changes.length).toBe(30);
    expect(first.alreadyApplied + second.alreadyApplied + first.unchanged + second.unchanged).toBe(30);
    expect(await book.history(EVENT)).toHaveLength(30);
    expect((await book.records(EVENT)).filter((record) => record.status === 'attended')).toHaveLength(20);
    // The report's narrow query: the same 20, and none of the history rows in the partition.
    expect((await book.attendedIds(EVENT)).sort()).toEqual(
      wanted
        .filter((entry) => entry.status === 'attended')
        .map((entry) => entry.member.aadObjectId)
        .sort(),
    );
  });

  it('keeps a correction audited, and leaves alone what a colleague changed after the form was drawn', async () => {
    await book.apply({
      occasionId: EVENT,
      wanted: [{ member: member(0), status: 'attended' }],
      by: colleague,
      source: 'officer',
      submissionId: 'form-bbbbbbbb',
      atUtc: '2026-11-24T10:20:00.000Z',
    });
    const stale = await book.apply({
      occasionId: EVENT,
      wanted: [
        { member: member(0), status: 'absent' },
        { member: member(1), status: 'absent' },
      ],
      by: officer,
      source: 'officer',
      submissionId: 'form-cccccccc',
      atUtc: '2026-11-24T10:30:00.000Z',
      since: '2026-11-24T10:10:00.000Z',
    });
    expect(stale.conflicts.map((record) => record.aadObjectId)).toEqual([member(0).aadObjectId]);
    expect(stale.changes.map((change) => [change.aadObjectId, change.from, change.to])).toEqual([
      [member(1).aadObjectId, 'attended', 'absent'],
    ]);
    const history = (await book.history(EVENT)).filter((change) => change.aadObjectId === member(0).aadObjectId);
    expect(history.map((change) => [change.to, change.by.name])).toEqual([
      ['absent', 'Olivia Officer'],
      ['attended', 'Sam Officer'],
    ]);
    expect((await book.record(EVENT, member(0).aadObjectId))?.status).toBe('attended');
  });

  it('saves key figures once per form and keeps the version a correction replaced', async () => {
    const figures = new KeyFiguresStore(store.client('keyfigures'));
    const entry = {
      quarter: '2026-Q3',
      values: { 'children-in-care': 1870 },
      source: 'Report',
      enteredBy: officer,
      enteredAtUtc: '2026-10-02T09:00:00.000Z',
      formId: 'form-1111',
    };
    expect((await figures.save(entry)).outcome).toBe('saved');
    expect((await figures.save(entry)).outcome).toBe('already_saved');
    const corrected = await figures.save({ ...entry, values: { 'children-in-care': 1872 }, formId: 'form-2222' });
    expect(corrected.figures.version).toBe(2);
    await figures.markAnnounced('2026-Q3', 'bulletin:2026-W41');
    await figures.markAnnounced('2026-Q3', 'bulletin:2026-W42');
    expect((await figures.get('2026-Q3'))?.announcedIn).toBe('bulletin:2026-W41');
    expect((await figures.latest('2026-Q4', 4)).map((q) => q.values['children-in-care'])).toEqual([1872]);
    const history = [];
    for await (const row of store.client('keyfigures').listEntities({ queryOptions: { filter: "PartitionKey eq 'history'" } }))
      history.push(row.rowKey);
    expect(history).toEqual(['2026-Q3|v1']);
  });
});
