/**
 * `value` without its undefined fields, so stored JSON and content comparisons see only what is
 * set (`{ venue: undefined }` and `{}` are the same meeting).
 */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
