import { DateTime, Duration } from 'luxon';
import { AdaptiveCardJson } from '../cards/card-template';
import { DeliveryService } from '../delivery/delivery-service';
import { channelRecipientId } from '../delivery/outbound-message';
import { DomainError } from '../errors/domain-error';
import { Actor, hasRole } from '../members/actor';
import { Member } from '../members/member';
import { MemberDirectory } from '../members/member-directory';
import { RoleService } from '../members/role-service';
import { TeamRegistry } from '../members/team-registry';
import { JobStore } from '../scheduler/job-store';
import { JobHandler, JobOutcome } from '../scheduler/scheduled-job';
import { SignedLinks } from '../security/signed-links';
import { Clock, LONDON } from '../time/clock';
import { ChallengeView, ChallengeService } from './challenge-service';
import { challengeCard, challengeCreatedCard, challengeFormCard, challengeListCard, challengeRefusedCard, challengeReportCard, challengeRespondedCard, myChallengeListCard, nudgeHeading } from './challenge-cards';
import { ChallengeFormError } from './challenge-form';
import { ChallengeResponseError } from './challenge-service';
import { listFilterFromData, parseListFilterText } from './challenge-list-filter';
import { ReportPeriod, lastCompleteQuarter, parseReportPeriod, rangePeriod } from './challenge-report-period';
import { literalText } from '../cards/literal-text';

export const NUDGE_JOB = 'challenge-nudges';
export const QUARTERLY_REPORT_JOB = 'challenge-quarterly-report';
export const REPORT_CSV = 'challenge-report-csv';

export interface ChallengeDeskDependencies {
  service: ChallengeService;
  members: MemberDirectory;
  roles: RoleService;
  teams: TeamRegistry;
  delivery: Pick<DeliveryService, 'broadcast' | 'enqueue'>;
  jobs: JobStore;
  links: SignedLinks;
  clock: Clock;
  nudgeInterval: Duration;
  publicBaseUrl: string;
  /** The Team whose General channel also gets every new challenge (PANEL_CHANNEL). */
  panelTeamId?: string;
}

/**
 * Challenge cards in Teams: posted to the lead officer and assignees (and the panel's channel),
 * answered on the card, nudged when overdue, reported every quarter. The card is always loaded
 * server-side; who may respond is decided by ChallengeService from the actor.
 */
export class ChallengeDesk {
  constructor(private readonly deps: ChallengeDeskDependencies) {}

  async newForm(actor: Actor): Promise<AdaptiveCardJson> {
    return challengeFormCard(await this.deps.service.newForm(actor));
  }

  async create(actor: Actor, data: unknown): Promise<AdaptiveCardJson> {
    try {
      const created = await this.deps.service.create(actor, data);
      // Posting is idempotent (batch and dedupe keys): a resubmit after a failed post delivers it, a double click sends nothing twice.
      await this.post(created.view, 'created', 'New challenge card');
      return challengeCreatedCard(created, this.nowUtc());
    } catch (error) {
      if (error instanceof ChallengeFormError) return challengeFormCard(error.context, { error });
      throw error;
    }
  }

  async respond(actor: Actor, data: unknown): Promise<AdaptiveCardJson> {
    try {
      const responded = await this.deps.service.respond(actor, data);
      if (responded.outcome === 'recorded') await this.post(responded.view, `v${responded.view.challenge.version}`, `${literalText(actor.name)} responded`, actor.aadObjectId);
      return challengeRespondedCard(responded, this.nowUtc());
    } catch (error) {
      if (error instanceof ChallengeResponseError) return challengeRefusedCard(error, this.nowUtc());
      throw error;
    }
  }

  async show(actor: Actor, reference: unknown): Promise<AdaptiveCardJson> {
    return challengeCard(await this.deps.service.view(actor, reference), { nowUtc: this.nowUtc() });
  }

  async listMine(actor: Actor): Promise<AdaptiveCardJson> {
    return myChallengeListCard(await this.deps.service.listMine(actor), this.nowUtc());
  }

  async list(actor: Actor, filter: { text?: string; data?: unknown }): Promise<AdaptiveCardJson> {
    requireOfficer(actor, 'Only officers can list every challenge card; ask "my challenge cards" for yours.');
    const parsed = filter.data !== undefined ? listFilterFromData(filter.data) : parseListFilterText(filter.text ?? '');
    return challengeListCard(await this.deps.service.list(parsed), parsed, this.nowUtc());
  }

  async report(actor: Actor, text: string): Promise<AdaptiveCardJson> {
    const period = parseReportPeriod(text, this.deps.service.today());
    const csvUrl = hasRole(actor.role, 'officer') ? this.csvUrl(actor, period) : undefined;
    return challengeReportCard(await this.deps.service.report(period), { csvUrl });
  }

  /** The CSV behind a signed link, for officers only (re-checked now, not when the link was made). */
  async reportCsv(params: URLSearchParams): Promise<{ fileName: string; body: string } | undefined> {
    const [from, to] = [params.get('from') ?? '', params.get('to') ?? ''];
    const grant = this.deps.links.verify(REPORT_CSV, `${from}_${to}`, params);
    if (!grant || !hasRole(await this.deps.roles.roleOf(grant.aadObjectId), 'officer')) return undefined;
    const file = await this.deps.service.reportCsv(rangePeriod(from, to));
    return { fileName: file.fileName, body: file.csv };
  }

