import type { KeyFigureDefinition } from './key-figure-definitions';

export type { KeyFigureDefinition };

/** '0 to 100' for the form's hints and errors. */
export function formatFigureRange(definition: KeyFigureDefinition): string {
  return `${definition.min.toLocaleString('en-GB')} to ${definition.max.toLocaleString('en-GB')}`;
}
