import type { DeliveryService } from '../../platform/delivery/delivery-service';
import type { Member, MemberDirectory } from '../members';
import { type AuditTrail, SYSTEM_ACTOR } from '../audit';
import type { JobStore } from '../../platform/scheduler/job-store';
import { RecurringJob } from '../../platform/scheduler/recurring-job';
import type { JobHandler, JobOutcome } from '../../platform/scheduler/scheduled-job';
import { type Clock, LONDON } from '../../platform/time/clock';
import type { BulletinOptOuts } from './data/bulletin-opt-outs';
import { type BulletinSchedule, nextBulletinAt } from './domain/bulletin-schedule';
import type { MemberBulletin } from './member-bulletin';
import { JOB_KINDS, dedupeKeys, jobKeys } from '../../shared/keys';

export const BULLETIN_JOB = JOB_KINDS.bulletin;

/**
 * The weekly Member Bulletin: one durable job per week (`bulletin|<London date>`), each planning
 * the next before it sends, so one failed, retried or dropped week never ends the series. The
 * delivery batch is named by the week, so a re-run in the same week sends nothing twice; a busy
 * month goes as several cards, all in that one batch.
 */
export class BulletinSender {
  private readonly series: RecurringJob;

  constructor(
    private readonly deps: {
      jobs: JobStore;
      bulletin: MemberBulletin;
      optOuts: BulletinOptOuts;
      members: MemberDirectory;
      delivery: Pick<DeliveryService, 'broadcast'>;
      clock: Clock;
      schedule: BulletinSchedule;
      audit: AuditTrail;
    },
  ) {
    this.series = new RecurringJob(deps.jobs, deps.clock, {
      kind: BULLETIN_JOB,
      seriesPrefix: BULLETIN_JOB,
      keyOf: (due) => jobKeys.bulletin(due.setZone(LONDON).toISODate()!),
      nextAfter: (after) => nextBulletinAt(deps.schedule, after),
    });
  }

  /** At start-up: plans the next bulletin unless one is already planned (by this or another instance). */
  ensureScheduled(): Promise<void> {
    return this.series.ensurePlanned();
  }

  handlers(): Record<string, JobHandler> {
    return this.series.handler(() => this.send());
  }

  private async send(): Promise<JobOutcome> {
    const members = await this.deps.optOuts.subscribers(await this.deps.members.list({ activeOnly: true }));
    const { cards, queued } = await this.deps.bulletin.prepare();
    const batchId = this.deps.bulletin.batchId();
    const totals = { queued: 0, skipped: 0 };
    for (const [index, card] of cards.entries()) {
      // Part 1 keeps the plain per-member key: a bulletin that fits one card is one message per member, as it always was.
      const dedupeKey = index === 0 ? undefined : (member: Member) => dedupeKeys.bulletinPart(batchId, index + 1, member.aadObjectId);
      const summary = await this.deps.delivery.broadcast({ batchId, members, card: () => card, dedupeKey });
      totals.queued += summary.queued;
      // Someone unreachable is skipped for every part: counted once, as a person.
      totals.skipped = Math.max(totals.skipped, summary.skipped);
    }
    await queued();
    // A re-run in the same week sends nothing new, and records nothing.
    if (totals.queued + totals.skipped > 0) {
      await this.deps.audit.record({
        actor: SYSTEM_ACTOR,
        action: 'broadcast',
        subject: { kind: 'bulletin', id: batchId },
        detail: `Member Bulletin${cards.length > 1 ? ` in ${cards.length} parts` : ''}: ${totals.queued} queued, ${totals.skipped} not reachable`,
      });
    }
    return { kind: 'done', note: `bulletin queued ${totals.queued} messages in ${cards.length} part(s)` };
  }
}
