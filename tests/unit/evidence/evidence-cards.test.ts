import { attendanceHistoryCard, occasionChoiceCard } from '../../../src/features/attendance/teams/attendance-cards';
import { youSaidWeDidCard, youSaidWeDidFormCard } from '../../../src/features/challenges/teams/you-said-we-did-cards';
import { loadKeyFigureDefinitions } from '../../../src/features/key-figures/domain/key-figure-definitions';
import { keyFiguresCard, keyFiguresFormCard } from '../../../src/features/key-figures/teams/key-figures-cards';
import { participationReportCard } from '../../../src/features/participation/teams/participation-cards';
import { buildParticipationReport } from '../../../src/features/participation/domain/participation-report';
import { myTrainingCard, trainingDueCard, trainingReminderCard } from '../../../src/features/training/teams/training-cards';
import { quarterPeriod, quartersEndingAt } from '../../../src/shared/reports/report-period';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';

const occasion = {
  kind: 'meeting' as const,
  id: 'mg-000000000000000000000001',
  title: 'Corporate Parenting Panel',
  startUtc: '2026-11-24T14:00:00.000Z',
  endUtc: '2026-11-24T16:00:00.000Z',
  cancelled: false,
};
const members = Array.from({ length: 200 }, (_, i) => ({
  aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  name: `Councillor Firstname Lastname-Longer ${i}`,
}));

describe('evidence cards', () => {
  const cards = {
    history: attendanceHistoryCard(occasion, [
      {
        occasionId: occasion.id,
        aadObjectId: 'a',
        name: 'Cllr *A*',
        to: 'attended',
        source: 'officer',
        by: { aadObjectId: 'o', name: 'Olivia' },
        atUtc: '2026-11-24T14:05:00.000Z',
        submissionId: 'f',
      },
    ]),
    occasions: occasionChoiceCard([occasion], 'Record attendance'),
    trainingDue: trainingDueCard(members as never, 200, { electionText: 'Thursday 1 May 2025', nextSessions: [] }),
    myTraining: myTrainingCard(
      { aadObjectId: 'a', sinceElection: [], beforeElection: [], due: true },
      { electionText: 'Thursday 1 May 2025', nextSessions: [] },
      false,
    ),
    reminder: trainingReminderCard({ electionText: 'Thursday 1 May 2025', nextSessions: [] }),
    participation: participationReportCard(
      buildParticipationReport({
        period: quarterPeriod(2026, 3),
        trendQuarters: quartersEndingAt('2026-09-30', 4),
        members,
        events: [],
        nowUtc: '2026-10-01T00:00:00.000Z',
      }),
      { docxUrl: 'https://bot.example/exports/participation.docx?x=1' },
    ),
    keyFigures: keyFiguresCard(undefined, { canEnter: true }),
    keyFiguresForm: keyFiguresFormCard(loadKeyFigureDefinitions(), '2026-Q3', undefined),
    youSaid: youSaidWeDidCard(
      { year: 2026, intro: 'Hello', items: [{ reference: 'CC-2026-001', youSaid: 'More help', weDid: 'We helped' }], version: 1 },
      { forOfficer: true },
    ),
    youSaidForm: youSaidWeDidFormCard(
      { year: 2026, intro: 'Hello', items: [{ reference: 'CC-2026-001', youSaid: 'More help', weDid: 'We helped' }], version: 1 },
      0,
    ),
  };

  it.each(Object.entries(cards))(
    '%s renders as a valid Adaptive Card 1.5 with nothing left unexpanded, under the Teams size limit',
    (_name, card) => {
      const json = JSON.stringify(card);
      expect(json).not.toContain('${');
      expect(adaptiveCardProblems(card)).toEqual([]);
      expect(Buffer.byteLength(json)).toBeLessThan(28 * 1024);
    },
  );

  it('escapes names people typed', () => {
    expect(JSON.stringify(cards.history)).toContain('Cllr \\\\*A\\\\*');
  });
});
