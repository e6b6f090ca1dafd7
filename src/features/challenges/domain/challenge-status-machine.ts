import { type ChallengeStatus, STATUS_LABELS } from './challenge';

/** What a move needs besides the new status. */
export type TransitionRequirement = 'explanation';

interface Transition {
  requires: readonly TransitionRequirement[];
  /** Shown when a requirement is missing. */
  missing?: string;
}

/**
 * Every allowed move, and nothing else. Why these:
 * - declined and completed carry the explanation that goes back to the young people (why a
 *   challenge cannot be met; what was done), so they need one;
 * - redirected needs to say where the personal issue went (a role, never a child's name), or
 *   nobody can follow it up;
 * - accepted -> completed is allowed directly: a quick fix should not need a pretend "in progress";
 * - informed only after completed or declined: telling the young people is the last step, and
 *   there is nothing to tell until there is an outcome;
 * - redirected and informed are final: the card's work is done.
 */
export const TRANSITIONS: Readonly<Record<ChallengeStatus, Readonly<Partial<Record<ChallengeStatus, Transition>>>>> = {
  received: {
    accepted: { requires: [] },
    declined: {
      requires: ['explanation'],
      missing: 'Say why the challenge cannot be met: this explanation goes back to the young people.',
    },
    redirected: {
      requires: ['explanation'],
      missing: 'Say which professional the issue was passed to (their role, never a name of the child).',
    },
  },
  accepted: {
    in_progress: { requires: [] },
    completed: { requires: ['explanation'], missing: 'Describe the outcome: this explanation goes back to the young people.' },
  },
  in_progress: {
    completed: { requires: ['explanation'], missing: 'Describe the outcome: this explanation goes back to the young people.' },
  },
  completed: { informed: { requires: [] } },
  declined: { informed: { requires: [] } },
  redirected: {},
  informed: {},
};

/** The statuses a card can move to next, in the order they are offered on the card. */
export function nextStatuses(from: ChallengeStatus): ChallengeStatus[] {
  return Object.keys(TRANSITIONS[from]) as ChallengeStatus[];
}

export function canMove(from: ChallengeStatus, to: ChallengeStatus): boolean {
  return TRANSITIONS[from][to] !== undefined;
}

/** Whether a move needs an explanation for the young people. */
export function needsExplanation(from: ChallengeStatus, to: ChallengeStatus): boolean {
  return TRANSITIONS[from][to]?.requires.includes('explanation') ?? false;
}

/**
 * Why a move cannot be made as asked, in words for the person responding; undefined when it can.
 * `explanation` is the text for the young people, already trimmed.
 */
export function transitionProblem(from: ChallengeStatus, to: ChallengeStatus, input: { explanation?: string }): string | undefined {
  const transition = TRANSITIONS[from][to];
  if (!transition) {
    const options = nextStatuses(from).map((status) => STATUS_LABELS[status]);
    const offer = options.length > 0 ? ` From here it can move to: ${options.join(', ')}.` : ' It cannot change any more.';
    return `A card that is ${STATUS_LABELS[from].toLowerCase()} cannot be marked ${STATUS_LABELS[to].toLowerCase()}.${offer}`;
  }
  if (transition.requires.includes('explanation') && !input.explanation) return transition.missing;
  return undefined;
}
