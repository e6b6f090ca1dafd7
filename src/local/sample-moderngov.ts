import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { type Clock, LONDON } from '../platform/time/clock';
import { projectRoot } from '../platform/process/project-root';

/** Kent County Council's Corporate Parenting Panel in ModernGov: the committee the sample answers for. */
export const SAMPLE_COMMITTEE_ID = '693';
/** The title every sample meeting carries, so nobody takes one for a real meeting. */
export const SAMPLE_COMMITTEE_TITLE = 'Corporate Parenting Panel (sample data)';
/** Whole 52-week cycles: a date moved by them keeps its weekday (the panel meets on Tuesdays). */
export const SAMPLE_CYCLE_DAYS = 364;
/** Where the recorded site's links point; the sample server answers them instead. */
const RECORDED_SITE = 'https://democracy.kent.gov.uk';
const AGENDA_PUBLISHED_DAYS_BEFORE = 10;
const MINUTES_PUBLISHED_DAYS_AFTER = 14;
// A sample meeting id is (cycle + offset) * 10,000 + the recorded id: unique per cycle, all digits.
const CYCLE_ID_OFFSET = 5000;
const RECORDED_ID_SPAN = 10_000;
const UK_DATE = /\b(\d{2})\/(\d{2})\/(\d{4})\b/g;

/** The recorded responses: the GetMeetings listing and each meeting's GetMeeting, by recorded id. */
export interface SampleRecording {
  listing: string;
  details: ReadonlyMap<number, string>;
}

/** Reads the recorded responses the project ships in src/local/sample/moderngov/. */
export function loadSampleRecording(directory = path.join(projectRoot(), 'src', 'local', 'sample', 'moderngov')): SampleRecording {
  const details = new Map<number, string>();
  for (const file of fs.readdirSync(directory)) {
    const match = /^GetMeeting-(\d{1,4})\.xml$/.exec(file);
    if (match) details.set(Number(match[1]), fs.readFileSync(path.join(directory, file), 'utf8'));
  }
  return { listing: fs.readFileSync(path.join(directory, 'GetMeetings.xml'), 'utf8'), details };
}

interface RecordedListing {
  head: string;
  tail: string;
  meetings: { recordedId: number; date: DateTime; block: string }[];
}

/**
 * The recorded Kent responses, re-dated so there are always meetings ahead of `clock`: every
 * recorded meeting repeats once per 52-week cycle with an id of its own, so a meeting keeps its id
 * and its date for ever, and a re-sync never sees it move. Pure text rewriting of the recording:
 * the bot's ModernGov client and parser read the result exactly as they read the real site.
 */
export class SampleModernGov {
  private readonly recorded: RecordedListing;

  constructor(
    private readonly recording: SampleRecording,
    private readonly clock: Clock,
  ) {
    this.recorded = parseListing(recording.listing);
  }

  /** GetMeetings for the panel over London calendar dates [from, to], links pointing at `origin`. */
  getMeetings(from: DateTime, to: DateTime, origin: string): string {
    const rows: { date: DateTime; block: string }[] = [];
    for (const meeting of this.recorded.meetings) {
      const first = Math.ceil(daysBetween(meeting.date, from) / SAMPLE_CYCLE_DAYS);
      const last = Math.floor(daysBetween(meeting.date, to) / SAMPLE_CYCLE_DAYS);
      for (let cycle = first; cycle <= last; cycle++) {
        const block = rewriteMeetingId(shiftDates(meeting.block, cycle), meeting.recordedId, cycle);
        rows.push({ date: meeting.date.plus({ days: cycle * SAMPLE_CYCLE_DAYS }), block });
      }
    }
    rows.sort((a, b) => a.date.toMillis() - b.date.toMillis());
    const count = ` ${rows.length}`;
    const head = this.recorded.head
      .replace(/<meetingscount>[^<]*<\/meetingscount>/, `<meetingscount>${count}</meetingscount>`)
      .replace(/<committeemeetingcount>[^<]*<\/committeemeetingcount>/, `<committeemeetingcount>${count}</committeemeetingcount>`)
      .replace(/<committeetitle>[^<]*<\/committeetitle>/, `<committeetitle>${SAMPLE_COMMITTEE_TITLE}</committeetitle>`);
    return pointAt(`${head}${rows.map((row) => row.block).join('')}${this.recorded.tail}`, origin);
  }

