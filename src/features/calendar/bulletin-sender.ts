import type { DeliveryService } from '../../platform/delivery/delivery-service';
import type { Member, RoleService } from '../members';
import { may } from '../../shared/access/policy';
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
      /** Active people with their roles: the bulletin reaches those the access matrix's `bulletin.read` allows. */
      people: Pick<RoleService, 'activeWhere'>;
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
    const readers = await this.deps.optOuts.subscribers(await this.deps.people.activeWhere((person) => may(person, 'bulletin.read')));
    const { cardsFor, queued } = await this.deps.bulletin.prepare();
    const batchId = this.deps.bulletin.batchId();
    // Each reader sees the events their role reaches (and those they were invited to): their own cards.
    const cardsOf = new Map(readers.map((reader) => [reader.aadObjectId, cardsFor(reader)]));
    const parts = Math.max(1, ...[...cardsOf.values()].map((cards) => cards.length));
    const totals = { queued: 0, skipped: 0 };
    for (let index = 0; index < parts; index++) {
      // Part 1 keeps the plain per-member key: a bulletin that fits one card is one message per member, as it always was.
      const dedupeKey = index === 0 ? undefined : (member: Member) => dedupeKeys.bulletinPart(batchId, index + 1, member.aadObjectId);
      const members = readers.filter((reader) => (cardsOf.get(reader.aadObjectId)?.length ?? 0) > index);
      const card = (member: Member) => cardsOf.get(member.aadObjectId)![index]!;
      const summary = await this.deps.delivery.broadcast({ batchId, members, card, dedupeKey });
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
        detail: `Member Bulletin${parts > 1 ? ` in up to ${parts} parts` : ''}: ${totals.queued} queued, ${totals.skipped} not reachable`,
      });
    }
    return { kind: 'done', note: `bulletin queued ${totals.queued} messages in up to ${parts} part(s)` };
  }
}
