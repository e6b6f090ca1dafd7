import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { ApologyBook } from '../apologies';
import type { AdaptiveCardJson } from '../../shared/cards/card-template';
import { DomainError } from '../../shared/errors/domain-error';
import type { EventInvitations, RsvpBook } from '../events';
import type { Actor } from '../../shared/access/actor';
import { requirePermission } from '../../shared/access/policy';
import type { Member } from '../members';
import type { Clock } from '../../platform/time/clock';
import { formatLondonDateTime, formatLondonTime } from '../../platform/time/london';
import {
  type AttendancePerson,
  type AttendanceRecord,
  CHECK_IN_OPENS_BEFORE,
  type Occasion,
  type OccasionId,
  checkInOpen,
  occasionIdSchema,
  recordingOpen,
} from './domain/attendance';
import type { AttendanceBook, WantedAttendance } from './data/attendance-book';
import { attendanceFormCard, attendanceHistoryCard, occasionChoiceCard } from './teams/attendance-cards';
import { ROSTER_PAGE_SIZE, type RosterEntry, buildRoster, rosterTotals } from './domain/attendance-roster';
import type { Occasions } from './data/occasions';

/** What the "Record attendance" form posts (card data is client-written: checked here, then against the roster). */
const recordInput = z.object({
  occasionId: occasionIdSchema,
  formId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  page: z.coerce.number().int().min(0).max(10_000),
  shown: z.string().max(ROSTER_PAGE_SIZE * 140),
  since: z.iso.datetime({ offset: true }),
  then: z.enum(['stay', 'next']).default('stay'),
  attended: z
    .string()
    .max(ROSTER_PAGE_SIZE * 140)
    .optional(),
});

export type CheckInOutcome = { occasion: Occasion; outcome: 'checked_in' | 'already_checked_in'; record: AttendanceRecord | undefined };

/** How far back "record attendance" looks for events and meetings. */
const RECENT_DAYS = 30;
/** Events last at most 7 days, so anything open for check-in started within the last 8. */
const LONGEST_OCCASION_DAYS = 8;

export interface AttendanceDeskDependencies {
  book: AttendanceBook;
  occasions: Occasions;
  invitations: EventInvitations;
  rsvps: RsvpBook;
  apologies: ApologyBook;
  /** Who is expected at a panel meeting: the active panel members and officers (reminded of it, may send apologies). */
  meetingPeople: () => Promise<Member[]>;
  clock: Clock;
}

/**
 * Attendance at events and panel meetings: officers record it from a list of everyone expected
 * (Going and Maybe pre-ticked, apologies shown), members check in themselves during the event.
 * Corrections are allowed and every change is kept (AttendanceBook's history).
 */
export class AttendanceDesk {
  constructor(private readonly deps: AttendanceDeskDependencies) {}

