import { DeliveryService } from '../../platform/delivery/delivery-service';
import { RoleService } from '../members';
import { may } from '../../shared/access/policy';
import { AuditTrail, SYSTEM_ACTOR } from '../audit/domain/audit-entry';
import { JobStore } from '../../platform/scheduler/job-store';
import { JobHandler, JobOutcome } from '../../platform/scheduler/scheduled-job';
import { Clock } from '../../platform/time/clock';
import { BulletinOptOuts } from './data/bulletin-opt-outs';
import { BulletinSchedule, nextBulletinAt } from './domain/bulletin-schedule';
import { MemberBulletin } from './member-bulletin';
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
      /** Active people with their roles: the bulletin reaches those the access matrix's `bulletin.read` allows. */
      people: Pick<RoleService, 'activeWhere'>;
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
    const readers = await this.deps.optOuts.subscribers(await this.deps.people.activeWhere((person) => may(person, 'bulletin.read')));
    try {
      const { cardFor, queued } = await this.deps.bulletin.prepare();
      const batchId = this.deps.bulletin.batchId();
      const holdings = new Map(readers.map((reader) => [reader.aadObjectId, reader]));
      const summary = await this.deps.delivery.broadcast({
        batchId,
        members: readers,
        // Each reader sees the events their role reaches (and those they were invited to).
        card: (member) => cardFor(holdings.get(member.aadObjectId) ?? { aadObjectId: member.aadObjectId, role: 'guest' }),
      });
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
