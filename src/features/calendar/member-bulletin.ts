import type { KeyFiguresDesk } from '../key-figures';
import type { AdaptiveCardJson } from '../../shared/cards/card-template';
import { type MeetingTimeline, utcIso } from '../meetings';
import type { Clock } from '../../platform/time/clock';
import { DEFAULT_BULLETIN_WEEKS, bulletinBatchId, bulletinWindow } from './domain/bulletin';
import { bulletinCards } from './teams/calendar-cards';
import { type EventTimeline, type EventViewer, type ParticipationEvent, eventVisibleTo } from '../events';

/** Who was invited to an event: the bulletin lists an event for a Team only to those it reached. */
export interface InvitationLists {
  list(eventId: string): Promise<{ aadObjectId: string }[]>;
}

export interface MemberBulletinOptions {
  /** Weeks ahead, counting this one (default 4). */
  weeks?: number;
  /** Where the bulletin's "Members' Calendar" button goes; omit to hide it. */
  calendarUrl?: string;
  /** The key figures a bulletin carries once, after officers enter a quarter's figures. */
  keyFigures?: Pick<KeyFiguresDesk, 'forBulletin' | 'markAnnounced'>;
}

/**
 * This week's Member Bulletin: reads the window's meetings and events (two range queries, and the
 * invitation list of each event in it) and makes each reader's cards (one, unless a busy month
 * needs parts), with the events that reader may see (eventVisibleTo). The weekly job sends them to
 * the panel members, councillors and officers who have not opted out, as the batch `batchId()`, so
 * a re-run in the same week sends nothing twice.
 */
export class MemberBulletin {
  constructor(
    private readonly events: EventTimeline,
    private readonly meetings: MeetingTimeline,
    private readonly invitations: InvitationLists,
    private readonly clock: Clock,
    private readonly options: MemberBulletinOptions = {},
  ) {}

  /** The first card of this week's bulletin as `viewer` may see it: what a card action shows in place. */
  async card(viewer: EventViewer): Promise<AdaptiveCardJson> {
    return (await this.cards(viewer))[0]!;
  }

  /** This week's bulletin for `viewer` ("events"), as one or more cards, each small enough to send. */
  async cards(viewer: EventViewer): Promise<AdaptiveCardJson[]> {
    return (await this.prepare()).cardsFor(viewer);
  }

  /**
   * This week's cards, per reader, and what to do once they are queued: the key figures they carry
   * are marked as announced (with this week's id, so a re-run of the same week carries them again,
   * and no later week does).
   */
  async prepare(): Promise<{ cardsFor: (viewer: EventViewer) => AdaptiveCardJson[]; queued: () => Promise<void> }> {
    const nowUtc = utcIso(this.clock.now());
    const weeks = this.options.weeks ?? DEFAULT_BULLETIN_WEEKS;
    const { fromUtc, toUtc } = bulletinWindow(nowUtc, weeks);
    const week = this.batchId();
    const [meetings, events, figures] = await Promise.all([
      this.meetings.listStartingBetween(fromUtc, toUtc),
      this.events.listStartingBetween(fromUtc, toUtc),
      this.options.keyFigures?.forBulletin(week),
    ]);
    const invited = new Map(
      await Promise.all(
        events.map(async (event) => [event.id, new Set((await this.invitations.list(event.id)).map((row) => row.aadObjectId))] as const),
      ),
    );
    // Readers who see the same events get the same cards, rendered once.
    const rendered = new Map<string, AdaptiveCardJson[]>();
    const cardsFor = (viewer: EventViewer): AdaptiveCardJson[] => {
      const shown: ParticipationEvent[] = events.filter((event) =>
        eventVisibleTo(event, viewer, invited.get(event.id)?.has(viewer.aadObjectId) === true),
      );
      const key = shown.map((event) => event.id).join(',');
      const known = rendered.get(key);
      if (known) return known;
      const cards = bulletinCards({
        meetings,
        events: shown,
        nowUtc,
        weeks,
        ...(this.options.calendarUrl ? { calendarUrl: this.options.calendarUrl } : {}),
        ...(figures ? { keyFigures: figures.section } : {}),
      });
      rendered.set(key, cards);
      return cards;
    };
    return { cardsFor, queued: async () => (figures ? this.options.keyFigures?.markAnnounced(figures.quarter, week) : undefined) };
  }

  batchId(): string {
    return bulletinBatchId(utcIso(this.clock.now()));
  }
}
