import type { KeyFiguresDesk } from '../key-figures';
import type { AdaptiveCardJson } from '../../shared/cards/card-template';
import { type MeetingTimeline, utcIso } from '../meetings';
import type { Clock } from '../../platform/time/clock';
import { DEFAULT_BULLETIN_WEEKS, bulletinBatchId, bulletinWindow } from './domain/bulletin';
import { bulletinCards } from './teams/calendar-cards';
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
 * makes the cards (one, unless a busy month needs parts). The weekly job sends them to
 * `BulletinOptOuts.subscribers(activeMembers)` as the batch `batchId()`, so a re-run in the same
 * week sends nothing twice.
 */
export class MemberBulletin {
  constructor(
    private readonly events: EventTimeline,
    private readonly meetings: MeetingTimeline,
    private readonly clock: Clock,
    private readonly options: MemberBulletinOptions = {},
  ) {}

  /** The first card of this week's bulletin: what a card action shows in place. */
  async card(): Promise<AdaptiveCardJson> {
    return (await this.cards())[0]!;
  }

  /** This week's bulletin as one or more cards, each small enough to send. */
  async cards(): Promise<AdaptiveCardJson[]> {
    return (await this.prepare()).cards;
  }

  /**
   * This week's cards and what to do once they are queued: the key figures they carry are marked as
   * announced (with this week's id, so a re-run of the same week carries them again, and no later week does).
   */
  async prepare(): Promise<{ cards: AdaptiveCardJson[]; queued: () => Promise<void> }> {
    const nowUtc = utcIso(this.clock.now());
    const weeks = this.options.weeks ?? DEFAULT_BULLETIN_WEEKS;
    const { fromUtc, toUtc } = bulletinWindow(nowUtc, weeks);
    const week = this.batchId();
    const [meetings, events, figures] = await Promise.all([
      this.meetings.listStartingBetween(fromUtc, toUtc),
      this.events.listStartingBetween(fromUtc, toUtc),
      this.options.keyFigures?.forBulletin(week),
    ]);
    const cards = bulletinCards({
      meetings,
      events,
      nowUtc,
      weeks,
      ...(this.options.calendarUrl ? { calendarUrl: this.options.calendarUrl } : {}),
      ...(figures ? { keyFigures: figures.section } : {}),
    });
    return { cards, queued: async () => (figures ? this.options.keyFigures?.markAnnounced(figures.quarter, week) : undefined) };
  }

  batchId(): string {
    return bulletinBatchId(utcIso(this.clock.now()));
  }
}
