import type { TurnContext } from 'botbuilder';

/** The slice of @azure/core-rest-pipeline's Pipeline this file touches (typed here; it is botbuilder's internal). */
interface PipelineLike {
  getOrderedPolicies(): { name: string }[];
  removePolicy(options: { name: string }): unknown;
  addPolicy(policy: {
    name: string;
    sendRequest(request: { timeout: number }, next: (request: { timeout: number }) => Promise<unknown>): Promise<unknown>;
  }): void;
}

const SDK_RETRY_POLICY = 'defaultRetryPolicy';
const TIMEOUT_POLICY = 'connectorTimeoutPolicy';

/**
 * Makes the turn's connector client try each request once, with a timeout. botbuilder 4.23's
 * connector client runs @azure/core-rest-pipeline's default retry policy (it waits out
 * Retry-After and retries 5xx three times, invisibly, on real timers); our callers pace and retry
 * themselves (the delivery layer, the roster reader), so the SDK's policy would stack under theirs.
 * False when the pipeline could not be reached (botbuilder then retries on its own).
 */
export function takeOverConnectorRetries(context: TurnContext, timeoutMs: number): boolean {
  const connector: unknown = context.turnState.get(context.adapter.ConnectorClientKey);
  const pipeline = (connector as { client?: { pipeline?: PipelineLike } } | undefined)?.client?.pipeline;
  if (!pipeline || typeof pipeline.removePolicy !== 'function') return false;
  pipeline.removePolicy({ name: SDK_RETRY_POLICY });
  if (pipeline.getOrderedPolicies().some((policy) => policy.name === TIMEOUT_POLICY)) return true;
  pipeline.addPolicy({
    name: TIMEOUT_POLICY,
    sendRequest: (request, next) => {
      request.timeout = timeoutMs;
      return next(request);
    },
  });
  return true;
}
