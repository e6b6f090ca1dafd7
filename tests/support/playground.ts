import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { freePort } from '../../src/platform/process/free-port';
import { killOnParentExit, stopChildProcess } from '../../src/platform/process/child-process';

/**
 * Test driver for the Microsoft 365 Agents Playground (npm `@microsoft/m365agentsplayground` 0.2.x).
 *
 * Facts this relies on (read in the package's bundled server, dist/index.js, and checked by running it):
 * - With stdout not a TTY the CLI writes exactly `Listening on <port>\n` to stdout and sends every console
 *   line to its log file only (M365_AGENTS_PLAYGROUND_LOGFILE; default `./devTools/m365agentsplayground.log`
 *   under the cwd, so we run it in a temp folder). If `-p` is taken it silently listens on a random port but
 *   keeps the `--service-url` we gave, so the bot would reply to the wrong port: we restart it on a new port.
 * - It listens on all interfaces (`server.listen(port)`, no host option); we only ever talk to 127.0.0.1.
 * - A missing config file is not an error: it silently falls back to built-in users. We check the path first.
 * - Messages posted through its HTTP API always reach the bot as the *current user* (the `from.id` sent is only
 *   checked for membership). Submit and invoke do use the given `from`, which must be a member of the
 *   conversation (the personal chat holds only the current user). So `sendMessage` for another user goes through
 *   the custom-activity API with `from` rewritten.
 * - In a group chat or channel the bot only receives a message that @mentions it; `sendMessage` adds the mention
 *   (`<at>Bot name</at>` in the text plus a mention entity), exactly as the UI does.
 * - The conversation WebSocket broadcasts `{action, actionConversationId, message?}` for *bot* messages only:
 *   `createMessage` (sendActivity, reply, proactive send), `updateMessage` (updateActivity, streaming updates) and
 *   `typing` (no message). Messages in chats that do not include the current user (a proactive 1:1 to another
 *   user) are not streamed there; they do appear on the log stream (`traffic()`). Events sent while no client is
 *   connected are buffered and flushed to the first client that connects (we connect at once).
 *   An `adaptiveCard/action` invoke emits nothing: the Playground swaps the card of the message in its own store
 *   (when that message has exactly one attachment) and returns the bot's answer on the HTTP call; this driver
 *   mirrors that swap so `messages()` shows what the UI shows.
 * - deleteActivity is not implemented (its connector answers 501 DeleteActivityAPINotImplemented).
 */

const CLI_PATH = require.resolve('@microsoft/m365agentsplayground/cli.js');
const LISTENING = /Listening on (\d+)/;

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. `http://127.0.0.1:3978/api/messages`. */
  botEndpoint: string;
  /** YAML user config (M365_AGENTS_PLAYGROUND_CONFIG_PATH). Omitted: the Playground's built-in users. */
  configPath?: string;
  /** How long to wait for `Listening on N`, per attempt. */
  startTimeoutMs?: number;
}

