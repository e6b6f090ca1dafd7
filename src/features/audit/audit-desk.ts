import type { AdaptiveCardJson } from '../../shared/cards/card-template';
import { DomainError } from '../../shared/errors/domain-error';
import { literalText } from '../../shared/text/literal-text';
import { formatLondonDateTime } from '../../platform/time/london';
import type { MemberDirectory } from '../members';
import type { Actor } from '../../shared/access/actor';
import { type AuditLog, isAuditCursor } from './data/audit-log';
import { AUDIT_ACTION_LABELS, type AuditEntry } from './domain/audit-entry';
import { renderAuditLogCard } from './teams/audit-log-card';
import { requirePermission } from '../../shared/access/policy';
import { FORMER_MEMBER } from '../../shared/personal-data';

export const AUDIT_PAGE_SIZE = 20;

const ROLE_WORDS: Record<AuditEntry['actor']['role'], string> = {
  guest: 'guest',
  panel: 'panel member',
  member: 'member',
  officer: 'officer',
  admin: 'administrator',
  system: 'the bot',
};

/** An id no longer in the directory; an erased person's pseudonym says so. */
function shownId(id: string): string {
  return id.startsWith('former-') ? `${FORMER_MEMBER} (${id})` : id;
}

/**
 * "audit log" for administrators: the latest entries, newest first, 20 a page. People are shown
 * by their name in the member directory today (their id when they are no longer in it).
 */
export class AuditDesk {
  constructor(
    private readonly log: AuditLog,
    private readonly members: Pick<MemberDirectory, 'find'>,
  ) {}

  async card(actor: Actor, after?: unknown): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'audit.read');
    if (after !== undefined && !isAuditCursor(after))
      throw new DomainError('invalid_input', 'This page of the audit log could not be read. Say "audit log" to start again.');
    const page = await this.log.latest({ limit: AUDIT_PAGE_SIZE, after });
    const names = await this.namesOf(page.entries);
    return renderAuditLogCard({
      heading: after ? 'Audit log (older entries)' : 'Audit log',
      summary:
        page.entries.length === 0
          ? 'Nothing has been recorded yet.'
          : `Newest first: ${page.entries.length} ${page.entries.length === 1 ? 'entry' : 'entries'}${page.after ? ', more below' : ''}.`,
      entries: page.entries.map((entry) => ({
        when: formatLondonDateTime(entry.atUtc),
        action: AUDIT_ACTION_LABELS[entry.action],
        who:
          entry.actor.role === 'system'
            ? 'the bot'
            : `${literalText(names.get(entry.actor.aadObjectId) ?? shownId(entry.actor.aadObjectId))} (${ROLE_WORDS[entry.actor.role]})`,
        subject: literalText(
          entry.subject.kind === 'member' ? (names.get(entry.subject.id) ?? shownId(entry.subject.id)) : entry.subject.id,
        ),
        detail: literalText(entry.detail),
      })),
      after: page.after ?? '',
    });
  }

  private async namesOf(entries: readonly AuditEntry[]): Promise<Map<string, string>> {
    const ids = new Set<string>();
    for (const entry of entries) {
      if (entry.actor.role !== 'system') ids.add(entry.actor.aadObjectId);
      if (entry.subject.kind === 'member') ids.add(entry.subject.id);
    }
    const found = await Promise.all([...ids].map(async (id) => [id, (await this.members.find(id))?.name] as const));
    return new Map(found.filter((pair): pair is readonly [string, string] => pair[1] !== undefined));
  }
}
