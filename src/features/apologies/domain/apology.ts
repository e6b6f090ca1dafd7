import type { DateTime } from 'luxon';

/** A member's apology for absence from one meeting: what the clerk records in the minutes. */
export interface Apology {
  meetingId: string;
  aadObjectId: string;
  name: string;
  reason?: string;
  /** Who will attend instead, if anyone. */
  substitute?: string;
  recordedAt: DateTime;
}

/** The least the apology rules need to know about a meeting. */
export interface ApologyMeeting {
  id: string;
  title: string;
  start: DateTime;
  cancelled: boolean;
}

export const MAX_REASON_LENGTH = 500;
export const MAX_SUBSTITUTE_LENGTH = 200;
