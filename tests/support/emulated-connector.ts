import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { teamsBotId, teamsUserId } from './teams-ids';

/** What the connector does instead of accepting a message. */
export type ConnectorFault =
  | { kind: 'status'; status: number; code?: string; retryAfterSeconds?: number }
  /** Never answers. With `deliver`, the message is posted first: the "sent but no reply" case. */
  | { kind: 'timeout'; deliver?: boolean };

/** What a request asks for: a message into a conversation, a page of a roster, a new 1:1 conversation. */
export type ConnectorRoute = 'activity' | 'roster' | 'create-conversation';

/** One incoming request, as fault rules see it. */
export interface ConnectorRequest {
  route: ConnectorRoute;
  /** The conversation sent to or whose roster is read; for a new conversation, the member's Teams user id. */
  conversationId: string;
  /** A message's marker; `roster:<conversation>:<page token>` or `create:<user id>` for the other routes. */
  marker: string;
  /** 1 for the first request carrying this marker, 2 for the next, ... */
  attempt: number;
}

export interface FaultRule {
  /** The routes the rule applies to; default messages only. */
  routes?: readonly ConnectorRoute[];
  /** Which requests the rule applies to; default all. */
  match?: (request: ConnectorRequest) => boolean;
  /** Chance of firing on a matching request; default 1. */
  probability?: number;
  /** How many times it may fire; default without end. */
  times?: number;
  fault: ConnectorFault;
}

/** A message the connector took, reduced to what duplicate and loss counting need. */
export interface AcceptedMessage {
  conversationId: string;
  marker: string;
  activityId: string;
  atMs: number;
}

/** A per-conversation limit: at most `limit` accepted messages in any `perMs`. */
export interface ConnectorWindow {
  limit: number;
  perMs: number;
}

/** How the emulated connector behaves: its limits and the faults it injects. */
export interface EmulatedConnectorOptions {
  /** Requests per second for the whole app (every request counts, as at Teams); default unlimited. */
  appRatePerSecond?: number;
  /** Default the Teams limits (7/1 s, 8/2 s, 60/30 s); [] for none. */
  conversationWindows?: readonly ConnectorWindow[];
  faults?: FaultRule[];
  /** Seed for probabilistic faults, so a run can be repeated. */
  seed?: number;
  /**
   * The connector's clock, in ms, for its rate windows and the times it records; default the real
   * one. A test of the limits themselves stops it, so a slow machine cannot spread a burst over a window.
   */
  now?: () => number;
  /** Keep only this from each accepted activity (for duplicate and loss counting). Default: the card's first text. */
  markerOf?: (activity: Record<string, unknown>) => string;
  /** Every answer waits this long first (a connector far away, or busy). Default 0. */
  latencyMs?: number;
  /** The most members a roster page holds, whatever is asked (Teams: 500). */
  maxRosterPageSize?: number;
}

/** A member of a Team's roster, as `GET /v3/conversations/{id}/pagedmembers` returns them. */
export interface RosterMember {
  id: string;
  name: string;
  aadObjectId: string;
  userPrincipalName?: string;
  tenantId?: string;
  userRole?: string;
}

/** One roster page the connector answered, or one 1:1 conversation it created. */
export interface RosterRead {
  conversationId: string;
  continuationToken: string;
  pageSize: number;
  atMs: number;
}

export interface CreatedConversation {
  userId: string;
  conversationId: string;
  atMs: number;
}

/** Teams answers at most 500 members a page, whatever is asked. */
const MAX_ROSTER_PAGE = 500;

// Written independently of src/delivery's limiter on purpose: the emulator is the referee.
const TEAMS_WINDOWS: readonly ConnectorWindow[] = [
  { limit: 7, perMs: 1_000 },
  { limit: 8, perMs: 2_000 },
  { limit: 60, perMs: 30_000 },
];

/** A card whose first text block is `marker`: what the default markerOf reads back. */
export function markerCard(marker: string): Record<string, unknown> {
  return { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: marker, wrap: true }] };
}

/**
 * Stands in for the Teams connector at a bot's serviceUrl: `POST /v3/conversations/{id}/activities`
 * (and `/activities/{replyToId}`), a Team's roster page by page (`GET .../pagedmembers`, with
 * continuation tokens) and 1:1 conversation creation (`POST /v3/conversations`). It answers after
 * `latencyMs`, enforces the per-conversation limits and an app rate by answering 429 with
 * Retry-After, injects faults by rule or probability (429, 5xx, 403 with a Teams error code, 404
 * ConversationNotFound, 413, no answer at all), and records every accepted message, roster page
 * and created conversation.
 */
