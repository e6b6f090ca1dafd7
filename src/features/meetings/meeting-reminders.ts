import { DateTime, Duration } from 'luxon';
import type { AdaptiveCardJson } from '../../shared/cards/card-template';
import type { DeliveryService } from '../../platform/delivery/delivery-service';
import type { Logger } from '../../platform/logging/logger';
import type { Meeting } from './domain/meeting';
import type { MeetingRepository } from './data/meeting-repository';
import type { Member } from '../members';
import type { JobStore } from '../../platform/scheduler/job-store';
import { type JobHandler, jobHandler, type JobOutcome } from '../../platform/scheduler/scheduled-job';
import type { Clock } from '../../platform/time/clock';
import type { ReminderLog } from './data/reminder-log';
import { reminderDueAt } from './domain/reminder-offsets';
import { JOB_KINDS, batchIds, jobKeys } from '../../shared/keys';
import { z } from 'zod';
import { type Metrics, NO_METRICS } from '../../platform/telemetry/metrics';

export const REMINDER_JOB = JOB_KINDS.meetingReminder;
export const CANCELLATION_JOB = JOB_KINDS.meetingCancelled;

const reminderPayload = z.object({ meetingId: z.string(), startUtc: z.string(), offset: z.string() });
const cancellationPayload = z.object({ meetingId: z.string() });

export interface ReminderCards {
  reminder(meeting: Meeting, offset: Duration): AdaptiveCardJson;
  cancellation(meeting: Meeting): AdaptiveCardJson;
}

export interface MeetingRemindersDependencies {
  jobs: JobStore;
  meetings: MeetingRepository;
  /** Whom meeting reminders reach now: the active panel members and officers (the access matrix's `meetings.reminders`). */
  recipients: () => Promise<Member[]>;
  log: ReminderLog;
  delivery: Pick<DeliveryService, 'broadcast'>;
  cards: ReminderCards;
  clock: Clock;
  logger: Logger;
  offsets: readonly Duration[];
  /** Reminder lateness (due -> handed to the outbox) is recorded here. Default: nowhere. */
  metrics?: Metrics;
}

/** How far ahead meetings are planned after each sync; a reminder more than this ahead is planned by a later sync. */
const PLANNING_HORIZON = Duration.fromObject({ days: 400 });

/**
 * Meeting reminders, exactly once per member per meeting per offset: one durable job per meeting
 * and offset (keyed by the meeting's start, so a move re-plans), and one delivery batch per job
 * whose dedupe key is the member, so a job run twice (crash, second instance) sends nothing twice.
 */
export class MeetingReminders {
  constructor(private readonly deps: MeetingRemindersDependencies) {}

  handlers(): Record<string, JobHandler> {
    return {
      [REMINDER_JOB]: jobHandler(reminderPayload, (payload, job) => this.remind(payload, job.due)),
      [CANCELLATION_JOB]: jobHandler(cancellationPayload, (payload) => this.noticeCancellation(payload)),
    };
  }

  /** Brings one meeting's jobs in line with it: after a sync changed it, or an officer did. */
  async plan(meeting: Meeting): Promise<void> {
    const prefix = jobKeys.meetingRemindersOf(meeting.id);
    if (meeting.status === 'cancelled') {
      await this.deps.jobs.cancelWithPrefix(prefix);
      return this.planCancellationNotice(meeting);
    }
    const current = jobKeys.meetingRemindersAt(meeting.id, meeting.startUtc);
    const pending = await this.deps.jobs.pendingKeys(prefix);
    for (const key of pending) if (!key.startsWith(current)) await this.deps.jobs.cancel(key);
    const now = this.deps.clock.now();
    for (const offset of this.deps.offsets) {
      const key = jobKeys.meetingReminder(meeting.id, meeting.startUtc, offset.toISO()!);
      const due = reminderDueAt(DateTime.fromISO(meeting.startUtc, { zone: 'utc' }), offset);
      if (due > now && !pending.includes(key)) {
        await this.deps.jobs.schedule({
          key,
          kind: REMINDER_JOB,
          due,
          payload: { meetingId: meeting.id, startUtc: meeting.startUtc, offset: offset.toISO() },
        });
      }
    }
  }

  /** Plans every meeting from now to the horizon: run after each sync; cost follows upcoming meetings only. */
  async planUpcoming(): Promise<number> {
    const now = this.deps.clock.now();
    const meetings = await this.deps.meetings.listStartingBetween(now.toUTC().toISO()!, now.plus(PLANNING_HORIZON).toUTC().toISO()!);
    for (const meeting of meetings) await this.plan(meeting);
    return meetings.length;
  }

  private async remind({ meetingId, startUtc, offset }: z.infer<typeof reminderPayload>, due: DateTime): Promise<JobOutcome> {
    const meeting = (await this.deps.meetings.get(meetingId))?.meeting;
    if (!meeting || meeting.status === 'cancelled') return { kind: 'done', note: 'meeting cancelled or gone' };
    if (meeting.startUtc !== startUtc) return { kind: 'done', note: 'meeting moved; its new reminders are planned separately' };
    if (this.deps.clock.now() >= DateTime.fromISO(meeting.startUtc))
      return { kind: 'done', note: 'meeting already started: too late to remind' };
    const recipients = (await this.deps.recipients()).filter((member) => !member.remindersOff);
    // Logged before sending: a cancellation that races the broadcast still reaches everyone told.
    await this.deps.log.recordReminded(
      meeting.id,
      recipients.map((member) => member.aadObjectId),
      this.deps.clock.now().toUTC().toISO()!,
    );
    const card = this.deps.cards.reminder(meeting, Duration.fromISO(offset));
    const summary = await this.deps.delivery.broadcast({
      batchId: batchIds.meetingReminder(meeting.id, startUtc, offset),
      members: recipients,
      card: () => card,
    });
    const latenessSeconds = Math.max(0, this.deps.clock.now().diff(due).as('seconds'));
    (this.deps.metrics ?? NO_METRICS).record('reminders.lateness', latenessSeconds, { offset });
    return { kind: 'done', note: `queued ${summary.queued}, skipped ${summary.skipped}, already queued ${summary.duplicates}` };
  }

  private async planCancellationNotice(meeting: Meeting): Promise<void> {
    if ((await this.deps.log.reminded(meeting.id)).size === 0) return;
    if (!(await this.deps.log.claimCancellationNotice(meeting.id))) return;
    await this.deps.jobs.schedule({
      key: jobKeys.meetingCancelled(meeting.id),
      kind: CANCELLATION_JOB,
      due: this.deps.clock.now(),
      payload: { meetingId: meeting.id },
    });
  }

  private async noticeCancellation({ meetingId }: z.infer<typeof cancellationPayload>): Promise<JobOutcome> {
    const meeting = (await this.deps.meetings.get(meetingId))?.meeting;
    if (!meeting) return { kind: 'done', note: 'meeting gone' };
    const reminded = await this.deps.log.reminded(meeting.id);
    const recipients = (await this.deps.recipients()).filter((member) => reminded.has(member.aadObjectId));
    const card = this.deps.cards.cancellation(meeting);
    const summary = await this.deps.delivery.broadcast({
      batchId: batchIds.meetingCancelled(meeting.id),
      members: recipients,
      card: () => card,
    });
    return { kind: 'done', note: `cancellation notice queued ${summary.queued}` };
  }
}
