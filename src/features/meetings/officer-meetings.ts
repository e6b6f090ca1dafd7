import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { DomainError } from '../../shared/errors/domain-error';
import type { Actor } from '../../shared/access/actor';
import { type Clock, LONDON } from '../../platform/time/clock';
import { inLondon, londonWallTimeToUtc } from '../../platform/time/london';
import { type Meeting, type MeetingDraft, type MeetingId, meetingIdFor, meetingIdSchema, utcIso, withChange } from './domain/meeting';
import { MeetingConcurrencyError, type MeetingRepository } from './data/meeting-repository';
import { requirePermission } from '../../shared/access/policy';
import { FormError, MAX_TITLE_LENGTH, fieldErrorsOf, formIdOf, formText, readFormValues } from '../../shared/forms/form';
import { isConflict } from '../../platform/storage/keys';

export const MAX_VENUE_LENGTH = 200;
export const MAX_NOTES_LENGTH = 2000;
export const MAX_URL_LENGTH = 2000;

/** The officer's form, as the card's inputs post it: every value a string. */
export interface MeetingFormValues {
  title: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  venue: string;
  agendaUrl: string;
  notes: string;
}

export type MeetingFormField = keyof MeetingFormValues;

/**
 * The form was filled in wrongly. Carries a message per field and what was typed, so the form
 * can be shown again with the errors beside the fields and nothing lost.
 */
export class MeetingFormError extends FormError<MeetingFormField, MeetingFormValues> {}

const MEETING_FORM_FIELDS: readonly MeetingFormField[] = [
  'title',
  'startDate',
  'startTime',
  'endDate',
  'endTime',
  'venue',
  'agendaUrl',
  'notes',
];

const SOURCE_NAMES: Record<string, string> = { moderngov: 'ModernGov', ical: 'the council calendar feed' };

const text = formText;

const formSchema = z.object({
  title: text(MAX_TITLE_LENGTH, 'The title').pipe(z.string().min(1, 'Enter a title')),
  startDate: text(10, 'The date').pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Choose a start date')),
  startTime: text(8, 'The time').pipe(z.string().regex(/^\d{2}:\d{2}(:\d{2})?$/, 'Choose a start time')),
  endDate: text(10, 'The date').pipe(z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'Choose an end date')),
  endTime: text(8, 'The time').pipe(z.string().regex(/^\d{2}:\d{2}(:\d{2})?$/, 'Choose an end time')),
  venue: text(MAX_VENUE_LENGTH, 'The venue'),
  agendaUrl: text(MAX_URL_LENGTH, 'The link').pipe(
    z.string().refine((value) => value === '' || isHttpsUrl(value), 'The agenda link must be a full https:// address'),
  ),
  notes: text(MAX_NOTES_LENGTH, 'Notes'),
});

interface ValidForm {
  title: string;
  startUtc: string;
  endUtc: string;
  venue?: string;
  agendaUrl?: string;
  notes?: string;
}

export interface OfficerMeetingsOptions {
  /** The committee officers' meetings belong to: 'Corporate Parenting Panel'. */
  committee: string;
}

/**
 * Meetings officers add, edit, move and cancel from Teams. Only officers (and admins) may; only
 * meetings officers made can be changed here: a meeting from ModernGov or the calendar feed
 * belongs to its source, which would overwrite a change at the next sync.
 */
export class OfficerMeetings {
  constructor(
    private readonly repository: MeetingRepository,
    private readonly clock: Clock,
    private readonly options: OfficerMeetingsOptions,
  ) {}

