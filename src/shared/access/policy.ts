import { type Role, type TurnSender, hasRole } from './actor';
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

/** A person as the policy sees them: who (by the activity's aadObjectId) and what they hold. */
export interface AccessSubject {
  readonly aadObjectId: string;
  readonly role: Role;
  readonly councillor?: boolean;
}

/** Whoever asks a use case to act: a person identified by their activity, or the bot's own jobs. */
export type Principal = AccessSubject | SystemActor;

export function systemActor(job: string): SystemActor {
  return { kind: 'system', job };
}

export function isSystemActor(principal: Principal): principal is SystemActor {
  return 'kind' in principal && principal.kind === 'system';
}

/** What a record tells the policy about who is involved with it (a challenge card's lead officer and assignees, a question's asker). */
export interface AccessRecord {
  readonly involvedAadObjectIds?: readonly string[];
}

/** The columns of the access matrix: the four roles, and councillors (whatever their role). */
export const AUDIENCES = ['guest', 'panel', 'councillor', 'officer', 'admin'] as const;
export type Audience = (typeof AUDIENCES)[number];

const EVERYONE: readonly Audience[] = AUDIENCES;
const MEMBERS: readonly Audience[] = ['panel', 'councillor', 'officer', 'admin'];
const PANEL: readonly Audience[] = ['panel', 'officer', 'admin'];
const STAFF: readonly Audience[] = ['officer', 'admin'];
const ADMIN: readonly Audience[] = ['admin'];

/**
 * What a rule guards, as the features register it: `command:<name>`, `verb:<verb>`,
 * `download:<path>`, `text:<feature>` (free text) or `job:<kind>` (scheduled work and whom it
 * reaches). tests/integration/app/access-coverage.test.ts checks every registration is covered
 * exactly once and every entry here is registered.
 */
export type Registration = `${'command' | 'verb' | 'download' | 'text' | 'job'}:${string}`;

export interface Rule {
  /** Who may always. A councillor is allowed what `councillor` allows, whatever their role. */
  readonly allow: readonly Audience[];
  /**
   * Also allowed to the people the record names: `notGuests` (lead officer, assignees, unless they
   * have since become guests) or `anyone` (the person who asked a question).
   */
  readonly involved?: 'notGuests' | 'anyone';
  /** Also allowed to the bot's own scheduled work. */
  readonly system?: boolean;
  /** Refused exactly as if the record did not exist (`not_found`, the same words), so refusals reveal nothing. */
  readonly hides?: boolean;
  /** What a person who may not is told. */
  readonly refusal: string;
  readonly covers: readonly Registration[];
  /** Conditions the table cannot show, for the README. */
  readonly note?: string;
}

const NO_CHALLENGE = 'That challenge card could not be found. References look like CC-2026-014.';
const FOR_MEMBERS = 'This is for panel members, councillors and officers. Ask Democratic Services if you should be one.';
const FOR_PANEL = 'This is for panel members and officers. Ask Democratic Services if you should be on the panel.';

/**
 * The access matrix: every command, verb, download, free-text route and scheduled job, and who may
 * use it (or, for a job, whom it reaches). The README's "Who may do what" table is rendered from
 * this (src/shared/access/access-matrix.ts, checked by a test); tests/unit/access/policy.test.ts
 * walks every cell.
 */
