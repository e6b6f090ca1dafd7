import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import type { Logger } from '../../../platform/logging/logger';
import { type Clock, LONDON } from '../../../platform/time/clock';
import { londonStartOfDay, wallTimeToUtc } from '../../../platform/time/london';
import { fetchText } from './http-text';
import { type MeetingDraft, utcIso } from '../domain/meeting';
import { type MeetingSourceReader, type SkippedEntry, type SourceSnapshot, SourceUnavailableError } from '../domain/source-snapshot';

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;
type Timezone = InstanceType<typeof ICAL.Timezone>;

const MAX_TITLE = 300;
const MAX_NOTES = 2000;
/** Occurrences walked per recurring event, from its first: a weekly series since 2000 fits. */
const DEFAULT_MAX_OCCURRENCES = 5000;

/** Outlook writes Windows zone names; these are the ones a UK council's feed plausibly carries. */
const WINDOWS_ZONES: Record<string, string> = {
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Central Europe Standard Time': 'Europe/Budapest',
  UTC: 'UTC',
  'Coordinated Universal Time': 'UTC',
};

export interface IcalParseOptions {
  window: { fromUtc: string; toUtc: string };
  /** The committee the feed's events belong to: 'Corporate Parenting Panel'. */
  committee: string;
  maxOccurrences?: number;
}

export interface IcalParseResult {
  meetings: MeetingDraft[];
  skipped: SkippedEntry[];
}

/**
 * Turns an iCalendar feed into meetings starting inside the window, using ical.js (Mozilla's
 * maintained RFC 5545 library) for parsing and recurrence:
 * - times convert to UTC by their TZID: an IANA name through luxon, a Windows name through a
 *   short map, otherwise the feed's own VTIMEZONE; floating times and unknown zones are London;
 * - all-day entries (VALUE=DATE) start at London midnight and are flagged allDay;
 * - RRULE/RDATE expand, EXDATE removes, RECURRENCE-ID overrides replace single occurrences; each
 *   occurrence is its own meeting with source id `<UID>#<original start UTC>`;
 * - several copies of one UID (or UID + RECURRENCE-ID) keep the highest SEQUENCE, then the latest
 *   LAST-MODIFIED/DTSTAMP, then the last in the file;
 * - STATUS:CANCELLED cancels the event (or the one overridden occurrence).
 * Throws only when the text is not iCalendar at all.
 */
export function parseIcalFeed(text: string, options: IcalParseOptions): IcalParseResult {
  const roots = parseCalendars(text);
  const timezones = new Map<string, Timezone>();
  const events: Component[] = [];
  for (const root of roots) {
    for (const vtimezone of root.getAllSubcomponents('vtimezone')) {
      const tzid = vtimezone.getFirstPropertyValue('tzid');
      if (typeof tzid === 'string') timezones.set(tzid, new ICAL.Timezone(vtimezone));
    }
    events.push(...root.getAllSubcomponents('vevent'));
  }
  const parser = new FeedReader(timezones, options);
  return parser.read(events);
}

class FeedReader {
  private readonly meetings: MeetingDraft[] = [];
  private readonly skipped: SkippedEntry[] = [];

  constructor(
    private readonly timezones: Map<string, Timezone>,
    private readonly options: IcalParseOptions,
  ) {}

  read(events: Component[]): IcalParseResult {
    const byUid = new Map<string, { masters: Component[]; overrides: Map<string, Component[]> }>();
    for (const event of events) {
      const uid = event.getFirstPropertyValue('uid');
      if (typeof uid !== 'string' || uid.trim() === '') {
        this.skipped.push({ reason: `event ${JSON.stringify(stringProperty(event, 'summary').slice(0, 60))} has no UID` });
        continue;
      }
      const group = byUid.get(uid) ?? { masters: [], overrides: new Map<string, Component[]>() };
      byUid.set(uid, group);
      const recurrenceId = event.getFirstProperty('recurrence-id');
      if (!recurrenceId) group.masters.push(event);
      else {
        const key = String(recurrenceId.getFirstValue());
        group.overrides.set(key, [...(group.overrides.get(key) ?? []), event]);
      }
    }
    for (const [uid, group] of byUid) {
      try {
        this.readUid(
          uid,
          latest(group.masters),
          [...group.overrides.values()].map((copies) => latest(copies)).filter((c): c is Component => c !== undefined),
        );
      } catch (error) {
        this.skipped.push({ sourceId: uid, reason: `event ${uid}: ${error instanceof Error ? error.message : 'unreadable'}` });
      }
    }
    return { meetings: this.meetings, skipped: this.skipped };
  }