  /** The form for page `page` of the roster (officers only, once the occasion has begun). */
  async form(
    actor: Actor,
    occasionId: unknown,
    page = 0,
    message?: { text: string; color: 'Good' | 'Attention' | 'Warning' },
  ): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'attendance.record');
    const occasion = await this.recordable(occasionId);
    const roster = await this.roster(occasion);
    return attendanceFormCard(occasion, roster, {
      page,
      nowUtc: this.nowUtc(),
      totals: rosterTotals(roster),
      message: message?.text,
      messageColor: message?.color,
    });
  }

  /** Saves one page of the form; a repeated delivery of the same form changes nothing. */
  async record(actor: Actor, data: unknown): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'attendance.record');
    const parsed = recordInput.safeParse(data);
    if (!parsed.success)
      throw new DomainError('invalid_input', 'This attendance form is out of date. Open the event again and choose Record attendance.');
    const input = parsed.data;
    const occasion = await this.recordable(input.occasionId);
    const roster = await this.roster(occasion);
    const wanted = wantedFrom(roster, idList(input.shown), new Set(idList(input.attended ?? '')));
    const nowUtc = this.nowUtc();
    const result = await this.deps.book.apply({
      occasionId: occasion.id,
      wanted,
      by: { aadObjectId: actor.aadObjectId, name: actor.name },
      source: 'officer',
      submissionId: input.formId,
      atUtc: nowUtc,
      since: input.since < nowUtc ? input.since : nowUtc,
    });
    const message = savedMessage(result.changes.length, result.alreadyApplied, result.conflicts);
    const next = input.then === 'next' && result.conflicts.length === 0 ? input.page + 1 : input.page;
    const fresh = await this.roster(occasion);
    return attendanceFormCard(occasion, fresh, {
      page: next,
      nowUtc,
      totals: rosterTotals(fresh),
      message: message.text,
      messageColor: message.color,
    });
  }

  /** "I'm here": the member checks themselves in during the event window (identity from Teams). */
  async checkIn(member: AttendancePerson, occasionId: unknown): Promise<CheckInOutcome> {
    const occasion = await this.load(occasionId);
    const nowUtc = this.nowUtc();
    if (occasion.cancelled) throw new DomainError('conflict', `${occasion.title} has been cancelled, so there is nothing to check in to.`);
    if (!checkInOpen(occasion, nowUtc)) throw new DomainError('conflict', closedText(occasion, nowUtc));
    if (occasion.kind === 'event' && !(await this.deps.invitations.isInvited(occasion.id, member.aadObjectId))) {
      throw new DomainError(
        'forbidden',
        'This invitation was sent to someone else, so I cannot check you in. Please tell the participation officer you are here.',
      );
    }
    const result = await this.deps.book.apply({
      occasionId: occasion.id,
      wanted: [{ member, status: 'attended' }],
      by: member,
      source: 'check_in',
      submissionId: `checkin-${randomUUID()}`,
      atUtc: nowUtc,
    });
    const record = await this.deps.book.record(occasion.id, member.aadObjectId);
    return { occasion, outcome: result.changes.length > 0 ? 'checked_in' : 'already_checked_in', record };
  }

  /** "I'm here" typed: the events and meetings open for check-in now that this member may check in to. */
  async openForCheckIn(member: AttendancePerson): Promise<Occasion[]> {
    const now = this.deps.clock.now();
    const from = now.minus({ days: LONGEST_OCCASION_DAYS }).toUTC().toISO()!;
    const to = now.plus(CHECK_IN_OPENS_BEFORE).plus({ minutes: 1 }).toUTC().toISO()!;
    const nowUtc = this.nowUtc();
    const open = (await this.deps.occasions.startingBetween(from, to)).filter((occasion) => checkInOpen(occasion, nowUtc));
    const allowed = await Promise.all(
      open.map(async (occasion) => occasion.kind === 'meeting' || (await this.deps.invitations.isInvited(occasion.id, member.aadObjectId))),
    );
    return open.filter((_, index) => allowed[index]);
  }

  /** Whether the member is recorded as attending (the invitation card shows "You're checked in"). */
  async attended(occasionId: OccasionId, aadObjectId: string): Promise<AttendanceRecord | undefined> {
    const record = await this.deps.book.record(occasionId, aadObjectId);
    return record?.status === 'attended' ? record : undefined;
  }

  async history(actor: Actor, occasionId: unknown): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'attendance.record');
    const occasion = await this.load(occasionId);
    return attendanceHistoryCard(occasion, await this.deps.book.history(occasion.id));
  }

  /** "record attendance": events and meetings that began in the last 30 days, most recent first. */
  async recent(actor: Actor): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'attendance.record');
    const now = this.deps.clock.now();
    const occasions = await this.deps.occasions.startingBetween(
      now.minus({ days: RECENT_DAYS }).toUTC().toISO()!,
      now.plus(CHECK_IN_OPENS_BEFORE).toUTC().toISO()!,
    );
    return occasionChoiceCard(
      occasions
        .filter((occasion) => !occasion.cancelled)
        .reverse()
        .slice(0, 12),
      'Record attendance',
    );
  }

  private async roster(occasion: Occasion): Promise<RosterEntry[]> {
    const records = await this.deps.book.records(occasion.id);
    if (occasion.kind === 'event') {
      const [invited, rsvps] = await Promise.all([this.deps.invitations.list(occasion.id), this.deps.rsvps.forEvent(occasion.id)]);
      return buildRoster({ kind: 'event', invited, rsvps: new Map(rsvps.map((rsvp) => [rsvp.aadObjectId, rsvp.response])), records });
    }
    const [members, apologies] = await Promise.all([this.deps.meetingPeople(), this.deps.apologies.forMeeting(occasion.id)]);
    return buildRoster({ kind: 'meeting', invited: members, apologies: new Set(apologies.map((apology) => apology.aadObjectId)), records });
  }

  private async recordable(occasionId: unknown): Promise<Occasion> {
    const occasion = await this.load(occasionId);
    if (occasion.cancelled) throw new DomainError('conflict', `${occasion.title} was cancelled, so there is no attendance to record.`);
    if (!recordingOpen(occasion, this.nowUtc())) {
      throw new DomainError(
        'conflict',
        `${occasion.title} has not started yet. You can record attendance from half an hour before it starts (${formatLondonDateTime(opensAt(occasion))}).`,
      );
    }
    return occasion;
  }

  private async load(occasionId: unknown): Promise<Occasion> {
    const occasion = await this.deps.occasions.get(occasionId);
    if (!occasion) throw new DomainError('not_found', 'That event or meeting could not be found.');
    return occasion;
  }

  private nowUtc(): string {
    return this.deps.clock.now().toUTC().toISO()!;
  }
}

