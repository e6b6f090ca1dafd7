import { createHash } from 'node:crypto';

/**
 * Teams ids shaped like the real ones, derived from a readable seed so a test can name them
 * ("panel-team") and get the same id every run. Real shapes (from Teams activities):
 * - a Team, and its General channel: `19:<32 hex>@thread.tacv2`; another channel the same shape;
 * - a group chat: `19:<32 hex>@thread.v2`;
 * - a user's Bot Framework id: `29:1<base64url>`; a personal (1:1) conversation: `a:1<base64url>`;
 * - a bot: `28:<app id GUID>`.
 * `@`, `:` and `-` in them reach URLs, table keys and validation: fixtures must carry them.
 */
function digest(seed: string, encoding: 'hex' | 'base64url'): string {
  return createHash('sha256').update(seed).digest(encoding);
}

export function teamsTeamId(seed: string): string {
  return `19:${digest(`team:${seed}`, 'hex').slice(0, 32)}@thread.tacv2`;
}

export function teamsChannelId(seed: string): string {
  return `19:${digest(`channel:${seed}`, 'hex').slice(0, 32)}@thread.tacv2`;
}

export function teamsGroupChatId(seed: string): string {
  return `19:${digest(`group:${seed}`, 'hex').slice(0, 32)}@thread.v2`;
}

export function teamsUserId(seed: string): string {
  return `29:1${digest(`user:${seed}`, 'base64url')}`;
}

export function teamsPersonalChatId(seed: string): string {
  return `a:1${digest(`personal:${seed}`, 'base64url')}${digest(`personal2:${seed}`, 'base64url').slice(0, 20)}`;
}

export function teamsBotId(seed = 'panel-bot'): string {
  return `28:${entraObjectId(`bot:${seed}`)}`;
}

/** An Entra object id (a v4-shaped GUID) derived from the seed. */
export function entraObjectId(seed: string): string {
  const hex = digest(`aad:${seed}`, 'hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A tenant id (a GUID) for fixtures. */
export const FIXTURE_TENANT_ID = '0a0a0a0a-0a0a-4a0a-8a0a-0a0a0a0a0a0a';
