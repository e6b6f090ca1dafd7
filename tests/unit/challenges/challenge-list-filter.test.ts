import { isOverdue, listFilterFromData, parseListFilterText } from '../../../src/features/challenges/domain/challenge-list-filter';

describe('challenge list filters', () => {
  it('reads the list card inputs, falling back to the default for anything unknown', () => {
    expect(listFilterFromData({ status: 'in_progress', priorityArea: 'healthy', overdue: 'true' })).toEqual({
      status: 'in_progress',
      priorityArea: 'healthy',
      overdue: true,
    });
    expect(listFilterFromData({ status: 'all', priorityArea: 'all', overdue: 'false' })).toEqual({ status: 'all', overdue: false });
    expect(listFilterFromData({ status: 'drop table', priorityArea: 7 })).toEqual({ status: 'open', overdue: false });
    expect(listFilterFromData(null)).toEqual({ status: 'open', overdue: false });
  });

  it('reads filters typed after "challenge cards"', () => {
    expect(parseListFilterText('challenge cards')).toEqual({ status: 'open', overdue: false });
    expect(parseListFilterText('challenge cards overdue')).toEqual({ status: 'open', overdue: true });
    expect(parseListFilterText('challenge cards in progress healthy')).toEqual({
      status: 'in_progress',
      priorityArea: 'healthy',
      overdue: false,
    });
    expect(parseListFilterText('all challenge cards safe at home')).toEqual({ status: 'all', priorityArea: 'safe_home', overdue: false });
  });

  it('an open card is overdue from the day after its due date; finished ones never are', () => {
    expect(isOverdue({ status: 'accepted', dueOn: '2026-08-09' }, '2026-08-10')).toBe(true);
    expect(isOverdue({ status: 'in_progress', dueOn: '2026-08-10' }, '2026-08-10')).toBe(false);
    for (const status of ['completed', 'informed', 'declined', 'redirected'] as const)
      expect(isOverdue({ status, dueOn: '2020-01-01' }, '2026-08-10')).toBe(false);
  });
});
