import { XMLParser } from 'fast-xml-parser';
import { decode } from 'html-entities';
import { DateTime } from 'luxon';
import { LONDON } from '../../../platform/time/clock';
import { londonStartOfDay, londonWallTimeToUtc } from '../../../platform/time/london';
import { type AgendaItem, type MeetingDocument, type MeetingDraft, type MeetingStatus, utcIso } from './meeting';

/**
 * ModernGov's public web service (mgWebService.asmx over plain GET), read defensively:
 * - every value is trimmed (empty elements hold whitespace, counts carry a leading space);
 * - text is HTML-decoded until it stops changing (titles arrive encoded twice: `&amp;amp;#39;`);
 * - dates are dd/mm/yyyy and times local to Europe/London without an offset ('10.00 am');
 * - a meeting with bad or missing data is skipped with a reason; it never fails the whole sync.
 */

const MAX_TITLE = 300;
const MAX_AGENDA_ITEMS = 60;
const MAX_DOCUMENTS = 60;

/** One row of GetMeetings. */
export interface ModernGovListedMeeting {
  meetingId: string;
  date: string;
  time: string;
  status: string;
}

export interface ModernGovListing {
  committeeTitle?: string;
  meetings: ModernGovListedMeeting[];
  skipped: { sourceId?: string; reason: string }[];
}

/** The parts of GetMeeting the bot uses. */
export interface ModernGovMeetingDetail {
  meetingId: string;
  date: string;
  time: string;
  finishTime: string;
  status: string;
  location: string;
  displayAllowed: boolean;
  agendaPublished: boolean;
  minutesPublished: boolean;
  items: AgendaItem[];
  documents: MeetingDocument[];
}

export type DraftResult = { ok: true; draft: MeetingDraft } | { ok: false; sourceId: string; reason: string };

/** Where the meeting's public pages are, for links. */
export interface ModernGovSite {
  /** e.g. https://democracy.kent.gov.uk */
  siteUrl: string;
  committeeId: number;
  /** Used when the response does not name the committee. */
  committeeName: string;
}

const xml = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => ['committee', 'meeting', 'agendaitem', 'linkeddoc'].includes(name),
});

type Node = Record<string, unknown>;

/** Parses a GetMeetings response. Throws only when the document is not a GetMeetings response at all. */
export function parseGetMeetings(body: string): ModernGovListing {
  const root = parseXml(body)['getmeetings'];
  if (!isNode(root)) throw new Error('not a GetMeetings response (no <getmeetings> root)');
  const listing: ModernGovListing = { meetings: [], skipped: [] };
  for (const committee of nodes(root['committee'])) {
    const title = text(committee['committeetitle']);
    if (title && !listing.committeeTitle) listing.committeeTitle = title.slice(0, MAX_TITLE);
    const container = committee['committeemeetings'];
    for (const meeting of isNode(container) ? nodes(container['meeting']) : []) {
      const meetingId = text(meeting['meetingid']);
      if (!/^\d{1,12}$/.test(meetingId)) {
        listing.skipped.push({ reason: `GetMeetings row without a numeric meetingid (${JSON.stringify(meetingId.slice(0, 40))})` });
        continue;
      }
      listing.meetings.push({
        meetingId,
        date: text(meeting['meetingdate']),
        time: text(meeting['meetingtime']),
        status: text(meeting['meetingstatus']),
      });
    }
  }
  return listing;
}

