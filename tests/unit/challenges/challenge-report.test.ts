import { averageOf, buildChallengeReport, daysBetween, oneLine, statusAt } from '../../../src/features/challenges/domain/challenge-report';
import { quarterPeriod, rangePeriod } from '../../../src/features/challenges/domain/challenge-report-period';
import { aSummary } from './challenge-fixtures';

const q3 = quarterPeriod(2026, 3);
const afterQ3 = '2026-10-05T09:00:00.000Z';

/** Q3 2026 (London), with cards on every edge. BST: London midnight on 1 October is 23:00 UTC on 30 September. */
const cards = [
  // new, answered in 3 days, completed mid-quarter
  aSummary('CC-2026-001', {
    raisedOn: '2026-07-02',
    dueOn: '2026-08-01',
    changes: [
      ['accepted', '2026-07-05T10:00:00.000Z'],
      ['completed', '2026-08-20T10:00:00.000Z'],
    ],
    firstResponseAtUtc: '2026-07-05T10:00:00.000Z',
    explanation: 'A rent guarantor scheme for care leavers,\nstarting in September.',
  }),
  // new, never answered, overdue
  aSummary('CC-2026-002', { raisedOn: '2026-07-10', dueOn: '2026-07-20' }),
  // raised before the quarter, still in progress: carried over
  aSummary('CC-2026-003', {
    raisedOn: '2026-05-01',
    dueOn: '2026-12-31',
    changes: [
      ['accepted', '2026-05-03T10:00:00.000Z'],
      ['in_progress', '2026-06-01T10:00:00.000Z'],
    ],
    firstResponseAtUtc: '2026-05-03T10:00:00.000Z',
    priorityArea: 'healthy',
  }),
  // final before the quarter began: out
  aSummary('CC-2026-004', {
    raisedOn: '2026-06-01',
    dueOn: '2026-06-20',
    changes: [
      ['declined', '2026-06-02T10:00:00.000Z'],
      ['informed', '2026-06-30T10:00:00.000Z'],
    ],
    explanation: 'No.',
  }),
  // raised on the last day, first answered after the quarter: new, still waiting at the end
  aSummary('CC-2026-005', {
    raisedOn: '2026-09-30',
    dueOn: '2026-10-30',
    changes: [['accepted', '2026-10-02T10:00:00.000Z']],
    firstResponseAtUtc: '2026-10-02T10:00:00.000Z',
  }),
  // raised the day after: out
  aSummary('CC-2026-006', { raisedOn: '2026-10-01', dueOn: '2026-10-30' }),
  // new, declined next day, young people told after the quarter: declined at the end
  aSummary('CC-2026-007', {
    raisedOn: '2026-08-01',
    dueOn: '2026-09-01',
    changes: [
      ['declined', '2026-08-02T09:00:00.000Z'],
      ['informed', '2026-10-03T10:00:00.000Z'],
    ],
    firstResponseAtUtc: '2026-08-02T09:00:00.000Z',
    explanation: 'National rules set this.',
    priorityArea: 'safe_home',
  }),
  // raised on the first day, answered in 7 days, completed at 00:30 BST on 1 October: not completed in Q3; due on the last day: overdue at the end
  aSummary('CC-2026-008', {
    raisedOn: '2026-07-01',
    dueOn: '2026-09-30',
    changes: [
      ['accepted', '2026-07-08T10:00:00.000Z'],
      ['completed', '2026-09-30T23:30:00.000Z'],
    ],
    firstResponseAtUtc: '2026-07-08T10:00:00.000Z',
    explanation: 'Done after the quarter.',
  }),
  // raised before, completed at 00:30 BST on 1 July: completed in Q3
  aSummary('CC-2026-009', {
    raisedOn: '2026-06-15',
    dueOn: '2026-07-15',
    changes: [
      ['accepted', '2026-06-16T10:00:00.000Z'],
      ['completed', '2026-06-30T23:30:00.000Z'],
    ],
    firstResponseAtUtc: '2026-06-16T10:00:00.000Z',
    explanation: 'Council tax exemption for care leavers up to 25.',
  }),
];

