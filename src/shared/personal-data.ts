import type { DateTime, Duration } from 'luxon';
import type { TableName } from '../platform/storage/table-names';

/**
 * What a feature contributes to the person's UK GDPR rights: a copy of what it holds about them
 * (subject access, Article 15), their erasure (Article 17) and its retention periods (Article
 * 5(1)(e)). Every feature that writes rows keyed by or naming a person registers one for its own
 * tables; the privacy feature only orchestrates them, and a test fails when a table has no owner.
 */
export interface PersonalDataContribution {
  /** Every table this contribution answers for, including those it keeps no personal data in. */
  readonly tables: readonly TableName[];
  /** What it holds about the subject, one section per kind of data (empty sections may be left out). */
  export(subject: DataSubject): Promise<readonly PersonalDataSection[]>;
  /**
   * Deletes the rows keyed by the subject and, in records the council must keep, puts the
   * pseudonym in place of their id and name. Idempotent: erasing again finds nothing to do.
   */
  erase(subject: DataSubject, pseudonym: Pseudonym): Promise<ErasureTally>;
  /** Deletes what has outlived its retention period at `now`; idempotent, safe beside another instance's purge. */
  purge?(now: DateTime, retention: RetentionSettings): Promise<readonly PurgeCount[]>;
}

/** Whom a request is about. */
export interface DataSubject {
  /** Their Entra object id: what every table keys people by. */
  readonly aadObjectId: string;
  /** Every display name they are known by (the directory's, and names found beside their id). */
  readonly names: readonly string[];
  /** Their Teams user ids (`29:...`), held in conversation references. */
  readonly teamsUserIds: readonly string[];
}

/** What stands for an erased person in a record the council keeps. */
export interface Pseudonym {
  /** `former-` and 16 random hex digits, made for one erasure and never stored beside the person's id. */
  readonly id: string;
  readonly name: string;
}

/** The name an erased person is shown by. */
export const FORMER_MEMBER = 'Former member';

/** One kind of data held about a person: what the export's JSON and its summary card show. */
export interface PersonalDataSection {
  /** Short, stable, for the JSON: 'apologies'. */
  readonly kind: string;
  /** For people: 'Apologies for meetings'. */
  readonly title: string;
  /** What it is and why the bot keeps it. */
  readonly description: string;
  /** How long it is kept, in words (naming the setting when there is one). */
  readonly retention: string;
  /** The rows, as plain JSON values (no ETags, no internal keys a person cannot read). */
  readonly records: readonly Readonly<Record<string, unknown>>[];
}

/** What an erasure did in one contribution's tables. */
export interface ErasureTally {
  deleted: number;
  pseudonymised: number;
}

export const NOTHING_ERASED: ErasureTally = { deleted: 0, pseudonymised: 0 };

export function addTallies(...tallies: readonly ErasureTally[]): ErasureTally {
  return tallies.reduce(
    (sum, tally) => ({ deleted: sum.deleted + tally.deleted, pseudonymised: sum.pseudonymised + tally.pseudonymised }),
    {
      ...NOTHING_ERASED,
    },
  );
}

/**
 * The kinds of data with a retention period of their own, each a setting (see src/app/config.ts
 * and the README's "Data held and retention").
 */
export const RETENTION_KINDS = [
  'deliveryRecords',
  'answerFeedback',
  'officerQuestions',
  'apologies',
  'eventReplies',
  'attendance',
  'closedChallenges',
  'auditLog',
  'inactiveMembers',
] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** How long each kind is kept; the purge deletes what is older at the time it runs. */
export type RetentionSettings = Readonly<Record<RetentionKind, Duration>>;

/** What a purge deleted, per table and kind, for the audit trail. */
export interface PurgeCount {
  readonly table: TableName;
  readonly kind: RetentionKind;
  readonly purged: number;
}

/** The instant before which `kind` is out of its period at `now`: calendar arithmetic (P2Y is two calendar years). */
export function retentionCutoff(now: DateTime, retention: RetentionSettings, kind: RetentionKind): DateTime {
  return now.toUTC().minus(retention[kind]);
}
