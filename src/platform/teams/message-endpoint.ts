import type { CloudAdapter, TurnContext } from 'botbuilder';
import { createBotAdapter } from './bot-adapter';
import type { BotCredentials } from '../../app/config';
import type { Logger } from '../logging/logger';
import type { PanelBot } from './panel-bot';

/** The plain HTTP view the server hands over, so src/server.ts never sees botbuilder. */
export interface InboundRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface OutboundResponse {
  status: number;
  body?: unknown;
}

export type MessageEndpoint = (request: InboundRequest) => Promise<OutboundResponse>;

const SAFE_ERROR_BODIES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  405: 'Method not allowed',
  501: 'Not implemented',
};

/**
 * POST /api/messages. With credentials the adapter authenticates every request (401 without a
 * valid Bot Framework token); without them (local Playground only, config forbids it in
 * production) authentication is off. Error bodies are replaced, because CloudAdapter puts the
 * exception message in them.
 */
export function createMessageEndpoint(credentials: BotCredentials | undefined, bot: PanelBot, logger: Logger): MessageEndpoint {
  const adapter = createBotAdapter(credentials);
  adapter.onTurnError = async (_context: TurnContext, error: Error) => {
    logger.error({ event: 'adapter.turn_error', err: error }, 'unhandled turn error');
  };
  return async (request) => {
    if (typeof request.body !== 'object' || request.body === null || Array.isArray(request.body))
      return { status: 400, body: { error: SAFE_ERROR_BODIES[400] } };
    const captured: OutboundResponse = { status: 200 };
    const response = {
      socket: undefined,
      status: (code: number) => {
        captured.status = code;
        return response;
      },
      header: () => response,
      send: (...args: unknown[]) => {
        captured.body = args[0];
        return response;
      },
      end: () => response,
    };
    try {
      await adapter.process(request as Parameters<CloudAdapter['process']>[0], response, (context) => bot.handleTurn(context));
    } catch (error) {
      logger.warn({ event: 'messages.rejected', err: error }, 'activity rejected before the turn');
      return { status: 400, body: { error: SAFE_ERROR_BODIES[400] } };
    }
    return sanitise(captured, logger);
  };
}

function sanitise(response: OutboundResponse, logger: Logger): OutboundResponse {
  if (response.status < 400) return response;
  if (response.status >= 500) logger.error({ event: 'messages.failed', status: response.status }, 'message endpoint failed');
  return { status: response.status, body: { error: SAFE_ERROR_BODIES[response.status] ?? 'Internal error' } };
}
