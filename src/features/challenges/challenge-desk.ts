import { DateTime, Duration } from 'luxon';
import { AdaptiveCardJson } from '../../shared/cards/card-template';
import { DeliveryService } from '../../platform/delivery/delivery-service';
import { DomainError } from '../../shared/errors/domain-error';
import { Actor, hasRole } from '../members/domain/actor';
import { Member } from '../members/domain/member';
import { MemberDirectory } from '../members/data/member-directory';
import { RoleService } from '../members/role-service';
import { TeamRegistry } from '../members/data/team-registry';
import { JobStore } from '../../platform/scheduler/job-store';
import { JobHandler, JobOutcome } from '../../platform/scheduler/scheduled-job';
import { SignedLinks } from '../../platform/security/signed-links';
import { Clock, LONDON } from '../../platform/time/clock';
import { ChallengeView, ChallengeService } from './challenge-service';
import { challengeCard, challengeCreatedCard, challengeFormCard, challengeListCard, challengeRefusedCard, challengeReportCard, challengeRespondedCard, myChallengeListCard, nudgeHeading } from './teams/challenge-cards';
import { ChallengeFormError } from './domain/challenge-form';
import { ChallengeResponseError } from './challenge-service';
import { listFilterFromData, parseListFilterText } from './domain/challenge-list-filter';
import { ReportPeriod, lastCompleteQuarter, parseReportPeriod, rangePeriod } from './domain/challenge-report-period';
import { challengeAreaChart, challengeTrendChart } from './domain/challenge-report-chart';
import { challengeReportDocument, challengeReportDocumentName } from './domain/challenge-report-document';
import { cardImage } from '../../platform/charts/card-chart';
import { ChartRenderer } from '../../platform/charts/chart-renderer';
import { DOCX_CONTENT_TYPE } from '../../platform/documents/word-report';
import { titled } from '../../shared/reports/report-period';

export const NUDGE_JOB = 'challenge-nudges';
export const QUARTERLY_REPORT_JOB = 'challenge-quarterly-report';
export const REPORT_CSV = 'challenge-report-csv';
export const REPORT_DOCX = 'challenge-report-docx';

export interface ChallengeDeskDependencies {
  service: ChallengeService;
  members: MemberDirectory;
  roles: RoleService;
  teams: TeamRegistry;
  delivery: Pick<DeliveryService, 'broadcast' | 'enqueue'>;
  jobs: JobStore;
  links: SignedLinks;
  charts: ChartRenderer;
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
      if (created.outcome === 'created') await this.post(created.view, 'created', 'New challenge card');
      return challengeCreatedCard(created, this.nowUtc());
    } catch (error) {
      if (error instanceof ChallengeFormError) return challengeFormCard(error.context, { error });
      throw error;
    }
  }

  async respond(actor: Actor, data: unknown): Promise<AdaptiveCardJson> {
    try {
      const responded = await this.deps.service.respond(actor, data);
      if (responded.outcome === 'recorded') await this.post(responded.view, `v${responded.view.challenge.version}`, `${actor.name} responded`, actor.aadObjectId);
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
    return this.reportCardFor(actor, period);
  }

  /** The Word report for the panel papers behind a signed link, for officers only (re-checked now). */
  async reportDocx(params: URLSearchParams): Promise<{ fileName: string; contentType: string; body: Buffer } | undefined> {
    const [from, to] = [params.get('from') ?? '', params.get('to') ?? ''];
    const grant = this.deps.links.verify(REPORT_DOCX, `${from}_${to}`, params);
    if (!grant || !hasRole(await this.deps.roles.roleOf(grant.aadObjectId), 'officer')) return undefined;
    const period = titled(rangePeriod(from, to), params.get('title'));
    const { report, quarters, completed } = await this.deps.service.committeePaper(period);
    const [areaChart, trendChart] = await Promise.all([this.deps.charts.draw(challengeAreaChart(report)), this.deps.charts.draw(challengeTrendChart(quarters))]);
    const body = await challengeReportDocument({ report, areaChart, trendChart, completed, nowUtc: this.nowUtc() }, this.deps.charts);
    return { fileName: challengeReportDocumentName(report), contentType: DOCX_CONTENT_TYPE, body };
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
      await this.deps.delivery.enqueue({ batchId, dedupeKey: `panel-channel`, recipient: { aadObjectId: `team:${panel.teamId}`, conversationReference: panel.conversationReference }, card: challengeCard(readOnly, { nowUtc: this.nowUtc(), heading }) });
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
    const image = cardImage(this.deps.charts, await this.deps.charts.draw(challengeAreaChart(report)));
    await this.deps.delivery.broadcast({
      batchId: `challenge-report:${period.start}`,
      members: officers,
      card: (officer: Member) => {
        const actor = { ...systemActor(), aadObjectId: officer.aadObjectId };
        return challengeReportCard(report, { csvUrl: this.csvUrl(actor, period), docxUrl: this.docxUrl(actor, period), image });
      },
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

  private async reportCardFor(actor: Actor, period: ReportPeriod): Promise<AdaptiveCardJson> {
    const report = await this.deps.service.report(period);
    const image = cardImage(this.deps.charts, await this.deps.charts.draw(challengeAreaChart(report)));
    if (!hasRole(actor.role, 'officer')) return challengeReportCard(report, { image });
    return challengeReportCard(report, { csvUrl: this.csvUrl(actor, period), docxUrl: this.docxUrl(actor, period), image });
  }

  private docxUrl(actor: Actor, period: ReportPeriod): string {
    const signed = this.deps.links.sign({ purpose: REPORT_DOCX, subject: `${period.start}_${period.end}`, aadObjectId: actor.aadObjectId });
    return `${this.deps.publicBaseUrl}/exports/challenges.docx?from=${period.start}&to=${period.end}&title=${encodeURIComponent(period.title)}&${signed}`;
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
