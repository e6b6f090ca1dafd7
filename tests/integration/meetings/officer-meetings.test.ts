import { DomainError } from '../../../src/shared/errors/domain-error';
import type { Actor } from '../../../src/shared/access/actor';
import { type MeetingDraft, meetingIdFor, mergeDraft } from '../../../src/features/meetings/domain/meeting';
import { MeetingRepository } from '../../../src/features/meetings/data/meeting-repository';
import { MeetingFormError, OfficerMeetings } from '../../../src/features/meetings/officer-meetings';
import { ManualClock } from '../../../src/platform/time/clock';
import { testTableStore } from '../../support/test-storage';

const officer: Actor = { aadObjectId: 'o-1', name: 'Officer', tenantId: 't', role: 'officer' };
const member: Actor = { ...officer, aadObjectId: 'm-1', role: 'panel' };
const form = {
  title: '  Corporate Parenting Panel briefing ',
  startDate: '2026-02-03',
  startTime: '14:00',
  endDate: '',
  endTime: '15:30',
  venue: 'Darent Room, Sessions House, County Hall, Maidstone',
  agendaUrl: 'https://democracy.kent.gov.uk/ieListDocuments.aspx?CId=693&MId=9999',
  notes: 'Informal; no papers.',
};

async function setUp() {
  const store = await testTableStore();
  const clock = new ManualClock('2026-01-05T09:00:00Z');
  const repository = new MeetingRepository(store.client('meetings'));
  return { repository, clock, officers: new OfficerMeetings(repository, clock, { committee: 'Corporate Parenting Panel' }) };
}

async function formError(promise: Promise<unknown>): Promise<MeetingFormError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MeetingFormError) return error;
    throw error;
  }
  throw new Error('expected a MeetingFormError');
}