export class EmulatedConnector {
  readonly accepted: AcceptedMessage[] = [];
  readonly statusCounts = new Map<number, number>();
  /** Faults injected by rule, by status (0 for a request held without an answer). */
  readonly injected = new Map<number, number>();
  /** 429s the connector's own limits produced (not injected). */
  readonly rateLimited = { app: 0, conversation: 0 };
  requests = 0;
  url = '';
  /** Roster pages answered (200 only), in order. */
  readonly rosterReads: RosterRead[] = [];
  /** 1:1 conversations created (201 only), in order. */
  readonly createdConversations: CreatedConversation[] = [];
  /** Called with every accepted activity, whole, when it arrived (e.g. to time arrivals) and where it was posted. */
  onAccepted?: (activity: Record<string, unknown>, atMs: number, conversationId: string) => void;
  private readonly server: http.Server;
  private readonly faults: { rule: FaultRule; fired: number }[] = [];
  private readonly appLog: number[] = [];
  private readonly conversationLogs = new Map<string, number[]>();
  private readonly attempts = new Map<string, number>();
  private readonly hanging = new Set<http.ServerResponse>();
  private readonly acceptedByMarker = new Map<string, number>();
  private readonly random: () => number;
  private readonly windows: readonly ConnectorWindow[];
  private readonly longestWindowMs: number;
  private nextId = 0;
  private readonly rosters = new Map<string, readonly RosterMember[]>();
  /** Called before each roster page or conversation creation is answered (e.g. to stop a test's instance there). */
  onRosterRequest?: (request: ConnectorRequest) => void;

  private readonly now: () => number;

