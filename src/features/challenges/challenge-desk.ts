import { DateTime, type Duration } from 'luxon';
import type { AdaptiveCardJson } from '../../shared/cards/card-template';
import type { DeliveryService } from '../../platform/delivery/delivery-service';
import type { Actor } from '../../shared/access/actor';
import { may, requirePermission, systemActor } from '../../shared/access/policy';
import type { Member, MemberDirectory, RoleService, TeamRegistry } from '../members';
import type { JobStore } from '../../platform/scheduler/job-store';
import type { JobHandler, JobOutcome } from '../../platform/scheduler/scheduled-job';
import { RecurringJob } from '../../platform/scheduler/recurring-job';
import type { SignedLinks } from '../../platform/security/signed-links';
import { type Clock, LONDON } from '../../platform/time/clock';
import { channelRecipientId } from '../../platform/delivery/outbound-message';
import type { ChallengeView, ChallengeService } from './challenge-service';
import {
  challengeCard,
  challengeCreatedCard,
  challengeFormCard,
  challengeListCard,
  challengeRefusedCard,
  challengeReportCard,
  challengeRespondedCard,
  myChallengeListCard,
  nudgeHeading,
} from './teams/challenge-cards';
import { ChallengeFormError } from './domain/challenge-form';
import { involvedIn } from './domain/challenge-access';
import { ChallengeResponseError } from './challenge-service';
import { listFilterFromData, parseListFilterText } from './domain/challenge-list-filter';
import { lastCompleteQuarter, parseReportPeriod, rangePeriod, type ReportPeriod } from './domain/challenge-report-period';
import { JOB_KINDS, batchIds, jobKeys } from '../../shared/keys';
import { challengeAreaChart, challengeTrendChart } from './domain/challenge-report-chart';
import { challengeReportDocument, challengeReportDocumentName } from './domain/challenge-report-document';
import { cardImage } from '../../platform/charts/card-chart';
import type { ChartRenderer } from '../../platform/charts/chart-renderer';
import { DOCX_CONTENT_TYPE } from '../../platform/documents/word-report';
import { titled } from '../../shared/reports/report-period';
import { literalText } from '../../shared/text/literal-text';
import { nextLondonTimeOfDay } from '../../platform/time/london';

