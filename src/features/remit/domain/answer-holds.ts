/**
 * What kind of fact an answer holds (a count, a date, a sum, a name, how to do something), so a
 * question that asks for one is only answered by an entry that has it.
 */

import { stem } from './stemmer';
import { WEAK_STEMS } from './stop-words';
import { MONTHS, MONTH_SHORT_FORMS } from './text-normalizer';

const YEAR = /^(?:19|20)\d\d$/;
const NUMBER_WORDS =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|hundred|thousand|quarter|half|third|dozen|percent|per cent)\b/i;
// Numbers that name things rather than count them: "Recommendation 6", "section 22", "level 3", "Regulation 33".
const LABEL_NUMBER = /\b(?:recommendations?|section|level|regulations?|s|rec|item|priority areas?|page|2\.|1\.|3\.)\s*\d+\b/gi;

/** Whether an answer holds a count or share (not just a year or a numbered label). */
export function holdsCount(text: string): boolean {
  const cleaned = text
    .replace(LABEL_NUMBER, ' ')
    .replace(/\b\d{1,2}\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\b/gi, ' ');
  if (NUMBER_WORDS.test(cleaned) || /%/.test(cleaned)) return true;
  return (cleaned.match(/\d[\d,.]*/g) ?? []).some((n) => !YEAR.test(n.replace(/[.,]$/, '')) && !/^0\d/.test(n));
}

/**
 * Whether an answer gives a length of time ("two hours", "a four-year term", "until they are 21"),
 * not how often something happens ("four times a year").
 */
export function holdsDuration(text: string): boolean {
  return /(?<!\b(?:times|once|twice|per|every) )\b(?:\d+|a|an|one|two|three|four|five|six|ten|twelve)[ -](?:years?|months?|weeks?|days?|hours?|minutes?)\b|\buntil\b|\bterm of office\b/i.test(
    text,
  );
}

/** Whether an answer says how often something happens ("four times a year", "quarterly", "every six months"). */
export function holdsFrequency(text: string): boolean {
  return /\b(?:times|once|twice) (?:a|an|per|each|every)\b|\b(?:every|each|per|a) (?:\w+ )?(?:years?|months?|weeks?|quarters?|terms?|days?|fortnights?|meetings?|cycles?)\b|\b(?:annual(?:ly)?|monthly|bi-?monthly|quarterly|weekly|yearly|fortnightly|daily|six-monthly|regularly|regular|routine(?:ly)?|frequency|frequently|rates?)\b/i.test(
    text,
  );
}

/** Whether an answer speaks of money: a sum, a budget, funding or pay. */
export function holdsMoney(text: string): boolean {
  return /£|\b(?:pounds|budgets?|funding|funded|costs?|salary|salaries|allowances?|fees?|spend(?:ing)?|expenses|payments?|reimburse\w*|paid(?! attention))\b/i.test(
    text,
  );
}

/** Whether an answer says how something is done: whom to contact, a form, where to apply. */
export function saysHow(text: string): boolean {
  return /\b(?:contact|call|email|e-mail|phone|telephone|form|apply|application|ask|asking|through|via|website|referr?al|refer|by writing|write to|nominated?|appointed|chosen|elected)\b|@/i.test(
    text,
  );
}

/** Whether an answer says who attended something, or of attendance at all. */
export function speaksOfAttendance(text: string): boolean {
  return /\b(?:present|attended|attendance|attendees|apologies)\b/i.test(text);
}

/** The years a text speaks of ("the 2018-2022 strategy" -> 2018, 2022). */
export function yearsIn(text: string): number[] {
  return (text.match(/\b(?:19|20)\d\d\b/g) ?? []).map(Number);
}

const MONTH_NAMED = new RegExp(
  String.raw`\b(?:(${MONTHS.filter((m) => m !== 'may').join('|')})|(${MONTH_SHORT_FORMS})|(?<=\b\d{1,2}(?:st|nd|rd|th)? )(may)|(may)(?= (?:19|20)\d\d\b))\b`,
  'gi',
);

// Any month's name, "may" included: an answer holding one gives a date (a question's "may" is read more carefully).
const ANY_MONTH = new RegExp(String.raw`\b(?:${MONTHS.join('|')})\b`, 'i');

/**
 * The months a text names ("the June 2017 meeting" -> june), as full names. "May" counts only
 * beside a day or a year ("5 May", "May 2017"): otherwise it is the verb.
 */
export function monthsIn(text: string): string[] {
  return [...text.matchAll(MONTH_NAMED)].map((m) => {
    const named = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').toLowerCase();
    return MONTHS.find((month) => month.startsWith(named.slice(0, 3))) ?? named;
  });
}

