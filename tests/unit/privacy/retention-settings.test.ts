import { DateTime } from 'luxon';
import { ConfigError, loadConfig } from '../../../src/app/config';
import { RETENTION_SETTINGS, defaultRetention, describePeriod } from '../../../src/features/privacy/domain/retention-settings';
import { nextRun, purgeDetail } from '../../../src/features/privacy/retention-purge';
import { RETENTION_KINDS, retentionCutoff } from '../../../src/shared/personal-data';

const base = { NODE_ENV: 'test' };

describe('retention settings', () => {
  it('has a setting for every kind, and sensible defaults', () => {
    const retention = loadConfig(base).retention;
    expect(Object.keys(retention).sort()).toEqual([...RETENTION_KINDS].sort());
    expect(Object.fromEntries(RETENTION_KINDS.map((kind) => [RETENTION_SETTINGS[kind].variable, retention[kind].toISO()]))).toEqual({
      RETENTION_DELIVERY_RECORDS: 'P90D',
      RETENTION_ANSWER_FEEDBACK: 'P2Y',
      RETENTION_OFFICER_QUESTIONS: 'P2Y',
      RETENTION_APOLOGIES: 'P2Y',
      RETENTION_EVENT_REPLIES: 'P2Y',
      RETENTION_ATTENDANCE: 'P6Y',
      RETENTION_CLOSED_CHALLENGES: 'P6Y',
      RETENTION_AUDIT_LOG: 'P6Y',
      RETENTION_INACTIVE_MEMBERS: 'P2Y',
    });
    expect(Object.keys(defaultRetention()).sort()).toEqual([...RETENTION_KINDS].sort());
  });

  it("takes a council's own periods, in any ISO-8601 form", () => {
    const retention = loadConfig({ ...base, RETENTION_DELIVERY_RECORDS: 'p6m', RETENTION_AUDIT_LOG: 'P7Y6M' }).retention;
    expect(retention.deliveryRecords.toISO()).toBe('P6M');
    expect(describePeriod(retention.auditLog)).toBe('7 years 6 months');
    expect(describePeriod(retention.answerFeedback)).toBe('2 years');
  });

  it.each([
    ['RETENTION_DELIVERY_RECORDS', 'P7D', /from P31D to P20Y/],
    ['RETENTION_AUDIT_LOG', 'P6M', /from P1Y to P20Y/],
    ['RETENTION_APOLOGIES', 'P25Y', /to P20Y/],
    ['RETENTION_EVENT_REPLIES', 'two years', /ISO-8601 period/],
    ['RETENTION_ATTENDANCE', 'P-6Y', /ISO-8601 period/],
  ])('refuses %s=%s, naming the setting', (variable, value, message) => {
    expect(() => loadConfig({ ...base, [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, [variable]: value })).toThrow(new RegExp(variable));
    expect(() => loadConfig({ ...base, [variable]: value })).toThrow(message);
  });

  it('counts years as calendars do, from the moment the purge runs', () => {
    const now = DateTime.fromISO('2028-02-29T03:00:00Z');
    expect(retentionCutoff(now, defaultRetention(), 'apologies').toISO()).toBe('2026-02-28T03:00:00.000Z');
    expect(retentionCutoff(now, defaultRetention(), 'deliveryRecords').toISO()).toBe('2027-12-01T03:00:00.000Z');
  });
});

describe('the nightly purge', () => {
  it('runs at 02:30 London time: today if that is still ahead, else tomorrow, across the clock changes', () => {
    expect(nextRun(DateTime.fromISO('2026-11-23T01:00:00Z')).toUTC().toISO()).toBe('2026-11-23T02:30:00.000Z');
    expect(nextRun(DateTime.fromISO('2026-11-23T02:30:00Z')).toUTC().toISO()).toBe('2026-11-24T02:30:00.000Z');
    expect(nextRun(DateTime.fromISO('2026-06-01T12:00:00Z')).toUTC().toISO()).toBe('2026-06-02T01:30:00.000Z');
    // The night the clocks go forward (29 March 2026, 01:00 UTC), 02:30 is already summer time.
    expect(nextRun(DateTime.fromISO('2026-03-28T12:00:00Z')).toUTC().toISO()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('audits counts per table, leaving out tables with nothing deleted', () => {
    expect(
      purgeDetail([
        { table: 'outbox', kind: 'deliveryRecords', purged: 12 },
        { table: 'rsvps', kind: 'eventReplies', purged: 0 },
        { table: 'apologies', kind: 'apologies', purged: 2 },
        { table: 'apologies', kind: 'deliveryRecords', purged: 1 },
      ]),
    ).toBe('deleted outbox 12, apologies 3');
    expect(purgeDetail([{ table: 'rsvps', kind: 'eventReplies', purged: 0 }])).toBe('nothing to delete');
  });
});
