import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { type Clock, LONDON } from '../../platform/time/clock';
import { formatLondonDate, formatMonthYear, londonDate } from '../../platform/time/london';
import type { WorkingDayCalendar } from '../../platform/time/working-days';
import { asksWhatAMeetingDid } from '../../shared/text/meeting-record';
import { type Meeting, utcIso } from './domain/meeting';
import type { MeetingTimeline } from './data/meeting-repository';

/** What part of a meeting the person asked about; the card shows everything, the heading answers this. */
export type MeetingFocus = 'when' | 'where' | 'agenda';

/** A meeting question, understood. Ranges are [fromUtc, toUtc) over London calendar days. */
export type MeetingQuestion =
  /**
   * `habitual`: asked of the panel's habit ("where does the panel meet"), not of the next meeting by
   * name: when none is scheduled, the documents' answer (its usual venue) serves better than "none".
   */
  | { kind: 'next'; focus: MeetingFocus; habitual?: true }
  | { kind: 'previous'; focus: MeetingFocus }
  | { kind: 'upcoming'; limit: number }
  | { kind: 'range'; focus: MeetingFocus; fromUtc: string; toUtc: string; label: string };

/** The answer, ready for a card: one meeting, a list, or a plain sentence when there is none. */
export type MeetingAnswer =
  | {
      kind: 'meeting';
      heading: string;
      focus: MeetingFocus;
      meeting: Meeting;
      /** For agenda questions before publication: 'Monday 2 February 2026' (five clear working days). */
      agendaDueBy?: string;
      /** Cancelled meetings that would have come first, so nobody turns up to them. */
      cancelledBefore: Meeting[];
    }
  | { kind: 'list'; heading: string; meetings: Meeting[] }
  /**
   * `past`: the question was about a time gone by and the calendar holds nothing for it, so the
   * record (the minutes, in the knowledge base) may know what the calendar does not.
   */
  | { kind: 'none'; text: string; past?: true; habitual?: true };

const DEFAULT_UPCOMING = 5;
// How far back "the last meeting" is looked for: the panel meets several times a year.
const PREVIOUS_REACH_YEARS = 2;
const MONTH_WORDS =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

/**
 * Whether a message asks about meetings (when, where, agenda, a period), so the bot can answer it
 * from the calendar before trying the remit knowledge base. Questions about how the panel works
 * ('who chairs the panel', 'how often does the panel meet', 'can the public attend meetings') are
 * left to the remit answers, which come from the terms of reference.
 */
