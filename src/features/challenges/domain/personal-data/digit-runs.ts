import type { Token } from './text-tokens';

/**
 * Numbers as people type them when a pattern should not see them: "07700/900123",
 * "07700_900_123", "+44 (0)7700 900123", "O77OO 9OO123" (letter O for zero) or "oh seven seven
 * double oh ...". A run is digits joined by at most three separator characters; it carries the
 * group sizes and separators, so dates and section numbers can be told from phone numbers.
 */
export interface DigitRun {
  digits: string;
  /** Digit count of each group, in order. */
  groups: number[];
  /** The separator text before each group after the first. */
  separators: string[];
  plus: boolean;
  /** Index of the run's first token, for looking back at labels ("NHS number", "tel"). */
  firstToken: number;
}

const SEPARATOR = /^[-./_()+]$/;
const MAX_SEPARATOR_LENGTH = 3;
const MAX_RUN_DIGITS = 24;

const NUMBER_WORDS: Record<string, string> = {
  zero: '0',
  oh: '0',
  o: '0',
  nought: '0',
  nil: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};
const REPEATS: Record<string, number> = { double: 2, treble: 3, triple: 3 };

/** The digits a token stands for in a number: "07700", "9OO123", "seven"; undefined when it is not part of one. */
function digitsOf(token: Token, wordsAllowed: boolean): string | undefined {
  if (token.kind === 'number') return token.text;
  if (token.kind !== 'word') return undefined;
  if (/^[\doO]+$/.test(token.text) && /\d/.test(token.text)) return token.lower.replace(/o/g, '0');
  return wordsAllowed ? NUMBER_WORDS[token.lower] : undefined;
}

export function digitRuns(tokens: readonly Token[]): DigitRun[] {
  const runs: DigitRun[] = [];
  let index = 0;
  while (index < tokens.length) {
    const run = runFrom(tokens, index);
    if (run) {
      runs.push(run.run);
      index = run.next;
    } else index++;
  }
  return runs;
}

/** Spelled digits count only in a run of four or more ("oh seven seven double oh"), never "one of the". */
function spelledRunLength(tokens: readonly Token[], from: number): number {
  let count = 0;
  for (let index = from; index < tokens.length && index < from + 3 * MAX_RUN_DIGITS && count < MAX_RUN_DIGITS; index++) {
    const token = tokens[index]!;
    if (token.kind === 'space' || (token.kind === 'punct' && token.text === '-') || (token.kind === 'punct' && token.text === ','))
      continue;
    if (token.kind === 'word' && (NUMBER_WORDS[token.lower] !== undefined || REPEATS[token.lower] !== undefined)) count++;
    else break;
  }
  return count;
}

function runFrom(tokens: readonly Token[], start: number): { run: DigitRun; next: number } | undefined {
  let index = start;
  let plus = false;
  if (tokens[index]?.text === '+' || tokens[index]?.text === '(') {
    plus = tokens[index]!.text === '+';
    index++;
    if (tokens[index]?.kind === 'space') index++;
  }
  const first = tokens[index];
  if (!first) return undefined;
  const spelled = first.kind === 'word' && first.text.length <= 7 && spelledRunLength(tokens, index) >= 4;
  if (digitsOf(first, spelled) === undefined && !(spelled && REPEATS[first.lower])) return undefined;
  const run: DigitRun = { digits: '', groups: [], separators: [], plus, firstToken: start };
  let separator = '';
  let repeat = 1;
  let last = index;
  while (index < tokens.length && run.digits.length < MAX_RUN_DIGITS) {
    const token = tokens[index]!;
    const repeatBy = spelled ? REPEATS[token.lower] : undefined;
    const digits = digitsOf(token, spelled);
    if (repeatBy) {
      repeat = repeatBy;
    } else if (digits !== undefined) {
      const expanded = repeat > 1 ? digits.repeat(repeat) : digits;
      repeat = 1;
      if (run.groups.length > 0) run.separators.push(separator);
      run.digits += expanded;
      run.groups.push(expanded.length);
      separator = '';
      last = index;
    } else if (
      (token.kind === 'space' || (token.kind === 'punct' && (SEPARATOR.test(token.text) || (spelled && token.text === ',')))) &&
      separator.length + token.text.length <= MAX_SEPARATOR_LENGTH
    ) {
      separator += token.text;
    } else break;
    index++;
  }
  return { run, next: last + 1 };
}

/** 14/05/2009, 1.9.24, 3-5-12 inside the run: a date, so not a phone number. */
export function holdsDate(run: DigitRun): boolean {
  for (let index = 0; index + 2 < run.groups.length; index++) {
    const [first, second, third] = [run.groups[index]!, run.groups[index + 1]!, run.groups[index + 2]!];
    const [sepA, sepB] = [run.separators[index]!.trim(), run.separators[index + 1]!.trim()];
    if (sepA !== sepB || !/^[./-]$/.test(sepA)) continue;
    if (first <= 2 && second <= 2 && (third === 2 || third === 4)) return true;
    if (first === 4 && second <= 2 && third <= 2) return true;
  }
  return false;
}