  private readUid(uid: string, master: Component | undefined, overrides: Component[]): void {
    if (!master) {
      // Only single-occurrence updates arrived (Outlook sends these): each stands alone.
      for (const override of overrides) this.readOverrideAlone(uid, override);
      return;
    }
    const event = new ICAL.Event(master, { exceptions: overrides, strictExceptions: true });
    if (!event.isRecurring()) {
      this.addOccurrence(uid, master, event.startDate, event.endDate, master);
      return;
    }
    const masterTzid = tzidOf(master, 'dtstart');
    const excluded = new Set(
      master
        .getAllProperties('exdate')
        .flatMap((property) =>
          property.getValues().map((value: Time) => this.toUtc(value, stringParameter(property, 'tzid') ?? masterTzid)),
        ),
    );
    const windowEnd = this.options.window.toUtc;
    const stopAfter = utcIso(DateTime.fromISO(windowEnd, { zone: 'utc' }).plus({ years: 1 }));
    const iterator = event.iterator();
    const max = this.options.maxOccurrences ?? DEFAULT_MAX_OCCURRENCES;
    for (let count = 0; count < max; count++) {
      const occurrence = iterator.next();
      if (!occurrence) return;
      const originalUtc = this.toUtc(occurrence, masterTzid);
      if (originalUtc > stopAfter) return;
      if (excluded.has(originalUtc)) continue;
      const details = event.getOccurrenceDetails(occurrence);
      const item = details.item.component;
      this.addOccurrence(`${uid}#${originalUtc}`, item, details.startDate, details.endDate, master);
    }
    this.skipped.push({ sourceId: uid, reason: `event ${uid}: more than ${max} occurrences; later ones ignored` });
  }

  private readOverrideAlone(uid: string, override: Component): void {
    const recurrenceId = override.getFirstPropertyValue('recurrence-id') as Time;
    const originalUtc = this.toUtc(recurrenceId, tzidOf(override, 'recurrence-id'));
    const event = new ICAL.Event(override, { exceptions: [] });
    this.addOccurrence(`${uid}#${originalUtc}`, override, event.startDate, event.endDate, override);
  }

  private addOccurrence(sourceId: string, item: Component, start: Time, end: Time | undefined, master: Component): void {
    if (!start) throw new Error('no DTSTART');
    const allDay = start.isDate;
    const startUtc = this.toUtc(start, tzidOf(item, 'dtstart'));
    if (startUtc < this.options.window.fromUtc || startUtc >= this.options.window.toUtc) return;
    let endUtc: string | undefined;
    if (end) {
      const converted = this.toUtc(end, item.getFirstProperty('dtend') ? tzidOf(item, 'dtend') : tzidOf(item, 'dtstart'));
      if (converted > startUtc) endUtc = converted;
    }
    const title = stringProperty(item, 'summary') || stringProperty(master, 'summary') || this.options.committee;
    const cancelled = statusOf(item) === 'CANCELLED' || statusOf(master) === 'CANCELLED';
    const draft: MeetingDraft = {
      source: 'ical',
      sourceId,
      committee: this.options.committee,
      title: title.slice(0, MAX_TITLE),
      startUtc,
      zone: LONDON,
      allDay,
      status: cancelled ? 'cancelled' : 'scheduled',
      agenda: { published: false, items: [] },
      minutes: { published: false },
      documents: [],
    };
    if (endUtc) draft.endUtc = endUtc;
    const venue = stringProperty(item, 'location') || stringProperty(master, 'location');
    if (venue) draft.venue = venue.slice(0, MAX_TITLE);
    const notes = stringProperty(item, 'description') || stringProperty(master, 'description');
    if (notes) draft.notes = notes.slice(0, MAX_NOTES);
    const url = stringProperty(item, 'url') || stringProperty(master, 'url');
    if (/^https?:\/\//i.test(url)) draft.sourceUrl = url.slice(0, 2000);
    this.meetings.push(draft);
  }

  /** An ICAL.Time to a UTC ISO instant, using the TZID rules described on parseIcalFeed. */
  private toUtc(time: Time, tzid: string | undefined): string {
    if (time.isDate) return utcIso(londonStartOfDay(`${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`));
    const wall = { year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second };
    if (time.zone === ICAL.Timezone.utcTimezone || time.zone?.tzid === 'UTC') {
      return new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second)).toISOString();
    }
    const zone = tzid ? ianaZone(tzid) : undefined;
    if (zone) return utcIso(wallTimeToUtc(wall, zone));
    const vtimezone = tzid ? this.timezones.get(tzid) : undefined;
    if (vtimezone) {
      const floating = ICAL.Time.fromData({ ...wall, isDate: false });
      const offsetSeconds = vtimezone.utcOffset(floating);
      return new Date(
        Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - offsetSeconds * 1000,
      ).toISOString();
    }
    return utcIso(wallTimeToUtc(wall, LONDON));
  }
}

