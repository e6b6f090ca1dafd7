import type { DeliveryService } from '../../platform/delivery/delivery-service';
import type { MemberDirectory } from '../members';
import { type AuditTrail, SYSTEM_ACTOR } from '../audit';
import type { JobStore } from '../../platform/scheduler/job-store';
import type { JobHandler, JobOutcome } from '../../platform/scheduler/scheduled-job';
import type { Clock } from '../../platform/time/clock';
import type { BulletinOptOuts } from './data/bulletin-opt-outs';
import { type BulletinSchedule, nextBulletinAt } from './domain/bulletin-schedule';
import type { MemberBulletin } from './member-bulletin';
import { JOB_KINDS, jobKeys } from '../../shared/keys';

export const BULLETIN_JOB = JOB_KINDS.bulletin;
const KEY = jobKeys.bulletin;

/**
 * The weekly Member Bulletin: one durable job, re-planned for the next week each time it runs;
 * the delivery batch is named by the week, so a re-run in the same week sends nothing twice.
 */
export class BulletinSender {
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
  ) {}

  /** At start-up: plans the next bulletin unless one is already planned (by this or another instance). */
  async ensureScheduled(): Promise<void> {
    if ((await this.deps.jobs.pendingKeys(KEY)).length > 0) return;
    await this.planNext();
  }

  handlers(): Record<string, JobHandler> {
    return { [BULLETIN_JOB]: () => this.send() };
  }

  private async send(): Promise<JobOutcome> {
    const members = await this.deps.optOuts.subscribers(await this.deps.members.list({ activeOnly: true }));
    try {
      const { card, queued } = await this.deps.bulletin.prepare();
      const batchId = this.deps.bulletin.batchId();
      const summary = await this.deps.delivery.broadcast({ batchId, members, card: () => card });
      await queued();
      // A re-run in the same week sends nothing new, and records nothing.
      if (summary.queued + summary.skipped > 0) {
        await this.deps.audit.record({
          actor: SYSTEM_ACTOR,
          action: 'broadcast',
          subject: { kind: 'bulletin', id: batchId },
          detail: `Member Bulletin: ${summary.queued} queued, ${summary.skipped} not reachable`,
        });
      }
      return { kind: 'done', note: `bulletin queued ${summary.queued}` };
    } finally {
      // The next week's bulletin is planned whatever happens to this one.
      await this.planNext();
    }
  }

  private planNext(): Promise<void> {
    return this.deps.jobs.schedule({
      key: KEY,
      kind: BULLETIN_JOB,
      due: nextBulletinAt(this.deps.schedule, this.deps.clock.now()),
      payload: {},
    });
  }
}
