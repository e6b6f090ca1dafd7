/**
 * Spots text that looks like a child's personal details, so a challenge card never stores them.
 * Records name the raising group, never a child (UK GDPR: store the minimum). Findings name the
 * kind of detail only: the matched text is never echoed back, into a message, a log or a card.
 *
 * Deliberately cautious: an organisation's phone number or a date written in figures is refused
 * too, because telling them apart from a child's is guesswork. The message says how to write such
 * things instead (a role instead of a number, "September 2026" instead of 01/09/2026).
 * It cannot spot names: the form asks for the group, and people are trusted not to name a child.
 */
export type PersonalDataKind = 'phone' | 'email' | 'date_of_birth' | 'numeric_date' | 'postcode' | 'address' | 'ni_number' | 'nhs_number';

export const PERSONAL_DATA_DESCRIPTIONS: Record<PersonalDataKind, string> = {
  phone: 'a phone number',
  email: 'an email address',
  date_of_birth: 'a date of birth',
  numeric_date: 'a date written in figures (it could be a date of birth)',
  postcode: 'a postcode',
  address: 'a street address',
  ni_number: 'a National Insurance number',
  nhs_number: 'an NHS number',
};

const KIND_ORDER: readonly PersonalDataKind[] = ['phone', 'email', 'date_of_birth', 'numeric_date', 'postcode', 'address', 'ni_number', 'nhs_number'];

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/;
/** A run that could be a phone number: starts with + or 0, digits with the separators people type. */
const PHONE_CANDIDATE = /(?<![\d\w])(?:\+\s?\d{1,3}|0)[\d\s().-]{7,20}\d(?!\d)/g;
/** 14/05/2009, 14-5-09, 14.05.2009; and ISO 2009-05-14. */
const NUMERIC_DATE = /(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?!\d)/g;
const ISO_DATE = /(?<!\d)(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)/;
const DATE_OF_BIRTH = new RegExp(
  [
    String.raw`\bd\.?\s?o\.?\s?b\b`,
    String.raw`\bdate\s+of\s+birth\b`,
    String.raw`\bborn\s+on\b`,
    String.raw`\bborn\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\b`,
    String.raw`\bborn\s+in\s+(?:19|20)\d{2}\b`,
    String.raw`\bbirthday\s+is\b`,
  ].join('|'),
  'i',
);
/** Outward code + inward code, in capitals as postcodes are written (lower case gives too many false hits: "b2 4th"). */
const POSTCODE = /\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s?\d[ABD-HJLNP-UW-Z]{2}\b/;
const ADDRESS = /\b\d{1,4}[a-z]?,?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Road|Street|Avenue|Close|Lane|Drive|Way|Crescent|Gardens|Place|Court|Grove|Terrace|Rise|Hill|Mews|Row|Walk|Square)\b/;
const NI_NUMBER = /\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b/i;
const NHS_CANDIDATE = /(?<!\d)\d{3}[\s-]?\d{3}[\s-]?\d{4}(?!\d)/g;

/** The kinds of personal detail the text seems to hold, each once, in a fixed order; empty when none. */
export function findPersonalData(text: string): PersonalDataKind[] {
  const found = new Set<PersonalDataKind>();
  if (hasPhoneNumber(text)) found.add('phone');
  if (EMAIL.test(text)) found.add('email');
  if (DATE_OF_BIRTH.test(text)) found.add('date_of_birth');
  if (hasNumericDate(text)) found.add('numeric_date');
  if (POSTCODE.test(text)) found.add('postcode');
  if (ADDRESS.test(text)) found.add('address');
  if (NI_NUMBER.test(text)) found.add('ni_number');
  if (!found.has('phone') && hasNhsNumber(text)) found.add('nhs_number');
  return KIND_ORDER.filter((kind) => found.has(kind));
}

/**
 * The refusal for a field, naming what was found and never the text itself:
 * "This looks like it contains a phone number and an email address. ..."
 */
export function personalDataMessage(kinds: readonly PersonalDataKind[]): string {
  const names = kinds.map((kind) => PERSONAL_DATA_DESCRIPTIONS[kind]);
  return `This looks like it contains ${joinAnd(names)}. Challenge cards must not hold a child's personal details: please take it out (name a role or a group instead of a person, and write dates as words, like "September 2026").`;
}

function hasPhoneNumber(text: string): boolean {
  for (const match of text.matchAll(PHONE_CANDIDATE)) {
    const raw = match[0];
    let digits = raw.replace(/\D/g, '');
    if (raw.startsWith('+')) {
      if (digits.startsWith('44')) {
        // +44 (0)7700 900123: the trunk 0 in brackets is not part of the number.
        digits = digits.slice(2).replace(/^0/, '');
        if (digits.length >= 9 && digits.length <= 10) return true;
      } else if (digits.length >= 8 && digits.length <= 15) {
        return true;
      }
    } else if (digits.length >= 10 && digits.length <= 11) {
      return true;
    }
  }
  return false;
}

function hasNumericDate(text: string): boolean {
  if (ISO_DATE.test(text)) return true;
  for (const match of text.matchAll(NUMERIC_DATE)) {
    const day = Number(match[1]);
    const month = Number(match[2]);
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) return true;
  }
  return false;
}

/** Ten digits passing the NHS modulus 11 check: the check keeps "0800 123 4567"-like runs out. */
function hasNhsNumber(text: string): boolean {
  for (const match of text.matchAll(NHS_CANDIDATE)) {
    const digits = match[0].replace(/\D/g, '').split('').map(Number);
    const sum = digits.slice(0, 9).reduce((total, digit, index) => total + digit * (10 - index), 0);
    const check = 11 - (sum % 11);
    const expected = check === 11 ? 0 : check;
    if (expected !== 10 && expected === digits[9]) return true;
  }
  return false;
}

function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
