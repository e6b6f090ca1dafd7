import { DateTime } from 'luxon';
import type { AdaptiveCardJson } from '../../shared/cards/card-template';
import { DomainError } from '../../shared/errors/domain-error';
import { type Meeting, meetingIdSchema } from '../meetings';
import type { MeetingRepository } from '../meetings';
import type { Clock } from '../../platform/time/clock';
import type { Actor } from '../../shared/access/actor';
import { requirePermission } from '../../shared/access/policy';
import type { ApologyMeeting } from './domain/apology';
import type { ApologyNotices } from './apology-notices';
import type { ApologyBook } from './data/apology-book';
import { apologyFormCard, apologyListCard, apologyRecordedCard, apologyWithdrawnCard } from './teams/apology-cards';

/** Sends a card to every officer; the delivery layer makes it durable and paced. */
export type OfficerNotice = (batchId: string, card: AdaptiveCardJson) => Promise<void>;

export interface ApologyMember {
  aadObjectId: string;
  name: string;
}

export function apologyMeeting(meeting: Meeting): ApologyMeeting {
  return {
    id: meeting.id,
    title: meeting.title,
    start: DateTime.fromISO(meeting.startUtc, { zone: 'utc' }),
    cancelled: meeting.status === 'cancelled',
  };
}

/**
 * The apologies workflow behind the cards: the member's own apology, officers told of the changes
 * (coalesced a few minutes, see ApologyNotices). The meeting is always loaded from storage; card
 * data only names it.
 */
export class ApologyDesk {
  constructor(
    private readonly book: ApologyBook,
    private readonly meetings: MeetingRepository,
    private readonly clock: Clock,
    private readonly notices: Pick<ApologyNotices, 'changed'>,
  ) {}

  async open(meetingId: unknown, member: ApologyMember): Promise<AdaptiveCardJson> {
    const meeting = await this.load(meetingId);
    const existing = await this.book.find(meeting.id, member.aadObjectId);
    if (existing) return apologyRecordedCard(meeting, existing, 'You have already sent apologies for this meeting.', this.isAhead(meeting));
    if (meeting.cancelled) throw new DomainError('conflict', `${meeting.title} has been cancelled.`);
    if (!this.isAhead(meeting)) throw new DomainError('conflict', `${meeting.title} has already started.`);
    return apologyFormCard(meeting);
  }

  async send(meetingId: unknown, member: ApologyMember, details: { reason?: string; substitute?: string }): Promise<AdaptiveCardJson> {
    const meeting = await this.load(meetingId);
    const result = await this.book.send(meeting, member, details);
    if (result.kind === 'already_recorded')
      return apologyRecordedCard(meeting, result.apology, 'You had already sent apologies for this meeting; they are recorded once.', true);
    await this.notices.changed(meeting.id, member.aadObjectId);
    return apologyRecordedCard(meeting, result.apology, 'Your apologies are recorded; the officers will be told.', true);
  }

  async withdraw(meetingId: unknown, member: ApologyMember): Promise<AdaptiveCardJson> {
    const meeting = await this.load(meetingId);
    const existing = await this.book.find(meeting.id, member.aadObjectId);
    if (!existing || !(await this.book.withdraw(meeting, member.aadObjectId)))
      return apologyFormCard(meeting, 'You had no apologies recorded for this meeting.');
    await this.notices.changed(meeting.id, member.aadObjectId);
    return apologyWithdrawnCard(meeting);
  }

  async listFor(actor: Actor, meetingId: unknown): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'apologies.read');
    const meeting = await this.load(meetingId);
    return apologyListCard(meeting, await this.book.forMeeting(meeting.id));
  }

  private isAhead(meeting: ApologyMeeting): boolean {
    return !meeting.cancelled && this.clock.now() < meeting.start;
  }

  private async load(meetingId: unknown): Promise<ApologyMeeting> {
    const id = meetingIdSchema.safeParse(meetingId);
    const stored = id.success ? await this.meetings.get(id.data) : undefined;
    if (!stored)
      throw new DomainError(
        'not_found',
        'I could not find that meeting. It may have been removed; ask "upcoming meetings" for the current list.',
      );
    return apologyMeeting(stored.meeting);
  }
}
