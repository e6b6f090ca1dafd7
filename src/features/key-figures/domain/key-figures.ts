import { z } from 'zod';
import { type Quarter, type ReportPeriod, previousQuarter, quarterPeriod } from '../../../shared/reports/report-period';
import type { KeyFigureDefinition } from './key-figure-definitions';

/** `2026-Q3`: a calendar quarter as a key (sorts in time order). */
export type QuarterKey = string;
export const quarterKeySchema = z.string().regex(/^\d{4}-Q[1-4]$/);

export function quarterKey(year: number, quarter: Quarter): QuarterKey {
  return `${year}-Q${quarter}`;
}

export function quarterOfKey(key: QuarterKey): { year: number; quarter: Quarter } {
  return { year: Number(key.slice(0, 4)), quarter: Number(key.slice(6)) as Quarter };
}

export function periodOfKey(key: QuarterKey): ReportPeriod {
  const { year, quarter } = quarterOfKey(key);
  return quarterPeriod(year, quarter);
}

export function previousKey(key: QuarterKey): QuarterKey {
  const { year, quarter } = quarterOfKey(key);
  const before = previousQuarter(year, quarter);
  return quarterKey(before.year, before.quarter);
}

/** One quarter's headline figures as an officer entered them. */
export const quarterFiguresSchema = z.object({
  quarter: quarterKeySchema,
  values: z.record(z.string(), z.number()),
  source: z.string(),
  enteredBy: z.object({ aadObjectId: z.string(), name: z.string() }),
  enteredAtUtc: z.string(),
  /** The form that last saved them: a repeated delivery saves nothing twice. */
  formId: z.string(),
  version: z.number().int().min(1),
  /** The bulletin week (`bulletin:2026-W41`) that first carried them to members. */
  announcedIn: z.string().optional(),
});
export type QuarterFigures = z.infer<typeof quarterFiguresSchema>;

/** A figure as members read it, with the change since the quarter before. */
export interface FigureLine {
  id: string;
  label: string;
  value: string;
  change: string;
}

/** '1,870', '69.0%', '43.0 points'. */
export function formatFigure(definition: KeyFigureDefinition, value: number): string {
  const number = value.toLocaleString('en-GB', { minimumFractionDigits: definition.decimals, maximumFractionDigits: definition.decimals });
  if (definition.unit === 'percent') return `${number}%`;
  if (definition.unit === 'points') return `${number} points`;
  return number;
}

/**
 * 'up 12 since Q2 2026', 'down 1.5 points since Q2 2026 (better)', 'no change since Q2 2026', '' for a
 * first quarter. "better" or "worse" only for figures configured with `higherIsBetter`.
 */
export function changeText(definition: KeyFigureDefinition, value: number, previous: number | undefined, previousTitle: string): string {
  if (previous === undefined) return '';
  const factor = 10 ** definition.decimals;
  const delta = Math.round((value - previous) * factor) / factor;
  if (delta === 0) return `no change since ${previousTitle}`;
  const size = Math.abs(delta).toLocaleString('en-GB', {
    minimumFractionDigits: definition.decimals,
    maximumFractionDigits: definition.decimals,
  });
  const unit = definition.unit === 'count' ? '' : ' points';
  const judgement = definition.higherIsBetter === undefined ? '' : delta > 0 === definition.higherIsBetter ? ' (better)' : ' (worse)';
  return `${delta > 0 ? 'up' : 'down'} ${size}${unit} since ${previousTitle}${judgement}`;
}

/** Each configured figure with its value and change; figures not entered for the quarter are left out. */
export function figureLines(
  definitions: readonly KeyFigureDefinition[],
  current: QuarterFigures,
  previous: QuarterFigures | undefined,
): FigureLine[] {
  const previousTitle = periodOfKey(previousKey(current.quarter)).title;
  return definitions
    .filter((definition) => current.values[definition.id] !== undefined)
    .map((definition) => {
      const value = current.values[definition.id]!;
      const before = previous?.quarter === previousKey(current.quarter) ? previous.values[definition.id] : undefined;
      return {
        id: definition.id,
        label: definition.label,
        value: formatFigure(definition, value),
        change: changeText(definition, value, before, previousTitle),
      };
    });
}
