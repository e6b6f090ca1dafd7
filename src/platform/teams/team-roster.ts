import {
  ChannelAccount,
  CloudAdapter,
  ConversationParameters,
  ConversationReference,
  TeamsChannelAccount,
  TeamsInfo,
  TurnContext,
} from 'botbuilder';
import { BotCredentials } from '../../app/config';
import { DomainError } from '../../shared/errors/domain-error';
import { Logger } from '../logging/logger';
import { Member, isValidAadObjectId } from '../../features/members/domain/member';
import { MemberDirectory } from '../../features/members/data/member-directory';
import { TeamRegistry } from '../../features/members/data/team-registry';
import { RosterRead, TeamRosterReader } from '../../features/members/domain/team-roster-reader';
import { createBotAdapter } from './bot-adapter';

const PAGE_SIZE = 500;
/** A roster this long is no Team a panel would use; reading stops rather than run a turn for minutes. */
const MAX_PAGES = 40;

/**
 * The members of a Team the bot is installed in, read through the Teams roster API. Anyone not yet
 * in the directory (or without a 1:1 chat with the bot) gets a 1:1 conversation created, so an
 * event invitation can reach them; the directory then holds them like anyone who used the bot.
 */
export class TeamRoster implements TeamRosterReader {
  private readonly adapter: CloudAdapter;
  private readonly appId: string;

  constructor(
    credentials: BotCredentials | undefined,
    private readonly teams: TeamRegistry,
    private readonly directory: MemberDirectory,
    private readonly logger: Logger,
  ) {
    this.adapter = createBotAdapter(credentials);
    this.appId = credentials?.appId ?? '';
  }

  /** The Team's members the bot can reach (an event's audience), each in the directory with a 1:1 chat where Teams allows. */
  async membersOf(teamId: string): Promise<Member[]> {
    const read = await this.read(teamId);
    return read.members.filter((member) => member.conversationReference !== undefined);
  }

  /**
   * Everyone in the Team with an Entra id, recorded in the members directory (a 1:1 chat opened for
   * whoever lacks one). The whole roster is read before anything is written, so a refusal from
   * Teams changes nothing.
   */
  async read(teamId: string): Promise<RosterRead> {
    const team = (await this.teams.list()).find((candidate) => candidate.teamId === teamId);
    if (!team) throw new DomainError('not_found', 'The bot is no longer installed in that Team, so I cannot read its members.');
    const reference = team.conversationReference as Partial<ConversationReference>;
    const roster = await this.readRoster(reference, team.name);
    const seen = new Set<string>();
    const result: RosterRead = { members: [], skipped: 0, unreachable: 0 };
    for (const account of roster) {
      if (!isValidAadObjectId(account.aadObjectId) || typeof account.id !== 'string' || account.id.length === 0) {
        result.skipped++;
        continue;
      }
      if (seen.has(account.aadObjectId)) continue;
      seen.add(account.aadObjectId);
      const member = await this.ensureReachable(account, account.aadObjectId, reference);
      if (!member) continue;
      result.members.push(member);
      if (!member.conversationReference) result.unreachable++;
    }
    return result;
  }

  private async readRoster(reference: Partial<ConversationReference>, teamName: string): Promise<TeamsChannelAccount[]> {
    const accounts: TeamsChannelAccount[] = [];
    try {
      await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
        let continuationToken: string | undefined;
        let pages = 0;
        do {
          // The connector's own pipeline waits out a 429's Retry-After (three tries) before this throws.
          const page = await TeamsInfo.getPagedMembers(context, PAGE_SIZE, continuationToken);
          accounts.push(...page.members);
          continuationToken = page.continuationToken;
        } while (continuationToken && ++pages < MAX_PAGES);
      });
    } catch (error) {
      throw rosterRefusal(error, teamName);
    }
    return accounts;
  }

  /** The person in the directory, with a 1:1 chat opened if they have none; recorded without one when Teams refuses it. */
  private async ensureReachable(
    account: TeamsChannelAccount,
    aadObjectId: string,
    teamReference: Partial<ConversationReference>,
  ): Promise<Member | undefined> {
    const known = await this.directory.find(aadObjectId);
    if (known?.conversationReference && known.active) return known;
    const tenantId = teamReference.conversation?.tenantId ?? known?.tenantId;
    if (!tenantId) return known;
    let personal: Record<string, unknown> | undefined;
    if (teamReference.serviceUrl) {
      try {
        personal = await this.createPersonalConversation(account, tenantId, teamReference);
      } catch (error) {
        this.logger.warn(
          { event: 'roster.create_conversation_failed', status: statusOf(error) },
          'could not open a 1:1 chat with a team member',
        );
      }
    }
    await this.directory.recordSighting({
      aadObjectId,
      name: account.name,
      tenantId,
      teamsUserId: account.id,
      ...(personal ? { personalConversationReference: personal } : {}),
    });
    return this.directory.find(aadObjectId);
  }

  private async createPersonalConversation(
    account: ChannelAccount,
    tenantId: string,
    teamReference: Partial<ConversationReference>,
  ): Promise<Record<string, unknown>> {
    const parameters = {
      isGroup: false,
      bot: teamReference.bot,
      members: [{ id: account.id, name: account.name }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    } as ConversationParameters;
    let reference: Partial<ConversationReference> | undefined;
    await this.adapter.createConversationAsync(this.appId, 'msteams', teamReference.serviceUrl!, '', parameters, async (context) => {
      reference = TurnContext.getConversationReference(context.activity);
    });
    if (!reference) throw new Error('no conversation was created');
    return { ...reference, conversation: { ...reference.conversation, conversationType: 'personal', tenantId } } as unknown as Record<
      string,
      unknown
    >;
  }
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** What the officer is told when Teams will not give the roster; nothing has been changed by then. */
function rosterRefusal(error: unknown, teamName: string): DomainError {
  const status = statusOf(error);
  const name = `"${teamName.slice(0, 100)}"`;
  if (status === 403)
    return new DomainError(
      'forbidden',
      `Teams would not let me read the members of ${name}: the bot may have been removed from it. Nothing was changed.`,
    );
  if (status === 404)
    return new DomainError(
      'not_found',
      `Teams no longer knows the Team ${name}: it may have been deleted or archived. Nothing was changed.`,
    );
  if (status === 429)
    return new DomainError('unavailable', 'Teams is asking me to slow down. Please try again in a few minutes; nothing was changed.');
  return new DomainError(
    'unavailable',
    `I could not read the members of ${name} from Teams just now. Please try again; nothing was changed.`,
    {
      cause: error,
    },
  );
}