  /**
   * Adds a meeting from the form's values; throws MeetingFormError for bad input. The form's
   * `formId` is the meeting's source id, so the same form delivered twice adds one meeting (the
   * second delivery gets the first's meeting back).
   */
  async add(actor: Actor, input: unknown): Promise<{ meeting: Meeting; outcome: 'created' | 'duplicate' }> {
    assertOfficer(actor);
    const sourceId = formIdOf(input) ?? randomUUID();
    const earlier = await this.repository.get(meetingIdFor('officer', sourceId));
    if (earlier) return { meeting: earlier.meeting, outcome: 'duplicate' };
    const form = this.validate(input, undefined);
    const draft: MeetingDraft = {
      source: 'officer',
      sourceId,
      committee: this.options.committee,
      title: form.title,
      startUtc: form.startUtc,
      endUtc: form.endUtc,
      zone: LONDON,
      allDay: false,
      status: 'scheduled',
      agenda: form.agendaUrl ? { published: true, url: form.agendaUrl, items: [] } : { published: false, items: [] },
      minutes: { published: false },
      documents: [],
    };
    if (form.venue) draft.venue = form.venue;
    if (form.notes) draft.notes = form.notes;
    const nowUtc = this.nowUtc();
    const meeting: Meeting = { ...draft, id: meetingIdFor('officer', sourceId), sequence: 0, createdAt: nowUtc, updatedAt: nowUtc };
    try {
      await this.repository.create(meeting);
    } catch (error) {
      // Two deliveries of one form racing: the loser returns the winner's meeting.
      const winner = isConflict(error) ? await this.repository.get(meeting.id) : undefined;
      if (winner) return { meeting: winner.meeting, outcome: 'duplicate' };
      throw error;
    }
    return { meeting, outcome: 'created' };
  }

  /**
   * Changes a meeting from the form's values. A new start marks it moved (the old start is kept
   * and shown). `expectedSequence`, from the card the officer edited, refuses a change made on
   * top of someone else's newer one.
   */
  async edit(actor: Actor, meetingId: unknown, input: unknown, expectedSequence?: number): Promise<Meeting> {
    assertOfficer(actor);
    const id = parseId(meetingId);
    const nowUtc = this.nowUtc();
    return this.change(id, expectedSequence, (current) => {
      if (current.status === 'cancelled')
        throw new DomainError('conflict', 'This meeting has been cancelled, so it cannot be changed. Add a new meeting instead.');
      const form = this.validate(input, current);
      const moved = form.startUtc !== current.startUtc;
      const next: Meeting = {
        ...current,
        title: form.title,
        startUtc: form.startUtc,
        endUtc: form.endUtc,
        venue: form.venue,
        notes: form.notes,
        agenda: form.agendaUrl
          ? { ...current.agenda, published: true, url: form.agendaUrl }
          : { ...current.agenda, published: false, url: undefined },
      };
      if (moved) {
        next.status = 'moved';
        next.previousStartUtc = current.startUtc;
      }
      return withChange(current, next, nowUtc);
    });
  }

  /** Moves a meeting to a new start and end: the edit form's date and time fields only. */
  async move(
    actor: Actor,
    meetingId: unknown,
    when: Pick<MeetingFormValues, 'startDate' | 'startTime' | 'endDate' | 'endTime'>,
    expectedSequence?: number,
  ): Promise<Meeting> {
    assertOfficer(actor);
    const stored = await this.load(parseId(meetingId));
    return this.edit(actor, stored.id, { ...formValuesFor(stored), ...when }, expectedSequence);
  }

  /** Cancels a meeting; it stays listed, shown as cancelled. Cancelling twice is harmless. */
  async cancel(actor: Actor, meetingId: unknown, expectedSequence?: number): Promise<Meeting> {
    assertOfficer(actor);
    const id = parseId(meetingId);
    const nowUtc = this.nowUtc();
    return this.change(id, expectedSequence, (current) => {
      if (current.status === 'cancelled') return 'unchanged';
      return withChange(
        current,
        { ...current, status: 'cancelled', cancelledReason: 'officer', statusNote: 'Cancelled by an officer' },
        nowUtc,
      );
    });
  }

  /** The meeting to prefill an edit form with; refuses meetings owned by a source. */
  async forEditing(actor: Actor, meetingId: unknown): Promise<Meeting> {
    assertOfficer(actor);
    const meeting = await this.load(parseId(meetingId));
    assertOfficerOwned(meeting);
    return meeting;
  }

  private async change(
    id: MeetingId,
    expectedSequence: number | undefined,
    decide: (current: Meeting) => Meeting | 'unchanged',
  ): Promise<Meeting> {
    let latest: Meeting | undefined;
    try {
      const result = await this.repository.mutate(id, (current) => {
        if (!current) throw notFound();
        assertOfficerOwned(current);
        if (expectedSequence !== undefined && current.sequence !== expectedSequence) {
          throw new DomainError(
            'conflict',
            'Someone else changed this meeting after you opened it. Open it again to see the latest version, then make your change.',
          );
        }
        latest = current;
        return decide(current);
      });
      return result.meeting ?? latest!;
    } catch (error) {
      if (error instanceof MeetingConcurrencyError) {
        throw new DomainError('conflict', 'This meeting is being changed by someone else right now. Please try again.', { cause: error });
      }
      throw error;
    }
  }

