import { z } from 'zod';
import { DomainError, type DomainErrorCode } from '../../../shared/errors/domain-error';
import type { Actor } from '../../../shared/access/actor';
import { assertValidKey, hashedKey } from '../../../platform/storage/keys';
import {
  CHALLENGE_STATUSES,
  type Challenge,
  type ChallengeChange,
  type ChallengeEvent,
  type ChallengeReference,
  type ChallengeStatus,
  STATUS_LABELS,
  isFinal,
  referenceSchema,
} from './challenge';
import { mayRespond } from './challenge-access';
import { canMove, needsExplanation, transitionProblem } from './challenge-status-machine';
import { POSSIBLE_NAME_MESSAGE, checkPersonalData, nameConfirmation, namesConfirmed, personalDataMessage } from './personal-data-guard';

export const MAX_RESPONSE_LENGTH = 2000;
export const MAX_EXPLANATION_LENGTH = 2000;
/** The status choice that keeps the current status (a ChoiceSet value cannot be empty). */
export const KEEP_STATUS = 'keep';

/** What the person typed on the card's respond inputs, kept to redraw the card after a refusal. */
export interface RespondValues {
  response: string;
  /** A status to move to, or KEEP_STATUS (or '') to keep the current one. */
  status: string;
  explanation: string;
  /** The "This is not a child's name" box: the card's confirmation when ticked, else empty. */
  confirmNotChildName: string;
}

/** `challenge.respond` data: the card's {reference, version} plus the inputs. */
export interface RespondInput {
  reference: ChallengeReference;
  /** The card version the person was looking at. */
  version: number;
  values: RespondValues;
}

export interface ResponseRefusal {
  code: DomainErrorCode;
  message: string;
  /** Set when the card must ask "is this a child's name?": the value its confirmation box carries. */
  nameConfirmation?: string;
}

export type ResponseDecision = { change: ChallengeChange } | { refusal: ResponseRefusal };

const text = z.preprocess((value) => (typeof value === 'string' ? value.slice(0, MAX_RESPONSE_LENGTH + 1000) : ''), z.string());
const respondSchema = z.object({
  reference: referenceSchema,
  version: z.preprocess(
    (value) => (typeof value === 'string' && /^\d{1,7}$/.test(value) ? Number(value) : value),
    z.number().int().min(0).max(9_999_999),
  ),
  response: text,
  status: text,
  explanation: text,
  confirmNotChildName: text,
});

/** Validates the card's data; a card that cannot be read is refused before anything is loaded. */
export function parseRespondInput(data: unknown): RespondInput {
  const parsed = respondSchema.safeParse(data ?? {});
  if (!parsed.success)
    throw new DomainError('invalid_input', 'This card could not be read. Ask for the card again, e.g. "challenge CC-2026-014".');
  const { reference, version, response, status, explanation, confirmNotChildName } = parsed.data;
  return { reference, version, values: { response, status, explanation, confirmNotChildName } };
}

/**
 * The history key of a response: its own idempotency key, a hash of who made it, the card version
 * it was made on and what it says (response, status, explanation, as the card sent them, trimmed).
 * A double click or a Teams retry sends the same response again: same key, so the second finds it
 * taken and records nothing. A different response, even from an older copy of the card (another
 * device, a nudge), or the same words from another person, gets its own key and is kept.
 */
export function responseKey(input: Pick<RespondInput, 'version' | 'values'>, actor: Pick<Actor, 'aadObjectId'>): string {
  const { response, status, explanation } = input.values;
  const said = [response.trim(), status.trim() === '' ? KEEP_STATUS : status.trim(), explanation.trim()];
  return assertValidKey(`r.${hashedKey('challenge-response', actor.aadObjectId, String(input.version), ...said)}`, 'response key');
}

/**
 * Decides a response against the card as it is now (pure, so it can run again after losing an
 * ETag race). Refusals explain themselves; a move the card can no longer make because someone
 * else moved it meanwhile says so, instead of blaming the person.
 */
