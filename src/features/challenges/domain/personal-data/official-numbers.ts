/**
 * National Insurance numbers and unique pupil numbers, with any separators ("AB-12-34-56-C",
 * "ab 12 34 56 c", "A123 4567 89 012"). Bounded patterns that start only where a word starts:
 * linear time on any input.
 */
const SEP = String.raw`[\s._\-/]{0,3}`;
/**
 * Two letters, six digits, A-D. Not checked against HMRC's issued prefixes: the example number
 * HMRC publishes (QQ 12 34 56 C) is an NI number to a reader, and so to the guard.
 */
const NI_NUMBER = new RegExp(String.raw`(?<![a-z0-9])([a-z]{2})${SEP}(\d{2})${SEP}(\d{2})${SEP}(\d{2})${SEP}([a-d])(?![a-z0-9])`, 'gi');
const NI_LABELLED = new RegExp(
  String.raw`(?<![a-z])(?:ni|nino|nin|national${SEP}insurance)(?![a-z])(?:${SEP}(?:no|number|num))?${SEP}[:#-]?${SEP}[a-z]{2}${SEP}\d{2}${SEP}\d{2}${SEP}\d{2}`,
  'i',
);

/** A check letter, a 3-digit authority, 4-digit school, 2-digit year, 3-digit serial (the last may be a letter: a temporary UPN). */
const UPN = new RegExp(
  String.raw`(?<![a-z0-9])([a-z])[\s\-]{0,2}(\d{3})[\s\-]{0,2}(\d{4})[\s\-]{0,2}(\d{2})[\s\-]{0,2}(\d{2}[0-9a-z])(?![a-z0-9])`,
  'gi',
);
const UPN_LABELLED = new RegExp(
  String.raw`(?<![a-z])(?:upn|(?:unique${SEP})?pupil${SEP}(?:number|no|ref(?:erence)?))(?![a-z])${SEP}[:#-]?${SEP}([a-z0-9][a-z0-9\s\-]{11,20})`,
  'gi',
);
const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

export function hasNiNumber(text: string): boolean {
  for (const match of text.matchAll(NI_NUMBER)) {
    // Lower-case letters with gaps ("on 12 34 56 a") need a label; capitals or one solid run do not.
    const solid = !/[\s._\-/]/.test(match[0]);
    const capitals = match[1] === match[1]!.toUpperCase() && match[5] === match[5]!.toUpperCase();
    if (solid || capitals) return true;
  }
  return NI_LABELLED.test(text);
}

/** DfE's check: characters 2-13 weighted 2..13, the sum modulo 23 picks the first letter (I, O and S unused). */
export function upnCheckLetterValid(upn: string): boolean {
  const value = upn.toUpperCase();
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(value)) return false;
  let sum = 0;
  for (let index = 1; index < 13; index++) {
    const char = value[index]!;
    const digit = /\d/.test(char) ? Number(char) : UPN_LETTERS.indexOf(char);
    if (digit < 0) return false;
    sum += digit * (index + 1);
  }
  return UPN_LETTERS[sum % 23] === value[0];
}

export function hasPupilNumber(text: string): boolean {
  for (const match of text.matchAll(UPN)) {
    if (upnCheckLetterValid(match.slice(1).join(''))) return true;
  }
  // "UPN: A1234 5678 90123": a label and ten digits or more after it.
  for (const match of text.matchAll(UPN_LABELLED)) if ((match[1]!.match(/\d/g) ?? []).length >= 10) return true;
  return false;
}