/** Whether an answer holds a date or a year. */
export function holdsDate(text: string): boolean {
  return yearsIn(text).length > 0 || ANY_MONTH.test(text);
}

const TITLED_NAME = /\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Councillor|Cllr)\.?\s+[A-Z]/;
const CAPITALISED_PAIR = /\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b/g;
// "Darent Room", "Sessions House", "Invicta House": a capitalised pair ending so is a place, not a person.
const PLACE_WORDS: ReadonlySet<string> = new Set(
  'room rooms house hall centre center chamber building road street office offices court park square lane'.split(' '),
);
const isPlaceWord = (word: string) => PLACE_WORDS.has(word.toLowerCase());
const SAYS_NOT_NAMED = /\b(?:do|does|did) not name\b/;

/**
 * Whether an answer names a person (a title and a name, or two capitalised words one of which is
 * not an English word: "Theresa Grayell"), or says plainly that the documents do not name them.
 */
export function namesSomeone(text: string, isEnglishWord: (word: string) => boolean): boolean {
  if (TITLED_NAME.test(text) || SAYS_NOT_NAMED.test(text)) return true;
  for (const match of text.matchAll(CAPITALISED_PAIR)) {
    if (isPlaceWord(match[2]!)) continue;
    if (!isEnglishWord(match[1]!.toLowerCase()) || !isEnglishWord(match[2]!.toLowerCase())) return true;
  }
  return false;
}

/**
 * Whether an answer names the one asked about: a line or sentence of it that speaks of the subject
 * (by its stem) names someone, or, when a place is asked about ("the name of the room"), a place
 * ("the Darent Room"). "One couple had fostered 55 children" speaks of the couple, unnamed.
 */
export function namesThe(
  text: string,
  subject: string,
  toStems: (text: string) => ReadonlySet<string>,
  isEnglishWord: (word: string) => boolean,
): boolean {
  const subjectStem = stem(subject);
  const placeAsked = isPlaceWord(subject);
  return answerClauses(text).some(
    (line) => toStems(line).has(subjectStem) && (namesSomeone(line, isEnglishWord) || (placeAsked && namesAPlace(line))),
  );
}

function namesAPlace(text: string): boolean {
  return [...text.matchAll(CAPITALISED_PAIR)].some((match) => isPlaceWord(match[2]!));
}

// "Alan Terry had joined in place of Bob Neaves", "Ms Mutton replaced Ms Taylor", "succeeding Mr Brookbank".
const REPLACEMENT = /\b(?:in place of|replac\w*|succeed\w*|took over from|taking over from|instead of)\b/i;

/** Whether the answer says who replaced the person of this surname: a clause naming them and a replacement. */
export function saysWhoReplaced(text: string, surname: string): boolean {
  const named = new RegExp(`\\b${surname.replace(/[^a-z'-]/g, '')}\\b`, 'i');
  return answerClauses(text).some((clause) => named.test(clause) && REPLACEMENT.test(clause));
}

/**
 * An answer's lines, sentences and clauses (ended by ".", ";", ":", "!" or "?"), read one by one for
 * what each says. A full stop after a capital is an initial, not an end: "Mr P.J. Oakford" stays whole.
 */
export function answerClauses(text: string): string[] {
  return text.split(/\n|(?<=[a-z0-9)\]][.;:!?])\s+/);
}

// A list item this much longer than the subject says something about it.
const EXPLAINING_WORDS = 4;

/**
 * Whether an answer only names the subject as an item of a list ("- changes to permanence
 * planning;"), never in a sentence or a longer item that says something about it. An answer that
 * never holds all of the subject's words it uses on one line, or uses fewer than half of them, is
 * not judged here.
 */
export function onlyNames(answer: string, subject: readonly string[], toStems: (text: string) => ReadonlySet<string>): boolean {
  // "What is the staying put policy" of "- the commitment to 'staying put';": a word of the subject
  // the answer never uses ("policy") says nothing about it either way, and words every answer uses
  // ("children in care") do not name it.
  const anywhere = toStems(answer);
  const named = subject.filter((s) => anywhere.has(s));
  if (!named.some((s) => !WEAK_STEMS.has(s)) || named.length < subject.length / 2) return false;
  const holding = answer
    .split('\n')
    .map((line) => ({ item: /^\s*- /.test(line), stems: toStems(line) }))
    .filter(({ stems }) => named.every((s) => stems.has(s)));
  return holding.length > 0 && holding.every(({ item, stems }) => item && stems.size < named.length + EXPLAINING_WORDS);
}

// A figure this many words before the thing counted counts it: "1,400 care leavers", "nine KCC members".
const COUNT_REACH = 3;
const FIGURE = /^(?:\d[\d,p]*|hundreds?|thousands?|dozens?)$/;

