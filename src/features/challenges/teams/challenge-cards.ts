import type { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { type ChallengeCardData, renderChallengeCard } from './challenge-card';
import { type ChallengeFormCardData, renderChallengeFormCard } from './challenge-form-card';
import { type ChallengeListCardData, type ChallengeListItem, renderChallengeListCard } from './challenge-list-card';
import { type ChallengeReportCardData, renderChallengeReportCard } from './challenge-report-card';
import { trimToFit } from '../../../shared/cards/card-budget';
import { literalText } from '../../../shared/text/literal-text';
import { hasRole } from '../../../shared/access/actor';
import type { CardImage } from '../../../platform/charts/card-chart';
import { formatLondonDate, formatLondonDateTime, inLondon, londonDate, londonStartOfDay } from '../../../platform/time/london';
import {
  CHALLENGE_STATUSES,
  type Challenge,
  type ChallengeEvent,
  type ChallengeStatus,
  PRIORITY_AREAS,
  PRIORITY_AREA_LABELS,
  RAISING_GROUPS,
  RAISING_GROUP_LABELS,
  STATUS_LABELS,
  isActive,
  raisingGroupText,
  reachedAt,
} from '../domain/challenge';
import {
  type ChallengeFormContext,
  ChallengeFormError,
  type ChallengeFormField,
  type ChallengeFormValues,
  emptyChallengeFormValues,
} from '../domain/challenge-form';
import { ANY_AREA, type ChallengeListFilter, isOverdue } from '../domain/challenge-list-filter';
import type { ChallengeReport } from '../domain/challenge-report';
import { KEEP_STATUS, type RespondValues } from '../domain/challenge-response';
import type { ChallengeResponseError, ChallengeView, CreateOutcome, NudgeDue, RespondOutcome } from '../challenge-service';
import { nextStatuses, needsExplanation } from '../domain/challenge-status-machine';
import type { ChallengeSummary } from '../domain/challenge-summary';

const MAX_HISTORY_SHOWN = 8;
/** Our own names, not the host's ICU data: cards must read the same on every machine. */
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MAX_HISTORY_TEXT = 200;
/** Keeps a list card far below Teams' ~28 KB limit. */
export const MAX_LIST_ITEMS = 25;

type Color = ChallengeCardData['statusColor'];
type Style = ChallengeCardData['statusStyle'];

const STATUS_LOOK: Record<ChallengeStatus, { style: Style; color: Color }> = {
  received: { style: 'accent', color: 'Accent' },
  accepted: { style: 'accent', color: 'Accent' },
  in_progress: { style: 'accent', color: 'Accent' },
  completed: { style: 'good', color: 'Good' },
  informed: { style: 'good', color: 'Good' },
  declined: { style: 'warning', color: 'Warning' },
  redirected: { style: 'default', color: 'Default' },
};

export interface ChallengeCardOptions {
  nowUtc: string;
  heading?: string;
  message?: string;
  messageColor?: ChallengeCardData['messageColor'];
  /** What was typed, to keep it after a refusal. */
  values?: RespondValues;
  /** Teams user ids whose copy of the card refreshes itself (Teams allows 60). */
  refreshUserIds?: string[];
  /** Ask "is this a child's name?" with a box carrying this confirmation. */
  nameConfirmation?: string;
}

/** The card data for one challenge as a viewer sees it: respond inputs only when `view.viewerMayRespond`. */
export function challengeCardData(view: ChallengeView, options: ChallengeCardOptions): ChallengeCardData {
  const { challenge } = view;
  const today = londonDate(options.nowUtc);
  const overdue = isOverdue(challenge, today);
  const look = overdue ? { style: 'attention' as const, color: 'Attention' as const } : STATUS_LOOK[challenge.status];
  const shown = view.history.slice(-MAX_HISTORY_SHOWN);
  const hidden = view.history.length - shown.length;
  return {
    heading: options.heading ?? '',
    refreshUserIds: (options.refreshUserIds ?? []).slice(0, 60),
    reference: challenge.reference,
    version: challenge.version,
    title: literalText(challenge.title),
    words: literalText(challenge.words),
    group: literalText(raisingGroupText(challenge)),
    raisedOn: dayText(challenge.raisedOn),
    priority: PRIORITY_AREA_LABELS[challenge.priorityArea],
    lead: literalText(challenge.leadOfficer.name),
    assignees: challenge.assignees.map((person) => literalText(person.name)).join(', '),
    due: overdue ? `${dayText(challenge.dueOn)} (overdue)` : dayText(challenge.dueOn),
    statusLabel: `${STATUS_LABELS[challenge.status].toUpperCase()}${overdue ? ' · OVERDUE' : ''}`,
    statusStyle: look.style,
    statusColor: look.color,
    explanationLabel: challenge.explanation ? explanationLabel(challenge) : '',
    explanation: challenge.explanation ? literalText(challenge.explanation) : '',
    latestBy: challenge.latestResponse ? literalText(challenge.latestResponse.by.name) : '',
    latestWhen: challenge.latestResponse ? formatLondonDateTime(challenge.latestResponse.atUtc) : '',
    latestText: challenge.latestResponse ? literalText(challenge.latestResponse.text) : '',
    history: shown.map(historyLine),
    historyNote: hidden > 0 ? `${hidden} earlier ${hidden === 1 ? 'entry is' : 'entries are'} not shown.` : '',
    message: options.message ?? '',
    messageColor: options.messageColor ?? 'Default',
    canRespond: view.viewerMayRespond,
    statusChoices: statusChoices(challenge.status),
    values: options.values ?? { response: '', status: KEEP_STATUS, explanation: '', confirmNotChildName: '' },
    nameConfirmation: view.viewerMayRespond ? (options.nameConfirmation ?? '') : '',
    explanationHint: 'Needed to decline, redirect or complete the card: it goes back to the young people.',
  };
}

export function challengeCard(view: ChallengeView, options: ChallengeCardOptions): AdaptiveCardJson {
  return renderChallengeCard(challengeCardData(view, options));
}

/** The card after `challenge.create`: the new card, or the one a double click already made. */
export function challengeCreatedCard(outcome: CreateOutcome, nowUtc: string): AdaptiveCardJson {
  const message =
    outcome.outcome === 'created'
      ? `Challenge card ${outcome.view.challenge.reference} created.`
      : `This form already created ${outcome.view.challenge.reference}: here it is.`;
  return challengeCard(outcome.view, { nowUtc, message, messageColor: 'Good' });
}

/** The card after `challenge.respond`: updated, with a confirmation. */
export function challengeRespondedCard(outcome: RespondOutcome, nowUtc: string): AdaptiveCardJson {
  const message = outcome.outcome === 'recorded' ? 'Your response was recorded.' : 'You already sent this response: it was recorded once.';
  return challengeCard(outcome.view, { nowUtc, message, messageColor: 'Good' });
}

/** The card after a refused response: as it is now, the reason, and what was typed (when it can still be sent). */
export function challengeRefusedCard(error: ChallengeResponseError, nowUtc: string): AdaptiveCardJson {
  const asking = error.nameConfirmation.length > 0;
  return challengeCard(error.view, {
    nowUtc,
    message: error.userMessage,
    messageColor: asking ? 'Warning' : 'Attention',
    values: error.values,
    nameConfirmation: error.nameConfirmation,
  });
}

/** The heading of a nudge about an overdue card: 'Overdue by 5 days: due Friday 3 July 2026'. */
export function nudgeHeading(nudge: NudgeDue): string {
  return `Overdue by ${nudge.daysOverdue} ${nudge.daysOverdue === 1 ? 'day' : 'days'}: due ${dayText(nudge.dueOn)}. Please add an update.`;
}

/**
 * The "new challenge" form: blank from `context`, or redrawn from a ChallengeFormError with the
 * errors beside each field, what was typed, and the same form id.
 */
export function challengeFormCard(context: ChallengeFormContext, options: { error?: unknown } = {}): AdaptiveCardJson {
  let values: ChallengeFormValues = emptyChallengeFormValues();
  const errors = emptyChallengeFormValues();
  let message = '';
  let form = context;
  let nameConfirmation = '';
  if (options.error instanceof ChallengeFormError) {
    values = options.error.values;
    form = options.error.context;
    nameConfirmation = options.error.nameConfirmation;
    for (const [field, text] of Object.entries(options.error.fieldErrors)) errors[field as ChallengeFormField] = text ?? '';
    message = options.error.userMessage;
  }
  const data: ChallengeFormCardData = {
    heading: 'New challenge card',
    message,
    formId: form.formId,
    today: form.today,
    values,
    errors,
    nameConfirmation,
    groups: RAISING_GROUPS.map((group) => ({ title: RAISING_GROUP_LABELS[group], value: group })),
    areas: PRIORITY_AREAS.map((area) => ({ title: PRIORITY_AREA_LABELS[area], value: area })),
    officers: form.candidates
      .filter((person) => hasRole(person.role, 'officer'))
      .map((person) => ({ title: person.name, value: person.aadObjectId })),
    people: form.candidates.map((person) => ({ title: person.name, value: person.aadObjectId })),
  };
  return renderChallengeFormCard(data);
}

/** "challenge cards": the list with its filters. */
export function challengeListCard(cards: readonly ChallengeSummary[], filter: ChallengeListFilter, nowUtc: string): AdaptiveCardJson {
  return renderChallengeListCard(
    listData(`Challenge cards: ${filterText(filter)}`, cards, nowUtc, { filter, emptyNote: 'No challenge cards match these filters.' }),
  );
}

/** "my challenge cards": the open cards the member leads or is assigned to. */
export function myChallengeListCard(cards: readonly ChallengeSummary[], nowUtc: string): AdaptiveCardJson {
  return renderChallengeListCard(listData('My open challenge cards', cards, nowUtc, { emptyNote: 'You have no open challenge cards.' }));
}

/** The report's headline figures, as the card and the Word report both show them. */
export function challengeReportFacts(report: ChallengeReport): { title: string; value: string }[] {
  const average = report.averageDaysToFirstResponse;
  return [
    { title: 'Open during the period', value: String(report.inScope) },
    { title: 'New', value: String(report.raised) },
    { title: 'Completed', value: String(report.completed) },
    { title: 'Declined', value: String(report.declined) },
    { title: 'Redirected to a professional', value: String(report.redirected) },
    { title: report.partial ? 'Overdue now' : 'Overdue at the end', value: String(report.overdue) },
    {
      title: 'Average days to first response',
      value: average === undefined ? 'No responses yet' : `${average} (${report.responded} of ${report.raised} new cards answered)`,
    },
  ];
}

/** Outcomes shown on the card at most; the Word report has them all. */
const MAX_CARD_OUTCOMES = 15;

/**
 * The quarterly summary. `csvUrl` and `docxUrl` (the bot's downloads for the same period) add
 * their buttons; `image` is the chart by priority area and status. A busy quarter's outcomes are
 * trimmed to as many as fit the card budget (at most 15), saying how many more are in the Word
 * report, so the card is never too large to send.
 */
export function challengeReportCard(
  report: ChallengeReport,
  options: { csvUrl?: string; docxUrl?: string; image?: CardImage } = {},
): AdaptiveCardJson {
  const outcomes = report.outcomes.map((entry) => ({
    reference: entry.reference,
    title: literalText(entry.title),
    outcome: literalText(entry.outcome),
  }));
  const data: ChallengeReportCardData = {
    heading: `Challenge cards report: ${report.period.title}`,
    dates: report.period.dates,
    partialNote: report.partial ? `The period is still running: figures as at ${dayText(report.asOf)}.` : '',
    image: options.image ?? { url: '', altText: '' },
    facts: challengeReportFacts(report),
    byStatus: report.byStatus.map((entry) => ({ label: entry.label, count: String(entry.count) })),
    byPriority: report.byPriority.map((entry) => ({ label: entry.label, count: String(entry.count) })),
    outcomes: [],
    outcomesNote: '',
    footnote:
      'Quarters are calendar quarters: Q1 is January to March. Statuses are as they stood at the end of the period. The CSV lists every card open during the period.',
    csvUrl: options.csvUrl ?? '',
    docxUrl: options.docxUrl ?? '',
  };
  return trimToFit(Math.min(outcomes.length, MAX_CARD_OUTCOMES), (shown) => {
    const hidden = outcomes.length - shown;
    return renderChallengeReportCard({
      ...data,
      outcomes: outcomes.slice(0, shown),
      outcomesNote: hidden > 0 ? `${hidden} more completed ${hidden === 1 ? 'card is' : 'cards are'} in the Word report.` : '',
    });
  });
}

function listData(
  heading: string,
  cards: readonly ChallengeSummary[],
  nowUtc: string,
  options: { filter?: ChallengeListFilter; emptyNote: string },
): ChallengeListCardData {
  const today = londonDate(nowUtc);
  const shown = cards.slice(0, MAX_LIST_ITEMS);
  const note =
    cards.length === 0
      ? options.emptyNote
      : cards.length > shown.length
        ? `Showing ${shown.length} of ${cards.length}, soonest due first.${options.filter ? ' Narrow the list with the filters.' : ''}`
        : '';
  return {
    heading,
    items: shown.map((card) => listItem(card, today)),
    note,
    showFilters: options.filter !== undefined,
    filter: {
      status: options.filter?.status ?? 'open',
      priorityArea: options.filter?.priorityArea ?? ANY_AREA,
      overdue: options.filter?.overdue ? 'true' : 'false',
    },
    statusChoices: [
      { title: 'Open', value: 'open' },
      { title: 'All', value: 'all' },
      ...CHALLENGE_STATUSES.map((status) => ({ title: STATUS_LABELS[status], value: status })),
    ],
    areaChoices: [
      { title: 'All priority areas', value: ANY_AREA },
      ...PRIORITY_AREAS.map((area) => ({ title: PRIORITY_AREA_LABELS[area], value: area })),
    ],
  };
}

function listItem(card: ChallengeSummary, today: string): ChallengeListItem {
  const overdue = isOverdue(card, today);
  return {
    reference: card.reference,
    title: literalText(card.title),
    statusLabel: STATUS_LABELS[card.status],
    statusColor: overdue ? 'Attention' : STATUS_LOOK[card.status].color,
    due: isActive(card.status) ? `${overdue ? 'Overdue: due' : 'Due'} ${dayText(card.dueOn)}` : `Was due ${dayText(card.dueOn)}`,
    dueColor: overdue ? 'Attention' : 'Default',
    priority: PRIORITY_AREA_LABELS[card.priorityArea],
    lead: literalText(card.leadOfficer.name),
  };
}

function filterText(filter: ChallengeListFilter): string {
  const parts = [filter.status === 'open' ? 'open' : filter.status === 'all' ? 'all' : STATUS_LABELS[filter.status].toLowerCase()];
  if (filter.overdue) parts.push('overdue');
  if (filter.priorityArea) parts.push(PRIORITY_AREA_LABELS[filter.priorityArea]);
  return parts.join(', ');
}

function statusChoices(current: ChallengeStatus): { title: string; value: string }[] {
  const moves = nextStatuses(current).map((status) => ({
    title: needsExplanation(current, status) ? `${STATUS_LABELS[status]} (add the explanation below)` : STATUS_LABELS[status],
    value: status,
  }));
  return [{ title: `Keep as ${STATUS_LABELS[current].toLowerCase()}`, value: KEEP_STATUS }, ...moves];
}

function explanationLabel(challenge: Challenge): string {
  if (challenge.status === 'redirected') return 'Passed to';
  return reachedAt(challenge, 'completed') ? 'Outcome for the young people' : 'Why the challenge cannot be met';
}

function historyLine(event: ChallengeEvent): { when: string; who: string; what: string } {
  const parts: string[] = [];
  if (event.kind === 'created') parts.push('Raised the card');
  if (event.toStatus && event.kind === 'response') parts.push(`Marked ${STATUS_LABELS[event.toStatus].toLowerCase()}`);
  if (event.text) parts.push(shorten(event.text));
  if (event.explanation) parts.push(`Explanation: ${shorten(event.explanation)}`);
  const at = inLondon(event.atUtc);
  return {
    when: `${at.day} ${SHORT_MONTHS[at.month - 1] ?? ''} ${at.year}`,
    who: literalText(event.by.name),
    what: literalText(parts.join('. ')),
  };
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= MAX_HISTORY_TEXT ? flat : `${flat.slice(0, MAX_HISTORY_TEXT - 1)}…`;
}

/** 'Friday 3 July 2026' for a London date. */
function dayText(date: string): string {
  return formatLondonDate(londonStartOfDay(date));
}
