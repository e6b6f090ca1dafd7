/** Machine-readable reasons a request was refused; each maps to a friendly message for the user. */
export type DomainErrorCode = 'invalid_input' | 'not_found' | 'forbidden' | 'conflict' | 'unavailable';

/**
 * A refusal the user can act on. `userMessage` is shown as it is, so it never carries internals;
 * anything else thrown is an internal fault and is shown as a generic apology.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${userMessage}`, options);
    this.name = 'DomainError';
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