/**
 * Whether an answer gives a figure for one of the counted things ("how many care leavers" -> "1,400
 * care leavers"), not a figure of something else beside them. `tokens` are the answer's words as
 * the search reads them (numbers as digits), `stems` their stems (worked out once per answer, not
 * once per question); `counted` the stems of what is counted.
 */
export function countsSubject(tokens: readonly string[], stems: readonly string[], counted: ReadonlySet<string>): boolean {
  for (let i = 0; i < tokens.length; i++) {
    if (!counted.has(stems[i]!)) continue;
    // A year is not a figure of anything: "the minutes of 20 March 2017 say: unaccompanied ...".
    for (let back = 1; back <= COUNT_REACH && i - back >= 0; back++)
      if (FIGURE.test(tokens[i - back]!) && !YEAR.test(tokens[i - back]!)) return true;
    // "One" stays a word (it is a pronoun too), but next to the thing counted it is a figure: "one Liberal Democrat".
    if (i >= 1 && tokens[i - 1] === 'one') return true;
  }
  return false;
}

/**
 * How many items an answer lists: its bullet or numbered lines, or the longest series in one of its
 * sentences ("foster carers, advocacy groups, Children in Care Councils and care leavers").
 */
export function listedItems(text: string): number {
  const lines = text.split('\n').filter((line) => /^\s*(?:[-\u2022*]|\d{1,2}[.)])\s+/.test(line)).length;
  return Math.max(lines, ...text.split(/(?<=[.!?:])\s+/).map(seriesLength));
}

// A series is short parts between commas: the first and last may run on ("The panel brings together
// A, B, C and D"), the ones between are a few words each. "Choices for carers, children and young
// people about what ..., preventing ..." is not a list of three.
const SERIES_ITEM_WORDS = 4;

function seriesLength(sentence: string): number {
  const parts = sentence.split(/[,;]\s+/);
  let longest = 0;
  let run = 0;
  for (const part of parts.slice(1, -1)) {
    run = part.split(/\s+/).length <= SERIES_ITEM_WORDS ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  if (longest === 0) return Math.min(parts.length, 2);
  // "..., Children in Care Councils and care leavers": the last part names two.
  return longest + 2 + (/\band\b/.test(parts[parts.length - 1] ?? '') ? 1 : 0);
}

// An age this many characters after the thing asked about is its age: "the Super Council (ages 7-11)".
const AGE_REACH = 30;

/**
 * Whether an answer gives the age of what is asked about, not of something beside it: "what age is
 * the Young Adult Council for" is not answered by "the Super Council (ages 7-11) ... and the Young
 * Adult Council". `subject`: the telling words of the thing asked about (letters only). An answer
 * naming it in other words ("kids' council" for the Super Council) is judged on any age it gives.
 */
export function holdsAgeOf(text: string, subject: readonly string[]): boolean {
  // Each mention, with what follows it: "Super Council (ages 7-11)".
  const mentions = subject.flatMap((word) =>
    [...text.matchAll(new RegExp(String.raw`\b${word}`, 'gi'))].map((m) => text.slice(m.index, m.index + word.length + AGE_REACH)),
  );
  return mentions.length === 0 ? holdsAge(text) : mentions.some(holdsAge);
}

/** Whether an answer gives an age: "ages 7-11", "aged 18", "under-18s", "up to 25", "16-year-olds". */
export function holdsAge(text: string): boolean {
  return /\b(?:aged?|ages)\s+\d{1,2}\b|\b\d{1,2}\s*(?:-|to|\u2013)\s*\d{1,2}\b|\b\d{1,2}[- ]years?[- ]olds?\b|\b(?:under|over|up to|until)[- ]\d{1,2}s?\b|\b\d{1,2}\s*(?:\+|plus)/i.test(
    text,
  );
}

/** The units a figure can be asked "in" ("in days") and an answer can speak of. */
export const MEASURE_UNITS = ['day', 'week', 'month', 'hour', 'minute', 'mile'] as const;
const UNITS = new RegExp(`\\b(${MEASURE_UNITS.join('|')})s?\\b`, 'gi');

/**
 * The units an answer speaks of ("five clear working days", "within 20 miles": day and mile). Any
 * mention counts, a figure or not: a unit the answer never names cannot be the one asked for.
 */
export function unitsIn(text: string): ReadonlySet<string> {
  return new Set([...text.matchAll(UNITS)].map((m) => m[1]!.toLowerCase()));
}

const CONCLUSION = /\b(?:conclu[a-z]*|found|findings?|judged|rated|ratings?|verdict|graded|assessed)\b/i;

/** Whether an answer gives a conclusion ("the review found ...", "rated good"), not only that one was to come. */
export function givesAConclusion(text: string): boolean {
  return CONCLUSION.test(text);
}
