import { type AttendanceRecord, checkInOpen, recordingOpen } from '../../../src/features/attendance/domain/attendance';
import { ROSTER_PAGE_SIZE, buildRoster, rosterPage, rosterTotals } from '../../../src/features/attendance/domain/attendance-roster';
import { attendanceFormCard } from '../../../src/features/attendance/teams/attendance-cards';

const occasion = {
  kind: 'event' as const,
  id: 'ev-000000000000000000000001',
  title: 'Training',
  startUtc: '2026-11-24T10:00:00.000Z',
  endUtc: '2026-11-24T12:00:00.000Z',
  cancelled: false,
};
const person = (i: number) => ({
  aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  name: `Cllr Member ${String(i).padStart(3, '0')}`,
});
const record = (i: number, status: 'attended' | 'absent', source: 'officer' | 'check_in' = 'officer'): AttendanceRecord => ({
  occasionId: occasion.id,
  ...person(i),
  status,
  source,
  by: person(900),
  atUtc: '2026-11-24T10:05:00.000Z',
  submissionId: 'form-1',
});

describe('attendance rules', () => {
  it('opens check-in half an hour before the start and closes it at the end, never for a cancelled occasion', () => {
    expect(checkInOpen(occasion, '2026-11-24T09:29:59.000Z')).toBe(false);
    expect(checkInOpen(occasion, '2026-11-24T09:30:00.000Z')).toBe(true);
    expect(checkInOpen(occasion, '2026-11-24T11:59:59.000Z')).toBe(true);
    expect(checkInOpen(occasion, '2026-11-24T12:00:00.000Z')).toBe(false);
    expect(checkInOpen({ ...occasion, cancelled: true }, '2026-11-24T10:30:00.000Z')).toBe(false);
    expect(recordingOpen(occasion, '2026-11-23T10:00:00.000Z')).toBe(false);
    expect(recordingOpen(occasion, '2026-12-24T10:00:00.000Z')).toBe(true);
  });

  it('pre-ticks Going and Maybe until something is recorded, and shows apologies and check-ins', () => {
    const roster = buildRoster({
      kind: 'event',
      invited: [person(1), person(2), person(3), person(4)],
      rsvps: new Map([
        [person(1).aadObjectId, 'going'],
        [person(2).aadObjectId, 'maybe'],
        [person(3).aadObjectId, 'not_going'],
        [person(4).aadObjectId, 'going'],
      ]),
      records: [record(4, 'absent'), record(5, 'attended', 'check_in')],
    });
    expect(roster.map((entry) => [entry.name, entry.preTicked])).toEqual([
      ['Cllr Member 001', true],
      ['Cllr Member 002', true],
      ['Cllr Member 003', false],
      ['Cllr Member 004', false],
      ['Cllr Member 005', true],
    ]);
    expect(roster[4]!.note).toMatch(/^checked in 10:05am$/);
    const meeting = buildRoster({
      kind: 'meeting',
      invited: [person(1), person(2)],
      apologies: new Set([person(2).aadObjectId]),
      records: [],
    });
    expect(meeting.map((entry) => [entry.preTicked, entry.note])).toEqual([
      [false, ''],
      [false, 'apologies sent'],
    ]);
    expect(rosterTotals(meeting)).toEqual({ attended: 0, absent: 0, apologies: 1, notRecorded: 1 });
  });

  it("pages a big audience so each form card stays under Teams' 28 KB limit", () => {
    const invited = Array.from({ length: 230 }, (_, i) => ({ ...person(i), name: `Councillor With A Long Double-Barrelled Name ${i}` }));
    const roster = buildRoster({
      kind: 'event',
      invited,
      rsvps: new Map(invited.map((p) => [p.aadObjectId, 'going' as const])),
      records: [],
    });
    expect(rosterPage(roster, 0).pages).toBe(Math.ceil(230 / ROSTER_PAGE_SIZE));
    expect(rosterPage(roster, 99).page).toBe(rosterPage(roster, 0).pages - 1);
    for (let page = 0; page < rosterPage(roster, 0).pages; page++) {
      const card = attendanceFormCard(occasion, roster, { page, nowUtc: '2026-11-24T10:10:00.000Z', totals: rosterTotals(roster) });
      expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28 * 1024);
      expect(JSON.stringify(card)).not.toContain('${');
    }
  });
});