describe('officer meetings against Azurite', () => {
  it('an officer adds a meeting: London times to UTC, trimmed, source officer', async () => {
    const { officers, repository } = await setUp();
    const { meeting } = await officers.add(officer, form);
    expect(meeting).toMatchObject({
      source: 'officer',
      title: 'Corporate Parenting Panel briefing',
      startUtc: '2026-02-03T14:00:00.000Z',
      endUtc: '2026-02-03T15:30:00.000Z',
      status: 'scheduled',
      agenda: { published: true, url: form.agendaUrl },
      notes: 'Informal; no papers.',
      sequence: 0,
    });
    expect((await repository.get(meeting.id))?.meeting).toEqual(meeting);
    expect(meeting.id).toBe(meetingIdFor('officer', meeting.sourceId));
  });

  it('adds one meeting per form, however often (and however concurrently) the form is delivered', async () => {
    const { officers, repository } = await setUp();
    const submitted = { ...form, formId: '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e' };
    const [first, second] = await Promise.all([officers.add(officer, submitted), officers.add(officer, submitted)]);
    const third = await officers.add(officer, submitted);
    expect([first.outcome, second.outcome].sort()).toEqual(['created', 'duplicate']);
    expect(third.outcome).toBe('duplicate');
    expect(new Set([first.meeting.id, second.meeting.id, third.meeting.id]).size).toBe(1);
    expect(await repository.listStartingFrom('2026-01-01T00:00:00.000Z', 10)).toHaveLength(1);
    const other = await officers.add(officer, { ...form, formId: '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4f' });
    expect(other.outcome).toBe('created');
  });

  it('members cannot add, edit or cancel', async () => {
    const { officers } = await setUp();
    await expect(officers.add(member, form)).rejects.toMatchObject({ code: 'forbidden' });
    const { meeting } = await officers.add(officer, form);
    await expect(officers.cancel(member, meeting.id)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('validation: required title, start before end, not in the past, bounded sizes, https links; every field reported', async () => {
    const { officers } = await setUp();
    const bad = await formError(
      officers.add(officer, { ...form, title: ' ', agendaUrl: 'http://insecure.example/agenda', notes: 'x'.repeat(2001) }),
    );
    expect(bad.code).toBe('invalid_input');
    expect(bad.fieldErrors).toEqual({
      title: 'Enter a title',
      agendaUrl: 'The agenda link must be a full https:// address',
      notes: 'Notes must be at most 2000 characters',
    });
    expect(bad.values.agendaUrl).toBe('http://insecure.example/agenda');

    expect((await formError(officers.add(officer, { ...form, endTime: '13:00' }))).fieldErrors).toEqual({
      endTime: 'The end must be after the start',
    });
    expect(
      (await formError(officers.add(officer, { ...form, startDate: '2026-01-05', startTime: '08:00', endTime: '09:00' }))).fieldErrors,
    ).toEqual({ startDate: 'The start must be in the future' });
    expect((await formError(officers.add(officer, { ...form, startDate: '2026-02-30' }))).fieldErrors).toEqual({
      startDate: 'That start date does not exist',
    });
    expect((await formError(officers.add(officer, { ...form, startTime: '' }))).fieldErrors).toEqual({ startTime: 'Choose a start time' });
    expect((await formError(officers.add(officer, { ...form, agendaUrl: 'javascript:alert(1)' }))).fieldErrors).toEqual({
      agendaUrl: 'The agenda link must be a full https:// address',
    });
    expect((await formError(officers.add(officer, 'not an object'))).fieldErrors.title).toBe('Enter a title');
  });

  it('a start in the spring gap moves forward; an ambiguous autumn time takes the first', async () => {
    const { officers } = await setUp();
    expect((await officers.add(officer, { ...form, startDate: '2026-03-29', startTime: '01:30', endTime: '03:00' })).meeting.startUtc).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect((await officers.add(officer, { ...form, startDate: '2026-10-25', startTime: '01:30', endTime: '03:00' })).meeting.startUtc).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('editing the time moves the meeting and keeps the old start; a stale card is refused', async () => {
    const { officers } = await setUp();
    const { meeting } = await officers.add(officer, form);
    const moved = await officers.move(
      officer,
      meeting.id,
      { startDate: '2026-02-10', startTime: '10:00', endDate: '', endTime: '12:00' },
      0,
    );
    expect(moved).toMatchObject({
      status: 'moved',
      startUtc: '2026-02-10T10:00:00.000Z',
      previousStartUtc: '2026-02-03T14:00:00.000Z',
      sequence: 1,
      title: 'Corporate Parenting Panel briefing',
    });
    await expect(officers.edit(officer, meeting.id, { ...form, title: 'Stale' }, 0)).rejects.toMatchObject({
      code: 'conflict',
      userMessage: expect.stringContaining('Someone else changed this meeting'),
    });
    const renamed = await officers.edit(
      officer,
      meeting.id,
      { ...form, startDate: '2026-02-10', startTime: '10:00', endTime: '12:00', title: 'Renamed', agendaUrl: '' },
      1,
    );
    expect(renamed).toMatchObject({ title: 'Renamed', status: 'moved', sequence: 2, agenda: { published: false } });
  });

  it('cancelling keeps the meeting, marked cancelled; again is harmless; a cancelled meeting cannot be edited', async () => {
    const { officers, repository } = await setUp();
    const { meeting } = await officers.add(officer, form);
    expect(await officers.cancel(officer, meeting.id, 0)).toMatchObject({ status: 'cancelled', cancelledReason: 'officer', sequence: 1 });
    expect(await officers.cancel(officer, meeting.id)).toMatchObject({ status: 'cancelled', sequence: 1 });
    await expect(officers.edit(officer, meeting.id, form)).rejects.toMatchObject({ code: 'conflict' });
    expect((await repository.listStartingFrom('2026-01-01T00:00:00.000Z', 10)).map((m) => m.status)).toEqual(['cancelled']);
  });

  it('meetings from ModernGov or the feed cannot be changed here; unknown ids are not found', async () => {
    const { officers, repository } = await setUp();
    const draft: MeetingDraft = {
      ...form,
      source: 'moderngov',
      sourceId: '9001',
      committee: 'Corporate Parenting Panel',
      startUtc: '2026-01-20T10:00:00.000Z',
      zone: 'Europe/London',
      allDay: false,
      status: 'scheduled',
      agenda: { published: false, items: [] },
      minutes: { published: false },
      documents: [],
    };
    const synced = mergeDraft(undefined, draft, '2026-01-05T09:00:00.000Z');
    if (synced === 'unchanged') throw new Error('expected a meeting');
    await repository.create(synced);
    await expect(officers.cancel(officer, synced.id)).rejects.toMatchObject({
      code: 'conflict',
      userMessage: expect.stringContaining('comes from ModernGov'),
    });
    await expect(officers.forEditing(officer, synced.id)).rejects.toBeInstanceOf(DomainError);
    await expect(officers.cancel(officer, 'of-000000000000000000000000')).rejects.toMatchObject({ code: 'not_found' });
    await expect(officers.cancel(officer, '../etc/passwd')).rejects.toMatchObject({ code: 'not_found' });
  });
});
