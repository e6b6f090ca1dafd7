import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../../src/platform/process/project-root';

/**
 * The people and conversations of `src/local/playground.yaml`, read from the file itself so the
 * tests and the Playground can never disagree.
 */
export const PLAYGROUND_CONFIG_PATH = path.join(projectRoot(), 'src', 'local', 'playground.yaml');

export interface PlaygroundUserConfig {
  /** Bot Framework channel account id, e.g. `29:1mkAqwQ8...` (what `activity.from.id` carries). */
  readonly id: string;
  readonly name: string;
  /** Entra object id (a GUID); authorise on this. */
  readonly aadObjectId: string;
  readonly userPrincipleName: string;
  readonly givenName: string;
  readonly surname: string;
  readonly email: string;
}

interface PlaygroundYaml {
  readonly tenantId: string;
  readonly bot: { readonly id: string; readonly name: string };
  readonly currentUser: PlaygroundUserConfig;
  readonly users: readonly PlaygroundUserConfig[];
  readonly personalChat: { readonly id: string };
  readonly groupChat: { readonly id: string; readonly name: string };
  readonly team: {
    readonly id: string;
    readonly name: string;
    readonly aadGroupId: string;
    readonly channels: readonly { readonly id: string; readonly name: string }[];
  };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function load(): PlaygroundYaml {
  const raw: unknown = parse(fs.readFileSync(PLAYGROUND_CONFIG_PATH, 'utf8'));
  // The Playground validates the full schema at start; here we only check what the tests rely on.
  const config = raw as PlaygroundYaml;
  const guids: [string, string][] = [
    ['tenantId', config.tenantId],
    ['currentUser.aadObjectId', config.currentUser.aadObjectId],
    ...config.users.map((u, i): [string, string] => [`users[${i}].aadObjectId`, u.aadObjectId]),
  ];
  for (const [where, value] of guids) {
    if (typeof value !== 'string' || !GUID.test(value)) throw new Error(`${PLAYGROUND_CONFIG_PATH}: ${where} is not a GUID`);
  }
  return config;
}

const yamlConfig = load();

function userNamed(name: string): PlaygroundUserConfig {
  const user = yamlConfig.users.find((u) => u.name === name);
  if (!user) throw new Error(`${PLAYGROUND_CONFIG_PATH}: no user named "${name}"`);
  return user;
}

function onlyChannel(): { readonly id: string; readonly name: string } {
  const channel = yamlConfig.team.channels[0];
  if (!channel) throw new Error(`${PLAYGROUND_CONFIG_PATH}: team has no channel besides General`);
  return channel;
}

export const TENANT_ID: string = yamlConfig.tenantId;
/** The bot's account (`activity.recipient`); `id` is the `28:` id. */
export const BOT: { readonly id: string; readonly name: string } = yamlConfig.bot;

/** The Playground's current user: an officer who administers the bot. */
export const OLIVIA_OFFICER: PlaygroundUserConfig = yamlConfig.currentUser;
/** The five users besides Olivia (all in the group chat and the team). */
export const PLAYGROUND_USERS: readonly PlaygroundUserConfig[] = yamlConfig.users;
/** A councillor (member of the group chat and the team). */
export const CLLR_MARTIN_HUGHES: PlaygroundUserConfig = userNamed('Cllr Martin Hughes');
/** A councillor (member of the group chat and the team). */
export const CLLR_PRIYA_SHAH: PlaygroundUserConfig = userNamed('Cllr Priya Shah');

/** A guest in the sample roles, and wherever a test gives him no role. */
export const CLLR_OWEN_PRICE: PlaygroundUserConfig = userNamed('Cllr Owen Price');

/** Olivia's 1:1 chat with the bot (`conversationType: personal`). */
export const PERSONAL_CHAT_ID: string = yamlConfig.personalChat.id;
/** The group chat: Olivia plus all five `users` (`conversationType: groupChat`). */
export const GROUP_CHAT_ID: string = yamlConfig.groupChat.id;
/** The team; its General channel has the same conversation id (`conversationType: channel`). */
export const TEAM_ID: string = yamlConfig.team.id;
export const TEAM_NAME: string = yamlConfig.team.name;
/** The one extra channel the schema allows. */
export const CHANNEL: { readonly id: string; readonly name: string } = onlyChannel();