export function isMeetingQuestion(text: string): boolean {
  const t = normalise(text);
  if (t.length === 0 || t.length > 300) return false;
  if (/^(?:the |our |panel |upcoming |future |next |list |show |all )?(?:meetings?|agenda|papers|calendar)(?: list| dates)?$/.test(t))
    return true;
  if (/^(?:when|where)(?: is|'s| will)? it(?: held| be| taking place| happening)?$/.test(t)) return true;
  if (REMIT_QUESTION.test(t) || AGENDA_PROCESS.test(t)) return false;
  // What the last meeting did is in its papers and minutes, which its card links; what any other
  // meeting did is in the minutes the knowledge base holds.
  if (asksWhatAMeetingDid(t)) return PREVIOUS.test(t);
  const aboutMeetings =
    /\b(?:meetings?|agendas?|papers)\b/.test(t) ||
    /\bnext (?:panel|cpp|corporate parenting panel)\b/.test(t) ||
    /\b(?:panel|we|cpp) (?:next|last) sits?\b/.test(t) ||
    // "What time does the panel start": the meeting's time. "When did the panel start" is its history.
    /\b(?:does|do|will) (?:the )?(?:next )?(?:panel|cpp) (?:start|begin|finish|end)\b/.test(t) ||
    /\b(?:panel|we|cpp) (?:next |last )?meet(?:s|ing)?\b/.test(t);
  if (!aboutMeetings) return false;
  return SCHEDULE_SIGNAL.test(t) || new RegExp(`\\b${MONTH_WORDS}\\b`).test(t) || /\b20\d\d\b/.test(t);
}

const REMIT_QUESTION =
  /\b(?:how often|how many times|how frequently|frequency|who (?:chairs?|attends?|can|sits|is on|goes|runs|sets|takes|writes|decides)|what happens|quorum|quorate|purpose|terms of reference|can (?:the )?public|can (?:i|anyone|members|councillors) (?:attend|speak|watch)|how (?:do|can) i|declare|interests?|webcast|minutes of)\b/;

// "agenda" or "papers" alone is no signal: "how do I get an item on the agenda" asks how the panel works.
const SCHEDULE_SIGNAL =
  /\b(?:when|where|next|upcoming|future|coming up|soon|any|is there|are there|scheduled|schedule|dates?|time|times|venue|location|room|held|list|show|calendar|today|tomorrow|tonight|week|month|year|on the agenda|what'?s on|what is on|published|out yet|available|monday|tuesday|wednesday|thursday|friday|saturday|sunday|cancel+ed|moved|still on|going ahead)\b/;

// Asking how to put something to the panel, not what a meeting holds: a remit question.
const AGENDA_PROCESS =
  /\b(?:get|getting|put|putting|add|adding|place|raise|raising|submit|table|propose|include|request|suggest|bring)\b.{0,40}\b(?:on|onto|to|in|at|into)\s+(?:the\s+|an?\s+|a\s+future\s+|the\s+next\s+|next\s+)?(?:panel'?s?\s+)?(?:agenda|meeting|work programme)\b|\bwork programme\b|\b(?:how|who)\b.{0,30}\b(?:sets?|decides?|agrees?)\b.{0,20}\bagenda\b|\bwhat is an agenda\b|\bhow (?:many days|long|far ahead|far in advance)\b.{0,60}\b(?:agendas?|papers)\b.{0,30}\bpublished\b|\b(?:must|should|has to|have to) (?:the |an? )?(?:panel )?(?:agendas?|papers) be published\b/;

// "When was the last meeting", "when did the panel last meet", "the previous meeting": the one
// before now. "When is the last meeting of the year" is still to come.
const PREVIOUS =
  /\b(?:previous|most recent)\s+(?:panel\s+|cpp\s+)?meeting\b|\blast\s+(?:met|meet)\b|\b(?:was|were|did)\b.*\blast\s+(?:panel\s+|cpp\s+)?meeting\b|\blast\s+(?:panel\s+|cpp\s+)?meeting\b.*\b(?:was|were|did)\b|\b(?:at|from|of|in|since) the last\s+(?:panel\s+|cpp\s+)?meeting\b/;

/**
 * Understands a meeting question relative to `now` (London): next meeting / where / agenda,
 * 'in March' (the nearest March not yet over, or the year given), 'this/next week' (Monday to
 * Sunday), 'this/next month', 'this/next year', 'in 2027', a day ('on 3 March', 'tomorrow',
 * 'next Tuesday'), and 'meetings' / 'upcoming meetings' for a short list. Dates are read in UK
 * order (3/4 is 3 April) by chrono-node.
 */
export function parseMeetingQuestion(text: string, now: DateTime, options: { upcomingLimit?: number } = {}): MeetingQuestion {
  const t = normalise(text);
  const focus = focusOf(t);
  const today = now.setZone(LONDON).startOf('day');
  if (PREVIOUS.test(t)) return { kind: 'previous', focus: asksWhatAMeetingDid(t) ? 'agenda' : focus };

  const period = relativePeriod(t, today);
  if (period) return { kind: 'range', focus, ...period };

  const year = /\b(?:in|during|for|of)\s+(20\d\d)\b/.exec(t) ?? /^(?:meetings?\s+)?(20\d\d)$/.exec(t);
  if (year?.[1] && !new RegExp(`${MONTH_WORDS}\\s+${year[1]}`).test(t)) {
    const y = Number(year[1]);
    return { kind: 'range', focus, ...yearRange(y, `in ${y}`) };
  }

  const dated = chronoPeriod(t, now);
  if (dated) return { kind: 'range', focus, ...dated };

  if (HABITUAL.test(t)) return { kind: 'next', focus, habitual: true };
  const wantsList =
    /\b(?:meetings|upcoming|future|coming up|dates|list|schedule|all)\b/.test(t) &&
    !/\bnext meeting\b/.test(t) &&
    !/\b(?:the|a) meeting\b/.test(t);
  if (wantsList && focus === 'when') return { kind: 'upcoming', limit: options.upcomingLimit ?? DEFAULT_UPCOMING };
  return { kind: 'next', focus };
}

// "Where does the panel meet", "when do panel meetings usually take place": the panel's habit.
const HABITUAL =
  /^(?:where|when|what time) (?:does|do) (?:the )?(?:panel|cpp|corporate parenting panel|panel meetings|meetings|it) (?:usually |normally |generally |typically )?(?:meet|take place|happen|sit|start|begin)\b(?!.*\b(?:next|upcoming)\b)/;

/** Answers meeting questions from the store. */
export class MeetingQueries {
  constructor(
    private readonly repository: MeetingTimeline,
    private readonly clock: Clock,
    private readonly options: { upcomingLimit?: number; workingDays?: WorkingDayCalendar } = {},
  ) {}

  /** Parses and answers in one go: what the message handler calls. */
  async ask(text: string): Promise<MeetingAnswer> {
    return this.answer(parseMeetingQuestion(text, this.clock.now(), { upcomingLimit: this.options.upcomingLimit }));
  }

  async answer(question: MeetingQuestion): Promise<MeetingAnswer> {
    const nowUtc = utcIso(this.clock.now());
    if (question.kind === 'previous') return this.previous(question.focus, nowUtc);
    if (question.kind === 'range') {
      const meetings = await this.repository.listStartingBetween(question.fromUtc, question.toUtc);
      if (meetings.length === 0 && question.toUtc <= nowUtc)
        return { kind: 'none', text: `The calendar holds no panel meeting ${question.label}`, past: true };
      if (meetings.length === 0) return { kind: 'none', text: `No panel meetings are scheduled ${question.label}` };
      const live = meetings.filter((m) => m.status !== 'cancelled');
      if (meetings.length === 1 && live.length === 1) {
        return this.single(live[0]!, question.focus, `Yes: there is a panel meeting ${question.label}`, []);
      }
      return { kind: 'list', heading: `Panel meetings ${question.label}`, meetings };
    }
    // Started within the last 12 hours and not yet over still counts as "next" (it is on now).
    const recentUtc = utcIso(DateTime.fromISO(nowUtc).minus({ hours: 12 }));
    const candidates = (await this.repository.listStartingFrom(recentUtc, 50)).filter((m) => endOf(m) > nowUtc);
    if (question.kind === 'upcoming') {
      const limit = question.limit;
      const list = candidates.slice(0, limit);
      if (list.length === 0) return { kind: 'none', text: 'No upcoming panel meetings are scheduled' };
      return { kind: 'list', heading: 'Upcoming panel meetings', meetings: list };
    }
    const nextIndex = candidates.findIndex((m) => m.status !== 'cancelled');
    if (nextIndex < 0) {
      if (candidates.length > 0)
        return { kind: 'list', heading: 'No upcoming panel meetings are going ahead', meetings: candidates.slice(0, DEFAULT_UPCOMING) };
      const none = { kind: 'none', text: 'No upcoming panel meetings are scheduled' } as const;
      return question.kind === 'next' && question.habitual ? { ...none, habitual: true } : none;
    }
    const next = candidates[nextIndex]!;
    const heading =
      question.focus === 'where'
        ? 'Where the next panel meeting is'
        : question.focus === 'agenda'
          ? 'Agenda for the next panel meeting'
          : 'The next panel meeting';
    return this.single(next, question.focus, heading, candidates.slice(0, nextIndex));
  }

  // The last meeting that went ahead, within the calendar's reach of the past.
  private async previous(focus: MeetingFocus, nowUtc: string): Promise<MeetingAnswer> {
    const fromUtc = utcIso(DateTime.fromISO(nowUtc).minus({ years: PREVIOUS_REACH_YEARS }));
    const held = (await this.repository.listStartingBetween(fromUtc, nowUtc)).filter((m) => m.status !== 'cancelled' && endOf(m) <= nowUtc);
    const last = held.at(-1);
    if (!last) return { kind: 'none', text: 'The calendar holds no earlier panel meeting', past: true };
    const heading =
      focus === 'where'
        ? 'Where the last panel meeting was'
        : focus === 'agenda'
          ? 'The last panel meeting, with its papers and minutes'
          : 'The last panel meeting';
    return { kind: 'meeting', heading, focus, meeting: last, cancelledBefore: [] };
  }

  private single(meeting: Meeting, focus: MeetingFocus, heading: string, cancelledBefore: Meeting[]): MeetingAnswer {
    const answer: MeetingAnswer = { kind: 'meeting', heading, focus, meeting, cancelledBefore };
    const calendar = this.options.workingDays;
    if (focus === 'agenda' && !meeting.agenda.published && calendar) {
      const meetingDay = londonDate(meeting.startUtc);
      if (calendar.covers(meetingDay)) {
        const due = calendar.latestAgendaPublicationDate(meetingDay);
        if (calendar.covers(due)) answer.agendaDueBy = formatLondonDate(DateTime.fromISO(due, { zone: LONDON }));
      }
    }
    return answer;
  }
}

function endOf(meeting: Meeting): string {
  if (meeting.endUtc) return meeting.endUtc;
  return utcIso(DateTime.fromISO(meeting.startUtc).plus({ hours: meeting.allDay ? 24 : 3 }));
}

function focusOf(t: string): MeetingFocus {
  if (/\b(?:where|venue|location|room|address|held at|directions)\b/.test(t)) return 'where';
  if (/\b(?:agenda|papers|documents|reports?|items?|what'?s on|what is on|discuss(?:ed|ing)?)\b/.test(t)) return 'agenda';
  return 'when';
}

function relativePeriod(t: string, today: DateTime): { fromUtc: string; toUtc: string; label: string } | undefined {
  const match = /\b(this|next|coming|following)\s+(week|month|year)\b/.exec(t) ?? /\b(later)\s+(this)\s+(week|month|year)\b/.exec(t);
  if (!match) return undefined;
  const unit = (match[3] ?? match[2]) as 'week' | 'month' | 'year';
  const which = match[1] === 'this' || match[1] === 'later' ? 'this' : 'next';
  const step = unit === 'week' ? { weeks: 1 } : unit === 'month' ? { months: 1 } : { years: 1 };
  const start = which === 'next' ? today.startOf(unit).plus(step) : today.startOf(unit);
  const end = start.plus(step);
  const label =
    unit === 'year' ? `in ${start.year}` : unit === 'month' ? `in ${formatMonthYear(start.year, start.month)}` : `${which} week`;
  return { fromUtc: utcIso(start), toUtc: utcIso(end), label };
}

function yearRange(year: number, label: string): { fromUtc: string; toUtc: string; label: string } {
  const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: LONDON });
  return { fromUtc: utcIso(start), toUtc: utcIso(start.plus({ years: 1 })), label };
}

function chronoPeriod(t: string, now: DateTime): { fromUtc: string; toUtc: string; label: string } | undefined {
  const london = now.setZone(LONDON);
  const results = chrono.en.GB.parse(t, { instant: london.toJSDate(), timezone: london.offset }, { forwardDate: true });
  for (const result of results) {
    const start = result.start;
    // 'may' is usually the verb ('may I ...'): take it as the month only after in/during/for/of or before a year.
    if (/^may$/i.test(result.text.trim()) && !/\b(?:in|during|for|of)\s+may\b/.test(t)) continue;
    if (start.isCertain('month') && !start.isCertain('day')) {
      const month = start.get('month')!;
      const today = london.startOf('day');
      const year = start.isCertain('year') ? start.get('year')! : month >= today.month ? today.year : today.year + 1;
      const first = DateTime.fromObject({ year, month, day: 1 }, { zone: LONDON });
      return { fromUtc: utcIso(first), toUtc: utcIso(first.plus({ months: 1 })), label: `in ${formatMonthYear(year, month)}` };
    }
    if (start.isCertain('day') || start.isCertain('weekday')) {
      const day = DateTime.fromObject({ year: start.get('year')!, month: start.get('month')!, day: start.get('day')! }, { zone: LONDON });
      if (!day.isValid) continue;
      return { fromUtc: utcIso(day), toUtc: utcIso(day.plus({ days: 1 })), label: `on ${formatLondonDate(day)}` };
    }
  }
  return undefined;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[^a-z0-9'/:\s-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
