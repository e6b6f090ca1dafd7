/** One proactive send: an Adaptive Card to a conversation the bot stored earlier. Plain JSON only. */
export interface ProactiveSendRequest {
  /** The stored conversation reference (opaque JSON owned by src/platform/teams). */
  conversationReference: Record<string, unknown>;
  /** The Adaptive Card to post, as JSON. */
  card: Record<string, unknown>;
}

/** The channel took the message. */
export interface SendAccepted {
  ok: true;
  activityId: string | undefined;
}

/**
 * The channel refused the message or never answered. `status` is the HTTP status, 0 when there was
 * none (timeout, connection error); `code` is the error code from the body (e.g.
 * `ConversationBlockedByUser`); `transient` says whether the same request may succeed later.
 */
export interface SendRefused {
  ok: false;
  status: number;
  code?: string;
  retryAfterMs?: number;
  transient: boolean;
}

export type SendResult = SendAccepted | SendRefused;

/**
 * The port every proactive message leaves through. Implementations make exactly one attempt and
 * never throw for a refusal: retrying, pacing and bookkeeping belong to the delivery layer.
 */
export interface ProactiveSender {
  send(request: ProactiveSendRequest): Promise<SendResult>;
}
