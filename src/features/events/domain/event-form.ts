import { DateTime, Duration } from 'luxon';
import { z } from 'zod';
import { utcIso } from '../../meetings/domain/meeting';
import { inLondon, londonStartOfDay, londonWallTimeToUtc } from '../../../platform/time/london';
import { EVENT_KINDS, type EventAudience, type EventKind, type ParticipationEvent } from './event';
import { FormError, MAX_TITLE_LENGTH, fieldErrorsOf, formText, oneLineFormText, readFormValues } from '../../../shared/forms/form';

export const MAX_EVENT_VENUE_LENGTH = 300;
export const MAX_EVENT_DETAILS_LENGTH = 4000;
/** Longer than any residential or weekend event the panel runs; catches a mistyped end date. */
export const MAX_EVENT_LENGTH_DAYS = 7;

/** The officer's form as the card posts it (`event.create` / `event.update`): every value a string. */
export interface EventFormValues {
  title: string;
  kind: string;
  /** Local Europe/London date-time, `2027-02-10T18:00`. */
  start: string;
  end: string;
  /** The venue, or an https:// link for an online event. */
  venue: string;
  details: string;
  /** Local date-time or date (`2027-02-03`: responses close at the end of that day); empty means the start. */
  rsvpBy: string;
  /** `panel`, `councillors`, `officers` or `team:<teamId>` (an older card's `all` and `role:...` are read too). */
  audience: string;
  /** Input.Toggle posts 'true' / 'false'. */
  confirmShortNotice: string;
}

export type EventFormField = keyof EventFormValues;

/** A Team the bot is installed in, offered as an audience. */
export interface TeamChoice {
  teamId: string;
  teamName: string;
}

/** What validation needs besides the form: now, the notice rule, the Teams on offer, the event being edited. */
export interface EventFormContext {
  nowUtc: string;
  /** Less notice than this needs `confirmShortNotice` (EVENT_MIN_NOTICE, default P14D). */
  minNotice: Duration;
  teams: readonly TeamChoice[];
  current?: ParticipationEvent;
}

/** A valid form, in the model's terms. */
export interface ValidEventForm {
  title: string;
  kind: EventKind;
  startUtc: string;
  endUtc: string;
  venue: string;
  onlineUrl?: string;
  details?: string;
  rsvpByUtc: string;
  audience: EventAudience;
  shortNotice: boolean;
}

/**
 * The form was filled in wrongly. Carries a message per field and what was typed, so the form is
 * shown again with the errors beside the fields and nothing lost. `needsShortNoticeConfirmation`
 * makes the form show the short-notice toggle.
 */
export class EventFormError extends FormError<EventFormField, EventFormValues> {
  constructor(
    fieldErrors: Partial<Record<EventFormField, string>>,
    values: EventFormValues,
    readonly needsShortNoticeConfirmation = false,
  ) {
    super(fieldErrors, values);
  }
}

const FIELDS: readonly EventFormField[] = ['title', 'kind', 'start', 'end', 'venue', 'details', 'rsvpBy', 'audience', 'confirmShortNotice'];
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const text = formText;
const oneLine = oneLineFormText;
const dateTime = (missing: string) =>
  text(20, 'The date and time').pipe(z.string().min(1, missing).regex(LOCAL_DATE_TIME, 'Write the date and time like 2027-02-10T18:00'));

