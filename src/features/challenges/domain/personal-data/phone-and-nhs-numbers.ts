import { type DigitRun, digitRuns, holdsDate } from './digit-runs';
import type { Token } from './text-tokens';

const PHONE_LABELS = new Set([
  'tel',
  'telephone',
  'phone',
  'mobile',
  'mob',
  'landline',
  'call',
  'ring',
  'text',
  'txt',
  'whatsapp',
  'contact',
  'number',
  'no',
  'num',
  'cell',
]);
const NHS_LABEL = 'nhs';
const LABEL_WINDOW = 8;

/** The words just before a run, lower case ("NHS number:", "tel"). */
function labelsBefore(tokens: readonly Token[], run: DigitRun): Set<string> {
  const words = new Set<string>();
  for (let index = run.firstToken - 1; index >= 0 && index >= run.firstToken - LABEL_WINDOW; index--) {
    const token = tokens[index]!;
    if (token.kind === 'word') words.add(token.lower);
    if (token.kind === 'newline') break;
  }
  return words;
}

/**
 * 03, 080, 084, 087 and 09 numbers are non-geographic service numbers: organisations have them
 * (the council's 03000 41 41 41, Childline's 0800 1111), people do not, so they are not personal.
 */
const SERVICE_NUMBER = /^(?:3|80|84|87|9)/;

/**
 * A UK phone number: 10 or 11 digits from the trunk 0 (or 00 and a country code), a mobile
 * written without its 0 ("7700 900123"), +44 with or without "(0)", another country's + number,
 * or 9 to 15 digits after a label such as "tel" or "mobile". A run holding a date is not one.
 */
function isPhone(run: DigitRun, labels: ReadonlySet<string>): boolean {
  if (holdsDate(run)) return false;
  const { digits } = run;
  if (run.plus) {
    if (digits.startsWith('44')) {
      const national = digits.slice(2).replace(/^0/, '');
      return national.length >= 9 && national.length <= 10 && !SERVICE_NUMBER.test(national);
    }
    return digits.length >= 8 && digits.length <= 15;
  }
  if (digits.startsWith('00')) return digits.length >= 11 && digits.length <= 15;
  if (digits.startsWith('0')) return (digits.length === 10 || digits.length === 11) && !SERVICE_NUMBER.test(digits.slice(1));
  if (/^7[1-9]/.test(digits) && digits.length === 10) return true;
  return digits.length >= 9 && digits.length <= 15 && [...labels].some((label) => PHONE_LABELS.has(label));
}

/** NHS numbers end in a modulus-11 check digit; a 10 that cannot be written makes the number invalid. */
export function nhsCheckDigitValid(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const sum = [...digits.slice(0, 9)].reduce((total, digit, index) => total + Number(digit) * (10 - index), 0);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(digits[9]);
}

export function findPhoneAndNhsNumbers(tokens: readonly Token[]): { phone: boolean; nhs: boolean } {
  let phone = false;
  let nhs = false;
  for (const run of digitRuns(tokens)) {
    const labels = labelsBefore(tokens, run);
    if (run.digits.length === 10 && labels.has(NHS_LABEL)) nhs = true;
    else if (isPhone(run, labels)) phone = true;
    else if (run.digits.length === 10 && !holdsDate(run) && nhsCheckDigitValid(run.digits)) nhs = true;
    if (phone && nhs) break;
  }
  return { phone, nhs };
}
