import { z } from 'zod';

/** A JSON object whose shape belongs to someone else (a Teams conversation reference, a card). */
export const jsonObjectSchema = z.record(z.string(), z.unknown());

/** Thrown when a stored value does not match its schema: the row is named, its content is not. */
export class MalformedStoredValueError extends Error {
  constructor(what: string, detail: string) {
    super(`stored ${what} is malformed: ${detail}`);
    this.name = 'MalformedStoredValueError';
  }
}

/** Parses JSON read from a table with its schema: stored data is parsed, never cast. */
export function parseStoredJson<S extends z.ZodType>(schema: S, json: string, what: string): z.infer<S> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new MalformedStoredValueError(what, 'not JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new MalformedStoredValueError(what, parsed.error.issues[0]?.message ?? 'unknown');
  return parsed.data;
}

/** The same, undefined instead of an error: for reading many rows where one damaged row must not stop the rest. */
export function tryParseStoredJson<S extends z.ZodType>(schema: S, json: unknown): z.infer<S> | undefined {
  if (typeof json !== 'string') return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