/** Parses a GetMeeting response. Throws when the document is not a GetMeeting response at all. */
export function parseGetMeeting(body: string): ModernGovMeetingDetail {
  const root = parseXml(body)['meeting'];
  const meeting = Array.isArray(root) ? (root[0] as unknown) : root;
  if (!isNode(meeting)) throw new Error('not a GetMeeting response (no <meeting> root)');
  const items: AgendaItem[] = [];
  const documents: MeetingDocument[] = [];
  const container = meeting['agendaitems'];
  for (const item of isNode(container) ? nodes(container['agendaitem']) : []) {
    if (isFalse(item['isdisplayallowed']) || isTrue(item['isrestricted'])) continue;
    const title = text(item['agendaitemtitle']).slice(0, MAX_TITLE);
    if (title && items.length < MAX_AGENDA_ITEMS)
      items.push({ number: text(item['fulldisplaynumberformat']) || text(item['agendaitemnumber']), title });
    const docs = item['linkeddocuments'];
    for (const doc of isNode(docs) ? nodes(docs['linkeddoc']) : []) {
      const url = text(doc['url']);
      if (isTrue(doc['isrestricted']) || !isWebUrl(url) || documents.length >= MAX_DOCUMENTS) continue;
      const document: MeetingDocument = { title: (text(doc['title']) || 'Document').slice(0, MAX_TITLE), url };
      const published = parseUkDate(text(doc['publicationdate']));
      if (published) document.publishedOn = published.toISODate()!;
      documents.push(document);
    }
  }
  return {
    meetingId: text(meeting['meetingid']),
    date: text(meeting['meetingdate']),
    time: text(meeting['meetingtime']),
    finishTime: text(meeting['meetingplannedfinishtime']),
    status: text(meeting['meetingstatus']),
    location: text(meeting['meetinglocation']).slice(0, MAX_TITLE),
    displayAllowed: !isFalse(meeting['isdisplayallowed']),
    agendaPublished: isTrue(meeting['agendapublished']),
    minutesPublished: isTrue(meeting['minutepublished']),
    items,
    documents,
  };
}

/**
 * Builds a meeting from a GetMeetings row and its GetMeeting detail (the detail wins where both
 * speak). Any field that cannot be read makes the result a skip with a reason.
 */
export function buildModernGovDraft(
  listed: ModernGovListedMeeting,
  detail: ModernGovMeetingDetail,
  site: ModernGovSite,
  committeeTitle?: string,
): DraftResult {
  const sourceId = listed.meetingId;
  const skip = (reason: string): DraftResult => ({ ok: false, sourceId, reason: `meeting ${sourceId}: ${reason}` });
  if (detail.meetingId && detail.meetingId !== listed.meetingId) return skip(`GetMeeting answered for meeting ${detail.meetingId}`);
  if (!detail.displayAllowed) return skip('not for public display');
  const dateText = detail.date || listed.date;
  const date = parseUkDate(dateText);
  if (!date) return skip(`unreadable date ${JSON.stringify(dateText)}`);
  const timeText = detail.time || listed.time;
  let startUtc: string;
  let allDay = false;
  if (timeText === '') {
    // No time yet ("to be confirmed"): kept as an all-day entry rather than dropped.
    startUtc = utcIso(londonStartOfDay(date.toISODate()!));
    allDay = true;
  } else {
    const time = parseModernGovTime(timeText);
    if (!time) return skip(`unreadable time ${JSON.stringify(timeText)}`);
    startUtc = utcIso(londonWallTimeToUtc({ year: date.year, month: date.month, day: date.day, ...time }));
  }
  let endUtc: string | undefined;
  const finish = detail.finishTime ? parseModernGovTime(detail.finishTime) : undefined;
  if (finish && !allDay) {
    const end = utcIso(londonWallTimeToUtc({ year: date.year, month: date.month, day: date.day, ...finish }));
    if (end > startUtc) endUtc = end;
  }
  const statusText = detail.status || listed.status;
  const status = parseModernGovStatus(statusText);
  const meetingPage = `${site.siteUrl}/ieListDocuments.aspx?CId=${site.committeeId}&MId=${sourceId}`;
  const name = (committeeTitle || site.committeeName).slice(0, MAX_TITLE);
  const draft: MeetingDraft = {
    source: 'moderngov',
    sourceId,
    committee: name,
    title: name,
    startUtc,
    zone: LONDON,
    allDay,
    status: status.status,
    agenda: { published: detail.agendaPublished, items: detail.items },
    minutes: { published: detail.minutesPublished },
    documents: detail.documents,
    sourceUrl: meetingPage,
  };
  if (endUtc) draft.endUtc = endUtc;
  if (detail.location) draft.venue = detail.location;
  if (detail.agendaPublished) draft.agenda.url = meetingPage;
  if (detail.minutesPublished) draft.minutes.url = meetingPage;
  if (status.status !== 'scheduled' || /[;,]/.test(statusText)) draft.statusNote = statusText.slice(0, MAX_TITLE);
  if (status.previous) {
    const previousTime =
      (status.previous.time ? parseModernGovTime(status.previous.time) : undefined) ?? (allDay ? undefined : parseModernGovTime(timeText));
    const { year, month, day } = status.previous.date;
    draft.previousStartUtc = utcIso(
      previousTime ? londonWallTimeToUtc({ year, month, day, ...previousTime }) : londonStartOfDay(status.previous.date.toISODate()!),
    );
  }
  return { ok: true, draft };
}

