import type { DateTime } from 'luxon';

/**
 * What the Teams layer knows about a person: enough to send to them later, nothing more
 * (no party affiliation, no e-mail). The conversation reference is opaque JSON owned by src/platform/teams.
 */
export interface Member {
  aadObjectId: string;
  name: string;
  tenantId: string;
  /** The Teams user id (29:...), needed to open a 1:1 conversation. */
  teamsUserId: string;
  active: boolean;
  lastSeen: DateTime;
  /** The 1:1 conversation with the bot, if the member has installed it personally. */
  conversationReference?: Record<string, unknown>;
  /** Said "stop reminders": no meeting reminders until they say "start reminders". */
  remindersOff: boolean;
}

/** One sighting of a person in any activity: what the directory upserts. */
export interface MemberSighting {
  aadObjectId: string;
  /** Absent on some activities (installationUpdate): then the stored name is kept. */
  name?: string;
  tenantId: string;
  teamsUserId: string;
  /** Present only for personal (1:1) conversations: a team or group chat is not where to remind someone. */
  personalConversationReference?: Record<string, unknown>;
}

/** Entra object ids arrive from Teams; the Playground's defaults are not GUIDs, so accept any safe token. */
export const AAD_OBJECT_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

export function isValidAadObjectId(value: unknown): value is string {
  return typeof value === 'string' && AAD_OBJECT_ID_PATTERN.test(value);
}
