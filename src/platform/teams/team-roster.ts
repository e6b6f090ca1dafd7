import {
  type ChannelAccount,
  type CloudAdapter,
  type ConversationParameters,
  type ConversationReference,
  type TeamsChannelAccount,
  TeamsInfo,
  TurnContext,
} from 'botbuilder';
import type { BotCredentials } from '../../app/config';
import { DomainError } from '../../shared/errors/domain-error';
import type { Logger } from '../logging/logger';
import { type Member, isValidAadObjectId, type MemberDirectory, type TeamRegistry } from '../../features/members';
import { createBotAdapter } from './bot-adapter';

const PAGE_SIZE = 500;

/**
 * The members of a Team the bot is installed in, read through the Teams roster API. Anyone not yet
 * in the directory (or without a 1:1 chat with the bot) gets a 1:1 conversation created, so an
 * event invitation can reach them; the directory then holds them like anyone who used the bot.
 */
export class TeamRoster {
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

  async membersOf(teamId: string): Promise<Member[]> {
    const team = (await this.teams.list()).find((candidate) => candidate.teamId === teamId);
    if (!team) throw new DomainError('not_found', 'The bot is no longer installed in that Team, so I cannot invite its members.');
    const reference = team.conversationReference as Partial<ConversationReference>;
    const roster = await this.readRoster(reference);
    const result: Member[] = [];
    for (const account of roster) {
      const member = await this.ensureReachable(account, reference);
      if (member) result.push(member);
    }
    return result;
  }

  private async readRoster(reference: Partial<ConversationReference>): Promise<TeamsChannelAccount[]> {
    const accounts: TeamsChannelAccount[] = [];
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      let continuationToken: string | undefined;
      do {
        const page = await TeamsInfo.getPagedMembers(context, PAGE_SIZE, continuationToken);
        accounts.push(...page.members);
        continuationToken = page.continuationToken;
      } while (continuationToken);
    });
    return accounts;
  }

  private async ensureReachable(account: TeamsChannelAccount, teamReference: Partial<ConversationReference>): Promise<Member | undefined> {
    if (!isValidAadObjectId(account.aadObjectId)) return undefined;
    const known = await this.directory.find(account.aadObjectId);
    if (known?.conversationReference && known.active) return known;
    const tenantId = teamReference.conversation?.tenantId ?? known?.tenantId;
    if (!tenantId || !teamReference.serviceUrl) return known;
    try {
      const personal = await this.createPersonalConversation(account, tenantId, teamReference);
      await this.directory.recordSighting({
        aadObjectId: account.aadObjectId,
        name: account.name,
        tenantId,
        teamsUserId: account.id,
        personalConversationReference: personal,
      });
      return this.directory.find(account.aadObjectId);
    } catch (error) {
      this.logger.warn({ event: 'roster.create_conversation_failed', err: error }, 'could not open a 1:1 chat with a team member');
      return known;
    }
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
