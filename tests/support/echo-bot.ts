import {
  type Activity,
  ActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TurnContext,
} from 'botbuilder';
import restify from 'restify';
import { freePort } from '../../src/platform/process/free-port';

/**
 * A bare botbuilder echo bot for the test harness and as the latency baseline of the benchmark.
 *
 * Behaviour (all replies go through the Playground's mocked connector):
 * - message with text `card`   -> an Adaptive Card with an `Action.Execute` (verb `ping`) and an `Action.Submit`
 * - message with text `update` -> a message `before update`, then `updateActivity` of it to `after update`
 * - any other message text     -> `echo: <text>`
 * - message with a value only (Action.Submit / imBack-less submit) -> `submitted: <JSON of value>`
 * - invoke `adaptiveCard/action` -> HTTP 200 invoke response carrying a small card
 *   (`pong: <verb>` plus the action data as JSON) that replaces the card in the client.
 */
export interface EchoBot {
  readonly port: number;
  /** `http://127.0.0.1:<port>/api/messages` */
  readonly endpoint: string;
  /** Every activity the bot received, in order (only filled when `recordActivities` is set). */
  readonly received: readonly Partial<Activity>[];
  stop(): Promise<void>;
}

export interface EchoBotOptions {
  /** Keep a copy of each inbound activity in `received` (off by default so the benchmark baseline stays lean). */
  recordActivities?: boolean;
}

/** The card the echo bot sends for the message `card`. */
export function echoCard(): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [{ type: 'TextBlock', text: 'Echo card', weight: 'Bolder', wrap: true }],
    actions: [
      { type: 'Action.Execute', title: 'Ping', verb: 'ping', data: { source: 'echo-card' } },
      { type: 'Action.Submit', title: 'Submit', data: { kind: 'submit', source: 'echo-card' } },
    ],
  };
}

/** The card the echo bot returns from an `adaptiveCard/action` invoke. */
export function pongCard(verb: string, data: unknown): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: `pong: ${verb}`, weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: JSON.stringify(data ?? null), wrap: true, isSubtle: true },
    ],
  };
}

class EchoHandler extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      // In group chats and channels the text starts with `<at>Bot name</at>`; Teams bots strip it.
      const text = (TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '').trim();
      if (text === 'card') {
        await context.sendActivity({ attachments: [CardFactory.adaptiveCard(echoCard())] });
      } else if (text === 'update') {
        const sent = await context.sendActivity('before update');
        if (sent?.id) await context.updateActivity({ id: sent.id, type: 'message', text: 'after update' });
      } else if (text) {
        await context.sendActivity(`echo: ${text}`);
      } else if (context.activity.value !== undefined) {
        await context.sendActivity(`submitted: ${JSON.stringify(context.activity.value)}`);
      }
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(
    _context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: pongCard(invokeValue.action.verb, invokeValue.action.data),
    };
  }
}

/** Starts the echo bot on a free 127.0.0.1 port. No app credentials: botbuilder then skips inbound auth. */
export async function startEchoBot(options: EchoBotOptions = {}): Promise<EchoBot> {
  // `new CloudAdapter()` with no argument crashes on the first request in 4.23; an empty configuration works.
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  adapter.onTurnError = async (context, error) => {
    // Surface the failure in the conversation so a test sees it instead of timing out; the Playground may be gone.
    await context.sendActivity(`echo-bot error: ${error instanceof Error ? error.message : String(error)}`).catch(() => undefined);
  };
  const bot = new EchoHandler();
  const received: Partial<Activity>[] = [];

  const server = restify.createServer({ name: 'echo-bot' });
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    if (options.recordActivities) received.push(structuredClone(req.body as Partial<Activity>));
    await adapter.process(req, res, (context) => bot.run(context));
  });

  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.removeListener('error', reject);
      resolve();
    });
  });

  let stopped = false;
  return {
    port,
    endpoint: `http://127.0.0.1:${port}/api/messages`,
    received,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      // Keep-alive sockets from the Playground would otherwise hold close() open.
      server.server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
