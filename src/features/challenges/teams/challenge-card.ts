import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';

export interface ChallengeCardData {
  /** What the card is for ('Overdue: due Friday 3 July 2026'), or empty. */
  heading: string;
  /** Teams user ids (at most 60) whose card fetches the latest state whenever they look at it. */
  refreshUserIds: string[];
  reference: string;
  /** The card's version, carried on `challenge.respond` so a double click records once. */
  version: number;
  title: string;
  /** The challenge in the young people's words. */
  words: string;
  group: string;
  raisedOn: string;
  priority: string;
  lead: string;
  /** Assignees' names, comma-separated, or empty. */
  assignees: string;
  due: string;
  /** Shown loudly: 'OVERDUE' is added by the mapper when it is. */
  statusLabel: string;
  statusStyle: 'default' | 'accent' | 'good' | 'warning' | 'attention';
  statusColor: 'Default' | 'Accent' | 'Good' | 'Warning' | 'Attention';
  /** 'Outcome for the young people', 'Why it cannot be met', 'Passed to'; empty hides it. */
  explanationLabel: string;
  explanation: string;
  latestBy: string;
  latestWhen: string;
  latestText: string;
  history: { when: string; who: string; what: string }[];
  /** '4 earlier entries are not shown.' or empty. */
  historyNote: string;
  /** A confirmation or refusal over the card, or empty. */
  message: string;
  messageColor: 'Default' | 'Good' | 'Attention' | 'Warning';
  /** Respond inputs and the `challenge.respond` action; read-only when false. */
  canRespond: boolean;
  /** The first choice keeps the current status (value 'keep'). */
  statusChoices: { title: string; value: string }[];
  values: { response: string; status: string; explanation: string };
  /** The "This is not a child's name" box's value when ticked; empty hides the box. */
  nameConfirmation: string;
  explanationHint: string;
}

/** One challenge card; sends `challenge.respond` with {reference, version} plus `response`, `status`, `explanation`. */
export function renderChallengeCard(data: ChallengeCardData): AdaptiveCardJson {
  return cardTemplate('challenge').expand(data);
}
