import { SourceUnavailableError } from '../domain/source-snapshot';

export interface FetchTextOptions {
  timeoutMs: number;
  /** Responses larger than this are refused rather than read into memory. */
  maxBytes: number;
  /** Name used in errors and logs ('moderngov', 'ical'). */
  source: string;
  fetch?: typeof fetch;
  accept?: string;
}

/**
 * GETs a URL as text with a hard deadline covering connect, headers and body, and a size cap.
 * Every failure becomes a SourceUnavailableError naming what went wrong, never the URL's query.
 */
export async function fetchText(url: string, options: FetchTextOptions): Promise<string> {
  const fetchImpl = options.fetch ?? fetch;
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response: Response;
  try {
    response = await fetchImpl(url, { signal, headers: { accept: options.accept ?? '*/*' }, redirect: 'follow' });
  } catch (error) {
    throw new SourceUnavailableError(options.source, describeFailure(error, options.timeoutMs), { cause: error });
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new SourceUnavailableError(options.source, `HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > options.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new SourceUnavailableError(options.source, `response of ${declared} bytes is over the ${options.maxBytes} byte limit`);
  }
  try {
    return await readBounded(response, options.maxBytes, options.source);
  } catch (error) {
    if (error instanceof SourceUnavailableError) throw error;
    throw new SourceUnavailableError(options.source, describeFailure(error, options.timeoutMs), { cause: error });
  }
}

async function readBounded(response: Response, maxBytes: number, source: string): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new SourceUnavailableError(source, `response is over the ${maxBytes} byte limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function describeFailure(error: unknown, timeoutMs: number): string {
  // fetch rejects with a DOMException on timeout, which is not always `instanceof Error` (realms), so read by shape.
  const { name, message, cause } = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    message?: unknown;
    cause?: unknown;
  };
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const causeMessage =
    typeof cause === 'object' && cause !== null && typeof (cause as { message?: unknown }).message === 'string'
      ? `: ${(cause as { message: string }).message}`
      : '';
  return typeof message === 'string' && message.length > 0 ? `${message}${causeMessage}` : 'request failed';
}
