import {
  OUTBOX_SHARDS,
  allShardPartitions,
  dueRange,
  messageKeys,
  padMs,
  pendingRowKey,
  recordRange,
} from '../../../src/platform/delivery/outbox-keys';
import { assertValidKey } from '../../../src/platform/storage/keys';

describe('outbox keys', () => {
  it('orders padded instants as strings the way they order as numbers', () => {
    const instants = [0, 9, 10, 1_700_000_000_000, 1_800_000_000_000, 99_999_999_999_999];
    const padded = instants.map(padMs);
    expect([...padded].sort()).toEqual(padded);
  });

  it('puts rows due now or earlier inside the due range and later ones outside', () => {
    const keys = messageKeys('batch-1', 'k');
    const { from, to } = dueRange(1_000_000);
    const at = (ms: number) => pendingRowKey(ms, keys);
    const inside = (key: string) => key >= from && key < to;
    expect(inside(at(0))).toBe(true);
    expect(inside(at(1_000_000))).toBe(true);
    expect(inside(at(1_000_001))).toBe(false);
    expect(inside(keys.recordRowKey)).toBe(false);
  });

  it('keeps a batch’s records in its own range and out of every other batch’s', () => {
    const a = messageKeys('invitation:1', 'x');
    const b = messageKeys('invitation:10', 'x');
    const range = recordRange(a.batchHash);
    expect(a.recordRowKey >= range.from && a.recordRowKey < range.to).toBe(true);
    expect(b.recordRowKey >= range.from && b.recordRowKey < range.to).toBe(false);
  });

  it('derives the same valid keys from the same ids, and spreads messages over every shard', () => {
    expect(messageKeys('b', 'reminder:m1:24h:u1')).toEqual(messageKeys('b', 'reminder:m1:24h:u1'));
    const keys = messageKeys('b/with#odd?chars', 'key\\with/slashes');
    expect(() => assertValidKey(keys.recordRowKey, 'row')).not.toThrow();
    expect(() => assertValidKey(pendingRowKey(5, keys), 'row')).not.toThrow();
    const used = new Set(Array.from({ length: 200 }, (_, i) => messageKeys('b', `k${i}`).partitionKey));
    expect([...used].sort()).toEqual(allShardPartitions().sort());
    expect(used.size).toBe(OUTBOX_SHARDS);
  });
});
