import type { RunningApp } from '../../src/app/app';
import type { EmulatedConnector } from './emulated-connector';
import { FIXTURE_TENANT_ID, entraObjectId, teamsBotId, teamsPersonalChatId, teamsUserId } from './teams-ids';

/** A person as Teams identifies them to the bot. */
export interface TeamsPerson {
  name: string;
  aadObjectId: string;
  teamsUserId: string;
  /** Their 1:1 chat with the bot. */
  personalChatId: string;
}

/** A fixture person with real-shaped ids derived from a seed ("officer-1"). */
export function teamsPerson(seed: string, name: string): TeamsPerson {
  return { name, aadObjectId: entraObjectId(seed), teamsUserId: teamsUserId(seed), personalChatId: teamsPersonalChatId(seed) };
}

/** What the bot posted into a conversation. */
export interface PostedActivity {
  conversationId: string;
  activity: Record<string, unknown>;
}

const BOT = { id: teamsBotId('panel-bot'), name: 'Corporate Parenting Panel' };

/**
 * Teams, as the bot meets it over HTTP: activities POSTed to the running bot's /api/messages
 * (no credentials: the test app runs with authentication off, as locally), with the emulated
 * connector as their serviceUrl, so every reply, proactive message, roster read and new 1:1 chat
 * goes through the bot's real botbuilder path to a connector that answers like Teams.
 */
export class BotClient {
  readonly posted: PostedActivity[] = [];

  constructor(
    private readonly app: RunningApp,
    private readonly connector: EmulatedConnector,
    private readonly tenantId = FIXTURE_TENANT_ID,
  ) {
    const previous = connector.onAccepted;
    connector.onAccepted = (activity, atMs, conversationId) => {
      previous?.(activity, atMs, conversationId);
      this.posted.push({ conversationId, activity });
    };
  }

  /** Says `text` in the person's 1:1 chat and resolves with the JSON of the card the bot answers with (its reply, not a proactive message). */
  async say(person: TeamsPerson, text: string, timeoutMs = 30_000): Promise<string> {
    const message = this.activity(person, { type: 'message', text });
    const status = await this.send(message);
    if (status !== 200) throw new Error(`the bot answered ${status} to a message`);
    const reply = await this.waitFor(
      () => this.postedTo(person.personalChatId).find((posted) => posted.activity.replyToId === message.id),
      timeoutMs,
    );
    return JSON.stringify((reply.activity.attachments as { content?: unknown }[] | undefined)?.map((a) => a.content) ?? reply.activity);
  }

  /** Presses an Action.Execute button: resolves with the invoke response's body ({statusCode, type, value}). */
  async invoke(
    person: TeamsPerson,
    verb: string,
    data: Record<string, unknown>,
  ): Promise<{ statusCode: number; type: string; value: unknown }> {
    const response = await fetch(`${this.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        this.activity(person, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } }),
      ),
    });
    const body = (await response.json()) as { statusCode: number; type: string; value: unknown };
    return body;
  }

  /** Installs the bot in the person's personal scope (Teams sends installationUpdate add); waits for the welcome. */
  async install(person: TeamsPerson): Promise<void> {
    const before = this.postedTo(person.personalChatId).length;
    await this.send(this.activity(person, { type: 'installationUpdate', action: 'add' }));
    await this.waitFor(() => this.postedTo(person.personalChatId)[before], 30_000);
  }

  /** The person removes the bot (installationUpdate remove in their personal scope). */
  async uninstall(person: TeamsPerson): Promise<void> {
    const status = await this.send(this.activity(person, { type: 'installationUpdate', action: 'remove' }));
    if (status !== 200) throw new Error(`the bot answered ${status} to an uninstall`);
  }

  /** The person removes the bot as Teams may also say it: conversationUpdate with the bot among membersRemoved. */
  async removeBotFromPersonalChat(person: TeamsPerson): Promise<void> {
    const status = await this.send(this.activity(person, { type: 'conversationUpdate', membersRemoved: [BOT] }));
    if (status !== 200) throw new Error(`the bot answered ${status} to a conversationUpdate`);
  }

  /** The bot is added to a Team by `by` (installationUpdate in the Team's General channel); waits for the welcome there. */
  async addToTeam(team: { id: string; name: string }, by: TeamsPerson): Promise<void> {
    const before = this.postedTo(team.id).length;
    await this.send({
      ...this.activity(by, { type: 'installationUpdate', action: 'add' }),
      conversation: { id: team.id, conversationType: 'channel', tenantId: this.tenantId, isGroup: true },
      channelData: { tenant: { id: this.tenantId }, team: { id: team.id, name: team.name }, channel: { id: team.id } },
    });
    await this.waitFor(() => this.postedTo(team.id)[before], 30_000);
  }

  postedTo(conversationId: string): PostedActivity[] {
    return this.posted.filter((posted) => posted.conversationId === conversationId);
  }

  /** POSTs an activity as it is; the HTTP status the bot answered. */
  async send(activity: Record<string, unknown>): Promise<number> {
    const response = await fetch(`${this.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    await response.arrayBuffer();
    return response.status;
  }

  private activity(person: TeamsPerson, fields: Record<string, unknown>): Record<string, unknown> {
    return {
      id: `activity-${this.posted.length}-${Math.random().toString(36).slice(2)}`,
      channelId: 'msteams',
      serviceUrl: this.connector.url,
      timestamp: new Date().toISOString(),
      from: { id: person.teamsUserId, name: person.name, aadObjectId: person.aadObjectId },
      recipient: BOT,
      conversation: { id: person.personalChatId, conversationType: 'personal', tenantId: this.tenantId },
      channelData: { tenant: { id: this.tenantId } },
      ...fields,
    };
  }

  private async waitFor<T>(find: () => T | undefined, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`the bot posted nothing within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
