import { z } from 'zod';
import type { AdaptiveCardJson } from '../../shared/cards/card-template';
import { DomainError } from '../../shared/errors/domain-error';
import type { Actor } from '../../shared/access/actor';
import { may, requirePermission } from '../../shared/access/policy';
import { cardImage } from '../../platform/charts/card-chart';
import type { ChartRenderer } from '../../platform/charts/chart-renderer';
import type { Clock } from '../../platform/time/clock';
import { londonDate } from '../../platform/time/london';
import { lastCompleteQuarter, parseReportPeriod, quarterOf } from '../../shared/reports/report-period';
import type { KeyFiguresStore } from './data/key-figures-store';
import type { KeyFigureDefinition } from './domain/key-figure-definitions';
import { type QuarterKey, figureLines, quarterKey, quarterKeySchema } from './domain/key-figures';
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
    return keyFiguresCard(await this.latestSection(), { canEnter: may(actor, 'keyFigures.manage') });
  }

  /** The form for a quarter: "enter key figures" (the last complete quarter) or "... for Q2 2026". */
  async form(actor: Actor, text = ''): Promise<AdaptiveCardJson> {
    requireOfficer(actor);
    const quarter = this.quarterFrom(text);
    return keyFiguresFormCard(this.deps.definitions, quarter, await this.deps.store.get(quarter));
  }

  async save(actor: Actor, data: unknown): Promise<AdaptiveCardJson> {
    requireOfficer(actor);
    const parsed = saveInput.safeParse(data);
    if (!parsed.success) throw new DomainError('invalid_input', 'This form is out of date. Say "enter key figures" for a fresh one.');
    const { quarter, formId } = parsed.data;
    if (quarter > quarterKey(quarterOf(this.today()).year, quarterOf(this.today()).quarter))
      throw new DomainError('invalid_input', 'Figures can only be entered for a quarter that has begun.');
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
      const message =
        saved.outcome === 'already_saved'
          ? 'These figures were already saved.'
          : saved.figures.announcedIn
            ? 'Saved. Members already had this quarter in a bulletin; the correction shows in "key figures".'
            : 'Saved. Members get them in the next Member Bulletin.';
      return keyFiguresFormCard(this.deps.definitions, quarter, saved.figures, { message });
    } catch (error) {
      if (error instanceof KeyFiguresFormError) return keyFiguresFormCard(this.deps.definitions, quarter, existing, { error });
      throw error;
    }
  }

  /** For the weekly bulletin: the latest quarter's figures, if no earlier bulletin carried them. */
  async forBulletin(bulletinWeek: string): Promise<{ section: KeyFiguresSection; quarter: QuarterKey } | undefined> {
    const latest = (await this.deps.store.latest(this.currentKey(), 1))[0];
    if (!latest || (latest.announcedIn && latest.announcedIn !== bulletinWeek)) return undefined;
    const section = await this.latestSection();
    return section ? { section, quarter: latest.quarter } : undefined;
  }

  /** After the bulletin was queued: its figures are not announced again. */
  markAnnounced(quarter: QuarterKey, bulletinWeek: string): Promise<void> {
    return this.deps.store.markAnnounced(quarter, bulletinWeek);
  }

  private async latestSection(): Promise<KeyFiguresSection | undefined> {
    const recent = await this.deps.store.latest(this.currentKey(), TREND_QUARTERS + 1);
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
      throw new DomainError('invalid_input', 'Key figures are entered for a quarter: try "enter key figures for Q3 2026".');
    return quarterKey(year, quarter);
  }

  private currentKey(): QuarterKey {
    const { year, quarter } = quarterOf(this.today());
    return quarterKey(year, quarter);
  }

  private today(): string {
    return londonDate(this.deps.clock.now());
  }
}

function requireOfficer(actor: Actor): void {
  requirePermission(actor, 'keyFigures.manage');
}
