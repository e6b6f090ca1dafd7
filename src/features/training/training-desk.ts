import { DateTime, Duration } from 'luxon';
import type { AttendanceBook } from '../attendance';
import type { AdaptiveCardJson } from '../../shared/cards/card-template';
import type { DeliveryService } from '../../platform/delivery/delivery-service';
import { DomainError } from '../../shared/errors/domain-error';
import type { ParticipationEvent, EventRepository } from '../events';
import type { Actor } from '../../shared/access/actor';
import { requirePermission } from '../../shared/access/policy';
import type { JobStore } from '../../platform/scheduler/job-store';
import type { JobHandler, JobOutcome } from '../../platform/scheduler/scheduled-job';
import { RecurringJob } from '../../platform/scheduler/recurring-job';
import { type Clock, LONDON } from '../../platform/time/clock';
import { formatLondonDate, londonDate, londonStartOfDay, nextLondonTimeOfDay } from '../../platform/time/london';
import type { CouncillorDirectory } from './domain/councillor-directory';
import { myTrainingCard, trainingDueCard, trainingReminderCard } from './teams/training-cards';
import type { LastReminder, TrainingPreferences } from './data/training-preferences';
import { type TrainingRecord, type TrainingSession, countsAsTraining, trainingRecords } from './domain/training-record';
import { JOB_KINDS, batchIds, jobKeys } from '../../shared/keys';

export const TRAINING_REMINDER_JOB = JOB_KINDS.trainingReminders;
const NEXT_SESSIONS = 3;
/** "My training" also shows the term before the election. */
const TERM = Duration.fromObject({ years: 4 });
const REMINDER_INTERVAL = Duration.fromObject({ months: 1 });
const REMINDER_HOUR = 10;

export interface TrainingDeskDependencies {
  events: Pick<EventRepository, 'listStartingBetween' | 'listUpcoming'>;
  attendance: Pick<AttendanceBook, 'records'>;
  councillors: CouncillorDirectory;
  preferences: TrainingPreferences;
  delivery: Pick<DeliveryService, 'broadcast'>;
  jobs: JobStore;
  clock: Clock;
  /** ELECTION_DATE: the last county council election, a London date; unset means training cannot be assessed. */
  electionDate?: string;
}

/**
 * Recommendation 3: corporate parenting training after every election. A councillor's record is
 * the Training events they attended (attendance recorded by officers or by checking in); anyone
 * without one since ELECTION_DATE is due, is listed for officers, and gets a friendly reminder
 * with the next sessions at most once a month (unless they said "stop training reminders").
 */
export class TrainingDesk {
  /** The daily run at 10:00: one job per day, planning the next first, so a failed run never ends the series. */
  private readonly runs: RecurringJob;

  constructor(private readonly deps: TrainingDeskDependencies) {
    this.runs = new RecurringJob(deps.jobs, deps.clock, {
      kind: TRAINING_REMINDER_JOB,
      seriesPrefix: `${TRAINING_REMINDER_JOB}|`,
      keyOf: (due) => jobKeys.trainingReminders(londonDate(due)),
      nextAfter: (after) => nextLondonTimeOfDay(after, REMINDER_HOUR),
    });
  }

