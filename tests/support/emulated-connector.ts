import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { teamsBotId, teamsPersonalChatId, teamsUserId } from './teams-ids';

/** What the connector does instead of accepting a message. */
export type ConnectorFault =
  | { kind: 'status'; status: number; code?: string; retryAfterSeconds?: number }
  /** Never answers. With `deliver`, the message is posted first: the "sent but no reply" case. */
  | { kind: 'timeout'; deliver?: boolean };

/** What a request asks the connector for: a message, a page of a Team's roster, or a new 1:1 conversation. */
export type ConnectorOperation = 'send' | 'roster' | 'createConversation';

/** One incoming request, as fault rules see it. */
export interface ConnectorRequest {
  operation: ConnectorOperation;
  /** The conversation posted to or whose roster is read (for a new conversation: the member's Teams id). */
  conversationId: string;
  /** The message's marker; for a roster page its continuation token (empty for the first page). */
  marker: string;
  /** 1 for the first request carrying this marker, 2 for the next, ... */
  attempt: number;
}

export interface FaultRule {
  /** Which operation the rule applies to; default `send`. */
  operation?: ConnectorOperation;
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
  /** Keep only this from each accepted activity (for duplicate and loss counting). Default: the card's first text. */
  markerOf?: (activity: Record<string, unknown>) => string;
  /** At most this many roster members a page, whatever the bot asks for (Teams' own cap is 500); default 500. */
  rosterPageCap?: number;
}