export interface PlaygroundAccount {
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

/** `GET /_internal/v1/config`. Group-chat and team `members` list the `users`, not the current user. */
export interface PlaygroundConfig {
  config: {
    tenantId: string;
    bot: { id: string; name: string };
    currentUser: PlaygroundAccount;
    users: PlaygroundAccount[];
    personalChat: { id: string; name: string };
    groupChats: { id: string; name: string; members: string[] }[];
    teams: {
      id: string;
      name: string;
      aadGroupId: string;
      channels: { id: string; name: string; channelType: string }[];
      members: string[];
    }[];
  };
  internalConfig: { locale: string; localTimezone: string; channelId: string; [key: string]: unknown };
}

export interface PlaygroundAttachment {
  contentType: string;
  content: unknown;
}

/** A bot message as the Playground UI currently shows it (creation order; updates applied in place). */
export interface PlaygroundMessage {
  messageId: string;
  /** `actionConversationId`: the chat, the channel for a new channel post, or the post's conversation for a reply. */
  conversationId: string;
  /** Set when the message starts a channel post: the post's conversation id (`<channel>;messageid=<id>`). */
  postConversationId?: string;
  /** Always the bot's id: the stream carries bot messages only. */
  fromId: string;
  text?: string;
  /** The Playground reports `markdown` when the bot set none. */
  textFormat?: string;
  attachments: PlaygroundAttachment[];
  attachmentLayout?: string;
  suggestedActions?: unknown;
  timestamp?: number;
  /** 0 when created, +1 per `updateMessage` event or mirrored invoke-response card swap. */
  revision: number;
  lastChange: 'create' | 'update' | 'invokeResponse';
}

/** One raw event from `/_ws_conversation/v1/conversations/stream`. */
export interface PlaygroundStreamEvent {
  action: string;
  actionConversationId?: string;
  message?: Record<string, unknown>;
  receivedAt: number;
}

/**
 * One HTTP exchange between the Playground and the bot, from the log stream `/_ws/log/stream` (what the UI's
 * Log Panel shows). `toBot`: an activity the Playground posted to the bot and the bot's HTTP status.
 * `fromBot`: a connector call the bot made (send, reply, update, createConversation, members ...) and the
 * Playground's answer; this is the only place a proactive 1:1 message to another user can be seen.
 */
export interface PlaygroundTraffic {
  direction: 'toBot' | 'fromBot';
  /** Activity type or connector operation, e.g. `message`, `invoke`, `installationUpdate`, `CreateConversation`. */
  activityName?: string;
  /** `conversation.id` of the request body, when it has one. */
  conversationId?: string;
  request: unknown;
  statusCode?: number;
  response: unknown;
  timestamp: number;
}

export interface SentMessage {
  /** Id the Playground gave the user's message (undefined when sent as a custom activity). */
  messageId?: string;
  /** Conversation the bot saw: for a channel, the new post's conversation (`<channel>;messageid=<id>`). */
  conversationId: string;
}

export interface InvokeResult {
  /**
   * HTTP status of the Playground's answer: 200 when the bot answered 2xx; 400 for a bad request (code
   * `ActivityNotFoundInConversation` when `replyToId` is not a message of that conversation, `UserNotFound`
   * when `from` is not a member of it); 502 `UserBotError` when the bot answered non-2xx or not at all.
   */
  status: number;
  /** The bot's HTTP status when the Playground reports it (only on 502); undefined means 2xx. */
  botStatus?: number;
  /**
   * `type` and `value` of the bot's invoke-response body. On 200 the Playground passes on only these two
   * (not the body's `statusCode`); on 502 they are read from the bot's body it quotes in `innerHttpError`.
   */
  type?: string;
  value?: unknown;
  /** The Playground's response body as received. */
  body: unknown;
}

export type CustomActivityType =
  | 'install'
  | 'uninstall'
  | 'botAdded'
  | 'userAdded'
  | 'botRemoved'
  | 'userRemoved'
  | 'channelCreated'
  | 'channelRenamed'
  | 'channelDeleted'
  | 'teamRenamed'
  | 'teamDeleted'
  | 'sendEmail'
  | 'mentionInWord';

export type ActivityJson = Record<string, unknown>;

export interface Playground {
  readonly port: number;
  /** `http://127.0.0.1:<port>`: the UI and the HTTP API. */
  readonly url: string;
  /** The mocked connector the bot replies to (`activity.serviceUrl`). */
  readonly serviceUrl: string;
  readonly pid: number;
  /** From spawn to `Listening on N`, in ms (including any restart after a port clash). */
  readonly startupMs: number;
  /** Cached after the first call. The Playground waits (up to 15 s) for the bot endpoint before answering. */
  config(): Promise<PlaygroundConfig>;
  /** installationUpdate (add) + conversationUpdate (membersAdded) to the bot. Default: the personal chat. */
  install(conversationId?: string): Promise<void>;
  /** A user's message (default: the personal chat). Mentions the bot outside the personal chat unless told not to. */
  sendMessage(text: string, options: { fromUserId: string; conversationId?: string; mentionBot?: boolean }): Promise<SentMessage>;
  /** Action.Submit on the bot message `replyToId`: the bot gets a message with `value` and no text. */
  submit(value: Record<string, unknown>, options: { from: string; replyToId: string; conversationId?: string }): Promise<void>;
  /** Action.Execute on the bot message `replyToId`: invoke `adaptiveCard/action`; resolves with the bot's answer. */
  invoke(
    verb: string,
    data: unknown,
    options: { from: string; replyToId: string; conversationId?: string; title?: string },
  ): Promise<InvokeResult>;
  /** The Playground's template for a custom activity, with `from` and `patch` merged over it, sent to the bot. */
  customActivity(
    type: CustomActivityType,
    options?: { conversationId?: string; from?: string; patch?: ActivityJson },
  ): Promise<ActivityJson>;
  /** Posts any activity to the bot through the Playground (it answers 200 before the bot has handled it). */
  sendActivity(activity: ActivityJson): Promise<void>;
  /** Every bot message streamed so far, in creation order, with updates applied. */
  messages(): PlaygroundMessage[];
  /** Every raw conversation-stream event so far. */
  events(): PlaygroundStreamEvent[];
  /** Resolves with the first message (already received or later, after updates) that matches. */
  waitForMessage(predicate: (message: PlaygroundMessage) => boolean, timeoutMs?: number): Promise<PlaygroundMessage>;
  /** Every Playground <-> bot exchange so far (the Log Panel). */
  traffic(): PlaygroundTraffic[];
  waitForTraffic(predicate: (entry: PlaygroundTraffic) => boolean, timeoutMs?: number): Promise<PlaygroundTraffic>;
  /**
   * Resolves once every streamed bot message has its connector call answered on the log stream (the stream
   * event goes out before the bot's HTTP call is answered), or after `timeoutMs`. `stop()` calls it first so a
   * bot never sees its reply fail because the Playground died mid-request.
   */
  settle(timeoutMs?: number): Promise<void>;
  /** The Playground's own console output, for diagnosing a failure. */
  log(): string;
  stop(): Promise<void>;
}

export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  if (options.configPath && !fs.existsSync(options.configPath)) {
    throw new Error(`Playground config ${options.configPath} does not exist (the Playground would silently use its defaults)`);
  }
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playground-'));
  const logFile = path.join(workDir, 'playground.log');
  const began = Date.now();
  let child: StartedChild | undefined;
  let stream: StreamCollector | undefined;
  let trafficLog: TrafficCollector | undefined;
  try {
    for (let attempt = 1; !child; attempt++) {
      const requested = await freePort();
      const candidate = await spawnPlayground(options, requested, workDir, logFile);
      if (candidate.port === requested) {
        child = candidate;
      } else {
        // The port was taken between freePort() and the CLI's own check; its --service-url now points elsewhere.
        await candidate.stop();
        if (attempt >= 3) throw new Error(`Playground kept moving off its port (asked ${requested}, got ${candidate.port})`);
      }
    }
    stream = new StreamCollector(await openSocket(`ws://127.0.0.1:${child.port}/_ws_conversation/v1/conversations/stream`));
    trafficLog = new TrafficCollector(await openSocket(`ws://127.0.0.1:${child.port}/_ws/log/stream`));
  } catch (error) {
    stream?.close();
    await child?.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
  const startupMs = child.startupMs - began;
  return makePlayground(child, stream, trafficLog, startupMs, workDir, logFile);
}

/**
 * Drives a Playground someone else started (e.g. `npm start` in a process test): the same API,
 * without owning the process. `stop()` closes the sockets and calls `stopOwner` if given.
 */
export async function attachPlayground(options: {
  port: number;
  pid: number;
  logFile?: string;
  stopOwner?: () => Promise<void>;
}): Promise<Playground> {
  const stream = new StreamCollector(await openSocket(`ws://127.0.0.1:${options.port}/_ws_conversation/v1/conversations/stream`));
  const trafficLog = new TrafficCollector(await openSocket(`ws://127.0.0.1:${options.port}/_ws/log/stream`));
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playground-attached-'));
  const child: StartedChild = {
    port: options.port,
    pid: options.pid,
    startupMs: Date.now(),
    stop: options.stopOwner ?? (async () => undefined),
  };
  return makePlayground(child, stream, trafficLog, 0, workDir, options.logFile ?? path.join(workDir, 'none.log'));
}

function makePlayground(
  child: StartedChild,
  stream: StreamCollector,
  trafficLog: TrafficCollector,
  startupMs: number,
  workDir: string,
  logFile: string,
): Playground {
  const url = `http://127.0.0.1:${child.port}`;

  let cachedConfig: Promise<PlaygroundConfig> | undefined;
  const config = (): Promise<PlaygroundConfig> => {
    if (!cachedConfig) {
      const pending = request<PlaygroundConfig>(url, 'GET', '/_internal/v1/config', undefined, 30000).then((r) => r.body);
      pending.catch(() => {
        if (cachedConfig === pending) cachedConfig = undefined;
      });
      cachedConfig = pending;
    }
    return cachedConfig;
  };
  const personalChatId = async (): Promise<string> => (await config()).config.personalChat.id;
  const templateFor = async (conversationId: string, type?: CustomActivityType): Promise<ActivityJson> => {
    const query = new URLSearchParams(type ? { conversationId, type } : { conversationId }).toString();
    return (await request<ActivityJson>(url, 'GET', `/_internal/v1/customActivities/template?${query}`)).body;
  };
  const sendActivity = async (activity: ActivityJson): Promise<void> => {
    await request(url, 'POST', '/_internal/v1/customActivities', activity);
  };

  const settle = async (timeoutMs = 2000): Promise<void> => {
    const unanswered = (): boolean => {
      const answered = new Map<string, number>();
      for (const t of trafficLog.entries()) {
        const id = t.direction === 'fromBot' && isRecord(t.response) && typeof t.response.id === 'string' ? t.response.id : undefined;
        if (id) answered.set(id, (answered.get(id) ?? 0) + 1);
      }
      const streamed = new Map<string, number>();
      for (const e of stream.events()) {
        const id = typeof e.message?.messageId === 'string' ? e.message.messageId : undefined;
        if (id) streamed.set(id, (streamed.get(id) ?? 0) + 1);
      }
      return [...streamed].some(([id, count]) => (answered.get(id) ?? 0) < count);
    };
    await trafficLog
      .waitFor(
        () => (unanswered() ? undefined : true),
        timeoutMs,
        () => 'bot calls still unanswered',
      )
      .catch(() => undefined);
  };

  let stopped = false;
  return {
    port: child.port,
    url,
    serviceUrl: `${url}/_connector`,
    pid: child.pid,
    startupMs,
    config,
    install: async (conversationId) => {
      const id = conversationId ?? (await personalChatId());
      await request(url, 'POST', `/_debug/conversation/${encodeURIComponent(id)}/installation`, {});
    },
    sendMessage: async (text, opts) => {
      const cfg = (await config()).config;
      const conversationId = opts.conversationId ?? cfg.personalChat.id;
      const mentionBot = opts.mentionBot ?? conversationId !== cfg.personalChat.id;
      const mention = `<at>${cfg.bot.name}</at>`;
      const fullText = mentionBot ? `${mention} ${text}` : text;
      if (opts.fromUserId === cfg.currentUser.id) {
        const res = await request<{ messageId: string; postConversationId?: string }>(
          url,
          'POST',
          `/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`,
          {
            type: 'text',
            text: fullText,
            textFormat: 'plain',
            from: { id: opts.fromUserId },
            mentions: mentionBot ? [{ mentioned: { id: cfg.bot.id, name: cfg.bot.name }, text: mention }] : [],
          },
        );
        return { messageId: res.body.messageId, conversationId: res.body.postConversationId ?? conversationId };
      }
      // Another user: the message API would deliver it as the current user, so send the activity ourselves.
      const activity = deepMerge(await templateFor(conversationId), {
        type: 'message',
        text: fullText,
        textFormat: 'plain',
        from: accountOf(cfg, opts.fromUserId),
        ...(mentionBot ? { entities: [{ type: 'mention', mentioned: { id: cfg.bot.id, name: cfg.bot.name }, text: mention }] } : {}),
      });
      await sendActivity(activity);
      return { conversationId };
    },
    submit: async (value, opts) => {
      const conversationId = opts.conversationId ?? (await personalChatId());
      // Same body the UI posts for an Action.Submit button (value = the action's data plus the card's inputs).
      await request(url, 'POST', '/_conversation/v1/submit', {
        conversation: { id: conversationId },
        replyToId: opts.replyToId,
        value,
        from: { id: opts.from },
      });
    },
    invoke: async (verb, data, opts) => {
      const conversationId = opts.conversationId ?? (await personalChatId());
      // Same body the UI posts for an Action.Execute button (it includes the button's title).
      const action = { type: 'Action.Execute', ...(opts.title ? { title: opts.title } : {}), verb, data };
      const res = await request<unknown>(
        url,
        'POST',
        '/_conversation/v1/invoke',
        {
          name: 'adaptiveCard/action',
          value: { action },
          from: { id: opts.from },
          conversation: { id: conversationId },
          replyToId: opts.replyToId,
        },
        30000,
        false,
      );
      const body = res.body;
      const inner = isRecord(body) && isRecord(body.innerHttpError) ? body.innerHttpError : undefined;
      const botBody = inner ? inner.body : body;
      const type = isRecord(botBody) && typeof botBody.type === 'string' ? botBody.type : undefined;
      const value = isRecord(botBody) ? botBody.value : undefined;
      if (res.status === 200) stream.applyInvokeResponse(opts.replyToId, type, value);
      const botStatus = inner && typeof inner.statusCode === 'number' ? inner.statusCode : undefined;
      return { status: res.status, botStatus, type, value, body };
    },
    customActivity: async (type, opts = {}) => {
      const conversationId = opts.conversationId ?? (await personalChatId());
      let activity = await templateFor(conversationId, type);
      if (opts.from) activity = deepMerge(activity, { from: accountOf((await config()).config, opts.from) });
      if (opts.patch) activity = deepMerge(activity, opts.patch);
      await sendActivity(activity);
      return activity;
    },
    sendActivity,
    messages: () => stream.messages(),
    events: () => stream.events(),
    waitForMessage: (predicate, timeoutMs = 60_000) =>
      stream.waitFor(
        () => stream.messages().find(predicate),
        timeoutMs,
        () => `messages seen: ${describeMessages(stream.messages())}`,
      ),
    traffic: () => trafficLog.entries(),
    waitForTraffic: (predicate, timeoutMs = 60_000) =>
      trafficLog.waitFor(
        () => trafficLog.entries().find(predicate),
        timeoutMs,
        () => `${trafficLog.entries().length} exchanges seen`,
      ),
    settle,
    log: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await settle(2000);
      stream.close();
      trafficLog.close();
      await child.stop();
      fs.rmSync(workDir, { recursive: true, force: true });
    },
  };
}

