import type { RateWindow } from './sliding-window-limiter';

/** Per bot per conversation (Teams documentation): 7 in 1 s, 8 in 2 s, 60 in 30 s, 1,800 in an hour. */
export const TEAMS_CONVERSATION_WINDOWS: readonly RateWindow[] = [
  { limit: 7, perMs: 1_000 },
  { limit: 8, perMs: 2_000 },
  { limit: 60, perMs: 30_000 },
  { limit: 1_800, perMs: 3_600_000 },
];

/** Per app per tenant: about 50 requests a second (older copies of the docs say 30). */
export const TEAMS_DEFAULT_APP_RATE_PER_SECOND = 50;