describe('challenge report arithmetic', () => {
  const report = buildChallengeReport(cards, q3, afterQ3);

  it('covers the cards open at some time in the period, and no others', () => {
    expect(report.rows.map((row) => row.reference)).toEqual([
      'CC-2026-001',
      'CC-2026-002',
      'CC-2026-003',
      'CC-2026-005',
      'CC-2026-007',
      'CC-2026-008',
      'CC-2026-009',
    ]);
    expect(report.inScope).toBe(7);
    expect(report.partial).toBe(false);
    expect(report.asOf).toBe('2026-09-30');
  });

  it('counts new, completed, declined and overdue in the period, on London dates', () => {
    expect(report.raised).toBe(5); // 001, 002, 005, 007, 008
    expect(report.completed).toBe(2); // 001, 009 (008 completed on 1 October, London time)
    expect(report.declined).toBe(1);
    expect(report.redirected).toBe(0);
    expect(report.overdue).toBe(2); // 002 (received, due 20 July), 008 (in progress at the end, due 30 September)
  });

  it('takes statuses as they stood at the end of the period', () => {
    const status = Object.fromEntries(report.rows.map((row) => [row.reference, row.status]));
    expect(status).toEqual({
      'CC-2026-001': 'completed',
      'CC-2026-002': 'received',
      'CC-2026-003': 'in_progress',
      'CC-2026-005': 'received',
      'CC-2026-007': 'declined',
      'CC-2026-008': 'accepted',
      'CC-2026-009': 'completed',
    });
    expect(report.byStatus).toEqual([
      { status: 'received', label: 'Received', count: 2 },
      { status: 'accepted', label: 'Accepted', count: 1 },
      { status: 'declined', label: 'Declined', count: 1 },
      { status: 'redirected', label: 'Redirected', count: 0 },
      { status: 'in_progress', label: 'In progress', count: 1 },
      { status: 'completed', label: 'Completed', count: 2 },
      { status: 'informed', label: 'Young people informed', count: 0 },
    ]);
    expect(report.byPriority.map((entry) => entry.count)).toEqual([0, 5, 1, 1]);
  });

  it('averages days to first response over the new cards answered by the end', () => {
    // 001: 3 days, 007: 1 day, 008: 7 days; 002 and 005 still waiting at the end
    expect(report.averageDaysToFirstResponse).toBe(3.7);
    expect(report.responded).toBe(3);
    expect(report.awaitingFirstResponse).toBe(2);
    expect(report.rows.find((row) => row.reference === 'CC-2026-005')?.daysToFirstResponse).toBeUndefined();
  });

  it("lists each completed card's outcome on one line, by completion date", () => {
    expect(report.outcomes).toEqual([
      {
        reference: 'CC-2026-009',
        title: 'Challenge CC-2026-009',
        completedOn: '2026-07-01',
        outcome: 'Council tax exemption for care leavers up to 25.',
      },
      {
        reference: 'CC-2026-001',
        title: 'Challenge CC-2026-001',
        completedOn: '2026-08-20',
        outcome: 'A rent guarantor scheme for care leavers, starting in September.',
      },
    ]);
  });

  it('a period still running is reported as at now, and a card due today is not yet overdue', () => {
    const partial = buildChallengeReport(cards, q3, '2026-09-30T12:00:00.000Z');
    expect(partial.partial).toBe(true);
    expect(partial.asOf).toBe('2026-09-30');
    expect(partial.overdue).toBe(1); // 002 only: 008 is due today
    const august = buildChallengeReport(cards, q3, '2026-08-10T09:00:00.000Z');
    expect(august.rows.find((row) => row.reference === 'CC-2026-001')?.status).toBe('accepted');
    expect(august.completed).toBe(1); // 009
    expect(august.raised).toBe(4); // 001, 002, 007, 008; 005 not raised yet
  });

  it('an empty period has no average and zero counts', () => {
    const empty = buildChallengeReport([], rangePeriod('2026-01-01', '2026-01-31'), afterQ3);
    expect(empty).toMatchObject({ inScope: 0, raised: 0, completed: 0, overdue: 0, responded: 0, awaitingFirstResponse: 0, outcomes: [] });
    expect(empty.averageDaysToFirstResponse).toBeUndefined();
  });
});

describe('report helpers', () => {
  it('statusAt takes the last change strictly before the instant', () => {
    const card = aSummary('CC-2026-010', {
      raisedOn: '2026-07-01',
      dueOn: '2026-08-01',
      changes: [['accepted', '2026-07-05T10:00:00.000Z']],
    });
    expect(statusAt(card, '2026-07-05T10:00:00.000Z')).toBe('received');
    expect(statusAt(card, '2026-07-05T10:00:00.001Z')).toBe('accepted');
    expect(statusAt(card, '2026-06-01T00:00:00.000Z')).toBe('received');
  });

  it('averages to one decimal place', () => {
    expect(averageOf([])).toBeUndefined();
    expect(averageOf([1, 2])).toBe(1.5);
    expect(averageOf([1, 1, 2])).toBe(1.3);
    expect(averageOf([2, 2, 3])).toBe(2.3);
    expect(averageOf([0])).toBe(0);
  });

  it('counts calendar days, across the clocks changing', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-07-01', '2026-07-01')).toBe(0);
  });

  it('oneLine flattens and cuts at a word', () => {
    expect(oneLine('a\n\nb   c')).toBe('a b c');
    const cut = oneLine(`${'word '.repeat(50)}end`);
    expect(cut.length).toBeLessThanOrEqual(160);
    expect(cut.endsWith('word…')).toBe(true);
  });
});