interface StartedChild {
  port: number;
  pid: number;
  /** Date.now() when `Listening on` arrived. */
  startupMs: number;
  stop(): Promise<void>;
}

function spawnPlayground(options: PlaygroundOptions, port: number, workDir: string, logFile: string): Promise<StartedChild> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('M365_AGENTS_PLAYGROUND_') || key.startsWith('TEAMSAPPTESTER_') || key.startsWith('TEAMS_APP_TEST_TOOL_')) {
      delete env[key];
    }
  }
  env.APPLICATION_INSIGHTS_NO_STATSBEAT = 'true'; // otherwise it calls an external host
  env.TEAMSAPPTESTER_BROWSER = 'none'; // otherwise it opens a browser
  env.M365_AGENTS_PLAYGROUND_LOGFILE = logFile;
  if (options.configPath) env.M365_AGENTS_PLAYGROUND_CONFIG_PATH = path.resolve(options.configPath);

  const args = [
    CLI_PATH,
    'start',
    '-e',
    options.botEndpoint,
    '-c',
    'msteams',
    '-p',
    String(port),
    '--service-url',
    `http://127.0.0.1:${port}/_connector`,
    '--disable-telemetry',
  ];
  // A temp cwd: the CLI also reads ./.m365agentsplayground.yml and would write ./devTools/ into the repo.
  const child = spawn(process.execPath, args, { cwd: workDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const forget = killOnParentExit(child);
  // SIGTERM ends it at once (its SIGINT handler would first try to flush telemetry).
  const stop = (): Promise<void> => {
    forget();
    return stopChildProcess(child);
  };
  // Generous: on a loaded shared machine the Playground can take a minute to listen.
  const timeoutMs = options.startTimeoutMs ?? 120_000;

  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  return new Promise<StartedChild>((resolve, reject) => {
    const fail = (error: Error): void => {
      clearTimeout(timer);
      void stop().then(() => reject(error));
    };
    const timer = setTimeout(
      () => fail(new Error(`Playground did not print "Listening on" within ${timeoutMs} ms: ${stdout}${stderr}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer): void => {
      stdout = (stdout + chunk.toString()).slice(-4000);
      const match = LISTENING.exec(stdout);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      child.stdout?.off('data', onData);
      child.stdout?.resume(); // keep draining so the child never blocks on a full pipe
      if (child.pid === undefined) return fail(new Error('Playground has no pid'));
      resolve({ port: Number(match[1]), pid: child.pid, startupMs: Date.now(), stop });
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      fail(new Error(`Playground exited before listening (code ${code}, signal ${signal}): ${stdout}${stderr}`));
    };
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', (error) => fail(error));
  });
}

function openSocket(address: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(address);
    socket.once('open', () => {
      socket.off('error', reject);
      socket.on('error', () => undefined); // a dying Playground must not crash the test process
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/** A WebSocket whose JSON frames are handed to `onFrame`, with waiters re-checked after each one. */
abstract class JsonSocketCollector {
  private readonly waiters = new Set<() => void>();

  constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: WebSocket.RawData) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(data.toString());
      } catch {
        return;
      }
      this.onFrame(parsed);
      this.notify();
    });
  }

  protected abstract onFrame(frame: unknown): void;

  protected notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  waitFor<T>(find: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = find();
        if (found === undefined) return false;
        cleanup();
        resolve(found);
        return true;
      };
      const waiter = (): void => {
        check();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`nothing matching from the Playground within ${timeoutMs} ms; ${describe()}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      if (!check()) this.waiters.add(waiter);
    });
  }

  close(): void {
    this.socket.removeAllListeners('message');
    this.socket.terminate();
  }
}

class StreamCollector extends JsonSocketCollector {
  private readonly rawEvents: PlaygroundStreamEvent[] = [];
  private readonly byId = new Map<string, PlaygroundMessage>();
  private readonly order: string[] = [];

  messages(): PlaygroundMessage[] {
    return this.order.flatMap((id) => {
      const message = this.byId.get(id);
      return message ? [structuredClone(message)] : [];
    });
  }

  events(): PlaygroundStreamEvent[] {
    return structuredClone(this.rawEvents);
  }

  /** The Playground stores the invoke response's card on the message but sends no event: mirror it. */
  applyInvokeResponse(messageId: string, type: string | undefined, value: unknown): void {
    const message = this.byId.get(messageId);
    const only = message?.attachments.length === 1 ? message.attachments[0] : undefined;
    if (!message || !only || type !== 'application/vnd.microsoft.card.adaptive') return;
    only.content = structuredClone(value);
    message.revision += 1;
    message.lastChange = 'invokeResponse';
    this.notify();
  }

  protected onFrame(frame: unknown): void {
    if (!isRecord(frame) || typeof frame.action !== 'string') return;
    const event: PlaygroundStreamEvent = {
      action: frame.action,
      actionConversationId: typeof frame.actionConversationId === 'string' ? frame.actionConversationId : undefined,
      message: isRecord(frame.message) ? frame.message : undefined,
      receivedAt: Date.now(),
    };
    this.rawEvents.push(event);
    const raw = event.message;
    if (!raw || typeof raw.messageId !== 'string') return;
    const previous = this.byId.get(raw.messageId);
    if (!previous) {
      this.byId.set(raw.messageId, toMessage(raw, event.actionConversationId ?? '', 0, 'create'));
      this.order.push(raw.messageId);
    } else if (event.action === 'updateMessage') {
      this.byId.set(raw.messageId, {
        ...toMessage(raw, previous.conversationId, previous.revision + 1, 'update'),
        postConversationId: previous.postConversationId,
      });
    }
  }
}

class TrafficCollector extends JsonSocketCollector {
  private readonly items: PlaygroundTraffic[] = [];

  entries(): PlaygroundTraffic[] {
    return structuredClone(this.items);
  }

  protected onFrame(frame: unknown): void {
    // {"logAction":"appendLog","log":{type:"bot"|"text", from, to, activityName, conversationId, request:{body}, response:{statusCode, body}}}
    if (!isRecord(frame) || frame.logAction !== 'appendLog' || !isRecord(frame.log)) return;
    const log = frame.log;
    if (log.type !== 'bot') return;
    const request = isRecord(log.request) ? log.request.body : undefined;
    const response = isRecord(log.response) ? log.response : {};
    this.items.push({
      direction: log.from === 'User Application' ? 'fromBot' : 'toBot',
      activityName: typeof log.activityName === 'string' ? log.activityName : undefined,
      conversationId: typeof log.conversationId === 'string' ? log.conversationId : undefined,
      request,
      statusCode: typeof response.statusCode === 'number' ? response.statusCode : undefined,
      response: response.body,
      timestamp: typeof log.timestamp === 'number' ? log.timestamp : Date.now(),
    });
  }
}

function toMessage(
  raw: Record<string, unknown>,
  conversationId: string,
  revision: number,
  lastChange: PlaygroundMessage['lastChange'],
): PlaygroundMessage {
  const attachments = Array.isArray(raw.attachments)
    ? raw.attachments
        .filter(isRecord)
        .map((a) => ({ contentType: typeof a.contentType === 'string' ? a.contentType : '', content: a.content }))
    : [];
  return {
    messageId: String(raw.messageId),
    conversationId,
    postConversationId: typeof raw.postConversationId === 'string' ? raw.postConversationId : undefined,
    fromId: isRecord(raw.from) && typeof raw.from.id === 'string' ? raw.from.id : '',
    text: typeof raw.text === 'string' ? raw.text : undefined,
    textFormat: typeof raw.textFormat === 'string' ? raw.textFormat : undefined,
    attachments,
    attachmentLayout: typeof raw.attachmentLayout === 'string' ? raw.attachmentLayout : undefined,
    suggestedActions: raw.suggestedActions,
    timestamp: typeof raw.timestamp === 'number' ? raw.timestamp : undefined,
    revision,
    lastChange,
  };
}

function describeMessages(messages: PlaygroundMessage[]): string {
  return `[${messages.map((m) => JSON.stringify({ conversationId: m.conversationId, text: m.text, attachments: m.attachments.length })).join(', ')}]`;
}

function accountOf(cfg: PlaygroundConfig['config'], userId: string): ActivityJson {
  const user = [cfg.currentUser, ...cfg.users].find((u) => u.id === userId);
  if (!user) throw new Error(`no Playground user with id ${userId}`);
  return { id: user.id, name: user.name, aadObjectId: user.aadObjectId };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Objects merge key by key; arrays and scalars in `patch` replace. */
function deepMerge(base: ActivityJson, patch: ActivityJson): ActivityJson {
  const out: ActivityJson = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] = isRecord(current) && isRecord(value) ? deepMerge(current, value) : value;
  }
  return out;
}

async function request<T>(
  base: string,
  method: 'GET' | 'POST',
  route: string,
  body?: unknown,
  timeoutMs = 60_000,
  throwOnError = true,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${route}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let parsed: unknown = text;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  if (throwOnError && !res.ok) throw new Error(`Playground ${method} ${route} -> ${res.status}: ${text.slice(0, 500)}`);
  return { status: res.status, body: parsed as T };
}
