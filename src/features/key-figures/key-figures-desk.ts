import { z } from 'zod';
import type { AdaptiveCardJson } from '../../shared/cards/card-template';
import { DomainError } from '../../shared/errors/domain-error';
import type { Actor } from '../../shared/access/actor';
import { may, requirePermission } from '../../shared/access/policy';
import { cardImage } from '../../platform/charts/card-chart';
import type { ChartRenderer } from '../../platform/charts/chart-renderer';
import type { Clock } from '../../platform/time/clock';
import { londonDate } from '../../platform/time/london';
import { type ReportPeriod, lastCompleteQuarter, parseReportPeriod, quarterOf } from '../../shared/reports/report-period';
import type { KeyFiguresStore } from './data/key-figures-store';
import type { KeyFigureDefinition } from './domain/key-figure-definitions';
import { type QuarterFigures, type QuarterKey, figureLines, periodOfKey, quarterKey, quarterKeySchema } from './domain/key-figures';
import { keyFiguresTrendChart } from './domain/key-figures-chart';
import { KeyFiguresFormError, validateKeyFiguresForm } from './domain/key-figures-form';
import { type KeyFiguresSection, keyFiguresCard, keyFiguresFormCard, keyFiguresSection } from './teams/key-figures-cards';

const TREND_QUARTERS = 4;
const saveInput = z.looseObject({ quarter: quarterKeySchema, formId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/) });

/**
 * Recommendation 2's headline figures: officers enter a quarter's figures with a source line;
 * members get them in the next Member Bulletin (once) with the change since the quarter before
 * and a small trend chart, and can ask for "key figures" at any time.
 */
export class KeyFiguresDesk {
  constructor(
    private readonly deps: { store: KeyFiguresStore; definitions: readonly KeyFigureDefinition[]; charts: ChartRenderer; clock: Clock },
  ) {}

  async card(actor: Actor): Promise<AdaptiveCardJson> {
    return keyFiguresCard(await this.latestSection(), { canEnter: may(actor, 'keyFigures.enter') });
  }

  /** The form for a quarter: "enter key figures" (the last complete quarter) or "... for Q2 2026". */
  async form(actor: Actor, text = ''): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'keyFigures.enter');
    const quarter = this.quarterFrom(text);
    return keyFiguresFormCard(this.deps.definitions, quarter, await this.deps.store.get(quarter));
  }

  async save(actor: Actor, data: unknown): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'keyFigures.enter');
    const parsed = saveInput.safeParse(data);
    if (!parsed.success) throw new DomainError('invalid_input', 'This form is out of date. Say "enter key figures" for a fresh one.');
    const { quarter, formId } = parsed.data;
    this.requireEnded(quarter);
    const existing = await this.deps.store.get(quarter);
    try {
      const { values, source } = validateKeyFiguresForm(parsed.data, this.deps.definitions);
      const saved = await this.deps.store.save({
        quarter,
        values,
        source,
        formId,
        enteredBy: { aadObjectId: actor.aadObjectId, name: actor.name },
        enteredAtUtc: this.deps.clock.now().toUTC().toISO()!,
      });
      const message = await this.savedMessage(saved.outcome, saved.figures);
      return keyFiguresFormCard(this.deps.definitions, quarter, saved.figures, { message });
    } catch (error) {
      if (error instanceof KeyFiguresFormError) return keyFiguresFormCard(this.deps.definitions, quarter, existing, { error });
      throw error;
    }
  }

  private async savedMessage(outcome: 'saved' | 'already_saved', figures: QuarterFigures): Promise<string> {
    if (outcome === 'already_saved') return 'These figures were already saved.';
    if (figures.announcedIn) return 'Saved. Members already had this quarter in a bulletin; the correction shows in "key figures".';
    const latest = (await this.deps.store.latest(this.lastCompleteKey(), 1))[0];
    if (latest && latest.quarter !== figures.quarter)
      return `Saved. They show in the trend; the bulletin carries only the latest quarter (${periodOfKey(latest.quarter).title}).`;
    return 'Saved. Members get them in the next Member Bulletin.';
  }

  /** For the weekly bulletin: the latest quarter's figures, if no earlier bulletin carried them. */
  async forBulletin(bulletinWeek: string): Promise<{ section: KeyFiguresSection; quarter: QuarterKey } | undefined> {
    const latest = (await this.deps.store.latest(this.lastCompleteKey(), 1))[0];
    if (!latest || (latest.announcedIn && latest.announcedIn !== bulletinWeek)) return undefined;
    const section = await this.latestSection();
    return section ? { section, quarter: latest.quarter } : undefined;
  }

  /** After the bulletin was queued: its figures are not announced again. */
  markAnnounced(quarter: QuarterKey, bulletinWeek: string): Promise<void> {
    return this.deps.store.markAnnounced(quarter, bulletinWeek);
  }

  private async latestSection(): Promise<KeyFiguresSection | undefined> {
    const recent = await this.deps.store.latest(this.lastCompleteKey(), TREND_QUARTERS + 1);
    const current = recent[0];
    if (!current) return undefined;
    const lines = figureLines(this.deps.definitions, current, recent[1]);
    const trend = recent.slice(0, TREND_QUARTERS);
    const image =
      trend.length > 1
        ? cardImage(this.deps.charts, await this.deps.charts.draw(keyFiguresTrendChart(this.deps.definitions, trend)))
        : undefined;
    return keyFiguresSection(current, lines, image);
  }

  private quarterFrom(text: string): QuarterKey {
    const cleaned = text
      .toLowerCase()
      .replace(/^(?:enter|update|correct|add)\s+(?:the\s+)?key figures\b/, '')
      .trim();
    const period = cleaned ? parseReportPeriod(cleaned, this.today()) : lastCompleteQuarter(this.today());
    const { year, quarter } = quarterOf(period.start);
    if (period.title !== `Q${quarter} ${year}`)
      throw new DomainError(
        'invalid_input',
        `Key figures are entered for a quarter: try "enter key figures for ${this.lastComplete().title}".`,
      );
    return this.requireEnded(quarterKey(year, quarter));
  }

  /** A quarter's figures are its outturn: they are entered once it has ended, and go out in the bulletin after it. */
  private requireEnded(quarter: QuarterKey): QuarterKey {
    if (quarter <= this.lastCompleteKey()) return quarter;
    const period = periodOfKey(quarter);
    throw new DomainError(
      'invalid_input',
      `${period.title} has not ended yet (it runs ${period.dates}): key figures are entered for a quarter once it is over. The last complete quarter is ${this.lastComplete().title}.`,
    );
  }

  private lastComplete(): ReportPeriod {
    return lastCompleteQuarter(this.today());
  }

  private lastCompleteKey(): QuarterKey {
    const { year, quarter } = quarterOf(this.lastComplete().start);
    return quarterKey(year, quarter);
  }

  private today(): string {
    return londonDate(this.deps.clock.now());
  }
}
