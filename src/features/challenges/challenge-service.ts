import { DateTime, type Duration } from 'luxon';
import { DomainError, type DomainErrorCode } from '../../shared/errors/domain-error';
import type { Actor } from '../../shared/access/actor';
import type { Clock } from '../../platform/time/clock';
import { londonDate, londonStartOfDay } from '../../platform/time/london';
import { type Challenge, type ChallengeEvent, type ChallengeReference, type Person, referenceSchema, toUtcIso } from './domain/challenge';
import { involvedIn, respondOffered } from './domain/challenge-access';
import type { CompletedCardDetail } from './domain/challenge-report-document';
import { quartersEndingAt } from '../../shared/reports/report-period';
import { type ChallengeCandidate, type ChallengeDraft, type ChallengeFormContext, validateChallengeForm } from './domain/challenge-form';
import { type ChallengeListFilter, isOverdue } from './domain/challenge-list-filter';
import { type ChallengeReport, buildChallengeReport } from './domain/challenge-report';
import { challengeReportCsv, challengeReportFileName } from './domain/challenge-report-csv';
import type { ReportPeriod } from './domain/challenge-report-period';
import type { ChallengeRepository, SummaryQuery } from './data/challenge-repository';
import { type RespondValues, type ResponseRefusal, decideResponse, parseRespondInput, responseKey } from './domain/challenge-response';
import type { ChallengeSummary } from './domain/challenge-summary';
import { type Principal, may, refusalOf, requirePermission } from '../../shared/access/policy';
import { formIdOf, newFormId } from '../../shared/forms/form';
import type { AuditTrail } from '../audit/domain/audit-entry';

/** The people a card can be given to: active members and officers, with roles (from the member directory). */
export interface ChallengePeople {
  candidates(): Promise<ChallengeCandidate[]>;
}

/** A card as one viewer sees it. */
export interface ChallengeView {
  challenge: Challenge;
  /** Oldest first. */
  history: ChallengeEvent[];
  /** Show the respond inputs (lead, assignee or officer, and the card not closed). */
  viewerMayRespond: boolean;
}

export interface CreateOutcome {
  /** `already_created`: the same form was submitted before (a double click); nothing new was made. */
  outcome: 'created' | 'already_created';
  view: ChallengeView;
}

export interface RespondOutcome {
  /** `already_recorded`: this very response (same person, card version and words) was recorded before. */
  outcome: 'recorded' | 'already_recorded';
  view: ChallengeView;
}

/**
 * A response was refused. Carries the card as it is now and what was typed, so the card can be
 * shown again with the message and nothing lost (or read-only, when it is closed or not theirs).
 */
export class ChallengeResponseError extends DomainError {
  constructor(
    code: DomainErrorCode,
    message: string,
    readonly view: ChallengeView,
    readonly values: RespondValues,
    /** Set when the card must ask "is this a child's name?": the value its confirmation box carries. */
    readonly nameConfirmation = '',
  ) {
    super(code, message);
    this.name = 'ChallengeResponseError';
  }
}

/** An overdue card to nudge its people about. */
export interface NudgeDue {
  reference: ChallengeReference;
  title: string;
  dueOn: string;
  daysOverdue: number;
  /** The lead officer and the assignees. */
  recipients: Person[];
}

/** Form ids are our own UUIDs; anything else in card data is refused before it reaches a key. */

/**
 * Challenge cards: raising (officers), responding (lead, assignees, officers), lists, nudges and
 * the quarterly report. Identity and role come from the Actor the Teams layer built from the
 * activity; card data only ever names the card, and is validated.
 */
