import type { AttendanceBook } from '../attendance';
import { DomainError } from '../../shared/errors/domain-error';
import type { AdaptiveCardJson } from '../../shared/cards/card-template';
import type { EventInvitations, EventRepository, RsvpBook } from '../events';
import type { Actor } from '../../shared/access/actor';
import { may, requirePermission } from '../../shared/access/policy';
import type { RoleService } from '../members';
import { cardImage } from '../../platform/charts/card-chart';
import type { ChartRenderer } from '../../platform/charts/chart-renderer';
import {
  type PeriodRules,
  type ReportPeriod,
  parseReportPeriod,
  quartersEndingAt,
  rangePeriod,
  titled,
} from '../../shared/reports/report-period';
import { DOCX_CONTENT_TYPE } from '../../platform/documents/word-report';
import type { SignedLinks } from '../../platform/security/signed-links';
import type { Clock } from '../../platform/time/clock';
import { londonDate } from '../../platform/time/london';
import type { CouncillorDirectory } from '../training';
import { participationTrendChart } from './domain/participation-chart';
import { participationReportCard } from './teams/participation-cards';
import { participationDocument, participationDocumentName } from './participation-document';
import {
  type EventFacts,
  type ParticipationReport,
  buildParticipationReport,
  countsForParticipation,
  periodEndUtc,
  periodStartUtc,
} from './domain/participation-report';

export const PARTICIPATION_DOCX = 'participation-docx';
const READ_CONCURRENCY = 8;

export const PARTICIPATION_PERIOD_RULES: PeriodRules = {
  command: /^(?:member(?:s'?)? )?participation report\b/,
  example: 'participation report',
  earliest: '2015-01-01',
  earliestMessage: 'Participation reports begin in 2015: choose a period from 2015 on.',
};

export interface ParticipationDeskDependencies {
  events: Pick<EventRepository, 'listStartingBetween'>;
  invitations: Pick<EventInvitations, 'invitedIds'>;
  rsvps: Pick<RsvpBook, 'respondentIds'>;
  attendance: Pick<AttendanceBook, 'attendedIds'>;
  councillors: CouncillorDirectory;
  roles: Pick<RoleService, 'holdingOf'>;
  charts: ChartRenderer;
  links: SignedLinks;
  clock: Clock;
  publicBaseUrl: string;
}

/** Recommendation 6 in figures: "participation report for 2026" (officers only), with a Word report. */
export class ParticipationDesk {
  constructor(private readonly deps: ParticipationDeskDependencies) {}

  async reportCard(actor: Actor, text: string): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'participation.report');
    const period = parseReportPeriod(text, this.today(), PARTICIPATION_PERIOD_RULES);
    if (period.start > this.today())
      throw new DomainError(
        'invalid_input',
        `${period.title} has not begun yet, so there is nothing to report. Choose a period that has started.`,
      );
    const report = await this.report(period);
    const chart = await this.deps.charts.draw(participationTrendChart(report));
    return participationReportCard(report, { image: cardImage(this.deps.charts, chart), docxUrl: this.docxUrl(actor, period) });
  }

  /** The report for a period: the period's events and the four quarters of the trend, read in one window. */
  async report(period: ReportPeriod): Promise<ParticipationReport> {
    const nowUtc = this.nowUtc();
    const trendQuarters = quartersEndingAt(period.end < this.today() ? period.end : this.today(), 4);
    const fromUtc = [periodStartUtc(period), periodStartUtc(trendQuarters[0]!)].sort()[0]!;
    const toUtc = [periodEndUtc(period), periodEndUtc(trendQuarters[trendQuarters.length - 1]!)].sort().reverse()[0]!;
    const [events, members] = await Promise.all([
      this.deps.events.listStartingBetween(fromUtc, toUtc),
      this.deps.councillors.listCouncillors(),
    ]);
    const facts = await mapLimited(
      events.filter((event) => countsForParticipation(event, nowUtc)),
      READ_CONCURRENCY,
      (event) => this.factsOf(event),
    );
    return buildParticipationReport({ period, trendQuarters, members, events: facts, nowUtc });
  }

  /** The Word report behind a signed link, for officers only (the role is checked now, not when the link was made). */
  async reportDocx(params: URLSearchParams): Promise<{ fileName: string; contentType: string; body: Buffer } | undefined> {
    const [from, to] = [params.get('from') ?? '', params.get('to') ?? ''];
    const grant = this.deps.links.verify(PARTICIPATION_DOCX, `${from}_${to}`, params);
    if (!grant || !may(await this.holderOf(grant.aadObjectId), 'participation.report')) return undefined;
    const period = titled(rangePeriod(from, to, PARTICIPATION_PERIOD_RULES), params.get('title'));
    const report = await this.report(period);
    const chart = await this.deps.charts.draw(participationTrendChart(report));
    return {
      fileName: participationDocumentName(report),
      contentType: DOCX_CONTENT_TYPE,
      body: await participationDocument(report, chart, this.deps.charts, this.nowUtc()),
    };
  }

  /** Who holds a signed link now: their role is read afresh, not taken from when the link was made. */
  private async holderOf(aadObjectId: string): Promise<Actor> {
    return { aadObjectId, name: '', tenantId: '', ...(await this.deps.roles.holdingOf(aadObjectId)) };
  }

  private async factsOf(event: EventFacts['event']): Promise<EventFacts> {
    // Ids only: a year of events for every member is tens of thousands of rows, and the report needs nothing else.
    const [invited, replied, attended] = await Promise.all([
      this.deps.invitations.invitedIds(event.id),
      this.deps.rsvps.respondentIds(event.id),
      this.deps.attendance.attendedIds(event.id),
    ]);
    return { event, invited, replied, attended };
  }

  private docxUrl(actor: Actor, period: ReportPeriod): string {
    const signed = this.deps.links.sign({
      purpose: PARTICIPATION_DOCX,
      subject: `${period.start}_${period.end}`,
      aadObjectId: actor.aadObjectId,
    });
    return `${this.deps.publicBaseUrl}/exports/participation.docx?from=${period.start}&to=${period.end}&title=${encodeURIComponent(period.title)}&${signed}`;
  }

  private today(): string {
    return londonDate(this.deps.clock.now());
  }

  private nowUtc(): string {
    return this.deps.clock.now().toUTC().toISO()!;
  }
}

async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) results[index] = await work(items[index]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
