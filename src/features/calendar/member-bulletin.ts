import type { KeyFiguresDesk } from '../key-figures/key-figures-desk';
import { AdaptiveCardJson } from '../../shared/cards/card-template';
import { MeetingTimeline } from '../meetings';
import { utcIso } from '../meetings';
import { Clock } from '../../platform/time/clock';
import { DEFAULT_BULLETIN_WEEKS, bulletinBatchId, bulletinWindow } from './domain/bulletin';
import { bulletinCard } from './teams/calendar-cards';
import { EventTimeline, EventViewer, ParticipationEvent, eventVisibleTo } from '../events';

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
 * invitation list of each event in it) and makes each reader's card, with the events that reader
 * may see. The weekly job sends it to the panel members, councillors and officers who have not
 * opted out, as the batch `batchId()`, so a re-run in the same week sends nothing twice.
 */
export class MemberBulletin {
  constructor(
    private readonly events: EventTimeline,
    private readonly meetings: MeetingTimeline,
    private readonly invitations: InvitationLists,
    private readonly clock: Clock,
    private readonly options: MemberBulletinOptions = {},
  ) {}

  /** This week's bulletin as `viewer` may see it ("events"). */
  async card(viewer: EventViewer): Promise<AdaptiveCardJson> {
    return (await this.prepare()).cardFor(viewer);
  }

  /**
   * This week's cards and what to do once they are queued: the key figures they carry are marked as
   * announced (with this week's id, so a re-run of the same week carries them again, and no later week does).
   */
  async prepare(): Promise<{ cardFor: (viewer: EventViewer) => AdaptiveCardJson; queued: () => Promise<void> }> {
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
    // Readers who see the same events get the same card, rendered once.
    const cards = new Map<string, AdaptiveCardJson>();
    const cardFor = (viewer: EventViewer): AdaptiveCardJson => {
      const shown: ParticipationEvent[] = events.filter((event) =>
        eventVisibleTo(event, viewer, invited.get(event.id)?.has(viewer.aadObjectId) === true),
      );
      const key = shown.map((event) => event.id).join(',');
      const known = cards.get(key);
      if (known) return known;
      const card = bulletinCard({
        meetings,
        events: shown,
        nowUtc,
        weeks,
        ...(this.options.calendarUrl ? { calendarUrl: this.options.calendarUrl } : {}),
        ...(figures ? { keyFigures: figures.section } : {}),
      });
      cards.set(key, card);
      return card;
    };
    return { cardFor, queued: async () => (figures ? this.options.keyFigures?.markAnnounced(figures.quarter, week) : undefined) };
  }

  batchId(): string {
    return bulletinBatchId(utcIso(this.clock.now()));
  }
}
