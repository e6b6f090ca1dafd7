import { Member } from './member';

/** A Team's roster as an import sees it: everyone in it the bot can attribute a role to. */
export interface RosterRead {
  /** The people in the Team, each now in the members directory (with a 1:1 chat where Teams allowed one). */
  members: Member[];
  /** Roster entries with no Entra object id (bots, anonymous accounts): nothing can be granted to them. */
  skipped: number;
  /** People recorded without a 1:1 chat (Teams refused one): broadcasts reach them once they open the bot. */
  unreachable: number;
}

/**
 * Reads a Team's members through the Teams roster API (the Teams platform folder implements it).
 * Throws a DomainError with a friendly message when Teams refuses (403), no longer knows the Team
 * (404) or keeps asking to slow down (429 after its Retry-After): then nothing has been changed.
 */
export interface TeamRosterReader {
  read(teamId: string): Promise<RosterRead>;
}
