import { Duration } from 'luxon';
import { RETENTION_KINDS, type RetentionKind, type RetentionSettings } from '../../../shared/personal-data';

/** One retention period: its setting, default, the least a council may set, and what it covers. */
export interface RetentionSetting {
  readonly variable: string;
  readonly fallback: string;
  /** Shorter would break something the data is kept for (e.g. no reminder sent twice). */
  readonly minimum: string;
  readonly covers: string;
}

/**
 * The retention period of each kind of data, as settings (src/app/config.ts validates them; the
 * README's "Data held and retention" lists them). Defaults follow what a county council keeps
 * committee business for: working records two years, the council's records of attendance,
 * challenges and its audit trail six years (the Limitation Act period), delivery bookkeeping 90 days.
 */
export const RETENTION_SETTINGS: Readonly<Record<RetentionKind, RetentionSetting>> = {
  deliveryRecords: {
    variable: 'RETENTION_DELIVERY_RECORDS',
    fallback: 'P90D',
    minimum: 'P31D',
    covers:
      'delivery records of sent messages, who was reminded of a meeting, what officers were told of an apology, when a councillor was last reminded of training',
  },
  answerFeedback: {
    variable: 'RETENTION_ANSWER_FEEDBACK',
    fallback: 'P2Y',
    minimum: 'P30D',
    covers: '"Did this answer help?" votes with the question asked',
  },
  officerQuestions: {
    variable: 'RETENTION_OFFICER_QUESTIONS',
    fallback: 'P2Y',
    minimum: 'P30D',
    covers: 'questions members asked the officers, with the answers',
  },
  apologies: {
    variable: 'RETENTION_APOLOGIES',
    fallback: 'P2Y',
    minimum: 'P30D',
    covers: 'apologies for meetings, with reasons and substitutes',
  },
  eventReplies: { variable: 'RETENTION_EVENT_REPLIES', fallback: 'P2Y', minimum: 'P30D', covers: 'event invitations and RSVPs' },
  attendance: {
    variable: 'RETENTION_ATTENDANCE',
    fallback: 'P6Y',
    minimum: 'P1Y',
    covers: 'attendance at events and meetings, with its change history',
  },
  closedChallenges: {
    variable: 'RETENTION_CLOSED_CHALLENGES',
    fallback: 'P6Y',
    minimum: 'P1Y',
    covers: 'challenge cards after they were closed (young people informed, or redirected), with their history',
  },
  auditLog: { variable: 'RETENTION_AUDIT_LOG', fallback: 'P6Y', minimum: 'P1Y', covers: 'audit log entries' },
  inactiveMembers: {
    variable: 'RETENTION_INACTIVE_MEMBERS',
    fallback: 'P2Y',
    minimum: 'P30D',
    covers:
      'directory entries of people who uninstalled the bot and have not been seen since, and marks that Teams could not reach someone',
  },
};

/** The defaults, for tests and tools that do not read the environment. */
export function defaultRetention(): RetentionSettings {
  return Object.fromEntries(RETENTION_KINDS.map((kind) => [kind, Duration.fromISO(RETENTION_SETTINGS[kind].fallback)])) as Record<
    RetentionKind,
    Duration
  >;
}

/** "2 years", "90 days": a period as people read it. */
export function describePeriod(period: Duration): string {
  const parts = Object.entries(period.toObject()).filter(([, value]) => value !== 0);
  if (parts.length === 0) return 'no time';
  return parts.map(([unit, value]) => `${value} ${value === 1 ? unit.replace(/s$/, '') : unit}`).join(' ');
}