export const NUDGE_JOB = JOB_KINDS.challengeNudges;
export const QUARTERLY_REPORT_JOB = JOB_KINDS.challengeQuarterlyReport;
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
  /** Each occurrence its own job, planning the next first: a failed run never ends the series. */
  private readonly nudges: RecurringJob;
  private readonly quarterlyReports: RecurringJob;

  constructor(private readonly deps: ChallengeDeskDependencies) {
    const londonDate = (due: DateTime) => due.setZone(LONDON).toISODate()!;
    this.nudges = new RecurringJob(deps.jobs, deps.clock, {
      kind: NUDGE_JOB,
      seriesPrefix: NUDGE_JOB,
      keyOf: (due) => jobKeys.challengeNudges(londonDate(due)),
      nextAfter: nextNudgeScan,
    });
    this.quarterlyReports = new RecurringJob(deps.jobs, deps.clock, {
      kind: QUARTERLY_REPORT_JOB,
      seriesPrefix: QUARTERLY_REPORT_JOB,
      keyOf: (due) => jobKeys.challengeQuarterlyReport(londonDate(due)),
      nextAfter: nextQuarterStart,
    });
  }

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
      if (responded.outcome === 'recorded')
        await this.post(responded.view, `v${responded.view.challenge.version}`, `${literalText(actor.name)} responded`, actor.aadObjectId);
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
    requirePermission(actor, 'challenges.list');
    const parsed = filter.data !== undefined ? listFilterFromData(filter.data) : parseListFilterText(filter.text ?? '');
    return challengeListCard(await this.deps.service.list(parsed), parsed, this.nowUtc());
  }

  async report(actor: Actor, text: string): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'challenges.report');
    const period = parseReportPeriod(text, this.deps.service.today());
    return this.reportCardFor(actor, period);
  }

  /** The Word report for the panel papers behind a signed link, for officers only (re-checked now). */
  async reportDocx(params: URLSearchParams): Promise<{ fileName: string; contentType: string; body: Buffer } | undefined> {
    const [from, to] = [params.get('from') ?? '', params.get('to') ?? ''];
    const grant = this.deps.links.verify(REPORT_DOCX, `${from}_${to}`, params);
    if (!grant || !may(await this.holderOf(grant.aadObjectId), 'challenges.export')) return undefined;
    const period = titled(rangePeriod(from, to), params.get('title'));
    const { report, quarters, completed } = await this.deps.service.committeePaper(period);
    const [areaChart, trendChart] = await Promise.all([
      this.deps.charts.draw(challengeAreaChart(report)),
      this.deps.charts.draw(challengeTrendChart(quarters)),
    ]);
    const body = await challengeReportDocument({ report, areaChart, trendChart, completed, nowUtc: this.nowUtc() }, this.deps.charts);
    return { fileName: challengeReportDocumentName(report), contentType: DOCX_CONTENT_TYPE, body };
  }

  /** The CSV behind a signed link, for officers only (re-checked now, not when the link was made). */
  async reportCsv(params: URLSearchParams): Promise<{ fileName: string; body: string } | undefined> {
    const [from, to] = [params.get('from') ?? '', params.get('to') ?? ''];
    const grant = this.deps.links.verify(REPORT_CSV, `${from}_${to}`, params);
    if (!grant || !may(await this.holderOf(grant.aadObjectId), 'challenges.export')) return undefined;
    const file = await this.deps.service.reportCsv(rangePeriod(from, to));
    return { fileName: file.fileName, body: file.csv };
  }

  handlers(): Record<string, JobHandler> {
    return { ...this.nudges.handler(() => this.nudge()), ...this.quarterlyReports.handler(() => this.quarterlyReport()) };
  }

  /** At start-up: the daily nudge scan and the next quarter-end report, unless already planned. */
  async ensureScheduled(): Promise<void> {
    await this.nudges.ensurePlanned();
    await this.quarterlyReports.ensurePlanned();
  }

  /** Sends the latest card to the lead officer and assignees (but the person acting) and the panel channel. */
  private async post(view: ChallengeView, version: string, heading: string, actingAadObjectId?: string): Promise<void> {
    const { challenge } = view;
    const people = await this.peopleOf(challenge);
    const recipients = people.filter((member) => member.aadObjectId !== actingAadObjectId);
    const batchId = batchIds.challengeCard(challenge.reference, version);
    // Every copy refreshes itself when viewed, so lead officer and assignees all see the latest response.
    const refreshUserIds = people.map((member) => member.teamsUserId);
    await this.deps.delivery.broadcast({
      batchId,
      members: recipients,
      card: () => challengeCard(view, { nowUtc: this.nowUtc(), heading, refreshUserIds }),
    });
    const panel = this.deps.panelTeamId ? (await this.deps.teams.list()).find((team) => team.teamId === this.deps.panelTeamId) : undefined;
    if (panel) {
      const readOnly = { ...view, viewerMayRespond: false };
      await this.deps.delivery.enqueue({
        batchId,
        dedupeKey: `panel-channel`,
        recipient: { aadObjectId: channelRecipientId(panel.teamId), conversationReference: panel.conversationReference },
        card: challengeCard(readOnly, { nowUtc: this.nowUtc(), heading }),
      });
    }
  }

  private async nudge(): Promise<JobOutcome> {
    const now = this.deps.clock.now();
    const due = await this.deps.service.dueForNudge(now, this.deps.nudgeInterval);
    let sent = 0;
    for (const nudge of due) {
      if (!(await this.deps.service.recordNudged(nudge.reference, now, this.deps.nudgeInterval))) continue;
      const ids = nudge.recipients.map((person) => person.aadObjectId);
      const recipients = await this.deps.roles.activeWhere(
        (person) => ids.includes(person.aadObjectId) && may(person, 'challenges.view', { involvedAadObjectIds: ids }),
      );
      const card = challengeCard(await this.deps.service.view(systemActor(NUDGE_JOB), nudge.reference), {
        nowUtc: this.nowUtc(),
        heading: nudgeHeading(nudge),
      });
      await this.deps.delivery.broadcast({
        batchId: batchIds.challengeNudge(nudge.reference, now.toISODate()!),
        members: recipients,
        card: () => card,
      });
      sent++;
    }
    return { kind: 'done', note: `nudged ${sent} overdue cards` };
  }

  private async quarterlyReport(): Promise<JobOutcome> {
    const period = lastCompleteQuarter(this.deps.service.today());
    const officers = await this.deps.roles.activeOfficers();
    const report = await this.deps.service.report(period);
    const image = cardImage(this.deps.charts, await this.deps.charts.draw(challengeAreaChart(report)));
    await this.deps.delivery.broadcast({
      batchId: batchIds.challengeReport(period.start),
      members: officers,
      card: (officer: Member) =>
        challengeReportCard(report, {
          csvUrl: this.csvUrl(officer.aadObjectId, period),
          docxUrl: this.docxUrl(officer.aadObjectId, period),
          image,
        }),
    });
    return { kind: 'done', note: `quarterly report for ${period.title} to ${officers.length} officers` };
  }

  private async reportCardFor(actor: Actor, period: ReportPeriod): Promise<AdaptiveCardJson> {
    const report = await this.deps.service.report(period);
    const image = cardImage(this.deps.charts, await this.deps.charts.draw(challengeAreaChart(report)));
    if (!may(actor, 'challenges.export')) return challengeReportCard(report, { image });
    return challengeReportCard(report, {
      csvUrl: this.csvUrl(actor.aadObjectId, period),
      docxUrl: this.docxUrl(actor.aadObjectId, period),
      image,
    });
  }

  /** Who holds a signed link now: their role is read afresh, not taken from when the link was made. */
  private async holderOf(aadObjectId: string): Promise<Actor> {
    return { aadObjectId, name: '', tenantId: '', ...(await this.deps.roles.holdingOf(aadObjectId)) };
  }

  /** The card's lead officer and assignees who are active and may still see it (never someone who has become a guest). */
  private peopleOf(challenge: ChallengeView['challenge']): Promise<Member[]> {
    const involved = involvedIn(challenge);
    return this.deps.roles.activeWhere(
      (person) => involved.involvedAadObjectIds.includes(person.aadObjectId) && may(person, 'challenges.view', involved),
    );
  }

  /** Links only `aadObjectId` can use, and only while they may export. */
  private docxUrl(aadObjectId: string, period: ReportPeriod): string {
    const signed = this.deps.links.sign({ purpose: REPORT_DOCX, subject: `${period.start}_${period.end}`, aadObjectId });
    return `${this.deps.publicBaseUrl}/exports/challenges.docx?from=${period.start}&to=${period.end}&title=${encodeURIComponent(period.title)}&${signed}`;
  }

  private csvUrl(aadObjectId: string, period: ReportPeriod): string {
    const signed = this.deps.links.sign({ purpose: REPORT_CSV, subject: `${period.start}_${period.end}`, aadObjectId });
    return `${this.deps.publicBaseUrl}/exports/challenges.csv?from=${period.start}&to=${period.end}&${signed}`;
  }

  private nowUtc(): string {
    return this.deps.clock.now().toUTC().toISO()!;
  }
}

/** 09:00 London, daily: the scan for overdue cards. */
function nextNudgeScan(after: DateTime): DateTime {
  return nextLondonTimeOfDay(after, 9);
}

/** 09:00 London on the first day of the quarter after `after`'s: the quarter just ended is complete. */
function nextQuarterStart(after: DateTime): DateTime {
  const local = after.setZone(LONDON);
  const quarterStart = DateTime.fromObject(
    { year: local.year, month: Math.floor((local.month - 1) / 3) * 3 + 1, day: 1, hour: 9 },
    { zone: LONDON },
  );
  return quarterStart > local ? quarterStart : quarterStart.plus({ months: 3 });
}