export function decideResponse(current: Challenge, actor: Actor, input: RespondInput, nowUtc: string): ResponseDecision {
  if (isFinal(current.status)) {
    return refuse(
      'conflict',
      `${current.reference} is closed (${STATUS_LABELS[current.status].toLowerCase()}), so nothing more can be added to it.`,
    );
  }
  if (!mayRespond(actor, current)) {
    return refuse('forbidden', 'Only the lead officer, the people this card is assigned to and participation officers can respond to it.');
  }
  const response = input.values.response.trim();
  const explanation = input.values.explanation.trim();
  const problem = textProblem(current, actor, input, { response, explanation });
  if (problem) return { refusal: problem };
  const requested = input.values.status.trim() === KEEP_STATUS ? '' : input.values.status.trim();
  if (requested !== '' && !(CHALLENGE_STATUSES as readonly string[]).includes(requested))
    return refuse('invalid_input', 'Choose the new status from the list.');
  const to = requested === '' || requested === current.status ? undefined : (requested as ChallengeStatus);
  if (to) {
    const moveProblem = transitionProblem(current.status, to, { explanation });
    if (moveProblem) {
      if (input.version !== current.version && !canMove(current.status, to)) {
        return refuse(
          'conflict',
          `While you had this card open it changed: it is now ${STATUS_LABELS[current.status].toLowerCase()}. Your response was not recorded: check the card and respond again.`,
        );
      }
      return refuse('invalid_input', moveProblem);
    }
  }
  // Before the young people are told, the explanation of a completed or declined card may be corrected.
  const setsExplanation = to ? needsExplanation(current.status, to) : current.status === 'completed' || current.status === 'declined';
  if (explanation && !setsExplanation) {
    return refuse(
      'invalid_input',
      'The explanation for the young people is only for declining, redirecting or completing a card: choose one of those, or leave the explanation empty.',
    );
  }
  if (!response && !to && !explanation) return refuse('invalid_input', 'Write a response or choose a new status.');
  return { change: applyResponse(current, actor, input, { response, explanation, to }, nowUtc) };
}

function applyResponse(
  current: Challenge,
  actor: Actor,
  input: RespondInput,
  said: { response: string; explanation: string; to?: ChallengeStatus },
  nowUtc: string,
): ChallengeChange {
  const by = { aadObjectId: actor.aadObjectId, name: actor.name };
  const next: Challenge = {
    ...current,
    version: current.version + 1,
    updatedAtUtc: nowUtc,
    firstResponseAtUtc: current.firstResponseAtUtc ?? nowUtc,
  };
  const event: ChallengeEvent = { reference: current.reference, key: responseKey(input, actor), by, atUtc: nowUtc, kind: 'response' };
  if (said.response) {
    next.latestResponse = { by, atUtc: nowUtc, text: said.response };
    event.text = said.response;
  }
  if (said.to) {
    next.status = said.to;
    next.statusChanges = [...current.statusChanges, { status: said.to, atUtc: nowUtc }];
    event.fromStatus = current.status;
    event.toStatus = said.to;
    if (said.to === 'completed' && said.response) next.outcome = said.response;
  }
  if (said.explanation) {
    next.explanation = said.explanation;
    event.explanation = said.explanation;
  }
  return { next, event };
}

/** Lengths, then the personal-data guard; a possible name is asked about unless confirmed for this card version. */
function textProblem(
  current: Challenge,
  actor: Actor,
  input: RespondInput,
  said: { response: string; explanation: string },
): ResponseRefusal | undefined {
  const invalid = (message: string): ResponseRefusal => ({ code: 'invalid_input', message });
  if (said.response.length > MAX_RESPONSE_LENGTH) return invalid(`Please keep the response under ${MAX_RESPONSE_LENGTH} characters.`);
  if (said.explanation.length > MAX_EXPLANATION_LENGTH)
    return invalid(`Please keep the explanation under ${MAX_EXPLANATION_LENGTH} characters.`);
  const knownAdultNames = [current.leadOfficer, ...current.assignees, current.createdBy, actor].map((person) => person.name);
  const inResponse = checkPersonalData(said.response, { knownAdultNames });
  if (inResponse.refused.length > 0) return invalid(`Your response: ${personalDataMessage(inResponse.refused)}`);
  const inExplanation = checkPersonalData(said.explanation, { knownAdultNames });
  if (inExplanation.refused.length > 0) return invalid(`The explanation: ${personalDataMessage(inExplanation.refused)}`);
  const names = [...new Set([...inResponse.possibleNames, ...inExplanation.possibleNames])].sort();
  if (names.length === 0 || namesConfirmed(confirmationSalt(current.reference, input.version), names, input.values.confirmNotChildName))
    return undefined;
  const where = inResponse.possibleNames.length > 0 ? 'Your response' : 'The explanation';
  // The card is drawn again at its current version, so the box carries a confirmation for that version.
  return {
    ...invalid(`${where}: ${POSSIBLE_NAME_MESSAGE}`),
    nameConfirmation: nameConfirmation(confirmationSalt(current.reference, current.version), names),
  };
}

/** A confirmation holds for one card and the version it was shown at. */
function confirmationSalt(reference: ChallengeReference, version: number): string {
  return `${reference}@${version}`;
}

function refuse(code: DomainErrorCode, message: string): ResponseDecision {
  return { refusal: { code, message } };
}
