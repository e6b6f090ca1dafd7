import type { AttendanceRecord } from '../../attendance/domain/attendance';
import type { ParticipationEvent } from '../../events/domain/event';

/** One training session a member attended. */
export interface TrainingAttended {
  eventId: string;
  title: string;
  startUtc: string;
}

/** A member's corporate parenting training, split at the last county council election. */
export interface TrainingRecord {
  aadObjectId: string;
  sinceElection: TrainingAttended[];
  beforeElection: TrainingAttended[];
  /** No training attended since the election: Recommendation 3's refresher is due. */
  due: boolean;
}

/** A training event and who attended it. */
export interface TrainingSession {
  event: ParticipationEvent;
  attendance: readonly AttendanceRecord[];
}

/** Training counts when the event is of the training kind, went ahead, and the member is recorded as attending. */
export function countsAsTraining(event: ParticipationEvent): boolean {
  return event.kind === 'training' && event.status !== 'cancelled';
}

/**
 * Each member's record from the training sessions (pure). A session counts towards "since the
 * election" when it started on or after the start of election day (London), `electionStartUtc`.
 */
export function trainingRecords(
  aadObjectIds: readonly string[],
  sessions: readonly TrainingSession[],
  electionStartUtc: string,
): Map<string, TrainingRecord> {
  const records = new Map<string, TrainingRecord>(
    aadObjectIds.map((id) => [id, { aadObjectId: id, sinceElection: [], beforeElection: [], due: true }]),
  );
  const ordered = [...sessions]
    .filter((session) => countsAsTraining(session.event))
    .sort((a, b) => a.event.startUtc.localeCompare(b.event.startUtc));
  for (const session of ordered) {
    for (const attendance of session.attendance) {
      if (attendance.status !== 'attended') continue;
      const record = records.get(attendance.aadObjectId);
      if (!record) continue;
      const attended = { eventId: session.event.id, title: session.event.title, startUtc: session.event.startUtc };
      if (session.event.startUtc >= electionStartUtc) record.sinceElection.push(attended);
      else record.beforeElection.push(attended);
    }
  }
  for (const record of records.values()) record.due = record.sinceElection.length === 0;
  return records;
}