  constructor(private readonly options: EmulatedConnectorOptions = {}) {
    this.now = options.now ?? Date.now;
    for (const rule of options.faults ?? []) this.addFault(rule);
    this.random = mulberry32(options.seed ?? 1);
    this.windows = options.conversationWindows ?? TEAMS_WINDOWS;
    this.longestWindowMs = Math.max(1_000, ...this.windows.map((w) => w.perMs));
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 10_000;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The members `GET /v3/conversations/{conversationId}/pagedmembers` answers with (a Team's General channel). */
  setRoster(conversationId: string, members: readonly RosterMember[]): void {
    this.rosters.set(conversationId, members);
  }

  /** The continuation token of the roster page that starts at `offset` (opaque to the bot, as Teams' are). */
  rosterToken(offset: number): string {
    return Buffer.from(`offset:${offset}`).toString('base64url');
  }

  /** The 1:1 conversation id the connector gives a user: the same every time, as Teams does. */
  personalConversationId(userId: string): string {
    return `a:1${Buffer.from(`personal:${userId}`).toString('base64url')}`;
  }

  addFault(rule: FaultRule): void {
    this.faults.push({ rule, fired: 0 });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** A stored 1:1 conversation reference pointing at this connector, as the bot would have saved it. */
  reference(conversationId: string, userId = teamsUserId(`${conversationId}`)): Record<string, unknown> {
    return {
      channelId: 'msteams',
      serviceUrl: this.url,
      conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
      bot: { id: teamsBotId('panel-bot'), name: 'Panel bot' },
      user: { id: userId },
    };
  }

  /** How many times each marker was accepted (kept up to date as messages arrive). */
  acceptedCounts(): ReadonlyMap<string, number> {
    return this.acceptedByMarker;
  }

  /** Accepted messages beyond the first for each marker. */
  duplicates(): number {
    return this.accepted.length - this.acceptedByMarker.size;
  }

  count(status: number): number {
    return this.statusCounts.get(status) ?? 0;
  }

  /** Resolves once `n` distinct markers have been accepted. */
  async waitForDistinct(n: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.acceptedCounts().size < n) {
      if (Date.now() > deadline) throw new Error(`only ${this.acceptedCounts().size} of ${n} messages arrived within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const latency = this.options.latencyMs ?? 0;
      if (latency > 0) setTimeout(() => this.route(req, Buffer.concat(chunks), res), latency);
      else this.route(req, Buffer.concat(chunks), res);
    });
  }

  private route(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://connector');
    const roster = /^\/v3\/conversations\/([^/?]+)\/pagedmembers\/?$/.exec(url.pathname);
    if (req.method === 'GET' && roster) return this.rosterPage(decodeURIComponent(roster[1]!), url.searchParams, res);
    if (req.method === 'POST' && /^\/v3\/conversations\/?$/.test(url.pathname)) return this.createConversation(body, res);
    const match = /^\/v3\/conversations\/([^/?]+)\/activities(?:\/[^/?]+)?\/?(?:\?.*)?$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) return this.answer(res, 404, { error: { code: 'NotFound', message: 'no such route' } });
    let activity: Record<string, unknown>;
    try {
      activity = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    } catch {
      return this.answer(res, 400, { error: { code: 'BadSyntax', message: 'body is not JSON' } });
    }
    this.receive(decodeURIComponent(match[1]!), activity, res);
  }

  /** A page of a roster: the token is the offset, opaque to the bot as Teams' own tokens are. */
  private rosterPage(conversationId: string, query: URLSearchParams, res: http.ServerResponse): void {
    this.requests++;
    const token = query.get('continuationToken') ?? '';
    if (this.answeredWithFault({ route: 'roster', conversationId, marker: `roster:${conversationId}:${token}` }, res)) return;
    const members = this.rosters.get(conversationId);
    if (!members) return this.answer(res, 404, { error: { code: 'ConversationNotFound', message: 'no such team' } });
    const offset =
      token === ''
        ? 0
        : Number(
            Buffer.from(token, 'base64url')
              .toString('utf8')
              .replace(/^offset:/, ''),
          );
    if (!Number.isInteger(offset) || offset < 0 || offset > members.length)
      return this.answer(res, 400, { error: { code: 'BadArgument', message: 'invalid continuation token' } });
    const most = this.options.maxRosterPageSize ?? MAX_ROSTER_PAGE;
    const pageSize = Math.min(most, Math.max(1, Number(query.get('pageSize') ?? most) || most));
    const page = members.slice(offset, offset + pageSize);
    const next = offset + page.length < members.length ? this.rosterToken(offset + page.length) : undefined;
    this.rosterReads.push({ conversationId, continuationToken: token, pageSize, atMs: this.now() });
    this.answer(res, 200, { members: page, ...(next ? { continuationToken: next } : {}) });
  }

  /** `POST /v3/conversations` for a 1:1 chat: the same id for the same user, every time. */
  private createConversation(body: Buffer, res: http.ServerResponse): void {
    this.requests++;
    let userId: unknown;
    try {
      userId = (JSON.parse(body.toString('utf8')) as { members?: { id?: unknown }[] }).members?.[0]?.id;
    } catch {
      return this.answer(res, 400, { error: { code: 'BadSyntax', message: 'body is not JSON' } });
    }
    if (typeof userId !== 'string' || userId === '')
      return this.answer(res, 400, { error: { code: 'BadArgument', message: 'a 1:1 conversation needs one member' } });
    if (this.answeredWithFault({ route: 'create-conversation', conversationId: userId, marker: `create:${userId}` }, res)) return;
    const conversationId = this.personalConversationId(userId);
    this.createdConversations.push({ userId, conversationId, atMs: this.now() });
    this.answer(res, 201, { id: conversationId });
  }

  /** Counts the attempt, tells the test, and answers with a matching fault if one fires; true when it did. */
  private answeredWithFault(request: Omit<ConnectorRequest, 'attempt'>, res: http.ServerResponse): boolean {
    const attempt = (this.attempts.get(request.marker) ?? 0) + 1;
    this.attempts.set(request.marker, attempt);
    const full: ConnectorRequest = { ...request, attempt };
    this.onRosterRequest?.(full);
    const appRetry = this.appRateExceeded(this.now());
    if (appRetry !== undefined) {
      this.throttle(res, appRetry, 'app');
      return true;
    }
    const fault = this.pickFault(full);
    if (!fault) return false;
    this.injected.set(fault.kind === 'status' ? fault.status : 0, (this.injected.get(fault.kind === 'status' ? fault.status : 0) ?? 0) + 1);
    if (fault.kind === 'timeout') {
      this.hanging.add(res);
      return true;
    }
    const headers: Record<string, string> = fault.retryAfterSeconds !== undefined ? { 'Retry-After': String(fault.retryAfterSeconds) } : {};
    this.answer(
      res,
      fault.status,
      { error: { code: fault.code ?? `Status${fault.status}`, message: 'injected by the emulated connector' } },
      headers,
    );
    return true;
  }

  private receive(conversationId: string, activity: Record<string, unknown>, res: http.ServerResponse): void {
    this.requests++;
    const now = this.now();
    const appRetry = this.appRateExceeded(now);
    if (appRetry !== undefined) return this.throttle(res, appRetry, 'app');
    const marker = (this.options.markerOf ?? defaultMarker)(activity);
    const attempt = (this.attempts.get(marker) ?? 0) + 1;
    this.attempts.set(marker, attempt);
    const fault = this.pickFault({ route: 'activity', conversationId, marker, attempt });
    if (fault)
      this.injected.set(
        fault.kind === 'status' ? fault.status : 0,
        (this.injected.get(fault.kind === 'status' ? fault.status : 0) ?? 0) + 1,
      );
    if (fault?.kind === 'timeout') {
      if (fault.deliver) this.accept(conversationId, marker, now, activity);
      this.hanging.add(res);
      return;
    }
    if (fault) {
      const headers: Record<string, string> =
        fault.retryAfterSeconds !== undefined ? { 'Retry-After': String(fault.retryAfterSeconds) } : {};
      return this.answer(
        res,
        fault.status,
        { error: { code: fault.code ?? `Status${fault.status}`, message: 'injected by the emulated connector' } },
        headers,
      );
    }
    const conversationRetry = this.conversationLimitExceeded(conversationId, now);
    if (conversationRetry !== undefined) return this.throttle(res, conversationRetry, 'conversation');
    const activityId = this.accept(conversationId, marker, now, activity);
    this.answer(res, 201, { id: activityId });
  }

  private accept(conversationId: string, marker: string, now: number, activity: Record<string, unknown>): string {
    const activityId = `act-${++this.nextId}`;
    this.accepted.push({ conversationId, marker, activityId, atMs: now });
    this.acceptedByMarker.set(marker, (this.acceptedByMarker.get(marker) ?? 0) + 1);
    const log = this.conversationLogs.get(conversationId) ?? [];
    log.push(now);
    while (log.length > 0 && log[0]! <= now - this.longestWindowMs) log.shift();
    this.conversationLogs.set(conversationId, log);
    this.onAccepted?.(activity, now, conversationId);
    return activityId;
  }

  // Seconds to wait when this request breaks the app rate (it is counted either way), else undefined.
  private appRateExceeded(now: number): number | undefined {
    const limit = this.options.appRatePerSecond;
    if (limit === undefined) return undefined;
    while (this.appLog.length > 0 && this.appLog[0]! <= now - 1_000) this.appLog.shift();
    this.appLog.push(now);
    if (this.appLog.length <= limit) return undefined;
    return Math.max(1, Math.ceil((this.appLog[this.appLog.length - 1 - limit]! + 1_000 - now) / 1_000));
  }

  private conversationLimitExceeded(conversationId: string, now: number): number | undefined {
    const log = this.conversationLogs.get(conversationId) ?? [];
    let waitMs = 0;
    for (const { limit, perMs } of this.windows) {
      const inWindow = log.filter((t) => t > now - perMs);
      if (inWindow.length >= limit) waitMs = Math.max(waitMs, inWindow[inWindow.length - limit]! + perMs - now);
    }
    return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1_000)) : undefined;
  }

  private pickFault(request: ConnectorRequest): ConnectorFault | undefined {
    for (const entry of this.faults) {
      const { rule } = entry;
      if (!(rule.routes ?? ['activity']).includes(request.route)) continue;
      if (rule.times !== undefined && entry.fired >= rule.times) continue;
      if (rule.match && !rule.match(request)) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      entry.fired++;
      return rule.fault;
    }
    return undefined;
  }

  private throttle(res: http.ServerResponse, retryAfterSeconds: number, scope: 'app' | 'conversation'): void {
    this.rateLimited[scope]++;
    this.answer(
      res,
      429,
      { error: { code: 'Throttled', message: `too many requests (${scope})` } },
      { 'Retry-After': String(retryAfterSeconds) },
    );
  }

  private answer(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.statusCounts.set(status, (this.statusCounts.get(status) ?? 0) + 1);
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }
}

function defaultMarker(activity: Record<string, unknown>): string {
  const attachments = activity.attachments as { content?: { body?: { text?: unknown }[] } }[] | undefined;
  const text = attachments?.[0]?.content?.body?.[0]?.text;
  return typeof text === 'string' ? text : JSON.stringify(attachments?.[0]?.content ?? activity.text ?? null);
}

/** A small seeded PRNG (mulberry32), so probabilistic faults repeat run to run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
