import { buildChallengeReport } from '../../../src/features/challenges/domain/challenge-report';
import { challengeReportCsv, challengeReportFileName } from '../../../src/features/challenges/domain/challenge-report-csv';
import { quarterPeriod } from '../../../src/features/challenges/domain/challenge-report-period';
import type { ChallengeSummary } from '../../../src/features/challenges/domain/challenge-summary';
import { aSummary } from './challenge-fixtures';

const completed = aSummary('CC-2026-001', {
  raisedOn: '2026-07-02',
  dueOn: '2026-08-01',
  changes: [
    ['accepted', '2026-07-05T10:00:00.000Z'],
    ['completed', '2026-08-20T10:00:00.000Z'],
  ],
  firstResponseAtUtc: '2026-07-05T10:00:00.000Z',
  explanation: 'A rent guarantor scheme, "Kent Guarantee",\nfor care leavers.',
});
const hostile: ChallengeSummary = {
  ...aSummary('CC-2026-002', { raisedOn: '2026-07-10', dueOn: '2026-07-20' }),
  title: '=HYPERLINK("http://evil.example","click")',
  group: 'Siobhán’s group, Margate',
};
const report = buildChallengeReport([completed, hostile], quarterPeriod(2026, 3), '2026-10-05T09:00:00.000Z');

describe('challenge report CSV', () => {
  const csv = challengeReportCsv(report);
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n');

  it('starts with a byte-order mark and a header naming the status date', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe(
      'Reference,Title,Raised by,Date raised,Priority area,Lead officer,Due,Status at 2026-09-30,Overdue,Days to first response,Completed on,Explanation for the young people',
    );
  });

  it('writes one CRLF line per card, quoting commas, quotes and line breaks', () => {
    expect(lines).toHaveLength(4); // header, two cards, trailing empty after the last CRLF
    expect(lines[3]).toBe('');
    expect(lines[1]).toBe(
      'CC-2026-001,Challenge CC-2026-001,Our Children and Young People\'s Council (OCYPC),2026-07-02,Developing into successful and responsible adults,Sam Patel (Virtual School Kent),2026-08-01,Completed,No,3,2026-08-20,"A rent guarantor scheme, ""Kent Guarantee"", for care leavers."',
    );
  });

  it('neutralises formulas typed into a card and keeps non-ASCII text', () => {
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(lines[2]).toContain('"Siobhán’s group, Margate"');
    expect(lines[2]).toContain(',Received,Yes,,,');
  });

  it('names the file after the period', () => {
    expect(challengeReportFileName(report)).toBe('challenge-cards-Q3-2026.csv');
  });

  it('an empty report is the header alone', () => {
    const empty = challengeReportCsv(buildChallengeReport([], quarterPeriod(2026, 1), '2026-10-05T09:00:00.000Z'));
    expect(empty.replace(/^\uFEFF/, '').split('\r\n')).toHaveLength(2);
  });
});
