import { createHash } from 'node:crypto';
import { findPhoneAndNhsNumbers } from './personal-data/phone-and-nhs-numbers';
import { hasDateOfBirth } from './personal-data/dates-of-birth';
import { hasEmailAddress } from './personal-data/email-addresses';
import { hasHomeAddress } from './personal-data/home-addresses';
import { nameLexicon } from './personal-data/name-lexicon';
import { normaliseText } from './personal-data/normalise-text';
import { hasNiNumber, hasPupilNumber } from './personal-data/official-numbers';
import { type NameOptions, findNames } from './personal-data/person-names';
import { PERSONAL_DATA_DESCRIPTIONS, PERSONAL_DATA_KINDS, type PersonalDataKind } from './personal-data/personal-data-kind';
import { hasPostcode } from './personal-data/postcodes';
import { tokenise } from './personal-data/text-tokens';

export { PERSONAL_DATA_DESCRIPTIONS, PERSONAL_DATA_KINDS };
export type { PersonalDataKind, NameOptions };

/**
 * Spots a child's personal details in free text before a challenge card stores it. Records name
 * the raising group, never a child (UK GDPR: store the minimum). What it finds is named by kind
 * only: the matched text is never echoed back, into a message, a log or a card.
 *
 * Two outcomes besides "clear":
 * - refused: details that identify or reach a person (phone, e-mail, postcode, home address,
 *   date of birth, NHS / NI / pupil number, a name with an age). Organisations' numbers and
 *   e-mails are refused too: telling them apart from a child's is guesswork, and the message
 *   says to name the service instead.
 * - possible names: words that look like a person's name. The officer is asked to confirm it is
 *   not a child's name; a confirmed submission goes through (and is checked for everything else
 *   again).
 *
 * Everything runs on the text normalised first (NFKC, full-width to ASCII, odd dashes, spaces and
 * invisible characters), in time linear in its length: see tests/bench/personal-data-guard-bench.ts.
 */
export interface PersonalDataCheck {
  /** Kinds found, each once, in PERSONAL_DATA_KINDS order; empty when none. */
  refused: PersonalDataKind[];
  /** Lower-case words that may be names, sorted; never shown, only fingerprinted. */
  possibleNames: string[];
}

export function checkPersonalData(text: string, options: NameOptions = {}): PersonalDataCheck {
  if (text.trim().length === 0) return { refused: [], possibleNames: [] };
  const normalised = normaliseText(text);
  const found = new Set<PersonalDataKind>();
  const names = new Set<string>();
  for (const segment of segments(normalised)) checkSegment(segment, options, found, names);
  return { refused: PERSONAL_DATA_KINDS.filter((kind) => found.has(kind)), possibleNames: [...names].sort() };
}

/**
 * Long text is read in overlapping pieces of at most SEGMENT characters, cut at spaces: every
 * detector looks only a few words around what it matches, far less than OVERLAP, so nothing is
 * missed at a cut, and the work and memory per piece stay bounded whatever the length. A card's
 * fields (2,000 characters at most) are always one piece.
 */
const SEGMENT = 4096;
const OVERLAP = 512;
const CUT_SEARCH = 128;

function* segments(text: string): Generator<string> {
  if (text.length <= SEGMENT) {
    yield text;
    return;
  }
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + SEGMENT);
    if (end < text.length) end = spaceBefore(text, end);
    yield text.slice(start, end);
    if (end >= text.length) return;
    start = spaceAfter(text, Math.max(start + 1, end - OVERLAP));
  }
}

/** The last space within CUT_SEARCH characters before `at` (or `at` itself): never cut a word if a space is near. */
function spaceBefore(text: string, at: number): number {
  for (let index = at; index > at - CUT_SEARCH; index--) if (text[index] === ' ' || text[index] === '\n') return index;
  return at;
}

function spaceAfter(text: string, at: number): number {
  for (let index = at; index < at + CUT_SEARCH && index < text.length; index++)
    if (text[index] === ' ' || text[index] === '\n') return index + 1;
  return at;
}

function checkSegment(normalised: string, options: NameOptions, found: Set<PersonalDataKind>, possibleNames: Set<string>): void {
  const tokens = tokenise(normalised);
  const numbers = findPhoneAndNhsNumbers(tokens);
  const names = findNames(tokens, nameLexicon(), options);
  for (const name of names.possibleNames) possibleNames.add(name);
  if (names.nameWithAge) found.add('name_with_age');
  if (hasDateOfBirth(tokens)) found.add('date_of_birth');
  if (numbers.phone) found.add('phone');
  if (hasEmailAddress(normalised)) found.add('email');
  if (hasPostcode(normalised)) found.add('postcode');
  if (hasHomeAddress(tokens)) found.add('address');
  if (numbers.nhs) found.add('nhs_number');
  if (hasNiNumber(normalised)) found.add('ni_number');
  if (hasPupilNumber(normalised)) found.add('pupil_number');
}

/** The kinds of personal detail the text seems to hold (refusals only), each once; empty when none. */
export function findPersonalData(text: string, options: NameOptions = {}): PersonalDataKind[] {
  return checkPersonalData(text, options).refused;
}

/**
 * The refusal for a field, naming what was found and never the text itself:
 * "This looks like it contains a phone number and an email address. ..."
 */
export function personalDataMessage(kinds: readonly PersonalDataKind[]): string {
  const names = kinds.map((kind) => PERSONAL_DATA_DESCRIPTIONS[kind]);
  return `This looks like it contains ${joinAnd(names)}. Challenge cards must not hold a child's personal details: please take it out (name a role, a group or a service instead of a person or a number).`;
}

/** The question for a field with a possible name; it never repeats the word. */
export const POSSIBLE_NAME_MESSAGE =
  "This may contain a person's name. Challenge cards must never name a child: if it is a child's name, take it out. If it is not (an officer, a councillor, a service), tick \"This is not a child's name\" and submit again.";

/**
 * The confirmation a card carries for the possible names it showed: a short fingerprint per word,
 * salted with the form or card it was shown on. A later submission is confirmed only for the words
 * fingerprinted, so a name added after ticking the box is asked about again. The fingerprints hide
 * nothing the card does not already show (the words are in its input boxes), and reveal no more.
 */
export function nameConfirmation(salt: string, possibleNames: readonly string[]): string {
  return possibleNames.map((name) => fingerprint(salt, name)).join('.');
}

/** Whether `confirmation` (from the card) covers every possible name found now. */
export function namesConfirmed(salt: string, possibleNames: readonly string[], confirmation: unknown): boolean {
  if (typeof confirmation !== 'string' || confirmation.length > 2000) return false;
  const confirmed = new Set(confirmation.split('.'));
  return possibleNames.every((name) => confirmed.has(fingerprint(salt, name)));
}

function fingerprint(salt: string, name: string): string {
  return createHash('sha256').update(`${salt}\u0000${name}`).digest('base64url').slice(0, 12);
}

function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
