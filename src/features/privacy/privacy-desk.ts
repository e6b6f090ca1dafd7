import { randomBytes, randomUUID } from 'node:crypto';
import type { Logger } from '../../platform/logging/logger';
import type { SignedLinks } from '../../platform/security/signed-links';
import type { Clock } from '../../platform/time/clock';
import { formatLondonDateTime } from '../../platform/time/london';
import type { Actor, Role } from '../../shared/access/actor';
import { may, requirePermission } from '../../shared/access/policy';
import type { AdaptiveCardJson } from '../../shared/cards/card-template';
import { noticeCard } from '../../shared/cards/notice-card';
import { DomainError } from '../../shared/errors/domain-error';
import { type DownloadResult, linkRefused } from '../../shared/feature';
import { type DataSubject, FORMER_MEMBER, type PersonalDataSection, type Pseudonym } from '../../shared/personal-data';
import { literalText } from '../../shared/text/literal-text';
import type { AuditTrail } from '../audit';
import type { MemberDirectory } from '../members';
import type { PrivacyStore } from './data/privacy-store';
import type { PersonalDataRegistry } from './personal-data-registry';
import { lookUpSubject } from './domain/subject-lookup';
import { renderEraseConfirmCard, renderPersonChoiceCard, renderPersonalDataCard } from './teams/privacy-cards';

/** The purpose signed into personal-data download links. */
export const PERSONAL_DATA_LINK = 'personal-data';
/** An erasure still running after this long is taken to have died, and may be run again. */
const STALE_ERASURE_MS = 10 * 60_000;
const NAMES_NOT_OF_A_PERSON = new Set([FORMER_MEMBER.toLowerCase(), 'unknown member']);

export interface PrivacyDeskDependencies {
  registry: PersonalDataRegistry;
  members: Pick<MemberDirectory, 'find' | 'list'>;
  roleOf(aadObjectId: string): Promise<Role>;
  /** Short-lived: a personal-data link is good for minutes, not hours. */
  links: SignedLinks;
  store: PrivacyStore;
  audit: AuditTrail;
  clock: Clock;
  logger: Logger;
  publicBaseUrl: string;
}

/**
 * The person's rights: "my data" for anyone, and for administrators a subject access export and
 * an erasure of anyone's data. The data itself comes from every feature's contribution (see
 * PersonalDataRegistry); this desk decides who may, resolves whom, and audits who did what to whom
 * (never the data).
 */
export class PrivacyDesk {
  constructor(private readonly deps: PrivacyDeskDependencies) {}

  /** Everything held about the person asking, as a summary card with the JSON behind a link only they can use. */
  async myData(actor: Actor): Promise<AdaptiveCardJson> {
    const { subject, sections } = await this.collect(actor.aadObjectId);
    return this.summaryCard(actor, subject, sections, {
      heading: 'Your data',
      intro: `What the Corporate Parenting Panel bot holds about you (${total(sections)} ${plural(total(sections), 'record')}).`,
    });
  }

