import { DomainError } from '../../../shared/errors/domain-error';
import type { Member } from './member';

/** One page of a Team's roster, read through Teams. */
export interface RosterPage {
  /**
   * The page's people as the directory now holds them: those the bot had not met have had a 1:1
   * chat opened. Someone whose chat could not be opened is still here, without a conversation
   * reference, so a broadcast records them as not reachable rather than forgetting them.
   */
  members: Member[];
  /** Roster entries that are not people the bot can invite (no valid Entra object id). */
  ignored: number;
  /** What reads the next page; absent on the last one. */
  continuationToken?: string;
}

/** A Team's members a page at a time, so a large Team is read in the background, resumably. */
export interface TeamRosterPages {
  /** Throws RosterThrottled when Teams asks for a pause; DomainError `not_found` when the bot left the Team. */
  readPage(teamId: string, continuationToken: string | undefined): Promise<RosterPage>;
}

/** Teams answered 429 (or 503) on the roster for longer than one read waits: try again after `retryAfterMs`. */
export class RosterThrottled extends DomainError {
  constructor(readonly retryAfterMs: number) {
    super('unavailable', 'Teams asked me to slow down while reading the Team. I will carry on shortly.');
    this.name = 'RosterThrottled';
  }
}
