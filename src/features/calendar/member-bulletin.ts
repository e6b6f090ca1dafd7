import type { KeyFiguresDesk } from '../key-figures';
import type { AdaptiveCardJson } from '../../shared/cards/card-template';
import { type MeetingTimeline, utcIso } from '../meetings';
import type { Clock } from '../../platform/time/clock';
import { DEFAULT_BULLETIN_WEEKS, bulletinBatchId, bulletinWindow } from './domain/bulletin';
import { bulletinCard } from './teams/calendar-cards';
import type { EventTimeline } from '../events';

export interface MemberBulletinOptions {
  /** Weeks ahead, counting this one (default 4). */
  weeks?: number;
  /** Where the bulletin's "Members' Calendar" button goes; omit to hide it. */
  calendarUrl?: string;
  /** The key figures a bulletin carries once, after officers enter a quarter's figures. */
  keyFigures?: Pick<KeyFiguresDesk, 'forBulletin' | 'markAnnounced'>;
}

/**
 * This week's Member Bulletin: reads the window's meetings and events (two range queries) and
 * makes the card. The weekly job sends it to `BulletinOptOuts.subscribers(activeMembers)` as the
 * batch `batchId()`, so a re-run in the same week sends nothing twice.
 */
export class MemberBulletin {
  constructor(
    private readonly events: EventTimeline,
    private readonly meetings: MeetingTimeline,
    private readonly clock: Clock,
    private readonly options: MemberBulletinOptions = {},
  ) {}

  async card(): Promise<AdaptiveCardJson> {
    return (await this.prepare()).card;
  }

  /**
   * This week's card and what to do once it is queued: the key figures it carries are marked as
   * announced (with this week's id, so a re-run of the same week carries them again, and no later week does).
   */
  async prepare(): Promise<{ card: AdaptiveCardJson; queued: () => Promise<void> }> {
    const nowUtc = utcIso(this.clock.now());
    const weeks = this.options.weeks ?? DEFAULT_BULLETIN_WEEKS;
    const { fromUtc, toUtc } = bulletinWindow(nowUtc, weeks);
    const week = this.batchId();
    const [meetings, events, figures] = await Promise.all([
      this.meetings.listStartingBetween(fromUtc, toUtc),
      this.events.listStartingBetween(fromUtc, toUtc),
      this.options.keyFigures?.forBulletin(week),
    ]);
    const card = bulletinCard({
      meetings,
      events,
      nowUtc,
      weeks,
      ...(this.options.calendarUrl ? { calendarUrl: this.options.calendarUrl } : {}),
      ...(figures ? { keyFigures: figures.section } : {}),
    });
    return { card, queued: async () => (figures ? this.options.keyFigures?.markAnnounced(figures.quarter, week) : undefined) };
  }

  batchId(): string {
    return bulletinBatchId(utcIso(this.clock.now()));
  }
}
