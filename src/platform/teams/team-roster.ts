import {
  type CloudAdapter,
  type ConversationParameters,
  type ConversationReference,
  type TeamsChannelAccount,
  TeamsInfo,
  type TurnContext,
} from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { BotCredentials } from '../../app/config';
import { DomainError } from '../../shared/errors/domain-error';
import type { Logger } from '../logging/logger';
import { type Clock, SystemClock } from '../time/clock';
import {
  type Member,
  isValidAadObjectId,
  type MemberDirectory,
  type TeamRegistry,
  type RosterPage,
  RosterThrottled,
  type TeamRosterPages,
} from '../../features/members';
import { createBotAdapter } from './bot-adapter';
import { takeOverConnectorRetries } from './connector-retries';
import { toSendRefused } from './teams-proactive-sender';

export interface TeamRosterOptions {
  /** The bot's credentials; absent in local and test runs. */
  credentials?: BotCredentials;
  teams: TeamRegistry;
  directory: MemberDirectory;
  logger: Logger;
  clock?: Clock;
  /** Members asked for per page (Teams answers 50 to 500). Default 100: a page's work stays well inside a job's lease. */
  pageSize?: number;
  /** 1:1 chats opened at once. Default 4, well under the app's ~50 requests/s. */
  concurrency?: number;
  /** How a pause is waited out; injectable so tests can see it. Default a timer. */
  wait?: (ms: number) => Promise<void>;
  /** The longest pause a read sits out itself before handing back to the scheduler (RosterThrottled). Default 10 s. */
  maxInlineWaitMs?: number;
  /** A request not answered by then counts as failed. Default 15 s. */
  timeoutMs?: number;
}

/** A roster entry that is a person the bot can invite: one with an Entra object id. */
type RosterPerson = TeamsChannelAccount & { aadObjectId: string };

/** Tries per request when Teams answers 429, 5xx, 412 or not at all. */
const ATTEMPTS = 4;
const BACKOFF_MS = [1_000, 2_000, 4_000];

/**
 * The members of a Team the bot is installed in, a page at a time through the Teams roster API.
 * Anyone not yet in the directory (or without a 1:1 chat with the bot) gets a 1:1 conversation
 * created, so an invitation can reach them; the directory then holds them like anyone who used the
 * bot. Each request is tried once by the SDK (its own invisible retries are taken out) and retried
 * here: Retry-After is honoured; a long pause is handed back to the caller as RosterThrottled.
 */