export class ChallengeService {
  constructor(
    private readonly repository: ChallengeRepository,
    private readonly people: ChallengePeople,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  /** What a blank "new challenge" form needs (officers only). */
  async newForm(actor: Actor): Promise<ChallengeFormContext> {
    assertMayCreate(actor);
    return { formId: newFormId(), today: this.today(), candidates: await this.people.candidates() };
  }

  /**
   * Creates a card from the form's `challenge.create` data ({formId} plus the inputs). Throws
   * ChallengeFormError (field errors, values and form context to redraw it) for bad input,
   * including anything that looks like a child's personal details.
   */
  async create(actor: Actor, data: unknown): Promise<CreateOutcome> {
    assertMayCreate(actor);
    const formId = formIdOf(data);
    if (!formId) {
      throw new DomainError('invalid_input', 'This form is out of date. Say "new challenge" to open a fresh one.');
    }
    const context: ChallengeFormContext = { formId, today: this.today(), candidates: await this.people.candidates() };
    const draft = validateChallengeForm(data, context);
    const nowUtc = this.nowUtc();
    const by = personOf(actor);
    const result = await this.repository.create(Number(draft.raisedOn.slice(0, 4)), formId, (reference) =>
      newChallenge(reference, draft, by, nowUtc),
    );
    if (result.outcome === 'created') await this.auditStatus(actor, result.challenge.reference, 'raised, received');
    return { outcome: result.outcome, view: await this.viewOf(actor, result.challenge) };
  }

  /**
   * One card with its history, as `actor` sees it; the policy says who may look. The card is read
   * first whoever asks, and a card the actor may not see gets the very refusal a missing one gets
   * (same words, same code, same reads), so references cannot be probed.
   */
  async view(actor: Principal, reference: unknown): Promise<ChallengeView> {
    const parsed = referenceSchema.safeParse(typeof reference === 'string' ? reference.trim().toUpperCase() : reference);
    const stored = parsed.success ? await this.repository.get(parsed.data) : undefined;
    if (!stored || !may(actor, 'challenges.view', involvedIn(stored.challenge))) throw refusalOf('challenges.view');
    return this.viewOf(actor, stored.challenge);
  }

  /**
   * Records a response from the card's `challenge.respond` data ({reference, version} plus the
   * inputs `response`, `status`, `explanation`). Idempotent per response (see responseKey): the
   * same response sent twice records once, a different one is always kept; applied on the card as
   * it is now, after any concurrent response. Refusals throw ChallengeResponseError.
   */
  async respond(actor: Actor, data: unknown): Promise<RespondOutcome> {
    const input = parseRespondInput(data);
    const nowUtc = this.nowUtc();
    let refusal: ResponseRefusal | undefined;
    let moved: { from?: string; to?: string } | undefined;
    const result = await this.repository.change(
      input.reference,
      (current) => {
        refusal = undefined;
        moved = undefined;
        const decision = decideResponse(current, actor, input, nowUtc);
        if ('refusal' in decision) {
          refusal = decision.refusal;
          return 'unchanged';
        }
        moved = { from: decision.change.event?.fromStatus, to: decision.change.event?.toStatus };
        return decision.change;
      },
      responseKey(input, actor),
    );
    const view = await this.viewOf(actor, result.challenge);
    if (result.outcome === 'applied' && moved?.to) await this.auditStatus(actor, input.reference, `${moved.from ?? ''} -> ${moved.to}`);
    if (refusal)
      throw new ChallengeResponseError(
        refusal.code,
        refusal.message,
        view,
        { ...input.values, confirmNotChildName: '' },
        refusal.nameConfirmation,
      );
    return { outcome: result.outcome === 'duplicate' ? 'already_recorded' : 'recorded', view };
  }

  /** "my challenge cards": the open cards the actor leads or is assigned to, soonest due first. */
  async listMine(actor: Actor): Promise<ChallengeSummary[]> {
    requirePermission(actor, 'challenges.mine');
    const open = await this.repository.listSummaries({ openOnly: true });
    return open.filter((card) => card.people.some((person) => person.aadObjectId === actor.aadObjectId)).sort(byDue);
  }

  /** "challenge cards": every card matching the filter, soonest due first. */
  async list(filter: ChallengeListFilter): Promise<ChallengeSummary[]> {
    const query: SummaryQuery = {};
    if (filter.status === 'open' || filter.overdue) query.openOnly = true;
    if (filter.status !== 'open' && filter.status !== 'all') query.status = filter.status;
    if (filter.priorityArea) query.priorityArea = filter.priorityArea;
    const today = this.today();
    const cards = await this.repository.listSummaries(query);
    return (filter.overdue ? cards.filter((card) => isOverdue(card, today)) : cards).sort(byDue);
  }

  /**
   * Overdue cards (past their due date and still received, accepted or in progress) not nudged
   * within `interval`. Claim each with `recordNudged` before sending, so two schedulers never
   * both send.
   */
  async dueForNudge(now: DateTime, interval: Duration): Promise<NudgeDue[]> {
    const nowUtc = toUtcIso(now);
    const today = londonDate(now);
    const open = await this.repository.listSummaries({ openOnly: true });
    return open
      .filter((card) => isOverdue(card, today) && nudgeAllowed(card.lastNudgedAtUtc, nowUtc, interval))
      .map((card) => ({
        reference: card.reference,
        title: card.title,
        dueOn: card.dueOn,
        daysOverdue: daysAfter(card.dueOn, today),
        recipients: card.people,
      }));
  }

  /**
   * Records that a card's people were nudged at `now`. With `interval`, it is a claim: false
   * (nothing written) when the card was nudged within it or is no longer overdue, so of two
   * racing schedulers only one gets true. Guarded by the card's ETag; no history row.
   */
  async recordNudged(reference: ChallengeReference, now: DateTime, interval?: Duration): Promise<boolean> {
    const nowUtc = toUtcIso(now);
    const today = londonDate(now);
    const result = await this.repository.change(referenceSchema.parse(reference), (current) => {
      if (interval && (!isOverdue(current, today) || !nudgeAllowed(current.lastNudgedAtUtc, nowUtc, interval))) return 'unchanged';
      return { next: { ...current, lastNudgedAtUtc: nowUtc } };
    });
    return result.outcome === 'applied';
  }

  /** The report for a period: reads only the cards open at some time in it (see the repository's key design). */
  async report(period: ReportPeriod): Promise<ChallengeReport> {
    const summaries = await this.repository.listSummaries({ raisedBefore: period.endExclusive, openOn: period.start });
    return buildChallengeReport(summaries, period, this.nowUtc());
  }

  /** The report's CSV for the panel papers, with a file name like `challenge-cards-Q3-2026.csv`. */
  async reportCsv(period: ReportPeriod): Promise<{ fileName: string; csv: string }> {
    const report = await this.report(period);
    return { fileName: challengeReportFileName(report), csv: challengeReportCsv(report) };
  }

  /**
   * What the committee paper needs, from one read of the summaries: the period's report, the four
   * calendar quarters ending with its last (the trend), and each card completed in the period with
   * its outcome and what went back to the young people (both kept on the summary).
   */
  async committeePaper(
    period: ReportPeriod,
  ): Promise<{ report: ChallengeReport; quarters: ChallengeReport[]; completed: CompletedCardDetail[] }> {
    const nowUtc = this.nowUtc();
    const quarters = quartersEndingAt(period.end < this.today() ? period.end : this.today(), 4);
    const from = [period.start, quarters[0]!.start].sort()[0]!;
    const until = [period.endExclusive, quarters[quarters.length - 1]!.endExclusive].sort().reverse()[0]!;
    const summaries = await this.repository.listSummaries({ raisedBefore: until, openOn: from });
    const report = buildChallengeReport(summaries, period, nowUtc);
    const byReference = new Map(summaries.map((summary) => [summary.reference, summary]));
    const completed = report.outcomes.flatMap((outcome): CompletedCardDetail[] => {
      const summary = byReference.get(outcome.reference);
      if (!summary) return [];
      const informed = summary.statusChanges.find((change) => change.status === 'informed');
      const detail: CompletedCardDetail = {
        reference: summary.reference,
        title: summary.title,
        group: summary.group,
        completedOn: outcome.completedOn,
        outcome: summary.outcome ?? '',
        toldYoungPeople: summary.explanation ?? '',
      };
      if (informed) detail.informedOn = londonDate(informed.atUtc);
      return [detail];
    });
    return { report, quarters: quarters.map((quarter) => buildChallengeReport(summaries, quarter, nowUtc)), completed };
  }

  /** Today's London date, for parsing report periods. */
  today(): string {
    return londonDate(this.clock.now());
  }

  private async viewOf(actor: Principal, challenge: Challenge): Promise<ChallengeView> {
    return { challenge, history: await this.repository.history(challenge.reference), viewerMayRespond: respondOffered(actor, challenge) };
  }

  /** Status changes go to the audit trail with the statuses only: never the card's words or a response. */
  private auditStatus(actor: Actor, reference: ChallengeReference, detail: string): Promise<void> {
    return this.audit.record({
      actor: { aadObjectId: actor.aadObjectId, role: actor.role },
      action: 'challenge.status',
      subject: { kind: 'challenge', id: reference },
      detail,
    });
  }

  private nowUtc(): string {
    return toUtcIso(this.clock.now());
  }
}

/** The new card and its 'created' event; its first status, received, dates from the start of the day raised. */
function newChallenge(
  reference: ChallengeReference,
  draft: ChallengeDraft,
  by: Person,
  nowUtc: string,
): { next: Challenge; event: ChallengeEvent } {
  const next: Challenge = {
    reference,
    ...draft,
    status: 'received',
    statusChanges: [{ status: 'received', atUtc: toUtcIso(londonStartOfDay(draft.raisedOn)) }],
    version: 1,
    createdBy: by,
    createdAtUtc: nowUtc,
    updatedAtUtc: nowUtc,
  };
  return { next, event: { reference, key: 'created', by, atUtc: nowUtc, kind: 'created', toStatus: 'received' } };
}

function assertMayCreate(actor: Actor): void {
  requirePermission(actor, 'challenges.create');
}

function personOf(actor: Actor): Person {
  return { aadObjectId: actor.aadObjectId, name: actor.name };
}

function nudgeAllowed(lastNudgedAtUtc: string | undefined, nowUtc: string, interval: Duration): boolean {
  if (!lastNudgedAtUtc) return true;
  return toUtcIso(DateTime.fromISO(lastNudgedAtUtc, { zone: 'utc' }).plus(interval)) <= nowUtc;
}

function daysAfter(fromDate: string, toDate: string): number {
  return Math.round(DateTime.fromISO(toDate, { zone: 'utc' }).diff(DateTime.fromISO(fromDate, { zone: 'utc' }), 'days').days);
}

function byDue(a: ChallengeSummary, b: ChallengeSummary): number {
  return a.dueOn === b.dueOn ? a.reference.localeCompare(b.reference) : a.dueOn < b.dueOn ? -1 : 1;
}
