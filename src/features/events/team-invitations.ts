import { z } from 'zod';
import type { BroadcastSummary } from '../../platform/delivery/delivery-service';
import type { JobStore } from '../../platform/scheduler/job-store';
import { type JobHandler, type JobOutcome, jobHandler } from '../../platform/scheduler/scheduled-job';
import type { Clock } from '../../platform/time/clock';
import type { Actor } from '../../shared/access/actor';
import { DomainError, isDomainError } from '../../shared/errors/domain-error';
import { JOB_KINDS, jobKeys } from '../../shared/keys';
import { type Member, RosterThrottled, type TeamRosterPages } from '../members';
import type { EventRepository } from './data/event-repository';
import { type ParticipationEvent, eventIdSchema } from './domain/event';

export const TEAM_INVITATIONS_JOB = JOB_KINDS.teamInvitations;

const pagePayload = z.object({
  eventId: eventIdSchema,
  sequence: z.number().int().min(0),
  page: z.number().int().min(0),
  /** Teams' token for this page; absent for the first. */
  continuationToken: z.string().min(1).max(8_000).optional(),
  /** Who sent the event, for the audit entry written when the last page is done. */
  // `member` is read from jobs planned before roles had four values (only officers create events, so it is never expected).
  actor: z.object({
    aadObjectId: z.string().min(1).max(200),
    role: z.enum(['guest', 'panel', 'officer', 'admin', 'member']).transform((role) => (role === 'member' ? 'guest' : role)),
  }),
  /** Totals of the pages before this one. */
  queued: z.number().int().min(0),
  skipped: z.number().int().min(0),
});
type PagePayload = z.infer<typeof pagePayload>;

export interface TeamInvitationsDependencies {
  roster?: TeamRosterPages;
  jobs: JobStore;
  repository: EventRepository;
  clock: Clock;
  /** Invites these members to this version of the event (idempotent: one message per member per batch). */
  invite: (event: ParticipationEvent, members: Member[]) => Promise<BroadcastSummary>;
  /** Records the whole send once its last page is queued. */
  audit: (actor: PagePayload['actor'], event: ParticipationEvent, summary: BroadcastSummary) => Promise<void>;
  /** Asks the scheduler to run due jobs now (the first page, the next page) rather than at its next poll. */
  runSoon?: () => void;
}

/**
 * Invitations to the members of a Team, found in the background: reading a roster and opening a
 * 1:1 chat with each newcomer takes far longer than Teams lets an invoke wait, so the officer's
 * card is answered at once and a durable job does the rest, one roster page per job. Each page
 * job carries Teams' continuation token for its page and plans the next page before it is done,
 * so a crash resumes at the page it was on; the invitations it queues are keyed by member in the
 * event version's batch, so a page read twice sends nobody anything twice.
 */
export class TeamInvitations {
  constructor(private readonly deps: TeamInvitationsDependencies) {}

  /** Plans the first page, unless this version's invitations are under way or already sent. */
  async start(actor: Actor, event: ParticipationEvent, options: { alreadySent: boolean }): Promise<void> {
    if (event.audience.kind !== 'team') return;
    if (!this.deps.roster)
      throw new DomainError('unavailable', "I cannot read that Team's members at the moment. Please choose another audience.");
    if (options.alreadySent || (await this.inProgress(event))) return;
    await this.deps.jobs.scheduleIfAbsent({
      key: jobKeys.teamInvitationPage(event.id, event.sequence, 0),
      kind: TEAM_INVITATIONS_JOB,
      due: this.deps.clock.now(),
      payload: {
        eventId: event.id,
        sequence: event.sequence,
        page: 0,
        actor: { aadObjectId: actor.aadObjectId, role: actor.role },
        queued: 0,
        skipped: 0,
      } satisfies PagePayload,
    });
    this.deps.runSoon?.();
  }

  /** True while pages of this version's Team are still to be read. */
  async inProgress(event: ParticipationEvent): Promise<boolean> {
    return (await this.deps.jobs.pendingKeys(jobKeys.teamInvitationsOf(event.id, event.sequence))).length > 0;
  }

  handlers(): Record<string, JobHandler> {
    return { [TEAM_INVITATIONS_JOB]: jobHandler(pagePayload, (payload) => this.invitePage(payload)) };
  }

  private async invitePage(payload: PagePayload): Promise<JobOutcome> {
    const event = (await this.deps.repository.get(payload.eventId))?.event;
    if (!event) return { kind: 'done', note: 'event gone' };
    // A newer version invites the Team afresh (or another audience); a cancelled event invites no one more.
    if (event.status === 'cancelled' || event.sequence !== payload.sequence || event.audience.kind !== 'team')
      return this.stopEarly(payload, event, 'event cancelled or changed');
    if (!this.deps.roster) return this.stopEarly(payload, event, 'no roster reader');
    let page;
    try {
      page = await this.deps.roster.readPage(event.audience.teamId, payload.continuationToken);
    } catch (error) {
      if (error instanceof RosterThrottled)
        return { kind: 'wait', at: this.deps.clock.now().plus({ milliseconds: error.retryAfterMs }), reason: 'Teams asked for a pause' };
      if (isDomainError(error) && error.code === 'not_found') return this.stopEarly(payload, event, 'the bot is no longer in the Team');
      throw error;
    }
    const summary = await this.deps.invite(event, page.members);
    const totals = { queued: payload.queued + summary.queued, skipped: payload.skipped + summary.skipped };
    if (page.continuationToken) {
      await this.deps.jobs.scheduleIfAbsent({
        key: jobKeys.teamInvitationPage(event.id, event.sequence, payload.page + 1),
        kind: TEAM_INVITATIONS_JOB,
        due: this.deps.clock.now(),
        payload: { ...payload, ...totals, page: payload.page + 1, continuationToken: page.continuationToken } satisfies PagePayload,
      });
      this.deps.runSoon?.();
    } else if (totals.queued + totals.skipped > 0) {
      await this.deps.audit(payload.actor, event, { ...totals, duplicates: 0 });
    }
    return {
      kind: 'done',
      note: `page ${payload.page}: ${summary.queued} queued, ${summary.skipped} not reachable, ${page.ignored} ignored`,
    };
  }

  /** Ends the invitation before its last page; what the earlier pages sent is still recorded in the audit log. */
  private async stopEarly(payload: PagePayload, event: ParticipationEvent, why: string): Promise<JobOutcome> {
    if (payload.queued + payload.skipped > 0)
      await this.deps.audit(payload.actor, event, { queued: payload.queued, skipped: payload.skipped, duplicates: 0 });
    return { kind: 'done', note: `stopped at page ${payload.page}: ${why}` };
  }
}