export class TeamRoster implements TeamRosterPages {
  private readonly adapter: CloudAdapter;
  private readonly appId: string;
  private readonly clock: Clock;
  private readonly pageSize: number;
  private readonly concurrency: number;
  private readonly wait: (ms: number) => Promise<void>;
  private readonly maxInlineWaitMs: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: TeamRosterOptions) {
    this.adapter = createBotAdapter(options.credentials);
    this.appId = options.credentials?.appId ?? '';
    this.clock = options.clock ?? new SystemClock();
    this.pageSize = options.pageSize ?? 100;
    this.concurrency = options.concurrency ?? 4;
    this.wait = options.wait ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.maxInlineWaitMs = options.maxInlineWaitMs ?? 10_000;
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  async readPage(teamId: string, continuationToken: string | undefined): Promise<RosterPage> {
    const team = (await this.options.teams.list()).find((candidate) => candidate.teamId === teamId);
    if (!team) throw new DomainError('not_found', 'The bot is no longer installed in that Team, so I cannot invite its members.');
    const reference = team.conversationReference as Partial<ConversationReference>;
    let result: RosterPage | undefined;
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      takeOverConnectorRetries(context, this.timeoutMs);
      const page = await this.withRetries('roster page', () => TeamsInfo.getPagedMembers(context, this.pageSize, continuationToken));
      const people = page.members.filter((account): account is RosterPerson => isValidAadObjectId(account.aadObjectId));
      const members = await mapInBatches(people, this.concurrency, (account) => this.ensureReachable(context, account, reference));
      result = {
        members: members.filter((member): member is Member => member !== undefined),
        ignored: page.members.length - people.length,
        ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
      };
    });
    if (!result) throw new Error('the roster page was not read');
    return result;
  }

  /** The member as the directory holds them, with a 1:1 chat opened when they had none; undefined if unknown and unreachable. */
  private async ensureReachable(
    context: TurnContext,
    account: RosterPerson,
    teamReference: Partial<ConversationReference>,
  ): Promise<Member | undefined> {
    const known = await this.options.directory.find(account.aadObjectId);
    if (known?.conversationReference && known.active) return known;
    const tenantId = teamReference.conversation?.tenantId ?? known?.tenantId;
    if (!tenantId || !teamReference.serviceUrl) return known;
    try {
      const conversationId = await this.withRetries('1:1 chat', () =>
        this.createPersonalConversation(context, account, tenantId, teamReference),
      );
      const conversationReference = {
        channelId: 'msteams',
        serviceUrl: teamReference.serviceUrl,
        bot: teamReference.bot,
        user: { id: account.id, name: account.name, aadObjectId: account.aadObjectId },
        conversation: { id: conversationId, conversationType: 'personal', tenantId },
      };
      await this.options.directory.recordSighting({
        aadObjectId: account.aadObjectId,
        name: account.name,
        tenantId,
        teamsUserId: account.id,
        personalConversationReference: conversationReference,
      });
      // As the directory now holds them (what recordSighting wrote over what was known), without reading it back.
      return {
        remindersOff: false,
        ...known,
        aadObjectId: account.aadObjectId,
        name: account.name || known?.name || '',
        tenantId,
        teamsUserId: account.id,
        active: true,
        lastSeen: this.clock.now(),
        conversationReference,
      };
    } catch (error) {
      if (error instanceof RosterThrottled) throw error;
      this.options.logger.warn({ event: 'roster.create_conversation_failed', err: error }, 'could not open a 1:1 chat with a team member');
      if (known) return known;
      // Kept, without a chat: a broadcast records them as not reachable, and an import can still give them a role.
      await this.options.directory.recordSighting({
        aadObjectId: account.aadObjectId,
        name: account.name,
        tenantId,
        teamsUserId: account.id,
      });
      return {
        aadObjectId: account.aadObjectId,
        name: account.name || '',
        tenantId,
        teamsUserId: account.id,
        active: true,
        lastSeen: this.clock.now(),
        remindersOff: false,
      };
    }
  }

  private async createPersonalConversation(
    context: TurnContext,
    account: TeamsChannelAccount,
    tenantId: string,
    teamReference: Partial<ConversationReference>,
  ): Promise<string> {
    const connector = context.turnState.get<ConnectorClient | undefined>(context.adapter.ConnectorClientKey);
    if (!connector) throw new Error('no connector client for the team');
    const parameters = {
      isGroup: false,
      bot: teamReference.bot,
      members: [{ id: account.id, name: account.name }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    } as ConversationParameters;
    const created = await connector.conversations.createConversation(parameters);
    if (!created.id) throw new Error('Teams created no conversation');
    return created.id;
  }

  /**
   * One request, retried on 429 / 5xx / 412 / timeouts: after Retry-After when Teams gives one,
   * else after a short backoff. A pause longer than maxInlineWaitMs, or one more failure after the
   * last try, is thrown: RosterThrottled (with the pause) for throttling, the error otherwise.
   */
  private async withRetries<T>(what: string, request: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request();
      } catch (error) {
        const refused = toSendRefused(error, this.clock.now().toMillis());
        if (!refused.transient) throw error;
        const pauseMs = refused.retryAfterMs ?? BACKOFF_MS[Math.min(attempt - 1, BACKOFF_MS.length - 1)]!;
        const throttled = refused.status === 429 || refused.status === 503;
        if (attempt >= ATTEMPTS || pauseMs > this.maxInlineWaitMs) {
          if (throttled) throw new RosterThrottled(pauseMs);
          throw error;
        }
        this.options.logger.info(
          { event: 'roster.retry', what, status: refused.status, attempt, pauseMs },
          'Teams asked for a pause while reading a Team',
        );
        await this.wait(pauseMs);
      }
    }
  }
}

/** `work` over the items, at most `concurrency` at a time, results in the items' order. */
async function mapInBatches<T, R>(items: readonly T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += concurrency)
    results.push(...(await Promise.all(items.slice(start, start + concurrency).map(work))));
  return results;
}