  /** An administrator's subject access request: the same for anyone, found by name or Entra object id. */
  async exportFor(actor: Actor, query: string): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'privacy.export');
    const found = lookUpSubject(query, await this.deps.members.list({ activeOnly: false }));
    if (found.kind === 'choose') return this.choice(found.people, 'export');
    return this.exportOf(actor, found.aadObjectId);
  }

  async exportOf(actor: Actor, aadObjectId: string): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'privacy.export');
    const { subject, sections } = await this.collect(aadObjectId);
    const name = subject.names[0] ?? aadObjectId;
    return this.summaryCard(actor, subject, sections, {
      heading: `Data held about ${literalText(name)}`,
      intro: `Subject access request: ${total(sections)} ${plural(total(sections), 'record')} held under Entra object id ${aadObjectId}. The download is for you only and is recorded in the audit log.`,
    });
  }

  /** "erase data of ...": what is held and a confirmation; nothing is erased until it is pressed. */
  async eraseRequest(actor: Actor, query: string): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'privacy.erase');
    const found = lookUpSubject(query, await this.deps.members.list({ activeOnly: false }));
    if (found.kind === 'choose') return this.choice(found.people, 'erase');
    return this.eraseConfirmation(actor, found.aadObjectId);
  }

  async eraseConfirmation(actor: Actor, aadObjectId: string): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'privacy.erase');
    refuseSelf(actor, aadObjectId);
    const { subject, sections } = await this.collect(aadObjectId);
    const admin = (await this.deps.roleOf(aadObjectId)) === 'admin';
    return renderEraseConfirmCard({
      name: literalText(subject.names[0] ?? aadObjectId),
      explanation:
        'Everything kept under their Entra object id is deleted: directory entry, role, apologies, invitations and replies, calendar link, bulletin and reminder choices, questions, votes and messages. Records the council must keep (challenge cards and their history, attendance, the audit log, events and answers they wrote) stay, with "Former member" in their place and no id.',
      warning: admin
        ? 'They are an administrator set in the configuration (ADMIN_AAD_OBJECT_IDS): remove them there as well, or they stay an administrator.'
        : '',
      held: sections
        .filter((section) => section.records.length > 0)
        .map((section) => ({ title: section.title, count: String(section.records.length) })),
      aadObjectId,
      requestId: randomUUID(),
    });
  }

  /**
   * Erases once per confirmation card: the request id is claimed first, so a second press or a
   * re-delivered invoke finds it done (or running) and changes nothing. A run that died part-way
   * is run again with the same pseudonym (every step is idempotent) and audited once.
   */
  async erase(actor: Actor, request: { aadObjectId: string; requestId: string }): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'privacy.erase');
    refuseSelf(actor, request.aadObjectId);
    const pseudonym: Pseudonym = { id: `former-${randomBytes(8).toString('hex')}`, name: FORMER_MEMBER };
    const claim = await this.deps.store.claimErasure(request.requestId, pseudonym.id);
    if (claim.kind === 'existing') {
      if (claim.claim.status === 'done') return erasedCard(claim.claim, true);
      const startedMs = Date.parse(claim.claim.startedAtUtc);
      if (this.deps.clock.now().toMillis() - startedMs < STALE_ERASURE_MS)
        return noticeCard('Erasure in progress', 'This erasure is already running. Ask again in a minute to see it finished.', 'warning');
    }
    const used: Pseudonym = claim.kind === 'existing' ? { id: claim.claim.pseudonym, name: FORMER_MEMBER } : pseudonym;
    const { subject } = await this.collect(request.aadObjectId);
    const tally = await this.deps.registry.erase(subject, used);
    if (await this.deps.store.completeErasure(request.requestId, tally)) {
      // The record of the erasure names the pseudonym, never the person: it is written after their entries were pseudonymised.
      await this.deps.audit.record({
        actor: { aadObjectId: actor.aadObjectId, role: actor.role },
        action: 'erasure',
        subject: { kind: 'member', id: used.id },
        detail: `${tally.deleted} rows deleted, ${tally.pseudonymised} kept as "${FORMER_MEMBER}"`,
      });
      this.deps.logger.info({ event: 'privacy.erased', pseudonym: used.id, ...tally }, 'personal data erased');
    }
    const done = await this.deps.store.erasure(request.requestId);
    return erasedCard(done?.claim ?? { ...tally, completedAtUtc: this.deps.clock.now().toUTC().toISO()! }, false);
  }

  /** The JSON behind a signed link: the holder's own data, or (for an administrator still one) anyone's. */
  async download(subjectId: string, params: URLSearchParams): Promise<DownloadResult> {
    const refused = linkRefused('Say "my data" (or ask again for the export) in Teams for a fresh link.');
    const grant = this.deps.links.verify(PERSONAL_DATA_LINK, subjectId, params);
    if (!grant) return refused;
    const own = grant.aadObjectId === subjectId;
    const role = await this.deps.roleOf(grant.aadObjectId);
    const holder: Actor = { aadObjectId: grant.aadObjectId, name: '', tenantId: '', role };
    if (!own && !may(holder, 'privacy.export')) return refused;
    const { subject, sections } = await this.collect(subjectId);
    const now = this.deps.clock.now().toUTC().toISO()!;
    const held = total(sections);
    // Nothing held (never seen, or erased since the link was made): the id is not written back into the audit log.
    await this.deps.audit.record({
      actor: { aadObjectId: holder.aadObjectId, role },
      action: 'export',
      subject: { kind: 'member', id: held > 0 ? subjectId : 'nothing-held' },
      detail: `${own ? 'own data' : 'subject access request'}: ${held} records in ${sections.filter((s) => s.records.length > 0).length} kinds`,
    });
    const body = JSON.stringify(
      {
        about: { aadObjectId: subject.aadObjectId, names: subject.names },
        generatedAtUtc: now,
        generatedFor: own ? 'the person themselves' : 'a subject access request, by an administrator',
        controller: 'Kent County Council (Corporate Parenting Panel bot)',
        sections,
      },
      null,
      2,
    );
    return { kind: 'file', fileName: `personal-data-${now.slice(0, 10)}.json`, contentType: 'application/json; charset=utf-8', body };
  }

  /** The person as every feature knows them: directory name and Teams id, and any other name found beside their id. */
  private async collect(aadObjectId: string): Promise<{ subject: DataSubject; sections: PersonalDataSection[] }> {
    const member = await this.deps.members.find(aadObjectId);
    const first: DataSubject = {
      aadObjectId,
      names: member ? [member.name] : [],
      teamsUserIds: member ? [member.teamsUserId] : [],
    };
    const sections = await this.deps.registry.export(first);
    const names = new Set(first.names);
    for (const section of sections)
      for (const record of section.records)
        if (typeof record.name === 'string' && !NAMES_NOT_OF_A_PERSON.has(record.name.trim().toLowerCase())) names.add(record.name);
    return { subject: { ...first, names: [...names].filter((name) => name.trim().length > 0) }, sections };
  }

  private summaryCard(
    actor: Actor,
    subject: DataSubject,
    sections: readonly PersonalDataSection[],
    text: { heading: string; intro: string },
  ): AdaptiveCardJson {
    const signed = this.deps.links.sign({ purpose: PERSONAL_DATA_LINK, subject: subject.aadObjectId, aadObjectId: actor.aadObjectId });
    return renderPersonalDataCard({
      heading: text.heading,
      intro: text.intro,
      sections: sections.map((section) => ({
        title: section.title,
        count: section.records.length === 0 ? 'none' : String(section.records.length),
        description: section.description,
        retention: section.retention,
      })),
      note: `The download link works for you only, for a few minutes (until ${formatLondonDateTime(this.deps.clock.now().plus({ minutes: 15 }))}). To have something corrected or erased, contact Democratic Services or the council's Data Protection Officer (see the privacy notice).`,
      downloadUrl: `${this.deps.publicBaseUrl}/privacy/data/${encodeURIComponent(subject.aadObjectId)}.json?${signed}`,
      privacyUrl: `${this.deps.publicBaseUrl}/privacy`,
    });
  }

  private choice(
    people: { aadObjectId: string; name: string; active: boolean; lastSeen: { toISO(): string | null } }[],
    purpose: 'export' | 'erase',
  ): AdaptiveCardJson {
    return renderPersonChoiceCard({
      summary: `${people.length} people in the members directory have that name. Choose one${purpose === 'erase' ? ' (nothing is erased until you confirm)' : ''}.`,
      purpose,
      button: purpose === 'erase' ? 'Erase...' : 'Export',
      people: people.map((person) => ({
        name: literalText(person.name),
        detail: `${person.active ? 'Active' : 'Uninstalled'}, last seen ${formatLondonDateTime(person.lastSeen.toISO() ?? '')}, id ${person.aadObjectId}`,
        aadObjectId: person.aadObjectId,
      })),
    });
  }
}

function refuseSelf(actor: Actor, aadObjectId: string): void {
  if (actor.aadObjectId.toLowerCase() === aadObjectId.toLowerCase())
    throw new DomainError('invalid_input', 'You cannot erase your own data from here: ask another administrator.');
}

function erasedCard(claim: { deleted: number; pseudonymised: number; completedAtUtc: string }, again: boolean): AdaptiveCardJson {
  const when = claim.completedAtUtc ? formatLondonDateTime(claim.completedAtUtc) : 'just now';
  return noticeCard(
    again ? 'Already erased' : 'Data erased',
    `${again ? 'This erasure was already done' : 'Done'} (${when}): ${claim.deleted} ${plural(claim.deleted, 'row')} deleted, ${claim.pseudonymised} ${plural(claim.pseudonymised, 'record')} kept as "${FORMER_MEMBER}" with no id. The audit log records the erasure without their name. Teams keeps its own chat history: ask the Microsoft 365 administrators if that must go too.`,
    'good',
  );
}

function total(sections: readonly PersonalDataSection[]): number {
  return sections.reduce((sum, section) => sum + section.records.length, 0);
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
