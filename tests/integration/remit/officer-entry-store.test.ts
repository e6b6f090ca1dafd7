import { OfficerEntryStore } from '../../../src/features/remit/data/officer-entry-store';
import type { OfficerEntry } from '../../../src/features/remit/domain/officer-entry';
import { MalformedStoredValueError } from '../../../src/platform/storage/stored-json';
import { testTableStore } from '../../support/test-storage';

const entry: OfficerEntry = {
  id: 'officer-0123456789abcdef',
  question: 'Can foster carers on the panel claim mileage?',
  answer: 'Yes: send the claim form to Democratic Services within three months.',
  addedByAadObjectId: '00000000-0000-4000-8000-000000000002',
  addedByName: 'Sam Patel',
  addedOn: '2026-12-01',
  owner: 'Democratic Services',
  reviewed: '2026-12-01',
  reviewBy: '2027-12-01',
  status: 'active',
};

/** Officer answers are stored JSON: parsed with their schema on every read, never cast. */
describe('the officer entry store against Azurite', () => {
  it('reads an entry back, skips a damaged row when listing, and names (never shows) a damaged row it is asked for', async () => {
    const store = await testTableStore();
    const table = store.client('officerentries');
    const entries = new OfficerEntryStore(table);
    expect(await entries.create(entry)).toBe('created');
    await table.createEntity({ partitionKey: 'entry', rowKey: 'officer-ffffffffffffffff', body: '{"question": "half a row' });
    await table.createEntity({
      partitionKey: 'entry',
      rowKey: 'officer-eeeeeeeeeeeeeeee',
      body: JSON.stringify({ ...entry, status: 'lost' }),
    });

    expect((await entries.list()).map((stored) => stored.entry)).toEqual([entry]);
    expect((await entries.get(entry.id))?.entry).toEqual(entry);
    await expect(entries.get('officer-ffffffffffffffff')).rejects.toThrow(MalformedStoredValueError);
    await expect(entries.get('officer-eeeeeeeeeeeeeeee')).rejects.toThrow('stored officer entry officer-eeeeeeeeeeeeeeee is malformed');
  });
});
