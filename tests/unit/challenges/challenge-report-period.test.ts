import {
  lastCompleteQuarter,
  parseReportPeriod,
  quarterPeriod,
  rangePeriod,
  yearPeriod,
} from '../../../src/features/challenges/domain/challenge-report-period';

const today = '2026-08-10';

describe('report periods', () => {
  it('Q3 2026 is the calendar quarter July to September, with an exclusive end for queries', () => {
    expect(parseReportPeriod('Q3 2026', today)).toEqual({
      title: 'Q3 2026',
      dates: '1 July to 30 September 2026',
      start: '2026-07-01',
      end: '2026-09-30',
      endExclusive: '2026-10-01',
    });
  });

  it.each([
    ['challenge report for Q3 2026', '2026-07-01', '2026-09-30'],
    ['for q1 2027', '2027-01-01', '2027-03-31'],
    ['quarter 2 2026', '2026-04-01', '2026-06-30'],
    ['Q4 of 2026', '2026-10-01', '2026-12-31'],
    ['2026 Q2', '2026-04-01', '2026-06-30'],
    ['for 2026', '2026-01-01', '2026-12-31'],
    ['2025', '2025-01-01', '2025-12-31'],
    ['this quarter', '2026-07-01', '2026-09-30'],
    ['last quarter', '2026-04-01', '2026-06-30'],
    ['this year', '2026-01-01', '2026-12-31'],
    ['last year', '2025-01-01', '2025-12-31'],
    ['from 1 July 2026 to 30 September 2026', '2026-07-01', '2026-09-30'],
    ['challenge report from 1st July 2026 - 30th Sept 2026.', '2026-07-01', '2026-09-30'],
    ['between 1/7/2026 and 15/8/2026', '2026-07-01', '2026-08-15'],
    ['2026-07-01 to 2026-09-30', '2026-07-01', '2026-09-30'],
    ['from July 2026 to September 2026', '2026-07-01', '2026-09-30'],
    ['February 2028 to February 2028', '2028-02-01', '2028-02-29'],
    ['from 30 December 2025 to 2 January 2026', '2025-12-30', '2026-01-02'],
  ])('%j is %s to %s', (text, start, end) => {
    const period = parseReportPeriod(text, today);
    expect([period.start, period.end]).toEqual([start, end]);
  });

  it('with nothing after "challenge report" it is the last complete quarter', () => {
    expect(parseReportPeriod('challenge report', today).title).toBe('Q2 2026');
    expect(parseReportPeriod('', '2026-02-01').title).toBe('Q4 2025');
    expect(lastCompleteQuarter('2026-10-01').title).toBe('Q3 2026');
    expect(lastCompleteQuarter('2026-09-30').title).toBe('Q2 2026');
  });

  it('a quarter without a year is the latest one that has begun', () => {
    expect(parseReportPeriod('Q3', today).title).toBe('Q3 2026');
    expect(parseReportPeriod('Q3', '2026-02-10').title).toBe('Q3 2025');
    expect(parseReportPeriod('Q1', '2026-01-01').title).toBe('Q1 2026');
  });

  it('titles and dates read naturally across a year end', () => {
    expect(rangePeriod('2025-12-30', '2026-01-02')).toMatchObject({
      title: '30 December 2025 to 2 January 2026',
      dates: '30 December 2025 to 2 January 2026',
      endExclusive: '2026-01-03',
    });
    expect(yearPeriod(2026)).toMatchObject({ title: '2026', dates: '1 January to 31 December 2026' });
    expect(quarterPeriod(2026, 4).endExclusive).toBe('2027-01-01');
  });

  it.each([
    ['from 30 September 2026 to 1 July 2026', /ends before it starts/],
    ['Q3 2014', /began in 2015/],
    ['from 31 February 2026 to 1 March 2026', /could not be read/],
    ['from 1 January 2015 to 1 January 2026', /at most 10 years/],
    ['sometime soon', /Quarters are calendar quarters: Q1 is January to March/],
    ['Q5 2026', /could not tell which period/],
  ])('refuses %j with a helpful message', (text, message) => {
    expect(() => parseReportPeriod(text, today)).toThrow(
      expect.objectContaining({ code: 'invalid_input', userMessage: expect.stringMatching(message) }),
    );
  });
});