  handlers(): Record<string, JobHandler> {
    return { [NUDGE_JOB]: () => this.nudge(), [QUARTERLY_REPORT_JOB]: () => this.quarterlyReport() };
  }

  /** At start-up: the daily nudge scan and the next quarter-end report, unless already planned. */
  async ensureScheduled(): Promise<void> {
    if ((await this.deps.jobs.pendingKeys(NUDGE_JOB)).length === 0) await this.planNudges();
    if ((await this.deps.jobs.pendingKeys(QUARTERLY_REPORT_JOB)).length === 0) await this.planQuarterlyReport();
  }

  /** Sends the latest card to the lead officer and assignees (but the person acting) and the panel channel. */
  private async post(view: ChallengeView, version: string, heading: string, actingAadObjectId?: string): Promise<void> {
    const { challenge } = view;
    const involved = new Set([challenge.leadOfficer.aadObjectId, ...challenge.assignees.map((a) => a.aadObjectId)]);
    const people = (await this.deps.members.list({ activeOnly: true })).filter((member) => involved.has(member.aadObjectId));
    const recipients = people.filter((member) => member.aadObjectId !== actingAadObjectId);
    const batchId = `challenge:${challenge.reference}:${version}`;
    // Every copy refreshes itself when viewed, so lead officer and assignees all see the latest response.
    const refreshUserIds = people.map((member) => member.teamsUserId);
    await this.deps.delivery.broadcast({ batchId, members: recipients, card: () => challengeCard(view, { nowUtc: this.nowUtc(), heading, refreshUserIds }) });
    const panel = this.deps.panelTeamId ? (await this.deps.teams.list()).find((team) => team.teamId === this.deps.panelTeamId) : undefined;
    if (panel) {
      const readOnly = { ...view, viewerMayRespond: false };
      await this.deps.delivery.enqueue({ batchId, dedupeKey: `panel-channel`, recipient: { aadObjectId: channelRecipientId(panel.teamId), conversationReference: panel.conversationReference }, card: challengeCard(readOnly, { nowUtc: this.nowUtc(), heading }) });
    }
  }

  private async nudge(): Promise<JobOutcome> {
    const now = this.deps.clock.now();
    const due = await this.deps.service.dueForNudge(now, this.deps.nudgeInterval);
    const active = due.length > 0 ? await this.deps.members.list({ activeOnly: true }) : [];
    let sent = 0;
    for (const nudge of due) {
      if (!(await this.deps.service.recordNudged(nudge.reference, now, this.deps.nudgeInterval))) continue;
      const ids = new Set(nudge.recipients.map((person) => person.aadObjectId));
      const recipients = active.filter((member) => ids.has(member.aadObjectId));
      const card = challengeCard(await this.deps.service.view(systemActor(), nudge.reference), { nowUtc: this.nowUtc(), heading: nudgeHeading(nudge) });
      await this.deps.delivery.broadcast({ batchId: `challenge-nudge:${nudge.reference}:${now.toISODate()}`, members: recipients, card: () => card });
      sent++;
    }
    await this.planNudges();
    return { kind: 'done', note: `nudged ${sent} overdue cards` };
  }

  private async quarterlyReport(): Promise<JobOutcome> {
    const period = lastCompleteQuarter(this.deps.service.today());
    const officers = await this.deps.roles.activeOfficers();
    const report = await this.deps.service.report(period);
    await this.deps.delivery.broadcast({
      batchId: `challenge-report:${period.start}`,
      members: officers,
      card: (officer: Member) => challengeReportCard(report, { csvUrl: this.csvUrl({ ...systemActor(), aadObjectId: officer.aadObjectId }, period) }),
    });
    await this.planQuarterlyReport();
    return { kind: 'done', note: `quarterly report for ${period.title} to ${officers.length} officers` };
  }

  private planNudges(): Promise<void> {
    const tomorrowNine = this.deps.clock.now().setZone(LONDON).plus({ days: 1 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
    return this.deps.jobs.schedule({ key: NUDGE_JOB, kind: NUDGE_JOB, due: tomorrowNine, payload: {} });
  }

  /** 09:00 on the first day of the next quarter: the quarter just ended is complete. */
  private planQuarterlyReport(): Promise<void> {
    const now = this.deps.clock.now().setZone(LONDON);
    const nextQuarter = DateTime.fromObject({ year: now.year, month: Math.floor((now.month - 1) / 3) * 3 + 1, day: 1, hour: 9 }, { zone: LONDON }).plus({ months: 3 });
    return this.deps.jobs.schedule({ key: QUARTERLY_REPORT_JOB, kind: QUARTERLY_REPORT_JOB, due: nextQuarter, payload: {} });
  }

  private csvUrl(actor: Actor, period: ReportPeriod): string {
    const signed = this.deps.links.sign({ purpose: REPORT_CSV, subject: `${period.start}_${period.end}`, aadObjectId: actor.aadObjectId });
    return `${this.deps.publicBaseUrl}/exports/challenges.csv?from=${period.start}&to=${period.end}&${signed}`;
  }

  private nowUtc(): string {
    return this.deps.clock.now().toUTC().toISO()!;
  }
}

function requireOfficer(actor: Actor, message: string): void {
  if (!hasRole(actor.role, 'officer')) throw new DomainError('forbidden', message);
}

/** Scheduled work reads cards as an officer would; nothing it does is attributed to a person. */
function systemActor(): Actor {
  return { aadObjectId: 'system', name: 'The panel bot', tenantId: '', role: 'officer' };
}
