import { DomainError } from '../../../shared/errors/domain-error';
import { type KeyFigureDefinition, formatFigureRange } from './key-figure-definitions-format';

export const MAX_SOURCE_LENGTH = 300;

/** The form's values as typed, kept to redraw it with the errors beside each field. */
export type KeyFiguresFormValues = Record<string, string>;

/** The form was refused: the message, an error per field, and what was typed. */
export class KeyFiguresFormError extends DomainError {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string>,
    readonly values: KeyFiguresFormValues,
  ) {
    super('invalid_input', message);
    this.name = 'KeyFiguresFormError';
  }
}

/** The input id of a figure on the form. */
export function figureInputId(definition: Pick<KeyFigureDefinition, 'id'>): string {
  return `figure_${definition.id.replace(/-/g, '_')}`;
}

/**
 * Checks the form: every figure a number in its range with at most its decimals (blank means not
 * available this quarter, but at least one is needed), and a source line saying where they come from.
 */
export function validateKeyFiguresForm(
  input: Record<string, unknown>,
  definitions: readonly KeyFigureDefinition[],
): { values: Record<string, number>; source: string } {
  const typed: KeyFiguresFormValues = {};
  const errors: Record<string, string> = {};
  const values: Record<string, number> = {};
  for (const definition of definitions) {
    const id = figureInputId(definition);
    const raw =
      typeof input[id] === 'string' || typeof input[id] === 'number'
        ? String(input[id])
            .trim()
            .replace(/[,%\s]/g, '')
        : '';
    typed[id] = typeof input[id] === 'string' || typeof input[id] === 'number' ? String(input[id]).slice(0, 40) : '';
    if (raw === '') continue;
    const value = /^-?\d+(?:\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
    const decimals = raw.includes('.') ? raw.split('.')[1]!.length : 0;
    if (!Number.isFinite(value)) errors[id] = 'Enter a number, like 1870 or 69.5.';
    else if (value < definition.min || value > definition.max) errors[id] = `Enter a number from ${formatFigureRange(definition)}.`;
    else if (decimals > definition.decimals)
      errors[id] =
        definition.decimals === 0
          ? 'Enter a whole number.'
          : `Use at most ${definition.decimals} decimal ${definition.decimals === 1 ? 'place' : 'places'}.`;
    else values[definition.id] = value;
  }
  const source = typeof input.source === 'string' ? input.source.replace(/\s+/g, ' ').trim() : '';
  typed.source = typeof input.source === 'string' ? input.source.slice(0, MAX_SOURCE_LENGTH + 50) : '';
  if (source.length < 3) errors.source = 'Say where the figures come from, e.g. "Children in care performance report, 30 September 2026".';
  else if (source.length > MAX_SOURCE_LENGTH) errors.source = `Keep the source under ${MAX_SOURCE_LENGTH} characters.`;
  if (Object.keys(errors).length === 0 && Object.keys(values).length === 0)
    errors[figureInputId(definitions[0]!)] = 'Enter at least one figure.';
  if (Object.keys(errors).length > 0) throw new KeyFiguresFormError('Please check the figures marked below.', errors, typed);
  return { values, source };
}
