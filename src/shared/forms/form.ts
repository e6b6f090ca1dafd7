import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DomainError } from '../errors/domain-error';

/**
 * The one form mechanism: a form card posts its inputs as strings beside a `formId`; the feature
 * validates them with one zod schema (field by field, the first problem per field shown beside
 * it) plus its own rules, and creates at most one record per `formId`, however often Teams or a
 * double click delivers the submission.
 */

/**
 * Card inputs are capped before validation (a little above the longest allowed value, so the
 * "at most N characters" message still shows), and a tampered payload cannot make us parse megabytes.
 */
const DEFAULT_RAW_FIELD_LENGTH = 2_100;

/** Every title a person types (meetings, events, challenge cards). */
export const MAX_TITLE_LENGTH = 200;

/** Random per form card, carried in its data: the idempotency key of what the form creates. */
export const formIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

export function newFormId(): string {
  return randomUUID();
}

/** The form id a submission carries, or undefined (an old card, or tampered data). */
export function formIdOf(input: unknown): string | undefined {
  const parsed = formIdSchema.safeParse(isRecord(input) ? input.formId : undefined);
  return parsed.success ? parsed.data : undefined;
}

/** The named inputs of a submission, each a string ('' when missing or of another type), at most `maxLength` long. */
export function readFormValues<F extends string>(
  input: unknown,
  fields: readonly F[],
  maxLength = DEFAULT_RAW_FIELD_LENGTH,
): Record<F, string> {
  const record = isRecord(input) ? input : {};
  const values = {} as Record<F, string>;
  for (const field of fields) {
    const value = record[field];
    // Input.Toggle may post a boolean rather than its 'true' / 'false' string.
    values[field] = typeof value === 'string' ? value.slice(0, maxLength) : typeof value === 'boolean' ? String(value) : '';
  }
  return values;
}

/** A text input, trimmed, at most `max` characters, named `label` in the error. */
export function formText(max: number, label: string) {
  return z.preprocess(
    (value) => (typeof value === 'string' ? value.trim() : value),
    z.string().max(max, `${label} must be at most ${max} characters`),
  );
}

/** The same on one line: runs of whitespace (newlines too) become one space. */
export function oneLineFormText(max: number, label: string) {
  return formText(max, label).transform((value) => value.replace(/\s+/g, ' '));
}

/** The first problem zod found for each field, keyed by field. */
export function fieldErrorsOf<F extends string>(issues: readonly z.core.$ZodIssue[]): Partial<Record<F, string>> {
  const errors: Partial<Record<F, string>> = {};
  for (const issue of issues) {
    const field = issue.path[0] as F | undefined;
    if (typeof field === 'string' && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/**
 * A form filled in wrongly: a message per field and what was typed, so the form is shown again
 * with the errors beside the fields and nothing lost.
 */
export class FormError<F extends string, V extends Record<F, string> = Record<F, string>> extends DomainError {
  constructor(
    readonly fieldErrors: Partial<Record<F, string>>,
    readonly values: V,
    message = 'Please correct the highlighted fields.',
  ) {
    super('invalid_input', message);
    // Each feature's subclass keeps its own name, for logs and tests.
    this.name = new.target.name;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
