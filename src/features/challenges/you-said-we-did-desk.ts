import { z } from 'zod';
import type { AdaptiveCardJson } from '../../shared/cards/card-template';
import { DomainError } from '../../shared/errors/domain-error';
import type { Actor } from '../../shared/access/actor';
import { may, requirePermission } from '../../shared/access/policy';
import type { MemberDirectory, RoleService } from '../members';
import type { BroadcastSummary, DeliveryService } from '../../platform/delivery/delivery-service';
import type { SignedLinks } from '../../platform/security/signed-links';
import type { Clock } from '../../platform/time/clock';
import { formatLondonDate, londonDate } from '../../platform/time/london';
import { DOCX_CONTENT_TYPE, renderWordReport } from '../../platform/documents/word-report';
import { yearPeriod } from '../../shared/reports/report-period';
import type { ChallengeRepository } from './data/challenge-repository';
import type { YouSaidWeDidStore } from './data/you-said-we-did-store';
import { londonDateOf } from './domain/challenge-report';
import { type ClosedChallenge, type YouSaidWeDid, closedIn, draftSummary } from './domain/you-said-we-did';
import { SummaryEditError, applySummaryEdits } from './domain/you-said-we-did-edits';
import { ITEMS_PER_PAGE, youSaidWeDidCard, youSaidWeDidFormCard } from './teams/you-said-we-did-cards';
import { batchIds } from '../../shared/keys';

export const YOU_SAID_WE_DID_DOCX = 'you-said-we-did-docx';
const yearSchema = z.coerce.number().int().min(2015).max(2100);
const saveInput = z.looseObject({
  year: yearSchema,
  version: z.coerce.number().int().min(0),
  page: z.coerce.number().int().min(0).max(1000),
  then: z.enum(['stay', 'next', 'preview']).default('stay'),
});

/**
 * Recommendation 7 and the young people's right to hear back: every challenge finished in the year
 * and its outcome, in words for young people (no names, short sentences), which officers edit and
 * then send to members or download for the children in care councils.
 */
export class YouSaidWeDidDesk {
  constructor(
    private readonly deps: {
      challenges: Pick<ChallengeRepository, 'listSummaries'>;
      store: YouSaidWeDidStore;
      members: Pick<MemberDirectory, 'list'>;
      roles: Pick<RoleService, 'holdingOf' | 'activeWhere'>;
      delivery: Pick<DeliveryService, 'broadcast'>;
      links: SignedLinks;
      clock: Clock;
      publicBaseUrl: string;
    },
  ) {}