  private async load(id: MeetingId): Promise<Meeting> {
    const stored = await this.repository.get(id);
    if (!stored) throw notFound();
    return stored.meeting;
  }

  private validate(input: unknown, current: Meeting | undefined): ValidForm {
    const values = readFormValues(input, MEETING_FORM_FIELDS, MAX_NOTES_LENGTH + 100);
    const parsed = formSchema.safeParse(values);
    if (!parsed.success) throw new MeetingFormError(fieldErrorsOf<MeetingFormField>(parsed.error.issues), values);
    const errors: Partial<Record<MeetingFormField, string>> = {};
    const form = parsed.data;
    const start = localToUtc(form.startDate, form.startTime);
    const end = localToUtc(form.endDate || form.startDate, form.endTime);
    if (!start) errors.startDate = 'That start date does not exist';
    // An empty end date means the start date, whose problem is already reported.
    if (!end && (form.endDate || start)) errors.endDate = 'That end date does not exist';
    if (start && end) {
      // An unchanged start may be in the past (adding papers after a meeting); a new one may not.
      if (start <= this.nowUtc() && start !== current?.startUtc) errors.startDate = 'The start must be in the future';
      if (end <= start) errors.endTime = 'The end must be after the start';
      else if (DateTime.fromISO(end).diff(DateTime.fromISO(start), 'hours').hours > 24)
        errors.endDate = 'A meeting cannot last more than 24 hours';
    }
    if (Object.keys(errors).length > 0 || !start || !end) throw new MeetingFormError(errors, values);
    const valid: ValidForm = { title: form.title, startUtc: start, endUtc: end };
    if (form.venue) valid.venue = form.venue;
    if (form.agendaUrl) valid.agendaUrl = form.agendaUrl;
    if (form.notes) valid.notes = form.notes;
    return valid;
  }

  private nowUtc(): string {
    return utcIso(this.clock.now());
  }
}

/** The form's values for an existing meeting (London dates and times), to prefill the edit form. */
export function formValuesFor(meeting: Meeting): MeetingFormValues {
  const start = inLondon(meeting.startUtc);
  const end = meeting.endUtc ? inLondon(meeting.endUtc) : start.plus({ hours: 2 });
  return {
    title: meeting.title,
    startDate: start.toFormat('yyyy-MM-dd'),
    startTime: start.toFormat('HH:mm'),
    endDate: end.toFormat('yyyy-MM-dd'),
    endTime: end.toFormat('HH:mm'),
    venue: meeting.venue ?? '',
    agendaUrl: meeting.agenda.url ?? '',
    notes: meeting.notes ?? '',
  };
}

/** Blank form values for a new meeting. */
export function emptyFormValues(): MeetingFormValues {
  return { title: '', startDate: '', startTime: '', endDate: '', endTime: '', venue: '', agendaUrl: '', notes: '' };
}

/** Whether officers can change this meeting in Teams (only meetings officers made). */
export function isOfficerOwned(meeting: Pick<Meeting, 'source'>): boolean {
  return meeting.source === 'officer';
}

function assertOfficer(actor: Actor): void {
  requirePermission(actor, 'meetings.manage');
}

function assertOfficerOwned(meeting: Meeting): void {
  if (!isOfficerOwned(meeting)) {
    const name = SOURCE_NAMES[meeting.source] ?? meeting.source;
    throw new DomainError('conflict', `This meeting comes from ${name}. Change it there: the bot picks the change up at its next sync.`);
  }
}

function parseId(value: unknown): MeetingId {
  const parsed = meetingIdSchema.safeParse(value);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

function notFound(): DomainError {
  return new DomainError('not_found', 'That meeting could not be found.');
}

function localToUtc(date: string, time: string): string | undefined {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined) return undefined;
  if (hour > 23 || minute > 59) return undefined;
  try {
    return utcIso(londonWallTimeToUtc({ year, month, day, hour, minute }));
  } catch {
    return undefined;
  }
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:' && !/\s/.test(value);
  } catch {
    return false;
  }
}
