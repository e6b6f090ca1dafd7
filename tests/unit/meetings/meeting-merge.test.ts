import { type MeetingDraft, meetingIdFor, meetingIdSchema, mergeDraft } from '../../../src/features/meetings/domain/meeting';

const draft: MeetingDraft = {
  source: 'moderngov',
  sourceId: '9004',
  committee: 'Corporate Parenting Panel',
  title: 'Corporate Parenting Panel',
  startUtc: '2026-07-14T09:00:00.000Z',
  endUtc: '2026-07-14T12:00:00.000Z',
  zone: 'Europe/London',
  allDay: false,
  venue: 'Darent Room, Sessions House, County Hall, Maidstone',
  status: 'scheduled',
  agenda: { published: false, items: [] },
  minutes: { published: false },
  documents: [],
};
const t0 = '2026-01-05T09:00:00.000Z';
const t1 = '2026-01-05T10:00:00.000Z';

function first() {
  const created = mergeDraft(undefined, draft, t0);
  if (created === 'unchanged') throw new Error('expected a meeting');
  return created;
}

describe('merging a source draft into the stored meeting', () => {
  it('ids are stable per source and source id, and valid for card data', () => {
    const id = meetingIdFor('moderngov', '9004');
    expect(id).toBe(meetingIdFor('moderngov', '9004'));
    expect(id).not.toBe(meetingIdFor('ical', '9004'));
    expect(meetingIdSchema.safeParse(id).success).toBe(true);
    expect(meetingIdSchema.safeParse('mg-../../etc').success).toBe(false);
  });

  it('a new draft becomes a meeting at sequence 0', () => {
    expect(first()).toMatchObject({
      id: meetingIdFor('moderngov', '9004'),
      sequence: 0,
      createdAt: t0,
      updatedAt: t0,
      status: 'scheduled',
    });
  });

  it('the same draft again is unchanged (idempotent)', () => {
    expect(mergeDraft(first(), { ...draft }, t1)).toBe('unchanged');
  });

  it('a new start marks it moved, remembers the old start, bumps the sequence, and stays moved on re-sync', () => {
    const moved = mergeDraft(first(), { ...draft, startUtc: '2026-07-21T09:00:00.000Z', endUtc: '2026-07-21T12:00:00.000Z' }, t1);
    expect(moved).toMatchObject({
      status: 'moved',
      previousStartUtc: '2026-07-14T09:00:00.000Z',
      sequence: 1,
      updatedAt: t1,
      createdAt: t0,
    });
    if (moved === 'unchanged') throw new Error('expected a change');
    expect(mergeDraft(moved, { ...draft, startUtc: '2026-07-21T09:00:00.000Z', endUtc: '2026-07-21T12:00:00.000Z' }, t1)).toBe('unchanged');
  });

  it('cancelled at the source is cancelled; reinstated comes back', () => {
    const cancelled = mergeDraft(first(), { ...draft, status: 'cancelled' }, t1);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledReason: 'source', sequence: 1 });
    if (cancelled === 'unchanged') throw new Error('expected a change');
    const back = mergeDraft(cancelled, draft, t1);
    expect(back).toMatchObject({ status: 'scheduled', sequence: 2 });
    expect(back !== 'unchanged' && back.cancelledReason).toBeFalsy();
  });

  it('keeps officer notes on a synced meeting (sources never send notes)', () => {
    const withNotes = { ...first(), notes: 'Taxi booked for members from Ashford.' };
    expect(mergeDraft(withNotes, draft, t1)).toBe('unchanged');
  });

  it('a published agenda is a change', () => {
    expect(
      mergeDraft(
        first(),
        { ...draft, agenda: { published: true, url: 'https://democracy.kent.gov.uk/a', items: [{ number: '1.', title: 'Apologies' }] } },
        t1,
      ),
    ).toMatchObject({ sequence: 1, agenda: { published: true } });
  });
});