const formSchema = z.object({
  title: oneLine(MAX_TITLE_LENGTH, 'The title').pipe(z.string().min(1, 'Enter a title')),
  kind: z.enum(EVENT_KINDS, 'Choose the kind of event'),
  start: dateTime('Enter the start'),
  end: dateTime('Enter the end'),
  venue: oneLine(MAX_EVENT_VENUE_LENGTH, 'The venue')
    .pipe(z.string().min(1, 'Enter a venue or an online link'))
    .refine((value) => !/\bhttp:\/\//i.test(value), 'Online links must start with https://'),
  details: text(MAX_EVENT_DETAILS_LENGTH, 'The description'),
  rsvpBy: text(20, 'The RSVP-by date').pipe(
    z.string().regex(/^$|^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?$/, 'Write the RSVP-by date like 2027-02-03 or 2027-02-03T17:00'),
  ),
  audience: text(200, 'The audience'),
  confirmShortNotice: z.string(),
});

type ParsedForm = z.infer<typeof formSchema>;

/**
 * Checks an officer's event form and turns it into the model's terms; throws EventFormError with
 * every problem found. Local times are Europe/London: a time in the spring gap moves forward by
 * the gap and a time in the autumn overlap takes its first occurrence (see src/time/london.ts).
 */
export function validateEventForm(input: unknown, context: EventFormContext): ValidEventForm {
  const values = eventFormValuesOf(input);
  const parsed = formSchema.safeParse(values);
  const errors: Partial<Record<EventFormField, string>> = parsed.success ? {} : fieldErrorsOf<EventFormField>(parsed.error.issues);
  const audience = parseAudience(values.audience.trim(), context);
  if (!audience) errors.audience = 'Choose who to invite';
  const times = parsed.success ? checkTimes(parsed.data, context, errors) : undefined;
  if (!parsed.success || !audience || !times || Object.keys(errors).length > 0) throw new EventFormError(errors, values);
  const shortNotice = isShortNotice(times.startUtc, context);
  if (shortNotice && !times.startUnchanged && parsed.data.confirmShortNotice !== 'true') {
    errors.confirmShortNotice = shortNoticeMessage(times.startUtc, context);
    throw new EventFormError(errors, values, true);
  }
  return validForm(parsed.data, times, audience, shortNotice);
}

/** Reads the form fields from card data, keeping only strings, never more than is allowed. */
export function eventFormValuesOf(input: unknown): EventFormValues {
  const typed = readFormValues(input, FIELDS, MAX_EVENT_DETAILS_LENGTH + 100);
  const sent = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const defaults = emptyEventFormValues();
  // A field the card did not send keeps its default (the audience is the panel, no confirmation).
  for (const field of FIELDS) if (typeof sent[field] !== 'string' && typeof sent[field] !== 'boolean') typed[field] = defaults[field];
  return typed;
}

export function emptyEventFormValues(): EventFormValues {
  return { title: '', kind: '', start: '', end: '', venue: '', details: '', rsvpBy: '', audience: 'panel', confirmShortNotice: 'false' };
}

/** The form's values for an existing event (London times), to prefill the update form. */
export function formValuesForEvent(event: ParticipationEvent): EventFormValues {
  return {
    title: event.title,
    kind: event.kind,
    start: localDateTime(event.startUtc),
    end: localDateTime(event.endUtc),
    venue: event.venue,
    details: event.details ?? '',
    rsvpBy: localDateTime(event.rsvpByUtc),
    audience: audienceValue(event.audience),
    confirmShortNotice: 'false',
  };
}

/** The audience as the form's choice value. */
export function audienceValue(audience: EventAudience): string {
  return audience.kind === 'team' ? `team:${audience.teamId}` : audience.kind;
}

/** A local Europe/London date-time (`2027-02-10T18:00`) as a UTC ISO instant; undefined if it is no real date. */
export function parseLondonDateTime(value: string): string | undefined {
  const match = LOCAL_DATE_TIME.exec(value.trim());
  if (!match) return undefined;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match.slice(1).map((part) => Number(part ?? 0));
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  try {
    return utcIso(londonWallTimeToUtc({ year, month, day, hour, minute, second }));
  } catch {
    return undefined;
  }
}

/** Reads EVENT_MIN_NOTICE: an ISO-8601 duration such as P14D or P2W; throws naming the problem. */
export function parseMinNotice(iso: string): Duration {
  const duration = Duration.fromISO(iso);
  if (!duration.isValid || duration.toMillis() < 0)
    throw new RangeError(`EVENT_MIN_NOTICE must be an ISO-8601 duration such as P14D, not ${JSON.stringify(iso)}`);
  return duration;
}

/** '14 days', '1 day and 12 hours', '36 hours' (no ICU dependency, like src/time/london.ts). */
export function describeNotice(duration: Duration): string {
  const shifted = duration.shiftTo('days', 'hours');
  const days = Math.floor(shifted.days);
  const hours = Math.round(shifted.hours);
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (days === 0) return plural(hours, 'hour');
  return hours === 0 ? plural(days, 'day') : `${plural(days, 'day')} and ${plural(hours, 'hour')}`;
}

interface CheckedTimes {
  startUtc: string;
  endUtc: string;
  rsvpByUtc: string;
  startUnchanged: boolean;
}

/** End after start, nothing new in the past, RSVP-by between now and the start. */
function checkTimes(
  form: ParsedForm,
  context: EventFormContext,
  errors: Partial<Record<EventFormField, string>>,
): CheckedTimes | undefined {
  const startUtc = parseLondonDateTime(form.start);
  const endUtc = parseLondonDateTime(form.end);
  if (!startUtc) errors.start = 'That date does not exist';
  if (!endUtc) errors.end = 'That date does not exist';
  if (!startUtc || !endUtc) return undefined;
  const startUnchanged = startUtc === context.current?.startUtc;
  // An unchanged start may have passed (correcting the venue afterwards); a new one may not.
  if (!startUnchanged && startUtc <= context.nowUtc) errors.start = 'The start must be in the future';
  if (endUtc <= startUtc) errors.end = 'The end must be after the start';
  else if (DateTime.fromISO(endUtc).diff(DateTime.fromISO(startUtc), 'days').days > MAX_EVENT_LENGTH_DAYS)
    errors.end = `An event cannot last more than ${MAX_EVENT_LENGTH_DAYS} days`;
  const rsvpByUtc = parseRsvpBy(form.rsvpBy, startUtc);
  if (!rsvpByUtc) errors.rsvpBy = 'That date does not exist';
  else if (rsvpByUtc > startUtc) errors.rsvpBy = 'Replies must close no later than the start';
  else if (rsvpByUtc <= context.nowUtc && rsvpByUtc !== context.current?.rsvpByUtc)
    errors.rsvpBy = 'The RSVP-by date must be in the future';
  return rsvpByUtc ? { startUtc, endUtc, rsvpByUtc, startUnchanged } : undefined;
}

/** Empty: replies close at the start. A date alone: at the end of that London day, but never after the start. */
function parseRsvpBy(value: string, startUtc: string): string | undefined {
  if (value === '') return startUtc;
  if (!LOCAL_DATE.test(value)) return parseLondonDateTime(value);
  try {
    // London midnight always exists, so adding a day in the zone lands on the next midnight.
    const endOfDay = utcIso(inLondon(londonStartOfDay(value)).plus({ days: 1 }));
    return endOfDay > startUtc && localDate(startUtc) === value ? startUtc : endOfDay;
  } catch {
    return undefined;
  }
}

function parseAudience(value: string, context: EventFormContext): EventAudience | undefined {
  // An event form opened before the audiences changed still sends `all` or `role:...`.
  if (value === '' || value === 'panel' || value === 'all') return { kind: 'panel' };
  if (value === 'councillors') return { kind: 'councillors' };
  if (value === 'officers' || value === 'role:officer' || value === 'role:admin') return { kind: 'officers' };
  if (!value.startsWith('team:')) return undefined;
  const teamId = value.slice('team:'.length);
  // The name comes from the server's list (or the stored event), never from card data.
  const team = context.teams.find((choice) => choice.teamId === teamId);
  if (team) return { kind: 'team', teamId: team.teamId, teamName: team.teamName };
  const current = context.current?.audience;
  return current?.kind === 'team' && current.teamId === teamId ? current : undefined;
}

function isShortNotice(startUtc: string, context: EventFormContext): boolean {
  if (startUtc === context.current?.startUtc) return context.current.shortNotice;
  // Days of notice are London calendar days: across the clock change a day is 23 or 25 hours.
  return inLondon(context.nowUtc).plus(context.minNotice) > DateTime.fromISO(startUtc);
}

function shortNoticeMessage(startUtc: string, context: EventFormContext): string {
  const away = Duration.fromMillis(Math.max(0, DateTime.fromISO(startUtc).toMillis() - DateTime.fromISO(context.nowUtc).toMillis()));
  return `This event is ${describeNotice(away)} away, less than the ${describeNotice(context.minNotice)} notice members should get. Switch on "Send with short notice" to go ahead: the invitation will say it is short notice.`;
}

function validForm(form: ParsedForm, times: CheckedTimes, audience: EventAudience, shortNotice: boolean): ValidEventForm {
  const valid: ValidEventForm = {
    title: form.title,
    kind: form.kind,
    startUtc: times.startUtc,
    endUtc: times.endUtc,
    venue: form.venue,
    rsvpByUtc: times.rsvpByUtc,
    audience,
    shortNotice,
  };
  const onlineUrl = firstHttpsUrl(form.venue);
  if (onlineUrl) valid.onlineUrl = onlineUrl;
  if (form.details) valid.details = form.details;
  return valid;
}

/** The first https:// address in the text, without trailing punctuation; undefined if none parses. */
export function firstHttpsUrl(value: string): string | undefined {
  const match = /https:\/\/[^\s<>"]+/i.exec(value);
  if (!match) return undefined;
  const candidate = match[0].replace(/[.,;:)\]]+$/, '');
  try {
    return new URL(candidate).protocol === 'https:' ? candidate : undefined;
  } catch {
    return undefined;
  }
}

function localDateTime(utc: string): string {
  return inLondon(utc).toFormat("yyyy-MM-dd'T'HH:mm");
}

function localDate(utc: string): string {
  return inLondon(utc).toFormat('yyyy-MM-dd');
}
