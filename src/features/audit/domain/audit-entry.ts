import { z } from 'zod';

/**
 * One line of the audit trail: who did what to whom, and when. The detail is written by the code
 * from fixed words, ids and counts ("received -> accepted", "42 queued"): it never holds a child's
 * words, a card's text or anything a person typed.
 */
export const AUDIT_ACTIONS = [
  'role.granted',
  'role.revoked',
  'import',
  'export',
  'erasure',
  'purge',
  'broadcast',
  'challenge.status',
  'notice.changed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'role.granted': 'Role granted',
  'role.revoked': 'Role removed',
  import: 'Import',
  export: 'Data export',
  erasure: 'Erasure',
  purge: 'Retention purge',
  broadcast: 'Broadcast',
  'challenge.status': 'Challenge card status',
  'notice.changed': 'Privacy notice changed',
};

/** What an entry is about: a person, a card, an event, the bulletin, a table. */
export const AUDIT_SUBJECT_KINDS = ['member', 'challenge', 'event', 'bulletin', 'team', 'table', 'notice'] as const;
export type AuditSubjectKind = (typeof AUDIT_SUBJECT_KINDS)[number];

/**
 * The role the actor had when they acted; `system` for the bot's own scheduled work. `member` is
 * kept for entries written before roles had four values (it meant "has used the bot").
 */
export const AUDIT_ACTOR_ROLES = ['guest', 'panel', 'officer', 'admin', 'system', 'member'] as const;
export type AuditActorRole = (typeof AUDIT_ACTOR_ROLES)[number];

export const MAX_AUDIT_DETAIL = 300;
const id = z.string().min(1).max(200);

export const newAuditEntrySchema = z.object({
  actor: z.object({ aadObjectId: id, role: z.enum(AUDIT_ACTOR_ROLES) }),
  action: z.enum(AUDIT_ACTIONS),
  subject: z.object({ kind: z.enum(AUDIT_SUBJECT_KINDS), id }),
  detail: z.string().max(MAX_AUDIT_DETAIL).default(''),
});
export type NewAuditEntry = z.input<typeof newAuditEntrySchema>;

export interface AuditEntry extends z.output<typeof newAuditEntrySchema> {
  /** The row key: newest first in the table's own order. */
  id: string;
  atUtc: string;
}

/** The bot itself (scheduled bulletins, purges): no person acted. */
export const SYSTEM_ACTOR = { aadObjectId: 'system', role: 'system' } as const;

/** Anything that records audit entries; the log never fails the action it records (see AuditLog). */
export interface AuditTrail {
  record(entry: NewAuditEntry): Promise<void>;
}