/** 'dd/mm/yyyy' (also d/m/yyyy) to a date, or undefined. ISO and US orders are not accepted. */
export function parseUkDate(value: string): DateTime | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim());
  if (!match) return undefined;
  const date = DateTime.fromObject({ day: Number(match[1]), month: Number(match[2]), year: Number(match[3]) }, { zone: 'utc' });
  return date.isValid ? date : undefined;
}

/** '10.00 am', '2.00 pm', '2pm', '12 noon', '14:30' to hour and minute, or undefined. */
export function parseModernGovTime(value: string): { hour: number; minute: number } | undefined {
  const cleaned = value.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^12(?:[.:]00)? ?noon$|^noon$|^midday$/.test(cleaned)) return { hour: 12, minute: 0 };
  const twelve = /^(\d{1,2})(?:[.:](\d{2}))? ?([ap])\.?m\.?$/.exec(cleaned);
  if (twelve) {
    const hour = Number(twelve[1]);
    const minute = Number(twelve[2] ?? '0');
    if (hour < 1 || hour > 12 || minute > 59) return undefined;
    return { hour: (hour % 12) + (twelve[3] === 'p' ? 12 : 0), minute };
  }
  const twentyFour = /^(\d{1,2})[.:](\d{2})$/.exec(cleaned);
  if (twentyFour) {
    const hour = Number(twentyFour[1]);
    const minute = Number(twentyFour[2]);
    if (hour > 23 || minute > 59) return undefined;
    return { hour, minute };
  }
  return undefined;
}

/**
 * 'Confirmed' -> scheduled; 'Cancelled' (or 'Postponed') -> cancelled;
 * 'Confirmed; Rescheduled from 10/03/2026' (or '... from 10/03/2026 2.00 pm') -> moved, with the
 * earlier date when the text gives one. Anything else is taken as scheduled and its words kept.
 */
export function parseModernGovStatus(value: string): { status: MeetingStatus; previous?: { date: DateTime; time?: string } } {
  const lower = value.toLowerCase();
  if (/cancel|postpon|abandon/.test(lower)) return { status: 'cancelled' };
  if (/reschedul|moved|re-arranged|rearranged/.test(lower)) {
    const match = /(\d{1,2}\/\d{1,2}\/\d{4})(?:\s*(?:at\s*)?(\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\.?))?/i.exec(value);
    const date = match?.[1] ? parseUkDate(match[1]) : undefined;
    if (!date) return { status: 'moved' };
    return match?.[2] ? { status: 'moved', previous: { date, time: match[2] } } : { status: 'moved', previous: { date } };
  }
  return { status: 'scheduled' };
}

/** Decodes HTML entities until the text stops changing (at most three rounds), then tidies spaces. */
export function decodeText(value: string): string {
  let current = value;
  for (let round = 0; round < 3; round++) {
    const decoded = decode(current, { level: 'html5' });
    if (decoded === current) break;
    current = decoded;
  }
  return current
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function parseXml(body: string): Node {
  const parsed: unknown = xml.parse(body);
  if (!isNode(parsed)) throw new Error('response is not XML');
  return parsed;
}

function text(value: unknown): string {
  if (typeof value === 'string') return decodeText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isNode(value) && typeof value['#text'] === 'string') return decodeText(value['#text']);
  return '';
}

function nodes(value: unknown): Node[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter(isNode);
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTrue(value: unknown): boolean {
  return text(value).toLowerCase() === 'true';
}

function isFalse(value: unknown): boolean {
  return text(value).toLowerCase() === 'false';
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
