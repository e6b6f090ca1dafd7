import { createHash } from 'node:crypto';
import { RestError } from '@azure/data-tables';

// Azure Tables forbids these in PartitionKey/RowKey; control characters break the REST path too.
const FORBIDDEN_KEY_CHARACTERS = /[/\\#?\u0000-\u001f\u007f-\u009f]/;
const MAX_KEY_BYTES = 1024;

/** Throws when a value cannot be used as a PartitionKey or RowKey as it is. */
export function assertValidKey(value: string, what: string): string {
  if (value.length === 0 || Buffer.byteLength(value, 'utf8') > MAX_KEY_BYTES || FORBIDDEN_KEY_CHARACTERS.test(value)) {
    throw new Error(`invalid table key for ${what}`);
  }
  return value;
}

/** A fixed-length key derived from arbitrary text, for idempotency keys built from user input. */
export function hashedKey(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 40);
}

export function isNotFound(error: unknown): boolean {
  return error instanceof RestError && error.statusCode === 404;
}

export function isConflict(error: unknown): boolean {
  return error instanceof RestError && error.statusCode === 409;
}

export function isPreconditionFailed(error: unknown): boolean {
  return error instanceof RestError && error.statusCode === 412;
}