  /** "you said we did" (for this year, or "for 2026"): the saved summary, or a fresh draft. */
  async show(actor: Actor, yearText = ''): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'youSaidWeDid.prepare');
    const year = this.yearFrom(yearText);
    return youSaidWeDidCard(await this.current(year), { forOfficer: true, docxUrl: this.docxUrl(actor, year) });
  }

  async edit(actor: Actor, data: unknown): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'youSaidWeDid.prepare');
    const parsed = z.object({ year: yearSchema, page: z.coerce.number().int().min(0).default(0) }).safeParse(data);
    if (!parsed.success) throw new DomainError('invalid_input', 'Say "you said we did" to open the summary again.');
    return youSaidWeDidFormCard(await this.current(parsed.data.year), parsed.data.page);
  }

  async save(actor: Actor, data: unknown): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'youSaidWeDid.prepare');
    const parsed = saveInput.safeParse(data);
    if (!parsed.success) throw new DomainError('invalid_input', 'This form is out of date. Say "you said we did" to open it again.');
    const { year, version, page, then } = parsed.data;
    const current = await this.current(year);
    const knownNames = (await this.deps.members.list({ activeOnly: false })).map((member) => member.name);
    const bounds = { first: page * ITEMS_PER_PAGE, end: (page + 1) * ITEMS_PER_PAGE };
    if (current.version !== version) {
      if (this.sameSaveAgain(current, actor, version, parsed.data, bounds, knownNames)) return this.afterSave(actor, current, page, then);
      return youSaidWeDidFormCard(
        current,
        page,
        'Someone else saved this summary after you opened it. Here is their version: make your changes again.',
        'Attention',
      );
    }
    let edits: Pick<YouSaidWeDid, 'intro' | 'items'>;
    try {
      edits = applySummaryEdits(current, parsed.data, bounds, knownNames);
    } catch (error) {
      if (!(error instanceof SummaryEditError)) throw error;
      return youSaidWeDidFormCard(error.typed, page, error.userMessage, 'Attention', error.fieldErrors);
    }
    const next: YouSaidWeDid = {
      ...current,
      ...edits,
      version: version + 1,
      editedBy: { aadObjectId: actor.aadObjectId, name: actor.name },
      editedAtUtc: this.nowUtc(),
      // A new version has not been sent yet, whatever happened to the one before.
      sentAtUtc: undefined,
    };
    if (!(await this.deps.store.save(next, version)))
      return youSaidWeDidFormCard(
        await this.current(year),
        page,
        'Someone else saved this summary at the same moment. Here is the latest version.',
        'Attention',
      );
    return this.afterSave(actor, next, page, then);
  }

  private afterSave(actor: Actor, saved: YouSaidWeDid, page: number, then: 'stay' | 'next' | 'preview'): AdaptiveCardJson {
    if (then === 'preview')
      return youSaidWeDidCard(saved, { forOfficer: true, docxUrl: this.docxUrl(actor, saved.year), message: 'Saved.' });
    return youSaidWeDidFormCard(saved, then === 'next' ? page + 1 : page, 'Saved.');
  }

  /** Teams delivered the same Save twice: the stored version is this officer's very edit of the version the form showed. */
  private sameSaveAgain(
    current: YouSaidWeDid,
    actor: Actor,
    version: number,
    input: Record<string, unknown>,
    bounds: { first: number; end: number },
    knownNames: readonly string[],
  ): boolean {
    if (current.version !== version + 1 || current.editedBy?.aadObjectId !== actor.aadObjectId) return false;
    try {
      const edits = applySummaryEdits(current, input, bounds, knownNames);
      return JSON.stringify(edits) === JSON.stringify({ intro: current.intro, items: current.items });
    } catch {
      return false;
    }
  }

  /** Sends this version to every active member; sending the same version twice sends nothing twice. */
  async send(actor: Actor, data: unknown): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'youSaidWeDid.prepare');
    const parsed = z.object({ year: yearSchema, version: z.coerce.number().int().min(0) }).safeParse(data);
    if (!parsed.success) throw new DomainError('invalid_input', 'Say "you said we did" to open the summary again.');
    const current = await this.current(parsed.data.year);
    if (current.version !== parsed.data.version)
      return youSaidWeDidCard(current, {
        forOfficer: true,
        docxUrl: this.docxUrl(actor, current.year),
        message: 'The summary changed since you opened it: check this version, then send it.',
      });
    const members = await this.deps.roles.activeWhere((person) => may(person, 'youSaidWeDid.receive'));
    const card = youSaidWeDidCard(current, { forOfficer: false });
    const summary = await this.deps.delivery.broadcast({
      batchId: batchIds.youSaidWeDid(current.year, current.version),
      members,
      card: () => card,
    });
    // What members were sent is kept as it is (a draft stops following newly closed challenges), with when it went.
    const sent = { ...current, sentAtUtc: current.sentAtUtc ?? this.nowUtc() };
    if (!current.sentAtUtc) await this.deps.store.save(sent, current.version);
    return youSaidWeDidCard(sent, {
      forOfficer: true,
      docxUrl: this.docxUrl(actor, current.year),
      message: sentMessage(summary),
    });
  }

  /** The Word version for the children in care councils, behind a signed officer-only link. */
  async docx(params: URLSearchParams): Promise<{ fileName: string; contentType: string; body: Buffer } | undefined> {
    const year = params.get('year') ?? '';
    const grant = this.deps.links.verify(YOU_SAID_WE_DID_DOCX, year, params);
    if (!grant || !/^\d{4}$/.test(year)) return undefined;
    const holder: Actor = {
      aadObjectId: grant.aadObjectId,
      name: '',
      tenantId: '',
      ...(await this.deps.roles.holdingOf(grant.aadObjectId)),
    };
    if (!may(holder, 'youSaidWeDid.prepare')) return undefined;
    const summary = await this.current(Number(year));
    const body = await renderWordReport({
      title: 'You said, we did',
      period: `Challenges finished in ${summary.year}`,
      preparedLine: `Written for the children in care councils on ${formatLondonDate(this.deps.clock.now())}`,
      largeType: true,
      blocks: [
        { kind: 'paragraph', text: summary.intro },
        ...summary.items.flatMap((item) => [
          { kind: 'paragraph' as const, bold: true, text: `You said: ${item.youSaid}` },
          { kind: 'paragraph' as const, text: `We did: ${item.weDid}` },
        ]),
      ],
    });
    return { fileName: `you-said-we-did-${summary.year}.docx`, contentType: DOCX_CONTENT_TYPE, body };
  }

  /** The saved summary for the year, or a draft from the challenges finished in it. */
  private async current(year: number): Promise<YouSaidWeDid> {
    const stored = await this.deps.store.get(year);
    if (stored) {
      const { etag: _etag, ...summary } = stored;
      return summary;
    }
    const period = yearPeriod(year);
    const [summaries, members] = await Promise.all([
      this.deps.challenges.listSummaries({ raisedBefore: period.endExclusive, openOn: period.start }),
      this.deps.members.list({ activeOnly: false }),
    ]);
    const closed: ClosedChallenge[] = [];
    const names = new Set(members.map((member) => member.name));
    for (const summary of summaries) {
      for (const person of summary.people) names.add(person.name);
      const closing = closedIn(summary.statusChanges, period.start, period.endExclusive, londonDateOf);
      if (closing)
        closed.push({
          reference: summary.reference,
          title: summary.title,
          status: closing.status,
          closedOn: closing.on,
          ...(summary.explanation ? { explanation: summary.explanation } : {}),
        });
    }
    return draftSummary(year, closed, [...names]);
  }

  private yearFrom(textIn: string): number {
    const thisYear = Number(londonDate(this.deps.clock.now()).slice(0, 4));
    const match = /\b(\d{4})\b/.exec(textIn);
    const year = match ? Number(match[1]) : thisYear;
    const parsed = yearSchema.max(thisYear).safeParse(year);
    if (!parsed.success)
      throw new DomainError('invalid_input', `Choose a year from 2015 to ${thisYear}, like "you said we did for ${thisYear}".`);
    return parsed.data;
  }

  private docxUrl(actor: Actor, year: number): string {
    return `${this.deps.publicBaseUrl}/exports/you-said-we-did.docx?year=${year}&${this.deps.links.sign({ purpose: YOU_SAID_WE_DID_DOCX, subject: String(year), aadObjectId: actor.aadObjectId })}`;
  }

  private nowUtc(): string {
    return this.deps.clock.now().toUTC().toISO()!;
  }
}

function sentMessage(summary: BroadcastSummary): string {
  if (summary.queued + summary.skipped === 0) return 'This version was already sent.';
  const unreachable = summary.skipped > 0 ? ` (${summary.skipped} cannot be reached in Teams)` : '';
  return `Sending to ${summary.queued} ${summary.queued === 1 ? 'member' : 'members'}${unreachable}.`;
}