/** A member of a Team's roster, as Teams' pagedmembers returns it (TeamsChannelAccount). */
export interface RosterAccount {
  id: string;
  name: string;
  aadObjectId?: string;
  userPrincipalName?: string;
  userRole?: 'user' | 'guest' | 'anonymous';
  tenantId?: string;
}

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
 * (and `/activities/{replyToId}`). It enforces the per-conversation limits and an app rate by
 * answering 429 with Retry-After, injects faults by rule or probability (429, 5xx, 403 with a Teams
 * error code, 404 ConversationNotFound, 413, no answer at all), and records every accepted message.
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
  /** Called with every accepted activity, whole, when it arrived (e.g. to time arrivals) and where it was posted. */
  onAccepted?: (activity: Record<string, unknown>, atMs: number, conversationId: string) => void;
  /** Roster pages served, by Team (conversation) id. */
  readonly rosterReads = new Map<string, number>();
  /** 1:1 conversations the bot opened, by the member's Teams id. */
  readonly createdConversations = new Map<string, string>();
  private readonly rosters = new Map<string, RosterAccount[]>();
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

  constructor(private readonly options: EmulatedConnectorOptions = {}) {
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

  /** The members Teams lists for a Team (its General channel's conversation id is the Team's id). */
  setRoster(teamId: string, members: readonly RosterAccount[]): void {
    this.rosters.set(teamId, [...members]);
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
      const url = new URL(req.url ?? '/', 'http://connector');
      const roster = /^\/v3\/conversations\/([^/]+)\/pagedmembers\/?$/.exec(url.pathname);
      if (req.method === 'GET' && roster) return this.rosterPage(decodeURIComponent(roster[1]!), url.searchParams, res);
      if (req.method === 'POST' && /^\/v3\/conversations\/?$/.test(url.pathname)) return this.createConversation(chunks, res);
      const match = /^\/v3\/conversations\/([^/?]+)\/activities(?:\/[^/?]+)?\/?(?:\?.*)?$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) return this.answer(res, 404, { error: { code: 'NotFound', message: 'no such route' } });
      let activity: Record<string, unknown>;
      try {
        activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        return this.answer(res, 400, { error: { code: 'BadSyntax', message: 'body is not JSON' } });
      }
      this.receive(decodeURIComponent(match[1]!), activity, res);
    });
  }

  private receive(conversationId: string, activity: Record<string, unknown>, res: http.ServerResponse): void {
    this.requests++;
    const now = Date.now();
    const appRetry = this.appRateExceeded(now);
    if (appRetry !== undefined) return this.throttle(res, appRetry, 'app');
    const marker = (this.options.markerOf ?? defaultMarker)(activity);
    const fault = this.faultFor('send', conversationId, marker);
    if (fault?.kind === 'timeout') {
      if (fault.deliver) this.accept(conversationId, marker, now, activity);
      this.hanging.add(res);
      return;
    }
    if (fault) return this.answerFault(res, fault);
    const conversationRetry = this.conversationLimitExceeded(conversationId, now);
    if (conversationRetry !== undefined) return this.throttle(res, conversationRetry, 'conversation');
    const activityId = this.accept(conversationId, marker, now, activity);
    this.answer(res, 201, { id: activityId });
  }

  /**
   * GET /v3/conversations/{teamId}/pagedmembers?pageSize=&continuationToken= as Teams answers it:
   * at most `pageSize` (and the cap) members, and a continuation token while more remain; an
   * unknown Team is 404 ConversationNotFound. Faults apply as for sends (`operation: 'roster'`).
   */
  private rosterPage(teamId: string, query: URLSearchParams, res: http.ServerResponse): void {
    this.requests++;
    const token = query.get('continuationToken') ?? '';
    const fault = this.faultFor('roster', teamId, token);
    if (fault?.kind === 'timeout') return void this.hanging.add(res);
    if (fault) return this.answerFault(res, fault);
    const members = this.rosters.get(teamId);
    if (!members) return this.answer(res, 404, { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } });
    const asked = Number(query.get('pageSize') ?? '500');
    const size = Math.max(1, Math.min(Number.isFinite(asked) && asked > 0 ? asked : 500, this.options.rosterPageCap ?? 500, 500));
    const start = token === '' ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8'));
    if (!Number.isInteger(start) || start < 0 || start > members.length)
      return this.answer(res, 400, { error: { code: 'BadArgument', message: 'continuation token is not valid' } });
    this.rosterReads.set(teamId, (this.rosterReads.get(teamId) ?? 0) + 1);
    const page = members.slice(start, start + size);
    const next = start + size < members.length ? Buffer.from(String(start + size)).toString('base64url') : undefined;
    this.answer(res, 200, { members: page, ...(next ? { continuationToken: next } : {}) });
  }

  /** POST /v3/conversations: a 1:1 conversation with the one member asked for (`operation: 'createConversation'` faults). */
  private createConversation(chunks: Buffer[], res: http.ServerResponse): void {
    this.requests++;
    let memberId: string;
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { members?: { id?: unknown }[] };
      memberId = typeof body.members?.[0]?.id === 'string' ? body.members[0].id : '';
    } catch {
      return this.answer(res, 400, { error: { code: 'BadSyntax', message: 'body is not JSON' } });
    }
    if (!memberId) return this.answer(res, 400, { error: { code: 'BadArgument', message: 'members is required' } });
    const fault = this.faultFor('createConversation', memberId, memberId);
    if (fault?.kind === 'timeout') return void this.hanging.add(res);
    if (fault) return this.answerFault(res, fault);
    const conversationId = this.createdConversations.get(memberId) ?? teamsPersonalChatId(memberId);
    this.createdConversations.set(memberId, conversationId);
    this.answer(res, 201, { id: conversationId });
  }

  private faultFor(operation: ConnectorOperation, conversationId: string, marker: string): ConnectorFault | undefined {
    const key = `${operation}|${marker}`;
    const attempt = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, attempt);
    const fault = this.pickFault({ operation, conversationId, marker, attempt });
    if (fault) {
      const status = fault.kind === 'status' ? fault.status : 0;
      this.injected.set(status, (this.injected.get(status) ?? 0) + 1);
    }
    return fault;
  }

  private answerFault(res: http.ServerResponse, fault: Extract<ConnectorFault, { kind: 'status' }>): void {
    const headers: Record<string, string> = fault.retryAfterSeconds !== undefined ? { 'Retry-After': String(fault.retryAfterSeconds) } : {};
    this.answer(
      res,
      fault.status,
      { error: { code: fault.code ?? `Status${fault.status}`, message: 'injected by the emulated connector' } },
      headers,
    );
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
      if ((rule.operation ?? 'send') !== request.operation) continue;
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