/** Ticked members attended; everyone else shown on the page did not. Ids not on the roster are refused. */
function wantedFrom(roster: readonly RosterEntry[], shown: string[], ticked: ReadonlySet<string>): WantedAttendance[] {
  const byId = new Map(roster.map((entry) => [entry.aadObjectId, entry]));
  if (shown.length === 0) throw new DomainError('invalid_input', 'This attendance form lists nobody. Open it again from the event.');
  for (const id of [...shown, ...ticked]) {
    if (!byId.has(id))
      throw new DomainError(
        'invalid_input',
        'This form names someone who was not invited. Open Record attendance again for the current list.',
      );
  }
  const shownSet = new Set(shown);
  for (const id of ticked)
    if (!shownSet.has(id))
      throw new DomainError('invalid_input', 'This form ticks someone who was not on it. Open Record attendance again.');
  return shown.map((id) => {
    const entry = byId.get(id)!;
    return { member: { aadObjectId: entry.aadObjectId, name: entry.name }, status: ticked.has(id) ? 'attended' : 'absent' };
  });
}

function idList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id.length > 0),
    ),
  ];
}

function savedMessage(
  changed: number,
  alreadyApplied: number,
  conflicts: readonly AttendanceRecord[],
): { text: string; color: 'Good' | 'Warning' } {
  if (conflicts.length > 0) {
    const names = conflicts.map((record) => `${record.name} (by ${record.by.name})`).join(', ');
    return {
      text: `Saved ${changed} ${changed === 1 ? 'change' : 'changes'}. Left as they were, because someone changed them after you opened this form: ${names}. Check them below and save again if needed.`,
      color: 'Warning',
    };
  }
  if (changed === 0 && alreadyApplied > 0) return { text: 'This attendance was already saved.', color: 'Good' };
  if (changed === 0) return { text: 'Saved: nothing needed changing.', color: 'Good' };
  return { text: `Saved: ${changed} ${changed === 1 ? 'change' : 'changes'} recorded.`, color: 'Good' };
}

function opensAt(occasion: Occasion): string {
  return DateTime.fromISO(occasion.startUtc, { zone: 'utc' }).minus(CHECK_IN_OPENS_BEFORE).toUTC().toISO()!;
}

function closedText(occasion: Occasion, nowUtc: string): string {
  if (nowUtc >= occasion.endUtc)
    return `${occasion.title} has finished, so check-in is closed. If you were there, please tell the participation officer.`;
  return `Check-in for ${occasion.title} opens at ${formatLondonTime(opensAt(occasion))} on the day (${formatLondonDateTime(occasion.startUtc)} start).`;
}
