import { MONTH_WORDS } from './public-names';
import { type Token, nextSolid } from './text-tokens';

/**
 * Dates of birth in the forms people write them: "born May 3rd 2012", "born in May 2012",
 * "born 2012", "Born: 3 May 2012", "birth date: 3 May 2012", "DOB 03/05/2012", "d.o.b. 3.5.12",
 * "date of birth is 3rd March", "birthday on the 14th of May".
 *
 * A label must be followed by a date: "born and raised in Kent" and "we are asked our date of
 * birth at every appointment" are ordinary sentences. After "born" only small words may come
 * between ("on", "in", "the", "around"); after a label such as "DOB" or "birthday", any four words.
 */
/** 'near': only small words may come between the label and the date ("born on the", "birthday is on"). */
type Label = 'near' | 'label';

const FILLERS = new Set([
  'on',
  'in',
  'the',
  'of',
  'around',
  'about',
  'approx',
  'approximately',
  'circa',
  'c',
  'early',
  'late',
  'mid',
  'sometime',
  'was',
  'is',
  'date',
  'back',
  'year',
  'spring',
  'summer',
  'autumn',
  'winter',
]);
const LABEL_REACH = 4;
const NEAR_REACH = 5;
const EARLIEST_YEAR = 1940;
const LATEST_YEAR = 2039;

/** Where a label ends (the index after it), or -1. Labels: born, dob, d.o.b, date of birth, birth date, birthdate, birthday, bday. */
function labelAt(tokens: readonly Token[], index: number): { label: Label; end: number } | undefined {
  const token = tokens[index]!;
  if (token.kind !== 'word') return undefined;
  const word = token.lower;
  if (['born', 'birthday', 'birthdays', 'bday', "b'day"].includes(word)) return { label: 'near', end: index + 1 };
  if (['dob', 'birthdate', 'dateofbirth'].includes(word)) return { label: 'label', end: index + 1 };
  const sequence = wordsFrom(tokens, index, 5);
  if (sequence[0]?.word === 'd' && sequence[1]?.word === 'o' && sequence[2]?.word === 'b')
    return { label: 'label', end: sequence[2].index + 1 };
  if (word === 'date' && sequence[1]?.word === 'of' && sequence[2]?.word === 'birth') return { label: 'label', end: sequence[2].index + 1 };
  if (word === 'birth' && (sequence[1]?.word === 'date' || sequence[1]?.word === 'day'))
    return { label: 'label', end: sequence[1].index + 1 };
  return undefined;
}

/** The next few words from `index`, skipping spaces and the punctuation inside "d.o.b" or "date-of-birth". */
function wordsFrom(tokens: readonly Token[], index: number, count: number): { word: string; index: number }[] {
  const words: { word: string; index: number }[] = [];
  for (let at = index; at < tokens.length && words.length < count && at < index + count * 3; at++) {
    const token = tokens[at]!;
    if (token.kind === 'word') words.push({ word: token.lower, index: at });
    else if (token.kind === 'space' || token.text === '.' || token.text === '-' || token.text === '_') continue;
    else break;
  }
  return words;
}

function isYear(token: Token): boolean {
  if (token.kind !== 'number' || token.text.length !== 4) return false;
  const year = Number(token.text);
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}

/** "3", "3rd", "14th" as a day of the month. */
function dayNumber(token: Token): boolean {
  const match = /^(\d{1,2})(st|nd|rd|th)?$/i.exec(token.text);
  return match !== null && Number(match[1]) >= 1 && Number(match[1]) <= 31;
}

/** Is a date (or part of one) at `index`: a month, a year, "3 May", "the 3rd", "03/05/2012", "03 05 2012"? */
function dateAt(tokens: readonly Token[], index: number, afterLabel: boolean): boolean {
  const token = tokens[index]!;
  if (token.kind === 'word' && MONTH_WORDS.has(token.lower))
    return token.lower !== 'may' || token.text === 'May' || besideNumber(tokens, index);
  if (isYear(token)) return true;
  if (!dayNumber(token)) return false;
  if (/\D$/.test(token.text) && afterLabel) return true; // "DOB the 3rd"
  let at = nextSolid(tokens, index + 1);
  if (at >= 0 && tokens[at]!.lower === 'of') at = nextSolid(tokens, at + 1);
  if (at >= 0 && tokens[at]!.kind === 'word' && MONTH_WORDS.has(tokens[at]!.lower)) return true;
  return numericDateFrom(tokens, index, afterLabel);
}

/** "may 2012", "3 may": lower-case "may" is a month only beside a number ("birthdays may be forgotten"). */
function besideNumber(tokens: readonly Token[], index: number): boolean {
  const after = nextSolid(tokens, index + 1);
  const before = index >= 2 ? tokens[index - 2] : undefined;
  return (after >= 0 && tokens[after]!.kind === 'number') || before?.kind === 'number';
}

/** 03/05/2012, 3.5.12, 3-5-2012, and after a label 03 05 2012. */
function numericDateFrom(tokens: readonly Token[], index: number, spacesAllowed: boolean): boolean {
  const parts: string[] = [];
  let at = index;
  let separator: string | undefined;
  while (at < tokens.length && parts.length < 3) {
    const token = tokens[at]!;
    if (token.kind !== 'number') break;
    parts.push(token.text);
    if (parts.length === 3) break;
    const next = tokens[at + 1];
    const sep = next?.kind === 'space' && spacesAllowed ? ' ' : next && /^[/.-]$/.test(next.text) ? next.text : undefined;
    if (!sep || (separator !== undefined && sep !== separator)) break;
    separator = sep;
    at += 2;
  }
  // After a label, a day and month are enough: "birthday 3/5", "DOB 03.05".
  if (parts.length === 2 && spacesAllowed && separator !== ' ')
    return Number(parts[0]) >= 1 && Number(parts[0]) <= 31 && Number(parts[1]) >= 1 && Number(parts[1]) <= 12;
  if (parts.length !== 3) return false;
  const [day, month, year] = [Number(parts[0]), Number(parts[1]), Number(parts[2])];
  return day >= 1 && day <= 31 && month >= 1 && month <= 12 && (parts[2]!.length === 2 || (year >= EARLIEST_YEAR && year <= LATEST_YEAR));
}

export function hasDateOfBirth(tokens: readonly Token[]): boolean {
  for (let index = 0; index < tokens.length; index++) {
    const label = labelAt(tokens, index);
    if (!label) continue;
    const reach = label.label === 'near' ? NEAR_REACH : LABEL_REACH;
    let words = 0;
    for (let at = label.end; at < tokens.length && words < reach && at < label.end + reach * 4 + 4; at++) {
      const token = tokens[at]!;
      if (token.kind === 'space' || (token.kind === 'punct' && /^[:,\-(#]$/.test(token.text)) || (at === label.end && token.text === '.'))
        continue;
      if (token.kind === 'newline' || (token.kind === 'punct' && /^[.!?;]$/.test(token.text))) break;
      if (dateAt(tokens, at, true)) return true;
      if (label.label === 'near' && !(token.kind === 'word' && FILLERS.has(token.lower))) break;
      words++;
    }
  }
  return false;
}
