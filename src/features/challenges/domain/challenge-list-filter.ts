import { CHALLENGE_STATUSES, type ChallengeStatus, PRIORITY_AREAS, type PriorityArea, isActive } from './challenge';

/** Which cards "challenge cards" lists. */
export interface ChallengeListFilter {
  /** 'open' (the default): not yet final; 'all': every card; or one status. */
  status: ChallengeStatus | 'open' | 'all';
  priorityArea?: PriorityArea;
  /** Only cards past their due date that are still being worked on. */
  overdue: boolean;
}

/** The priority-area choice meaning "any" (a ChoiceSet value cannot be empty). */
export const ANY_AREA = 'all';

export const DEFAULT_LIST_FILTER: ChallengeListFilter = { status: 'open', overdue: false };

/** An open card is overdue the day after its due date (London dates). */
export function isOverdue(card: { status: ChallengeStatus; dueOn: string }, today: string): boolean {
  return isActive(card.status) && card.dueOn < today;
}

/**
 * The filter from the list card's inputs (`status`, `priorityArea`, `overdue`), as posted by
 * `challenge.list`. Anything unknown falls back to the default rather than failing: a filter is
 * a convenience, and card data is client-written.
 */
export function listFilterFromData(data: unknown): ChallengeListFilter {
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const filter: ChallengeListFilter = { ...DEFAULT_LIST_FILTER };
  const status = record.status;
  if (status === 'all' || status === 'open' || (typeof status === 'string' && (CHALLENGE_STATUSES as readonly string[]).includes(status))) {
    filter.status = status as ChallengeListFilter['status'];
  }
  const area = record.priorityArea;
  if (typeof area === 'string' && (PRIORITY_AREAS as readonly string[]).includes(area)) filter.priorityArea = area as PriorityArea;
  filter.overdue = record.overdue === true || record.overdue === 'true';
  return filter;
}

const STATUS_WORDS: [RegExp, ChallengeStatus | 'all'][] = [
  [/\breceived\b|\bnew\b/, 'received'],
  [/\baccepted\b/, 'accepted'],
  [/\bdeclined\b/, 'declined'],
  [/\bredirected\b/, 'redirected'],
  [/\bin progress\b/, 'in_progress'],
  [/\bcompleted?\b|\bdone\b/, 'completed'],
  [/\binformed\b/, 'informed'],
  [/\ball\b/, 'all'],
];

const AREA_WORDS: [RegExp, PriorityArea][] = [
  [/\bworking together\b|\blearning\b|\beducation\b|\bschool\b/, 'working_together'],
  [/\bsuccessful\b|\bresponsible adults?\b|\badulthood\b/, 'successful_adults'],
  [/\bhealth(y)?\b|\bemotional(ly)?\b|\bmental(ly)?\b/, 'healthy'],
  [/\bsafe\b|\bnurtured\b|\bhome\b/, 'safe_home'],
];

// Every word a list filter may be written with, and the small words between them.
const FILTER_WORD =
  '(?:overdue|late|open|all|received|new|accepted|declined|redirected|in progress|completed?|done|informed|working together|learning|education|school|successful|responsible adults?|adults?|adulthood|health(?:y)?|emotional(?:ly)?|mental(?:ly)?|safe|nurtured|home|and|or|for|in|the|area|areas|priority|status|only|cards?|please)';

/**
 * "challenge cards", "challenges overdue", "list challenges in progress healthy": the list command,
 * its filter words captured. "Challenges faced by care leavers" or "challenge cards - how long has
 * Kent used them?" are questions, left to the knowledge base.
 */
export const LIST_COMMAND = new RegExp(`^(?:challenge cards|challenges|list challenges)((?:[\\s,]+${FILTER_WORD})*)[\\s,]*$`);

/**
 * The filter from what follows "challenge cards": "overdue", "in progress", "all",
 * "completed healthy", "overdue safe". Words it does not know are ignored.
 */
export function parseListFilterText(text: string): ChallengeListFilter {
  const words = text.toLowerCase().replace(/\bchallenge cards?\b/, ' ');
  const filter: ChallengeListFilter = { ...DEFAULT_LIST_FILTER, overdue: /\boverdue\b|\blate\b/.test(words) };
  const status = STATUS_WORDS.find(([pattern]) => pattern.test(words))?.[1];
  if (status) filter.status = status;
  const area = AREA_WORDS.find(([pattern]) => pattern.test(words))?.[1];
  if (area) filter.priorityArea = area;
  return filter;
}
