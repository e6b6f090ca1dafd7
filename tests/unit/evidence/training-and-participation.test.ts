import type { ParticipationEvent } from '../../../src/features/events/domain/event';
import { buildParticipationReport } from '../../../src/features/participation/domain/participation-report';
import { FlaggedCouncillors } from '../../../src/features/training/domain/councillor-directory';
import { trainingRecords } from '../../../src/features/training/domain/training-record';
import { periodHeading, quarterPeriod, quartersEndingAt, rangePeriod, yearPeriod } from '../../../src/shared/reports/report-period';

const event = (id: string, kind: ParticipationEvent['kind'], startUtc: string, status: ParticipationEvent['status'] = 'scheduled') =>
  ({ id, title: `Event ${id}`, kind, startUtc, status }) as ParticipationEvent;
const attended = (ids: string[]) =>
  ids.map((aadObjectId) => ({
    occasionId: 'ev',
    aadObjectId,
    name: aadObjectId,
    status: 'attended' as const,
    source: 'officer' as const,
    by: { aadObjectId: 'o', name: 'o' },
    atUtc: '',
    submissionId: 's',
  }));

describe('training records', () => {
  const electionStartUtc = '2025-04-30T23:00:00.000Z';

  it('counts attended training since the start of election day in London, and nothing else', () => {
    const records = trainingRecords(
      ['a', 'b', 'c', 'd'],
      [
        { event: event('1', 'training', '2025-04-30T22:59:00.000Z'), attendance: attended(['a']) },
        { event: event('2', 'training', '2025-04-30T23:00:00.000Z'), attendance: attended(['b']) },
        { event: event('3', 'participation', '2026-01-01T10:00:00.000Z'), attendance: attended(['c']) },
        { event: event('4', 'training', '2026-01-01T10:00:00.000Z', 'cancelled'), attendance: attended(['d']) },
      ],
      electionStartUtc,
    );
    expect(
      [...records.values()].map((record) => [record.aadObjectId, record.due, record.sinceElection.length, record.beforeElection.length]),
    ).toEqual([
      ['a', true, 0, 1],
      ['b', false, 1, 0],
      ['c', true, 0, 0],
      ['d', true, 0, 0],
    ]);
  });

  it('takes councillors to be the active people with the councillor flag, on the panel or not, and nobody else', async () => {
    const people = [
      { aadObjectId: 'o', name: 'o', role: 'officer', councillor: false, active: true, fixed: false },
      { aadObjectId: 'x', name: 'x', role: 'admin', councillor: false, active: true, fixed: true },
      { aadObjectId: 'p', name: 'p', role: 'panel', councillor: false, active: true, fixed: false },
      { aadObjectId: 'pc', name: 'pc', role: 'panel', councillor: true, active: true, fixed: false },
      { aadObjectId: 'gc', name: 'gc', role: 'guest', councillor: true, active: true, fixed: false },
      { aadObjectId: 'g', name: 'g', role: 'guest', councillor: false, active: true, fixed: false },
    ] as const;
    const directory = new FlaggedCouncillors({
      activeWhere: async (test) => people.filter((person) => test(person)).map((person) => ({ ...person }) as never),
    });
    expect((await directory.listCouncillors()).map((m) => m.aadObjectId)).toEqual(['pc', 'gc']);
  });
});

describe('participation report', () => {
  const members = ['a', 'b', 'c', 'd'].map((id) => ({ aadObjectId: id, name: `Cllr ${id.toUpperCase()}` }));

  it('counts invited, replied and attended per member over participation events only, and the share who attended any', () => {
    const report = buildParticipationReport({
      period: quarterPeriod(2026, 3),
      trendQuarters: quartersEndingAt('2026-09-30', 4),
      members,
      nowUtc: '2026-12-01T00:00:00.000Z',
      events: [
        {
          event: event('1', 'participation', '2026-07-10T10:00:00.000Z'),
          invited: ['a', 'b', 'c', 'd'],
          replied: ['a', 'b'],
          attended: ['a'],
        },
        {
          event: event('2', 'achievement-awards', '2026-09-30T22:30:00.000Z'),
          invited: ['a', 'b'],
          replied: ['b'],
          attended: ['b', 'b', 'zz'],
        },
        { event: event('3', 'training', '2026-08-01T10:00:00.000Z'), invited: ['c'], replied: ['c'], attended: ['c'] },
        { event: event('4', 'vsk-activity', '2026-08-02T10:00:00.000Z', 'cancelled'), invited: ['d'], replied: ['d'], attended: ['d'] },
        { event: event('5', 'foster-carer', '2026-04-02T10:00:00.000Z'), invited: ['d'], replied: [], attended: ['d'] },
      ],
    });
    // 23:30 on 30 September in London (BST) is still Q3; training, cancelled events and non-members do not count.
    expect(report.eventsHeld).toBe(2);
    expect(report.rows.map((row) => [row.aadObjectId, row.invited, row.replied, row.attended])).toEqual([
      ['a', 2, 1, 1],
      ['b', 2, 2, 1],
      ['c', 1, 0, 0],
      ['d', 1, 0, 0],
    ]);
    expect(report.sharePercent).toBe(50);
    expect(report.attendances).toBe(2);
    expect(report.trend.map((point) => [point.quarter, point.sharePercent])).toEqual([
      ['Q4 2025', 0],
      ['Q1 2026', 0],
      ['Q2 2026', 25],
      ['Q3 2026', 50],
    ]);
    expect(
      buildParticipationReport({
        period: yearPeriod(2026),
        trendQuarters: quartersEndingAt('2026-12-31', 4),
        members,
        nowUtc: '2027-01-05T00:00:00.000Z',
        events: [],
      }).sharePercent,
    ).toBe(0);
  });
});

describe("a document's period heading", () => {
  it('gives a quarter or a year with its dates, and a date range in its own words once', () => {
    expect(periodHeading(quarterPeriod(2026, 3))).toBe('Q3 2026: 1 July to 30 September 2026');
    expect(periodHeading(yearPeriod(2026))).toBe('2026: 1 January to 31 December 2026');
    expect(periodHeading(rangePeriod('2026-11-01', '2026-11-23'))).toBe('1 November 2026 to 23 November 2026');
  });
});
