import { CardFactory, type CloudAdapter, type ConversationReference, MessageFactory, type TurnContext } from 'botbuilder';
import type { BotCredentials } from '../../app/config';
import { createBotAdapter } from './bot-adapter';
import { takeOverConnectorRetries } from './connector-retries';
import type { ProactiveSendRequest, ProactiveSender, SendRefused, SendResult } from '../delivery/proactive-sender';
import type { Logger } from '../logging/logger';
import { type Clock, SystemClock } from '../time/clock';

/** How TeamsProactiveSender reaches Teams. */
export interface TeamsProactiveSenderOptions {
  /** The bot's credentials; absent in local and test runs (then nothing is signed, as in message-endpoint.ts). */
  credentials?: BotCredentials;
  /** A send that has not been answered by then is abandoned and reported as a timeout. Default 10 s. */
  timeoutMs?: number;
  logger: Logger;
  /** Used to turn an HTTP-date Retry-After into a delay. */
  clock?: Clock;
}

const TRANSIENT_STATUSES = new Set([408, 412, 429, 500, 502, 503, 504]);

/**
 * Sends a card into a stored conversation with CloudAdapter.continueConversationAsync, making
 * exactly one HTTP attempt, and reports Teams' answer as a SendResult. botbuilder 4.23's connector
 * client runs @azure/core-rest-pipeline's default retry policy (it waits out Retry-After and retries
 * 5xx three times, invisibly); that would stack under the delivery layer's own retries and pacing,
 * so it is taken out of each connector client before the send.
 */
export class TeamsProactiveSender implements ProactiveSender {
  private readonly adapter: CloudAdapter;
  private readonly appId: string;
  private readonly timeoutMs: number;
  private readonly clock: Clock;
  private warnedAboutInternals = false;

  constructor(private readonly options: TeamsProactiveSenderOptions) {
    const { credentials } = options;
    this.adapter = createBotAdapter(credentials);
    this.appId = credentials?.appId ?? '';
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.clock = options.clock ?? new SystemClock();
  }

  async send(request: ProactiveSendRequest): Promise<SendResult> {
    let activityId: string | undefined;
    try {
      await this.adapter.continueConversationAsync(
        this.appId,
        request.conversationReference as Partial<ConversationReference>,
        async (context) => {
          this.takeOverRetries(context);
          const response = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(request.card)));
          activityId = response?.id;
        },
      );
      return { ok: true, activityId };
    } catch (error) {
      return toSendRefused(error, this.clock.now().toMillis());
    }
  }

  private takeOverRetries(context: TurnContext): void {
    if (takeOverConnectorRetries(context, this.timeoutMs) || this.warnedAboutInternals) return;
    this.options.logger.error(
      { event: 'delivery.sdk_retries_active' },
      'cannot reach the connector pipeline: botbuilder will retry on its own',
    );
    this.warnedAboutInternals = true;
  }
}

interface ErrorShape {
  name?: unknown;
  statusCode?: unknown;
  code?: unknown;
  details?: unknown;
  response?: { headers?: { get?: (name: string) => string | undefined }; bodyAsText?: unknown };
}

/**
 * Maps whatever the send threw to a SendRefused: the HTTP status (0 without one), the error code
 * from Teams' body (`{"error":{"code":"ConversationBlockedByUser"}}`), Retry-After in ms, and
 * whether retrying may help (429, 408, 412, 500, 502, 503, 504, timeouts, connection errors).
 */
export function toSendRefused(error: unknown, nowMs: number): SendRefused {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as ErrorShape;
  if (shape.name === 'AbortError') return { ok: false, status: 0, code: 'Timeout', transient: true };
  const status = typeof shape.statusCode === 'number' ? shape.statusCode : 0;
  const code = bodyErrorCode(shape) ?? (status === 0 && typeof shape.code === 'string' ? shape.code : undefined);
  const retryAfterMs = parseRetryAfter(shape.response?.headers?.get?.('retry-after'), nowMs);
  const refused: SendRefused = { ok: false, status, transient: status === 0 || TRANSIENT_STATUSES.has(status) };
  if (code) refused.code = code;
  if (retryAfterMs !== undefined) refused.retryAfterMs = retryAfterMs;
  return refused;
}

function bodyErrorCode(shape: ErrorShape): string | undefined {
  const fromDetails = errorCodeIn(shape.details);
  if (fromDetails) return fromDetails;
  const body = shape.response?.bodyAsText;
  if (typeof body !== 'string' || !body.trimStart().startsWith('{')) return undefined;
  try {
    return errorCodeIn(JSON.parse(body));
  } catch {
    return undefined;
  }
}

function errorCodeIn(value: unknown): string | undefined {
  const code = (value as { error?: { code?: unknown } } | undefined)?.error?.code;
  return typeof code === 'string' && code.length > 0 ? code : undefined;
}

/** Retry-After as delta-seconds (fractions accepted) or an HTTP-date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.round(seconds * 1_000) : undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
