import { Duration } from 'luxon';
import { z } from 'zod';
import { hashedKey } from '../../platform/storage/keys';
import type { JobStore } from '../../platform/scheduler/job-store';
import { type JobHandler, type JobOutcome, type ScheduledJob, jobHandler } from '../../platform/scheduler/scheduled-job';
import type { Clock } from '../../platform/time/clock';
import { JOB_KINDS, batchIds, jobKeys } from '../../shared/keys';
import type { Apology, ApologyMeeting } from './domain/apology';
import type { ApologyBook } from './data/apology-book';
import { apologyNoticeForOfficers } from './teams/apology-cards';
import type { OfficerNotice } from './apology-desk';

export const APOLOGY_NOTICE_JOB = JOB_KINDS.apologyNotice;

const noticePayload = z.object({ meetingId: z.string(), aadObjectId: z.string() });
/** A few minutes: long enough to fold a burst of sends and withdrawals into one notice, short enough to be timely. */
export const DEFAULT_APOLOGY_NOTICE_DELAY = Duration.fromObject({ minutes: 3 });

export interface ApologyNoticeDependencies {
  jobs: JobStore;
  book: ApologyBook;
  /** The meeting as stored now (title, start), or undefined when it is gone. */
  meeting: (meetingId: string) => Promise<ApologyMeeting | undefined>;
  notifyOfficers: OfficerNotice;
  clock: Clock;
  delay?: Duration;
}

/**
 * Tells officers about a member's apologies for a meeting, coalesced: a change plans one durable
 * job per member and meeting (`apology-notice|<meeting>|<member>`) a few minutes ahead, and later
 * changes join it. When it runs (on whichever instance), it reads the apology as it is then and
 * sends one notice of that latest state, or none when officers were already told exactly that
 * (sent and withdrawn again meanwhile). Sending ten times and withdrawing ten times costs officers
 * one notice per few minutes, never twenty.
 */
export class ApologyNotices {
  private readonly delay: Duration;

  constructor(private readonly deps: ApologyNoticeDependencies) {
    this.delay = deps.delay ?? DEFAULT_APOLOGY_NOTICE_DELAY;
  }

  /** A member's apology for a meeting changed: make sure a notice is planned. */
  async changed(meetingId: string, aadObjectId: string): Promise<void> {
    await this.deps.jobs.scheduleIfAbsent({
      key: jobKeys.apologyNotice(meetingId, aadObjectId),
      kind: APOLOGY_NOTICE_JOB,
      due: this.deps.clock.now().plus(this.delay),
      payload: { meetingId, aadObjectId },
    });
  }

  handlers(): Record<string, JobHandler> {
    return { [APOLOGY_NOTICE_JOB]: jobHandler(noticePayload, (payload, job) => this.send(payload, job)) };
  }

  private async send({ meetingId, aadObjectId }: z.infer<typeof noticePayload>, job: ScheduledJob): Promise<JobOutcome> {
    const meeting = await this.deps.meeting(meetingId);
    if (!meeting) return { kind: 'done', note: 'meeting gone' };
    const [current, told] = await Promise.all([
      this.deps.book.find(meetingId, aadObjectId),
      this.deps.book.lastToldState(meetingId, aadObjectId),
    ]);
    const state = stateOf(current);
    if (state === (told || NONE)) return { kind: 'done', note: 'officers already know' };
    const withdrawnFrom = current ?? (await this.lastApology(meetingId, aadObjectId));
    if (!withdrawnFrom) return { kind: 'done', note: 'nothing to tell' };
    // One batch per planned notice: a retry of this run sends nothing twice.
    await this.deps.notifyOfficers(
      batchIds.apologyNotice(meetingId, aadObjectId, job.due.toUTC().toISO()!),
      apologyNoticeForOfficers(meeting, withdrawnFrom, !current),
    );
    await this.deps.book.recordTold(meetingId, aadObjectId, state);
    return { kind: 'done', note: current ? 'told officers: apologies sent' : 'told officers: apologies withdrawn' };
  }

  /** A withdrawn apology is gone from the book; the notice needs only the member's name, kept with what was told. */
  private async lastApology(meetingId: string, aadObjectId: string): Promise<Apology | undefined> {
    const told = await this.deps.book.lastToldState(meetingId, aadObjectId);
    const name = told.startsWith(SENT) ? told.slice(told.indexOf('|', SENT.length) + 1) : '';
    return name ? { meetingId, aadObjectId, name, recordedAt: this.deps.clock.now() } : undefined;
  }
}

const NONE = 'none';
const SENT = 'sent|';

/** The state officers would be told: none, or sent with these details (and the name, for a later withdrawal notice). */
function stateOf(apology: Apology | undefined): string {
  if (!apology) return NONE;
  return `${SENT}${hashedKey(apology.reason ?? '', apology.substitute ?? '')}|${apology.name}`;
}
