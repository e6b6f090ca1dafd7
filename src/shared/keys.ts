import { hashedKey } from '../platform/storage/keys';

/**
 * Every persisted id whose format is a promise to data already stored: delivery batch ids (the
 * outbox's duplicate detection: a message whose batch id changes is sent again) and scheduled-job
 * kinds and keys (a job whose key changes is planned twice). tests/unit/shared/keys.test.ts pins
 * each format; change one only with a migration.
 *
 * Table row-key layouts are not here: each belongs to one table and is documented and tested
 * with that table's entity module (e.g. challenges' data/challenge-entities.ts).
 */

/** The kinds of scheduled job, as stored in the jobs table. */
export const JOB_KINDS = {
  meetingReminder: 'meeting-reminder',
  meetingCancelled: 'meeting-cancelled',
  eventReminder: 'event-reminder',
  bulletin: 'bulletin',
  challengeNudges: 'challenge-nudges',
  challengeQuarterlyReport: 'challenge-quarterly-report',
  trainingReminders: 'training-reminders',
  officerQuestionNudges: 'officer-question-nudges',
  apologyNotice: 'apology-notice',
  teamInvitations: 'team-invitations',
  retentionPurge: 'retention-purge',
} as const;

/** Keys of scheduled jobs: one pending job per key. */
export const jobKeys = {
  /** Every reminder of one meeting, at any time. */
  meetingRemindersOf: (meetingId: string) => `${JOB_KINDS.meetingReminder}|${meetingId}|`,
  /** The reminders of one meeting at one start time. */
  meetingRemindersAt: (meetingId: string, startUtc: string) => `${jobKeys.meetingRemindersOf(meetingId)}${startUtc}|`,
  meetingReminder: (meetingId: string, startUtc: string, offsetIso: string) =>
    `${jobKeys.meetingRemindersAt(meetingId, startUtc)}${offsetIso}`,
  meetingCancelled: (meetingId: string) => `${JOB_KINDS.meetingCancelled}|${meetingId}`,
  eventRemindersOf: (eventId: string) => `${JOB_KINDS.eventReminder}|${eventId}|`,
  eventReminder: (eventId: string, startUtc: string) => `${jobKeys.eventRemindersOf(eventId)}${startUtc}`,
  /**
   * Recurring jobs: one job per occurrence, keyed by its London date, so planning an occurrence
   * twice (a retry, a second instance, a start-up) plans it once. Each series' keys start with its
   * kind, as the single keys of earlier versions (`legacyJobKeys`) did.
   */
  bulletin: (londonDate: string) => `${JOB_KINDS.bulletin}|${londonDate}`,
  challengeNudges: (londonDate: string) => `${JOB_KINDS.challengeNudges}|${londonDate}`,
  challengeQuarterlyReport: (londonDate: string) => `${JOB_KINDS.challengeQuarterlyReport}|${londonDate}`,
  /** The monthly training reminder run due on one London date. */
  trainingReminders: (londonDate: string) => `${JOB_KINDS.trainingReminders}|${londonDate}`,
  officerQuestionNudges: (londonDate: string) => `${JOB_KINDS.officerQuestionNudges}|${londonDate}`,
  /** One pending notice to officers per member and meeting: later changes join it. */
  apologyNotice: (meetingId: string, aadObjectId: string) => `${JOB_KINDS.apologyNotice}|${meetingId}|${aadObjectId}`,
  /** Every page of the background invitation of one event version's Team audience. */
  teamInvitationsOf: (eventId: string, sequence: number) => `${JOB_KINDS.teamInvitations}|${eventId}|v${sequence}|`,
  /** One page of a Team's roster (from 0): the job carries the continuation token that reads it. */
  teamInvitationPage: (eventId: string, sequence: number, page: number) => `${jobKeys.teamInvitationsOf(eventId, sequence)}p${page}`,
  /** The daily retention purge of one London date: planned once per date by every instance that starts. */
  retentionPurge: (londonDate: string) => `${JOB_KINDS.retentionPurge}|${londonDate}`,
} as const;

/**
 * The one key each recurring series used before it became one job per occurrence. Jobs stored
 * under them still run (their kind is unchanged) and plan the next occurrence under the new key;
 * the series prefix (the kind) matches them, so a start-up beside one plans no second series.
 */
export const legacyJobKeys = {
  bulletin: 'bulletin|weekly',
  challengeNudges: JOB_KINDS.challengeNudges,
  challengeQuarterlyReport: JOB_KINDS.challengeQuarterlyReport,
  officerQuestionNudges: JOB_KINDS.officerQuestionNudges,
} as const;

/**
 * Dedupe keys within a batch, where a batch sends a member more than one message. The default
 * (`<batchId>:<aadObjectId>`, see DeliveryService) is the first message's.
 */
export const dedupeKeys = {
  /** Part 2, 3, ... of a bulletin too long for one card (part 1 keeps the default key). */
  bulletinPart: (batchId: string, part: number, aadObjectId: string) => `${batchId}:part${part}:${aadObjectId}`,
} as const;

/** Delivery batch ids: a batch sends each recipient one message, whatever retries and restarts happen. */
export const batchIds = {
  meetingReminder: (meetingId: string, startUtc: string, offsetIso: string) =>
    `${JOB_KINDS.meetingReminder}|${meetingId}|${startUtc}|${offsetIso}`,
  meetingCancelled: (meetingId: string) => `${JOB_KINDS.meetingCancelled}|${meetingId}`,
  /** One coalesced notice to officers about a member's apology, per planned run (its due time). */
  apologyNotice: (meetingId: string, aadObjectId: string, dueUtc: string) => `apologies:${hashedKey(meetingId, aadObjectId, dueUtc)}`,
  /** One version of an event: v0's invitation, later versions' change notices (and the cancellation). */
  eventVersion: (eventId: string, sequence: number, kind: 'invitation' | 'change') => `event:${eventId}:v${sequence}:${kind}`,
  eventReminder: (eventId: string, startUtc: string) => `${JOB_KINDS.eventReminder}|${eventId}|${startUtc}`,
  /** The bulletin of one ISO week (`2026-W49`), so a re-run in the same week sends nothing twice. */
  bulletin: (isoWeek: string) => `bulletin:${isoWeek}`,
  /** One version of a challenge card (`created` or a response's version) to its people. */
  challengeCard: (reference: string, version: string) => `challenge:${reference}:${version}`,
  challengeNudge: (reference: string, londonDate: string) => `challenge-nudge:${reference}:${londonDate}`,
  challengeReport: (periodStart: string) => `challenge-report:${periodStart}`,
  /** At most one training reminder a month (`2026-12`) per councillor. */
  trainingReminder: (londonMonth: string) => `training-reminder:${londonMonth}`,
  /** One version of the year's "You said, we did" to the children's councils' officers. */
  youSaidWeDid: (year: number, version: number) => `you-said-we-did:${year}:v${version}`,
  /** A member's question to the officers, first posted (round 0) and each nudge after. */
  officerQuestion: (questionId: string, round: string | number) => `officer-question:${questionId}:${round}`,
  /** The officer's answer to the member who asked. */
  officerAnswer: (questionId: string) => `officer-answer:${questionId}`,
} as const;
