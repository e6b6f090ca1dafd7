import { type Actor, type Role, hasRole } from './actor';
import { DomainError } from '../errors/domain-error';

/**
 * Scheduled work (nudges, reports, reminders) acts as the bot itself: it is never dressed up as a
 * person, so nothing it does is attributed to anyone and no person's rights are borrowed.
 */
export interface SystemActor {
  readonly kind: 'system';
  /** The job acting, for logs. */
  readonly job: string;
}

/** Whoever asks a use case to act: a person identified by their activity, or the bot's own jobs. */
export type Principal = Actor | SystemActor;

export function systemActor(job: string): SystemActor {
  return { kind: 'system', job };
}

export function isSystemActor(principal: Principal): principal is SystemActor {
  return 'kind' in principal && principal.kind === 'system';
}

/** What a record tells the policy about who is involved with it (e.g. a challenge card's lead officer and assignees). */
export interface AccessRecord {
  readonly involvedAadObjectIds?: readonly string[];
}

interface Rule {
  /** The least role that may always do it. */
  readonly role: Role;
  /** Also allowed to the people the record names (lead officer, assignees). */
  readonly involved?: boolean;
  /** Also allowed to the bot's own scheduled work. */
  readonly system?: boolean;
  /** What a person who may not is told. */
  readonly refusal: string;
}

/**
 * The access matrix: every action a use case guards, and who may take it. The README's access
 * table is this table; `tests/unit/access/policy.test.ts` walks every cell.
 */
export const ACCESS_RULES = {
  'roles.manage': { role: 'admin', refusal: 'Only an administrator can manage roles.' },
  'roles.change': { role: 'admin', refusal: 'Only an administrator can change roles.' },
  'audit.read': { role: 'admin', refusal: 'Only an administrator can read the audit log.' },
  'privacy.export': {
    role: 'admin',
    refusal: 'Only an administrator can export the data held about someone else. Say "my data" for your own.',
  },
  'privacy.erase': { role: 'admin', refusal: 'Only an administrator can erase the data held about a person.' },
  'retention.purge': { role: 'admin', system: true, refusal: 'Only an administrator can run the retention purge.' },
  'privacy.notice.edit': { role: 'officer', refusal: 'Only officers can change the privacy notice.' },
  'feedback.read': { role: 'officer', refusal: 'Only officers can see answer feedback.' },
  'reminders.optOuts.read': { role: 'officer', refusal: 'Only officers can see who has stopped reminders.' },
  'apologies.read': { role: 'officer', refusal: 'Only officers can see the apologies received.' },
  'meetings.manage': { role: 'officer', refusal: 'Only officers can add or change panel meetings.' },
  'events.create': { role: 'officer', refusal: 'Only officers can create events.' },
  'events.manage': { role: 'officer', refusal: 'Only officers can create or change participation events.' },
  'events.attendees': { role: 'officer', system: true, refusal: 'Only officers can see who is coming to an event.' },
  'calendar.officers': { role: 'officer', refusal: 'Only officers can have the officers\u2019 calendar link.' },
  'challenges.create': {
    role: 'officer',
    refusal: 'Only participation officers can raise challenge cards. Ask the participation team to add it for the young people.',
  },
  'challenges.respond': {
    role: 'officer',
    involved: true,
    refusal: 'Only the lead officer, the people this card is assigned to and participation officers can respond to it.',
  },
  'challenges.list': { role: 'officer', refusal: 'Only officers can list every challenge card; ask "my challenge cards" for yours.' },
  'challenges.view': { role: 'member', system: true, refusal: 'I could not find that challenge card.' },
  'challenges.report': { role: 'member', system: true, refusal: 'Only panel members can see the challenge report.' },
  'challenges.export': { role: 'officer', system: true, refusal: 'Only officers can download the challenge report.' },
  'officerQuestions.answer': { role: 'officer', refusal: 'Only officers can see and answer the questions members ask the officers.' },
  'knowledge.manage': {
    role: 'officer',
    refusal: 'Only officers can change the answers officers added, or see which answers are due for review.',
  },
  'attendance.record': {
    role: 'officer',
    refusal: 'Only officers can record attendance. If you are at the event, use "I\'m here" on your invitation.',
  },
  'training.due': {
    role: 'officer',
    refusal: 'Only officers can see who is due for training. Ask "my training" for your own record.',
  },
  'participation.report': { role: 'officer', refusal: 'Only officers can see the participation report.' },
  'keyFigures.enter': {
    role: 'officer',
    refusal: 'Only officers can enter the key figures. Ask "key figures" to see the latest.',
  },
  'youSaidWeDid.prepare': { role: 'officer', refusal: 'Only officers can prepare "You said, we did".' },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof ACCESS_RULES;

/** Whether `principal` may take `permission`, on `record` when the rule depends on it. */
export function may(principal: Principal, permission: Permission, record: AccessRecord = {}): boolean {
  const rule: Rule = ACCESS_RULES[permission];
  if (isSystemActor(principal)) return rule.system === true;
  if (hasRole(principal.role, rule.role)) return true;
  return rule.involved === true && (record.involvedAadObjectIds ?? []).includes(principal.aadObjectId);
}

/** Throws the rule's friendly refusal (a `forbidden` DomainError) unless `principal` may. */
export function requirePermission(principal: Principal, permission: Permission, record?: AccessRecord): void {
  if (!may(principal, permission, record)) throw new DomainError('forbidden', ACCESS_RULES[permission].refusal);
}