export interface IcalSourceOptions {
  url: string;
  committee: string;
  timeoutMs?: number;
  maxBytes?: number;
  /** How far back to keep reading (a cancelled past meeting still shows). Default 92 days. */
  daysBack?: number;
  /** How far ahead to expand recurrences. Default 12 months. */
  monthsAhead?: number;
  fetch?: typeof fetch;
}

/** An iCalendar feed polled over HTTP(S). */
export class IcalSource implements MeetingSourceReader {
  readonly source = 'ical' as const;

  constructor(
    private readonly options: IcalSourceOptions,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    const url = new URL(options.url);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('iCalendar URL must be http(s)');
  }

  async fetchSnapshot(): Promise<SourceSnapshot> {
    const today = this.clock.now().startOf('day');
    const window = {
      fromUtc: utcIso(today.minus({ days: this.options.daysBack ?? 92 })),
      toUtc: utcIso(today.plus({ months: this.options.monthsAhead ?? 12 })),
    };
    const body = await fetchText(this.options.url, {
      source: 'ical',
      timeoutMs: this.options.timeoutMs ?? 15_000,
      maxBytes: this.options.maxBytes ?? 5_000_000,
      accept: 'text/calendar',
      ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
    });
    let result: IcalParseResult;
    try {
      result = parseIcalFeed(body, { window, committee: this.options.committee });
    } catch (error) {
      throw new SourceUnavailableError('ical', `unreadable feed: ${error instanceof Error ? error.message : 'parse failed'}`, {
        cause: error,
      });
    }
    for (const entry of result.skipped)
      this.logger.warn({ source: 'ical', sourceId: entry.sourceId, reason: entry.reason }, 'meeting skipped');
    return { source: 'ical', window, meetings: result.meetings, skipped: result.skipped };
  }
}

function parseCalendars(text: string): Component[] {
  if (!/BEGIN:VCALENDAR/i.test(text)) throw new Error('not an iCalendar document (no BEGIN:VCALENDAR)');
  const parsed: unknown = ICAL.parse(text);
  const list = Array.isArray(parsed) && typeof parsed[0] === 'string' ? [parsed] : (parsed as unknown[]);
  return list.map((jcal) => new ICAL.Component(jcal as [string, unknown[], unknown[]])).filter((c) => c.name === 'vcalendar');
}

/** The copy that wins among several with one UID (and RECURRENCE-ID). */
function latest(copies: Component[]): Component | undefined {
  let best: Component | undefined;
  for (const copy of copies) {
    if (!best || rank(copy) >= rank(best)) best = copy;
  }
  return best;
}

function rank(event: Component): number {
  const sequence = Number(event.getFirstPropertyValue('sequence') ?? 0);
  const modified = event.getFirstPropertyValue('last-modified') ?? event.getFirstPropertyValue('dtstamp');
  const modifiedMillis = modified instanceof ICAL.Time ? modified.toUnixTime() : 0;
  // SEQUENCE decides first; the modification time (seconds, < 1e10) breaks ties.
  return (Number.isFinite(sequence) ? sequence : 0) * 1e10 + modifiedMillis;
}

function statusOf(event: Component): string {
  return stringProperty(event, 'status').toUpperCase();
}

function stringProperty(event: Component, name: string): string {
  const value = event.getFirstPropertyValue(name);
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '';
}

function tzidOf(event: Component, property: string): string | undefined {
  const found = event.getFirstProperty(property);
  return found ? stringParameter(found, 'tzid') : undefined;
}

function stringParameter(property: InstanceType<typeof ICAL.Property>, name: string): string | undefined {
  const value = property.getParameter(name);
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function ianaZone(tzid: string): string | undefined {
  const cleaned = tzid.replace(/^\/+/, '').replace(/^"|"$/g, '');
  const mapped = WINDOWS_ZONES[cleaned] ?? cleaned;
  return DateTime.now().setZone(mapped).isValid ? mapped : undefined;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}
