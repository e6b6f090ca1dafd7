import { randomUUID } from 'node:crypto';
import type { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { literalText } from '../../../shared/text/literal-text';
import { emptyPanelReport, renderPanelReportCard } from '../../../shared/cards/panel-report-card';
import type { CardImage } from '../../../platform/charts/card-chart';
import type { KeyFigureDefinition } from '../domain/key-figure-definitions';
import { formatFigureRange } from '../domain/key-figure-definitions-format';
import { type FigureLine, type QuarterFigures, type QuarterKey, periodOfKey } from '../domain/key-figures';
import { KeyFiguresFormError, figureInputId } from '../domain/key-figures-form';
import { renderKeyFiguresFormCard } from './key-figures-form-card';

/** What the bulletin and the "key figures" card show for a quarter. */
export interface KeyFiguresSection {
  title: string;
  lines: FigureLine[];
  source: string;
  image?: CardImage;
}

export function keyFiguresSection(figures: QuarterFigures, lines: FigureLine[], image: CardImage | undefined): KeyFiguresSection {
  return {
    title: `Key figures: ${periodOfKey(figures.quarter).title}`,
    lines,
    source: `Source: ${literalText(figures.source)}`,
    ...(image ? { image } : {}),
  };
}

export function keyFiguresCard(section: KeyFiguresSection | undefined, options: { canEnter: boolean }): AdaptiveCardJson {
  if (!section) {
    return renderPanelReportCard({
      ...emptyPanelReport('Key figures'),
      subtitle: 'No key figures have been entered yet.',
      buttons: options.canEnter ? [{ title: 'Enter key figures', verb: 'keyFigures.form', data: {} }] : [],
    });
  }
  return renderPanelReportCard({
    ...emptyPanelReport(section.title),
    subtitle: 'Headline figures for corporate parents (Select Committee Recommendation 2).',
    image: section.image ?? { url: '', altText: '' },
    facts: section.lines.map((line) => ({ title: line.label, value: line.change ? `${line.value} (${line.change})` : line.value })),
    footnote: section.source,
    buttons: options.canEnter ? [{ title: 'Enter or correct key figures', verb: 'keyFigures.form', data: {} }] : [],
  });
}

export function keyFiguresFormCard(
  definitions: readonly KeyFigureDefinition[],
  quarter: QuarterKey,
  existing: QuarterFigures | undefined,
  options: { error?: unknown; message?: string } = {},
): AdaptiveCardJson {
  const error = options.error instanceof KeyFiguresFormError ? options.error : undefined;
  const period = periodOfKey(quarter);
  return renderKeyFiguresFormCard({
    quarter,
    formId: randomUUID(),
    title: `${existing ? 'Correct' : 'Enter'} the key figures for ${period.title}`,
    dates: period.dates,
    message: error?.userMessage ?? options.message ?? '',
    messageColor: error ? 'Attention' : options.message ? 'Good' : 'Default',
    fields: definitions.map((definition) => {
      const id = figureInputId(definition);
      const stored = existing?.values[definition.id];
      return {
        id,
        label: definition.label,
        hint: `${formatFigureRange(definition)}${definition.unit === 'percent' ? ' (per cent)' : definition.unit === 'points' ? ' (percentage points)' : ''}`,
        value: error ? (error.values[id] ?? '') : stored === undefined ? '' : String(stored),
        error: error?.fieldErrors[id] ?? '',
      };
    }),
    source: error ? (error.values.source ?? '') : (existing?.source ?? ''),
    sourceError: error?.fieldErrors.source ?? '',
  });
}
