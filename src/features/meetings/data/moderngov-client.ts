import type { Logger } from '../../../platform/logging/logger';
import type { Clock } from '../../../platform/time/clock';
import { fetchText } from './http-text';
import { type MeetingDraft, utcIso } from '../domain/meeting';
import { type ModernGovSite, buildModernGovDraft, parseGetMeeting, parseGetMeetings } from '../domain/moderngov-parser';
import { type MeetingSourceReader, type SkippedEntry, type SourceSnapshot, SourceUnavailableError } from '../domain/source-snapshot';

export interface ModernGovClientOptions {
  /** The council's ModernGov site, e.g. https://democracy.kent.gov.uk (a trailing /mgWebService.asmx is accepted). */
  url: string;
  timeoutMs?: number;
  maxBytes?: number;
  fetch?: typeof fetch;
}

/** The two calls of mgWebService.asmx the bot makes, over plain GET; returns raw XML. */
export class ModernGovClient {
  readonly siteUrl: string;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;

  constructor(private readonly options: ModernGovClientOptions) {
    const url = new URL(options.url);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('ModernGov URL must be http(s)');
    this.siteUrl = `${url.origin}${url.pathname.replace(/\/mgWebService\.asmx.*$/i, '').replace(/\/+$/, '')}`;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.maxBytes = options.maxBytes ?? 5_000_000;
  }

  /** GetMeetings for one committee; dates are London calendar dates, sent as dd/mm/yyyy. */
  getMeetings(committeeId: number | string, fromDate: string, toDate: string): Promise<string> {
    if (!/^\d{1,9}$/.test(String(committeeId))) throw new Error(`invalid ModernGov committee id ${String(committeeId)}`);
    return this.get('GetMeetings', { lCommitteeId: String(committeeId), sFromDate: ukDate(fromDate), sToDate: ukDate(toDate) });
  }

  getMeeting(meetingId: string): Promise<string> {
    if (!/^\d{1,12}$/.test(meetingId)) throw new Error(`invalid ModernGov meeting id ${meetingId}`);
    return this.get('GetMeeting', { lMeetingId: meetingId });
  }

  private get(method: string, params: Record<string, string>): Promise<string> {
    const query = new URLSearchParams(params).toString();
    return fetchText(`${this.siteUrl}/mgWebService.asmx/${method}?${query}`, {
      source: `moderngov ${method}`,
      timeoutMs: this.timeoutMs,
      maxBytes: this.maxBytes,
      accept: 'text/xml, application/xml',
      ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
    });
  }
}

export interface ModernGovSourceOptions {
  /** ModernGov's numeric committee id (Kent's Corporate Parenting Panel: 693). */
  committeeId: number | string;
  /** Shown when the response does not name the committee: 'Corporate Parenting Panel'. */
  committeeName: string;
  /** How far back to re-read (minutes and papers arrive after a meeting). Default 92 days. */
  daysBack?: number;
  /** How far ahead to read. Default 12 months. */
  monthsAhead?: number;
}

/**
 * Reads one committee's meetings: GetMeetings over the window, then GetMeeting for each (venue,
 * agenda and minutes state, documents). A failed GetMeetings fails the snapshot (nothing changes);
 * a failed GetMeeting or bad data skips that meeting only, and a skipped meeting is never taken
 * for vanished.
 */
export class ModernGovSource implements MeetingSourceReader {
  readonly source = 'moderngov' as const;

  constructor(
    private readonly client: ModernGovClient,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: ModernGovSourceOptions,
  ) {}

  async fetchSnapshot(): Promise<SourceSnapshot> {
    const today = this.clock.now().startOf('day');
    const from = today.minus({ days: this.options.daysBack ?? 92 });
    const to = today.plus({ months: this.options.monthsAhead ?? 12 });
    const listingXml = await this.client.getMeetings(this.options.committeeId, from.toISODate()!, to.toISODate()!);
    let listing;
    try {
      listing = parseGetMeetings(listingXml);
    } catch (error) {
      throw new SourceUnavailableError('moderngov GetMeetings', error instanceof Error ? error.message : 'unreadable response', {
        cause: error,
      });
    }
    const site: ModernGovSite = {
      siteUrl: this.client.siteUrl,
      committeeId: Number(this.options.committeeId),
      committeeName: this.options.committeeName,
    };
    const meetings: MeetingDraft[] = [];
    const skipped: SkippedEntry[] = [...listing.skipped];
    const seen = new Set<string>();
    for (const listed of listing.meetings) {
      if (seen.has(listed.meetingId)) continue;
      seen.add(listed.meetingId);
      let result;
      try {
        const detail = parseGetMeeting(await this.client.getMeeting(listed.meetingId));
        result = buildModernGovDraft(listed, detail, site, listing.committeeTitle);
      } catch (error) {
        result = {
          ok: false as const,
          sourceId: listed.meetingId,
          reason: `meeting ${listed.meetingId}: ${error instanceof Error ? error.message : 'GetMeeting failed'}`,
        };
      }
      if (result.ok) meetings.push(result.draft);
      else skipped.push({ sourceId: result.sourceId, reason: result.reason });
    }
    for (const entry of skipped)
      this.logger.warn({ source: 'moderngov', sourceId: entry.sourceId, reason: entry.reason }, 'meeting skipped');
    // The window is London calendar days: from the start of the first to the end of the last.
    return { source: 'moderngov', window: { fromUtc: utcIso(from), toUtc: utcIso(to.plus({ days: 1 })) }, meetings, skipped };
  }
}

/** 'YYYY-MM-DD' to 'dd/mm/yyyy' (ModernGov silently ignores ISO dates and returns everything). */
function ukDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`invalid date ${isoDate}`);
  return `${match[3]}/${match[2]}/${match[1]}`;
}