export const ACCESS_RULES = {
  'privacy.own': {
    allow: EVERYONE,
    refusal: '',
    covers: ['command:my-data', 'command:privacy-notice', 'download:/privacy/data/:file'],
    note: 'a UK GDPR right of every data subject, guests included: their own data, behind a signed link re-checked when opened',
  },
  'privacy.export': {
    allow: ADMIN,
    refusal: 'Only an administrator can export the data held about someone else. Say "my data" for your own.',
    covers: ['command:export-data-of', 'verb:privacy.choose'],
    note: 'a subject access request; the person chooser serves export and erasure',
  },
  'privacy.erase': {
    allow: ADMIN,
    refusal: 'Only an administrator can erase the data held about a person.',
    covers: ['command:erase-data-of', 'verb:privacy.erase', 'verb:privacy.eraseCancel'],
  },
  'retention.purge': {
    allow: ADMIN,
    system: true,
    refusal: 'Only an administrator can run the retention purge.',
    covers: ['command:retention-purge', 'job:retention-purge'],
    note: 'also nightly',
  },
  'privacy.notice.edit': {
    allow: STAFF,
    refusal: 'Only officers can change the privacy notice.',
    covers: ['command:edit-privacy-notice', 'verb:privacy.notice.save', 'verb:privacy.notice.reset'],
  },
  'help.use': { allow: EVERYONE, refusal: '', covers: ['command:help', 'command:greeting', 'command:thanks'] },
  'remit.ask': {
    allow: EVERYONE,
    refusal: '',
    covers: ['text:remit', 'verb:feedback.submit', 'verb:officerQuestion.ask'],
    note: 'questions about the remit, answer feedback, "Ask an officer"',
  },
  'meetings.read': {
    allow: EVERYONE,
    refusal: '',
    covers: ['text:meetings', 'verb:meeting.show', 'download:/calendar/meetings/:file'],
    note: 'the panel meets in public: meeting questions, cards and their .ics',
  },
  'roles.mine': { allow: EVERYONE, refusal: '', covers: ['command:my-role'] },
  'officerQuestions.view': {
    allow: STAFF,
    involved: 'anyone',
    hides: true,
    refusal: 'I could not find that question. It may have been asked in another environment.',
    covers: ['verb:officerQuestion.show'],
    note: 'the person who asked sees their own question',
  },
  'meetings.reminders': {
    allow: PANEL,
    system: true,
    refusal: `Meeting reminders are for panel members and officers. ${FOR_PANEL}`,
    covers: ['command:my-reminders', 'command:reminders-off', 'command:reminders-on', 'job:meeting-reminder', 'job:meeting-cancelled'],
    note: 'whom meeting reminders and cancellation notices reach',
  },
  'apologies.send': {
    allow: PANEL,
    refusal: `Apologies are for panel members and officers. ${FOR_PANEL}`,
    covers: ['command:send-apologies', 'verb:meeting.apologies', 'verb:apology.send', 'verb:apology.withdraw'],
    note: 'for themselves',
  },
  'bulletin.read': {
    allow: MEMBERS,
    system: true,
    refusal: `The Member Bulletin is for panel members, councillors and officers. ${FOR_MEMBERS}`,
    covers: ['command:events', 'command:bulletin-off', 'command:bulletin-on', 'verb:bulletin.optOut', 'job:bulletin'],
    note: 'each sees the events their role reaches; whom the weekly bulletin reaches',
  },
  'calendar.own': {
    allow: MEMBERS,
    refusal: `The Members' Calendar is for panel members, councillors and officers. ${FOR_MEMBERS}`,
    covers: ['command:calendar-link', 'command:officers-calendar-link', 'verb:calendar.link', 'download:/calendar/:file'],
    note: 'one secret address per person; the feed checks their role again at every fetch',
  },
  'events.respond': {
    allow: MEMBERS,
    system: true,
    refusal: `Participation events are for panel members, councillors and officers. ${FOR_MEMBERS}`,
    covers: ['verb:event.rsvp', 'verb:event.invitation', 'job:event-reminder', 'job:team-invitations'],
    note: 'whoever may see the event, for themselves; whom invitations to a Team (read in the background) and event reminders reach',
  },
  'events.ics': {
    allow: EVERYONE,
    refusal: '',
    covers: ['download:/events/:file'],
    note: 'anyone holding the link: the address carries the event’s random id and is given only on invitations',
  },
  'attendance.checkIn': {
    allow: MEMBERS,
    refusal: `Checking in is for panel members, councillors and officers. ${FOR_MEMBERS}`,
    covers: ['command:check-in', 'verb:attendance.checkIn'],
    note: 'for themselves: invited people at an event; at a panel meeting (held in public) anyone the row allows',
  },
  'training.own': {
    allow: MEMBERS,
    refusal: `Training records are for panel members, councillors and officers. ${FOR_MEMBERS}`,
    covers: ['command:my-training', 'command:training-reminders-off', 'command:training-reminders-on', 'verb:training.optOut'],
    note: 'their own record',
  },
  'training.reminded': {
    allow: ['councillor'],
    system: true,
    refusal: 'Training reminders are for councillors.',
    covers: ['job:training-reminders'],
    note: 'whom training reminders reach',
  },
  'keyFigures.read': {
    allow: MEMBERS,
    refusal: `The key figures are for panel members, councillors and officers. ${FOR_MEMBERS}`,
    covers: ['command:key-figures'],
  },
  'challenges.view': {
    allow: PANEL,
    involved: 'notGuests',
    system: true,
    hides: true,
    refusal: NO_CHALLENGE,
    covers: ['command:show-challenge', 'verb:challenge.show', 'job:challenge-nudges'],
    note: 'a guest is told exactly what a missing card gets',
  },
  'challenges.mine': {
    allow: PANEL,
    refusal: `Challenge cards are for panel members and officers. ${FOR_PANEL}`,
    covers: ['command:my-challenges'],
    note: 'the open cards they lead or are assigned to',
  },
  'challenges.report': {
    allow: PANEL,
    system: true,
    refusal: 'Only panel members and officers can see the challenge report.',
    covers: ['command:challenge-report'],
  },
  'challenges.respond': {
    allow: STAFF,
    involved: 'notGuests',
    refusal: 'Only the lead officer, the people this card is assigned to and participation officers can respond to it.',
    covers: ['verb:challenge.respond'],
  },
  'challenges.create': {
    allow: STAFF,
    refusal: 'Only participation officers can raise challenge cards. Ask the participation team to add it for the young people.',
    covers: ['command:new-challenge', 'verb:challenge.create'],
  },
  'challenges.list': {
    allow: STAFF,
    refusal:
      'Only officers can list every challenge card; ask "my challenge cards" for yours, or "what are challenge cards?" to hear how they work.',
    covers: ['command:list-challenges', 'verb:challenge.list'],
  },
  'challenges.export': {
    allow: STAFF,
    system: true,
    refusal: 'Only officers can download the challenge report.',
    covers: ['download:/exports/challenges.csv', 'download:/exports/challenges.docx', 'job:challenge-quarterly-report'],
    note: 'signed links, re-checked when opened',
  },
  'youSaidWeDid.prepare': {
    allow: STAFF,
    refusal: 'Only officers can prepare "You said, we did".',
    covers: [
      'command:you-said-we-did',
      'verb:youSaidWeDid.edit',
      'verb:youSaidWeDid.save',
      'verb:youSaidWeDid.send',
      'download:/exports/you-said-we-did.docx',
    ],
  },
  'youSaidWeDid.receive': {
    allow: PANEL,
    refusal: FOR_PANEL,
    covers: [],
    note: 'whom "You said, we did" reaches when an officer sends it',
  },
  'feedback.read': { allow: STAFF, refusal: 'Only officers can see answer feedback.', covers: ['command:feedback-report'] },
  'reminders.optOuts.read': {
    allow: STAFF,
    refusal: 'Only officers can see who has stopped reminders.',
    covers: ['command:reminder-opt-outs'],
  },
  'apologies.read': {
    allow: STAFF,
    system: true,
    refusal: 'Only officers can see the apologies received.',
    covers: ['command:list-apologies', 'job:apology-notice'],
  },
  'meetings.manage': {
    allow: STAFF,
    refusal: 'Only officers can add or change panel meetings.',
    covers: ['command:add-meeting', 'verb:meeting.edit', 'verb:meeting.save', 'verb:meeting.cancel'],
  },
  'events.create': { allow: STAFF, refusal: 'Only officers can create events.', covers: ['command:new-event'] },
  'events.manage': {
    allow: STAFF,
    refusal: 'Only officers can create or change participation events.',
    covers: ['verb:event.create', 'verb:event.update', 'verb:event.edit', 'verb:event.cancel', 'verb:event.status'],
  },
  'events.attendees': {
    allow: STAFF,
    system: true,
    refusal: 'Only officers can see who is coming to an event.',
    covers: ['command:attendees', 'verb:event.attendees', 'download:/events/:eventId/attendees.csv'],
  },
  'officerQuestions.answer': {
    allow: STAFF,
    system: true,
    refusal: 'Only officers can see and answer the questions members ask the officers.',
    covers: ['command:open-questions', 'verb:officerQuestion.answer', 'job:officer-question-nudges'],
  },
  'knowledge.manage': {
    allow: STAFF,
    refusal: 'Only officers can change the answers officers added, or see which answers are due for review.',
    covers: [
      'command:officer-answers',
      'command:answers-due-for-review',
      'verb:officerEntry.list',
      'verb:officerEntry.edit',
      'verb:officerEntry.save',
      'verb:officerEntry.retire',
      'download:/exports/officer-answers.yaml',
    ],
  },
  'attendance.record': {
    allow: STAFF,
    refusal: 'Only officers can record attendance. If you are at the event, use "I\'m here" on your invitation.',
    covers: ['command:record-attendance', 'verb:attendance.form', 'verb:attendance.record', 'verb:attendance.history'],
  },
  'training.due': {
    allow: STAFF,
    refusal: 'Only officers can see who is due for training. Ask "my training" for your own record.',
    covers: ['command:training-due'],
  },
  'participation.report': {
    allow: STAFF,
    refusal: 'Only officers can see the participation report.',
    covers: ['command:participation-report', 'download:/exports/participation.docx'],
  },
  'keyFigures.enter': {
    allow: STAFF,
    refusal: 'Only officers can enter the key figures. Ask "key figures" to see the latest.',
    covers: ['command:enter-key-figures', 'verb:keyFigures.form', 'verb:keyFigures.save'],
  },
  'roles.manage': {
    allow: STAFF,
    refusal: 'Only officers and administrators can manage roles.',
    covers: ['command:roles', 'verb:roles.page'],
  },
  'roles.assign': {
    allow: STAFF,
    refusal: 'Only officers and administrators can change who is on the panel.',
    covers: ['verb:role.set'],
    note: 'guest, panel member and the councillor flag, for anyone but themselves and staff',
  },
  'roles.import': {
    allow: STAFF,
    refusal: 'Only officers and administrators can import panel members.',
    covers: ['command:import-members'],
  },
  'roles.assignStaff': {
    allow: ADMIN,
    refusal: 'Only an administrator can make or remove officers and administrators.',
    covers: [],
    note: 'making or removing officers and administrators (on the roles card)',
  },
  'audit.read': {
    allow: ADMIN,
    refusal: 'Only an administrator can read the audit log.',
    covers: ['command:audit-log', 'verb:audit.page'],
  },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof ACCESS_RULES;

export function ruleOf(permission: Permission): Rule {
  return ACCESS_RULES[permission];
}

/** The matrix columns a person falls in: their role, and `councillor` when they are one. */
export function audiencesOf(subject: Pick<AccessSubject, 'role' | 'councillor'>): Audience[] {
  return subject.councillor ? [subject.role, 'councillor'] : [subject.role];
}

/** Whether `principal` may take `permission`, on `record` when the rule depends on it. */
export function may(principal: Principal, permission: Permission, record: AccessRecord = {}): boolean {
  const rule = ruleOf(permission);
  if (isSystemActor(principal)) return rule.system === true;
  if (audiencesOf(principal).some((audience) => rule.allow.includes(audience))) return true;
  return involvedAllowed(rule, principal) && (record.involvedAadObjectIds ?? []).includes(principal.aadObjectId);
}

/**
 * Whether `principal` could be allowed before the record is read: allowed outright, or someone
 * the record might name. The router asks this of every command and verb; the use case then
 * decides on the record itself.
 */
export function mayEnter(principal: Principal, permission: Permission): boolean {
  const rule = ruleOf(permission);
  if (isSystemActor(principal)) return rule.system === true;
  return may(principal, permission) || involvedAllowed(rule, principal);
}

/** Open to every admitted person, whatever their role: no role needs reading. */
export function opensToEveryone(permission: Permission): boolean {
  const rule = ruleOf(permission);
  return (['guest', 'panel', 'officer', 'admin'] as const).every((role) => rule.allow.includes(role));
}

/** Throws the rule's friendly refusal (a `forbidden` DomainError, or `not_found` for rules that hide) unless `principal` may. */
export function requirePermission(principal: Principal, permission: Permission, record?: AccessRecord): void {
  if (!may(principal, permission, record)) throw refusalOf(permission);
}

/** The refusal a person gets: the same error whoever they are and whatever the record, so it reveals nothing. */
export function refusalOf(permission: Permission): DomainError {
  const rule = ruleOf(permission);
  return new DomainError(rule.hides ? 'not_found' : 'forbidden', rule.refusal);
}

/**
 * What the Teams router calls before any command or verb runs: nothing for what everyone may
 * do (a plain question costs no role read), otherwise the sender's role is read and checked.
 */
export async function admitTo(sender: TurnSender, permission: Permission): Promise<void> {
  if (opensToEveryone(permission)) return;
  if (!mayEnter(await sender.actor(), permission)) throw refusalOf(permission);
}

function involvedAllowed(rule: Rule, subject: AccessSubject): boolean {
  if (rule.involved === 'anyone') return true;
  return rule.involved === 'notGuests' && hasRole(subject.role, 'panel');
}