  async due(actor: Actor): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'training.due');
    const election = this.election();
    const [councillors, sessions, next] = await Promise.all([
      this.deps.councillors.listCouncillors(),
      this.sessionsFrom(election.startUtc),
      this.nextSessions(),
    ]);
    const records = trainingRecords(
      councillors.map((member) => member.aadObjectId),
      sessions,
      election.startUtc,
    );
    const due = councillors.filter((member) => records.get(member.aadObjectId)?.due !== false);
    return trainingDueCard(due, councillors.length, { electionText: election.text, nextSessions: next });
  }

  async mine(member: { aadObjectId: string }): Promise<AdaptiveCardJson> {
    const election = this.election();
    const termBefore = DateTime.fromISO(election.startUtc, { zone: 'utc' }).minus(TERM).toUTC().toISO()!;
    const [sessions, next, optedOut] = await Promise.all([
      this.sessionsFrom(termBefore),
      this.nextSessions(),
      this.deps.preferences.optedOut(),
    ]);
    const record: TrainingRecord = trainingRecords([member.aadObjectId], sessions, election.startUtc).get(member.aadObjectId)!;
    return myTrainingCard(record, { electionText: election.text, nextSessions: next }, optedOut.has(member.aadObjectId));
  }

  async setReminders(aadObjectId: string, on: boolean): Promise<void> {
    if (on) await this.deps.preferences.optIn(aadObjectId);
    else await this.deps.preferences.optOut(aadObjectId, this.nowUtc());
  }

  handlers(): Record<string, JobHandler> {
    return this.runs.handler(() => this.remind());
  }

  /** At start-up: the daily reminder run, unless one is planned already (by this or another instance). */
  ensureScheduled(): Promise<void> {
    return this.runs.ensurePlanned();
  }

  private async remind(): Promise<JobOutcome> {
    if (!this.deps.electionDate) return { kind: 'done', note: 'ELECTION_DATE is not set' };
    const next = await this.nextSessions();
    if (next.length === 0) return { kind: 'done', note: 'no training sessions planned' };
    const election = this.election();
    const now = this.deps.clock.now();
    const [councillors, sessions, optedOut, reminded] = await Promise.all([
      this.deps.councillors.listCouncillors(),
      this.sessionsFrom(election.startUtc),
      this.deps.preferences.optedOut(),
      this.deps.preferences.lastReminded(),
    ]);
    const records = trainingRecords(
      councillors.map((member) => member.aadObjectId),
      sessions,
      election.startUtc,
    );
    // One batch per calendar month: a run repeated after a crash queues nothing twice.
    const batchId = batchIds.trainingReminder(now.setZone(LONDON).toFormat('yyyy-MM'));
    const members = councillors.filter(
      (member) =>
        records.get(member.aadObjectId)?.due !== false &&
        !optedOut.has(member.aadObjectId) &&
        remindable(reminded.get(member.aadObjectId), now, batchId),
    );
    if (members.length === 0) return { kind: 'done', note: 'nobody to remind' };
    const card = trainingReminderCard({ electionText: election.text, nextSessions: next });
    // Recorded before queuing, so a crash in between can never lead to a second reminder within the month;
    // a retry of this run finds them in this month's batch and queues whatever did not get queued.
    const fresh = members.filter((member) => reminded.get(member.aadObjectId)?.batchId !== batchId);
    await this.deps.preferences.recordReminded(
      fresh.map((member) => member.aadObjectId),
      this.nowUtc(),
      batchId,
    );
    const summary = await this.deps.delivery.broadcast({ batchId, members, card: () => card });
    return { kind: 'done', note: `training reminders queued ${summary.queued}` };
  }

  private async sessionsFrom(fromUtc: string): Promise<TrainingSession[]> {
    const events = (await this.deps.events.listStartingBetween(fromUtc, this.nowUtc())).filter(countsAsTraining);
    return Promise.all(events.map(async (event) => ({ event, attendance: await this.deps.attendance.records(event.id) })));
  }

  private async nextSessions(): Promise<ParticipationEvent[]> {
    return (await this.deps.events.listUpcoming(this.nowUtc(), 200)).filter(countsAsTraining).slice(0, NEXT_SESSIONS);
  }

  private election(): { startUtc: string; text: string } {
    if (!this.deps.electionDate)
      throw new DomainError(
        'unavailable',
        'The date of the last county council election is not set (ELECTION_DATE), so I cannot tell who is due for training. Please ask your administrator to set it.',
      );
    const start = londonStartOfDay(this.deps.electionDate);
    return { startUtc: start.toUTC().toISO()!, text: formatLondonDate(start) };
  }

  private nowUtc(): string {
    return this.deps.clock.now().toUTC().toISO()!;
  }
}

/**
 * At most one reminder a month: never reminded, the last one a month or more ago, or the last one
 * is this month's batch (a run that stopped between recording and queuing: the batch sends it once).
 */
function remindable(last: LastReminder | undefined, now: DateTime, batchId: string): boolean {
  if (!last) return true;
  if (last.batchId === batchId) return true;
  return DateTime.fromISO(last.atUtc, { zone: 'utc' }).plus(REMINDER_INTERVAL) <= now;
}