  /** GetMeeting for a sample meeting id, or undefined when there is no such sample meeting. */
  getMeeting(meetingId: string, origin: string): string | undefined {
    const parsed = parseSampleMeetingId(meetingId);
    const recorded = parsed && this.recording.details.get(parsed.recordedId);
    const listed = parsed && this.recorded.meetings.find((meeting) => meeting.recordedId === parsed.recordedId);
    if (!parsed || !recorded || !listed) return undefined;
    const date = listed.date.plus({ days: parsed.cycle * SAMPLE_CYCLE_DAYS });
    const today = this.clock.now().setZone(LONDON).startOf('day');
    const agendaPublished = today >= date.minus({ days: AGENDA_PUBLISHED_DAYS_BEFORE });
    const minutesPublished = today >= date.plus({ days: MINUTES_PUBLISHED_DAYS_AFTER });
    const dated = rewriteMeetingId(shiftDates(recorded, parsed.cycle), parsed.recordedId, parsed.cycle);
    // Before publication ModernGov lists neither agenda items nor papers.
    const detail = (agendaPublished ? dated : dated.replace(/<agendaitems>[\s\S]*<\/agendaitems>/, '<agendaitems>\n  </agendaitems>'))
      .replace(/<agendapublished>[^<]*<\/agendapublished>/, `<agendapublished>${agendaPublished ? 'True' : 'False'}</agendapublished>`)
      .replace(/<minutepublished>[^<]*<\/minutepublished>/, `<minutepublished>${minutesPublished ? 'True' : 'False'}</minutepublished>`);
    return pointAt(detail, origin);
  }
}

export function sampleMeetingId(recordedId: number, cycle: number): string {
  return String((cycle + CYCLE_ID_OFFSET) * RECORDED_ID_SPAN + recordedId);
}

export function parseSampleMeetingId(meetingId: string): { recordedId: number; cycle: number } | undefined {
  if (!/^\d{5,12}$/.test(meetingId)) return undefined;
  const id = Number(meetingId);
  return { recordedId: id % RECORDED_ID_SPAN, cycle: Math.floor(id / RECORDED_ID_SPAN) - CYCLE_ID_OFFSET };
}

function parseListing(listing: string): RecordedListing {
  const blocks = [...listing.matchAll(/\s*<meeting>[\s\S]*?<\/meeting>/g)];
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  if (!first || !last || first.index === undefined || last.index === undefined) throw new Error('sample GetMeetings.xml lists no meetings');
  const meetings = blocks.map(([block]) => {
    const id = /<meetingid>(\d{1,4})<\/meetingid>/.exec(block)?.[1];
    const date = parseUkDate(/<meetingdate>([^<]*)<\/meetingdate>/.exec(block)?.[1] ?? '');
    if (!id || !date) throw new Error('sample GetMeetings.xml has a meeting without a numeric id or a dd/mm/yyyy date');
    return { recordedId: Number(id), date, block };
  });
  return { head: listing.slice(0, first.index), tail: listing.slice(last.index + last[0].length), meetings };
}

function shiftDates(xml: string, cycle: number): string {
  return xml.replace(
    UK_DATE,
    (text) =>
      parseUkDate(text)
        ?.plus({ days: cycle * SAMPLE_CYCLE_DAYS })
        .toFormat('dd/MM/yyyy') ?? text,
  );
}

function rewriteMeetingId(xml: string, recordedId: number, cycle: number): string {
  const id = sampleMeetingId(recordedId, cycle);
  return xml
    .replace(/<meetingid>\d+<\/meetingid>/g, `<meetingid>${id}</meetingid>`)
    .replace(/<agendaid>\d+<\/agendaid>/g, `<agendaid>${id}</agendaid>`);
}

function pointAt(xml: string, origin: string): string {
  return xml.split(RECORDED_SITE).join(origin);
}

function parseUkDate(text: string): DateTime | undefined {
  const date = DateTime.fromFormat(text.trim(), 'dd/MM/yyyy', { zone: 'utc' });
  return date.isValid ? date : undefined;
}

/** Whole calendar days from `a` to `b` (London dates, compared as dates). */
function daysBetween(a: DateTime, b: DateTime): number {
  const start = DateTime.fromObject({ year: a.year, month: a.month, day: a.day }, { zone: 'utc' });
  const end = DateTime.fromObject({ year: b.year, month: b.month, day: b.day }, { zone: 'utc' });
  return Math.round(end.diff(start, 'days').days);
}
