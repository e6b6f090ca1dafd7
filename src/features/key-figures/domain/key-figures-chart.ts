import type { ChartSpec } from '../../../platform/charts/chart-renderer';
import type { KeyFigureDefinition } from './key-figure-definitions';
import { type QuarterFigures, periodOfKey } from './key-figures';

/** Small multiples: each figure's trend over the quarters given (oldest first), each on its own scale. */
export function keyFiguresTrendChart(definitions: readonly KeyFigureDefinition[], quarters: readonly QuarterFigures[]): ChartSpec {
  const ordered = [...quarters].sort((a, b) => a.quarter.localeCompare(b.quarter));
  const values = definitions.flatMap((definition) =>
    ordered
      .filter((figures) => figures.values[definition.id] !== undefined)
      .map((figures) => ({
        figure: shortLabel(definition.label),
        quarter: periodOfKey(figures.quarter).title,
        value: figures.values[definition.id]!,
      })),
  );
  return {
    altText: `Key figures over ${ordered.map((figures) => periodOfKey(figures.quarter).title).join(', ')}: ${definitions.map((definition) => `${definition.label} ${ordered.map((figures) => figures.values[definition.id] ?? 'not given').join(', ')}`).join('; ')}.`,
    spec: {
      data: { values },
      facet: {
        field: 'figure',
        type: 'nominal',
        title: null,
        sort: definitions.map((definition) => shortLabel(definition.label)),
        header: { labelFontSize: 10, labelLimit: 170 },
      },
      columns: 3,
      spec: {
        width: 140,
        height: 60,
        encoding: {
          x: { field: 'quarter', type: 'ordinal', sort: null, title: null, axis: { labelAngle: 0, labelFontSize: 8 } },
          y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false }, axis: { tickCount: 3, labelFontSize: 8 } },
        },
        layer: [{ mark: { type: 'line', color: '#1f5f99' } }, { mark: { type: 'point', filled: true, color: '#1f5f99' } }],
      },
      resolve: { scale: { y: 'independent' } },
    },
  };
}

function shortLabel(label: string): string {
  return label.length <= 34 ? label : `${label.slice(0, 33)}…`;
}
