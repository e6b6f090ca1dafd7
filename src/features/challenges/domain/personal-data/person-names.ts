import type nlpFunction from 'compromise';
import type { NameLexicon } from './name-lexicon';
import { ADULT_TITLES, CALENDAR_WORDS, INSTITUTION_WORDS, ORGANISATION_WORDS, PLACE_WORDS, POST_NOMINALS } from './public-names';
import { type Token, isCapitalised, isUpperCase, nextSolid, previousSolid } from './text-tokens';

/**
 * Person names, decided word by word from three kinds of evidence:
 * - the first-names lists: a first name that is not also a common word ("Jamie", "Chloe",
 *   "Kayden") is a possible name in any case and anywhere;
 * - capitals and compromise's part-of-speech tagging: a first name that is also a word ("Will",
 *   "May", "Grace", "Poppy") only when capitalised mid-sentence, beside a surname, or at the start
 *   of a sentence that compromise reads as a person doing something ("Poppy wants ...");
 *   a capitalised word in no list that compromise tags as a person ("Smedmor") too;
 * - context that says it is a name ("called ...", "my name is ...").
 * Not names: places, the panel's groups and bodies, months and days, a word that with the next
 * one names a place or body ("Victoria Road", "Grace Academy"), adults with a title ("Cllr
 * Hughes", "Mr P.J. Oakford", "Roger Gale MP"), and the full names of the members the bot knows.
 *
 * A possible name is asked about, not refused: the officer confirms it is not a child's name.
 * A name with an age or school year beside it ("Jamie, 14", "Chloe (Y9)", "14-year-old Tyler") is
 * refused outright: that is how a child is identified.
 *
 * compromise runs on one sentence at a time, at most MAX_NLP_WORDS words, and only on sentences
 * with a word it has to judge: its cost grows faster than the length of what it is given, so it
 * is never given more than a bounded piece (linear time overall).
 */
export interface NameFindings {
  /** Lower-case words that may be names; never shown to anyone, only fingerprinted for the confirmation. */
  possibleNames: string[];
  nameWithAge: boolean;
}

export interface NameOptions {
  /** Full names of adults the bot knows (members, officers): "Cllr Priya Shah", "Sam Patel (Virtual School Kent)". */
  knownAdultNames?: readonly string[];
}

type Nlp = typeof nlpFunction;
let loadedNlp: Nlp | undefined;

/**
 * compromise, loaded on first use: loading it costs more than half a second of CPU, which every
 * start of the bot (and every test that starts one) would otherwise pay before listening.
 */
function nlp(text: string): ReturnType<Nlp> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use
  loadedNlp ??= require('compromise') as Nlp;
  return loadedNlp(text);
}

const MAX_NLP_WORDS = 40;
const MAX_NLP_TOKEN = 30;
const MAX_AGE = 25;
const MAX_SCHOOL_YEAR = 13;
const SAINTS = new Set(['st', 'saint']);
const NAMING_WORDS = new Set(['called', 'named', 'nicknamed', 'im', "i'm"]);
const YEARS_WORDS = new Set(['years', 'year', 'yrs', 'yr', 'yo', 'y']);
const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];

interface Sentence {
  start: number;
  end: number;
  /** Title Case or ALL CAPS: capitals say nothing about names there. */
  capitalsMeaningless: boolean;
}

interface WordFacts {
  word: string;
  sentence: Sentence;
  initial: boolean;
}

export function findNames(tokens: readonly Token[], lexicon: NameLexicon, options: NameOptions = {}): NameFindings {
  const sentences = splitSentences(tokens, lexicon);
  const facts = wordFacts(tokens, sentences, lexicon);
  const known = knownAdultTokens(tokens, options.knownAdultNames ?? []);
  const nlpFacts = nlpEvidence(tokens, sentences, facts, lexicon);
  const possible = new Set<string>();
  let nameWithAge = false;
  for (const [index, fact] of facts) {
    const token = tokens[index]!;
    if (known.has(index)) continue;
    const named = namedBefore(tokens, index) && (isCapitalised(token) || lexicon.firstNames.has(fact.word));
    if (!named && notAPerson(tokens, index, fact, lexicon)) continue;
    const verdict = named ? 'name' : judge(tokens, index, fact, lexicon, nlpFacts);
    if (verdict === 'name') possible.add(fact.word);
    if (verdict !== 'no' && !nameWithAge && ageBeside(tokens, index)) nameWithAge = true;
  }
  return { possibleNames: [...possible].sort(), nameWithAge };
}

/** 'name': a possible name; 'maybe': a capitalised unknown word, a name only if an age stands beside it; 'no'. */
function judge(
  tokens: readonly Token[],
  index: number,
  fact: WordFacts,
  lexicon: NameLexicon,
  evidence: NlpEvidence,
): 'name' | 'maybe' | 'no' {
  const token = tokens[index]!;
  const { word } = fact;
  const listed = word.length >= 3 && lexicon.firstNames.has(word);
  const common = lexicon.commonWords.has(word);
  const capitals = !fact.sentence.capitalsMeaningless && isCapitalised(token);
  if (listed && !common) return 'name';
  const person = evidence.persons.has(index);
  if (listed && common) {
    if (!capitals) return 'no';
    // After another capitalised word it is part of a name already judged ("Jamie Rose") or of a
    // thing's name ("National Care Leavers Week", "Westwood Cross"): not a first name of its own.
    if (previousInRun(tokens, index)) return 'no';
    // At a sentence's start a capital proves nothing and compromise takes "Grace period" or
    // "Foster carer" for people: there it takes a verb after ("Poppy wants") or a surname.
    if (!fact.initial || evidence.actsNext.has(index) || besideSurname(tokens, index, lexicon)) return 'name';
    return 'maybe';
  }
  if (!capitals || common) return 'no';
  return person ? 'name' : 'maybe';
}

/** Places, groups, months, titles, acronyms, "Victoria Road", "St George's", "Cllr Hughes", "Roger Gale MP". */
function notAPerson(tokens: readonly Token[], index: number, fact: WordFacts, lexicon: NameLexicon): boolean {
  const { word } = fact;
  if (
    PLACE_WORDS.has(word) ||
    ORGANISATION_WORDS.has(word) ||
    CALENDAR_WORDS.has(word) ||
    ADULT_TITLES.has(word) ||
    POST_NOMINALS.has(word)
  )
    return true;
  const token = tokens[index]!;
  // "SEN", "VSK": an acronym, unless it spells a name no word shares ("ALFIE").
  if (
    isUpperCase(token) &&
    !fact.sentence.capitalsMeaningless &&
    token.text.length <= 6 &&
    !(lexicon.firstNames.has(word) && !lexicon.commonWords.has(word))
  )
    return true;
  const next = nextInRun(tokens, index);
  if (next >= 0 && INSTITUTION_WORDS.has(bare(tokens[next]!.lower))) return true;
  // "Mill Lane", "Sessions House": the last word of a place's name.
  if (INSTITUTION_WORDS.has(word) && previousInRun(tokens, index)) return true;
  const previous = previousSolid(tokens, index - 1);
  if (previous >= 0 && SAINTS.has(tokens[previous]!.lower)) return true;
  return titledBefore(tokens, index) || postNominalAfter(tokens, index);
}

/** The next word of a capitalised run ("Victoria Road"), or -1. */
function nextInRun(tokens: readonly Token[], index: number): number {
  const at = index + 1 < tokens.length && (tokens[index + 1]!.text === ' ' || tokens[index + 1]!.text === '-') ? index + 2 : -1;
  return at >= 0 && at < tokens.length && (isCapitalised(tokens[at]!) || isUpperCase(tokens[at]!)) ? at : -1;
}

function previousInRun(tokens: readonly Token[], index: number): boolean {
  const at = index >= 2 && (tokens[index - 1]!.text === ' ' || tokens[index - 1]!.text === '-') ? index - 2 : -1;
  return at >= 0 && (isCapitalised(tokens[at]!) || isUpperCase(tokens[at]!));
}

/** "Cllr Martin Hughes", "Mr P.J. Oakford", "Dr. Shah": a title before the name, over initials and other names. */
function titledBefore(tokens: readonly Token[], index: number): boolean {
  for (let at = index - 1, steps = 0; at >= 0 && steps < 12; at--, steps++) {
    const token = tokens[at]!;
    if (token.kind === 'space' || token.text === '.' || token.text === '-') continue;
    if (token.kind !== 'word') return false;
    if (ADULT_TITLES.has(token.lower)) return true;
    if (!(isCapitalised(token) || (token.text.length === 1 && token.text === token.text.toUpperCase()))) return false;
  }
  return false;
}

function postNominalAfter(tokens: readonly Token[], index: number): boolean {
  for (let at = index + 1, steps = 0; at < tokens.length && steps < 6; at++, steps++) {
    const token = tokens[at]!;
    if (token.kind === 'space' || token.text === ',') continue;
    if (token.kind !== 'word') return false;
    if (POST_NOMINALS.has(token.lower) && isUpperCase(token)) return true;
    if (!isCapitalised(token)) return false;
  }
  return false;
}

/** "called Jamie", "named Jamie", "my name is Jamie", "name: Jamie", "I'm Jamie". */
function namedBefore(tokens: readonly Token[], index: number): boolean {
  const previous = previousSolid(tokens, index - 1);
  if (previous < 0) return false;
  const word = tokens[previous]!.lower;
  if (NAMING_WORDS.has(word)) return true;
  if (word === ':' || word === 'is' || word === 'am') {
    const before = previousSolid(tokens, previous - 1);
    const label = before >= 0 ? tokens[before]!.lower : '';
    return label === 'name' || label === "name's" || label === 'names' || (word === 'am' && label === 'i');
  }
  return word === "name's";
}

/**
 * "Lily Jones", "Ruby Okafor": a capitalised word after it that is in no word list, so a
 * surname, and names no place, body or date ("See Section 3", "Foster Care Fortnight" are not).
 */
function besideSurname(tokens: readonly Token[], index: number, lexicon: NameLexicon): boolean {
  const next = nextInRun(tokens, index);
  if (next < 0) return false;
  const word = bare(tokens[next]!.lower);
  if (
    INSTITUTION_WORDS.has(word) ||
    PLACE_WORDS.has(word) ||
    ORGANISATION_WORDS.has(word) ||
    CALENDAR_WORDS.has(word) ||
    ADULT_TITLES.has(word)
  )
    return false;
  return !lexicon.commonWords.has(word);
}

/** Words, possessive "'s" removed. */
function bare(lower: string): string {
  return lower.endsWith("'s") ? lower.slice(0, -2) : lower;
}

function splitSentences(tokens: readonly Token[], lexicon: NameLexicon): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  for (let index = 0; index <= tokens.length; index++) {
    const token = tokens[index];
    const ends =
      !token || token.kind === 'newline' || (token.kind === 'punct' && /^[.!?;:]$/.test(token.text) && tokens[index + 1]?.kind !== 'word');
    if (!ends) continue;
    if (index > start) sentences.push({ start, end: index, capitalsMeaningless: capitalsMeaningless(tokens, start, index, lexicon) });
    start = index + 1;
  }
  return sentences;
}

/**
 * Title Case ("Help With Bus Passes For Care Leavers") or ALL CAPS. Title Case is judged on the
 * everyday words after the first (a street or place name is capitalised in any sentence):
 * three or more, 70% of them capitalised.
 */
function capitalsMeaningless(tokens: readonly Token[], start: number, end: number, lexicon: NameLexicon): boolean {
  let longer = 0;
  let upper = 0;
  let everyday = 0;
  let capitalised = 0;
  let first = true;
  for (let index = start; index < end; index++) {
    const token = tokens[index]!;
    if (token.kind !== 'word') continue;
    if (token.text.length >= 4) {
      longer++;
      if (isUpperCase(token)) upper++;
    }
    if (!first && token.text.length >= 3 && lexicon.commonWords.has(token.lower)) {
      everyday++;
      if (isCapitalised(token)) capitalised++;
    }
    first = false;
  }
  return (longer >= 3 && upper / longer >= 0.6) || (everyday >= 3 && capitalised / everyday >= 0.7);
}

/** Facts about the words that could be names at all (capitalised, or a first name): most words are neither. */
function wordFacts(tokens: readonly Token[], sentences: readonly Sentence[], lexicon: NameLexicon): Map<number, WordFacts> {
  const facts = new Map<number, WordFacts>();
  for (const sentence of sentences) {
    let initial = true;
    for (let index = sentence.start; index < sentence.end; index++) {
      const token = tokens[index]!;
      if (token.kind !== 'word') {
        if (token.kind === 'number') initial = false;
        continue;
      }
      if ((isCapitalised(token) || isUpperCase(token) || lexicon.firstNames.has(bare(token.lower))) && !/\d/.test(token.text))
        facts.set(index, { word: bare(token.lower), sentence, initial });
      initial = false;
    }
  }
  return facts;
}

/** Token indices covered by the full name of a known adult ("Priya Shah" from "Cllr Priya Shah"). */
function knownAdultTokens(tokens: readonly Token[], names: readonly string[]): Set<number> {
  const byFirst = new Map<string, string[][]>();
  for (const name of names) {
    const words = name
      .replace(/\([^)]*\)/g, ' ')
      .toLowerCase()
      .split(/[^\p{L}']+/u)
      .filter((word) => word.length > 0 && !ADULT_TITLES.has(word));
    if (words.length < 2) continue;
    byFirst.set(words[0]!, [...(byFirst.get(words[0]!) ?? []), words.slice(0, 5)]);
  }
  const covered = new Set<number>();
  if (byFirst.size === 0) return covered;
  for (let index = 0; index < tokens.length; index++) {
    const candidates = tokens[index]!.kind === 'word' ? byFirst.get(bare(tokens[index]!.lower)) : undefined;
    for (const words of candidates ?? []) {
      const matched = matchWords(tokens, index, words);
      if (matched) for (const at of matched) covered.add(at);
    }
  }
  return covered;
}

function matchWords(tokens: readonly Token[], index: number, words: readonly string[]): number[] | undefined {
  const matched: number[] = [];
  let at = index;
  for (const word of words) {
    if (at < 0 || tokens[at]?.kind !== 'word' || bare(tokens[at]!.lower) !== word) return undefined;
    matched.push(at);
    at = nextSolid(tokens, at + 1, 2);
    if (at >= 0 && tokens[at]!.text === '-') at = nextSolid(tokens, at + 1, 2);
  }
  return matched;
}

interface NlpEvidence {
  /** Words compromise tagged as a person. */
  persons: Set<number>;
  /** Words compromise sees followed by a verb ("Poppy wants"). */
  actsNext: Set<number>;
}

/** compromise over the sentences that hold a word only it can judge, one bounded piece at a time. */
function nlpEvidence(
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  facts: ReadonlyMap<number, WordFacts>,
  lexicon: NameLexicon,
): NlpEvidence {
  const evidence: NlpEvidence = { persons: new Set(), actsNext: new Set() };
  for (const sentence of sentences) {
    if (sentence.capitalsMeaningless) continue;
    let pieceStart = sentence.start;
    let words = 0;
    let needed = false;
    for (let index = sentence.start; index <= sentence.end; index++) {
      if (index === sentence.end || words >= MAX_NLP_WORDS) {
        if (needed) tagPiece(tokens, pieceStart, index, evidence);
        pieceStart = index;
        words = 0;
        needed = false;
        if (index === sentence.end) break;
      }
      const token = tokens[index]!;
      if (token.kind !== 'word') continue;
      words++;
      const fact = facts.get(index);
      if (fact && isCapitalised(token) && needsNlp(fact, lexicon)) needed = true;
    }
  }
  return evidence;
}

function needsNlp(fact: WordFacts, lexicon: NameLexicon): boolean {
  const listed = lexicon.firstNames.has(fact.word);
  const common = lexicon.commonWords.has(fact.word);
  if (listed && common) return fact.initial;
  return !listed && !common && !PLACE_WORDS.has(fact.word) && !ORGANISATION_WORDS.has(fact.word) && !CALENDAR_WORDS.has(fact.word);
}

interface NlpTerm {
  text: string;
  tags: string[];
}

/** Tags one piece and maps compromise's terms back onto our word tokens, in order. */
function tagPiece(tokens: readonly Token[], start: number, end: number, evidence: NlpEvidence): void {
  const wordIndices: number[] = [];
  const text = tokens
    .slice(start, end)
    .map((token, offset) => {
      if (token.kind === 'word' || token.kind === 'number') wordIndices.push(start + offset);
      return token.text.length > MAX_NLP_TOKEN ? 'x' : token.text;
    })
    .join('');
  const terms: NlpTerm[] = nlp(text)
    .json()
    .flatMap((sentence: { terms?: NlpTerm[] }) => sentence.terms ?? []);
  // compromise may split or merge a few terms; walk both lists and match on the word itself.
  let cursor = 0;
  terms.forEach((term, position) => {
    const word = term.text.toLowerCase().replace(/[^\p{L}\p{N}']/gu, '');
    for (let look = cursor; look < wordIndices.length && look < cursor + 3; look++) {
      const index = wordIndices[look]!;
      if (!tokens[index]!.lower.startsWith(word) || word.length === 0) continue;
      if (term.tags.includes('Person') || term.tags.includes('FirstName') || term.tags.includes('LastName')) evidence.persons.add(index);
      const next = terms[position + 1];
      if (next && next.tags.includes('Verb') && !term.tags.includes('Verb')) evidence.actsNext.add(index);
      cursor = look + 1;
      break;
    }
  });
}

function ageValue(token: Token): number | undefined {
  if (token.kind === 'number' && token.text.length <= 2) return Number(token.text);
  const spelled = NUMBER_WORDS.indexOf(token.lower);
  if (spelled >= 0) return spelled;
  const compact = /^(\d{1,2})(?:yo|yrs?|y)$/i.exec(token.text);
  return compact ? Number(compact[1]) : undefined;
}

function isAge(token: Token | undefined): boolean {
  const value = token ? ageValue(token) : undefined;
  return value !== undefined && value <= MAX_AGE;
}

/**
 * What may follow an age, so "In May, 14 young people came" is not one: 'strict' the end,
 * punctuation or "years"; 'loose' also "and" ("Kayden is 16 and ..."); 'open' any word but a
 * count ("who is 13 was ..." but not "who is 13 percent").
 */
type AgeEnding = 'strict' | 'loose' | 'open';
const COUNTED = new Set([
  'percent',
  'per',
  'of',
  'people',
  'young',
  'children',
  'kids',
  'members',
  'times',
  'days',
  'weeks',
  'months',
  'hours',
  'minutes',
  'miles',
  'pounds',
  'cards',
  'places',
]);

function ageEnds(tokens: readonly Token[], ageIndex: number, ending: AgeEnding): boolean {
  const at = nextSolid(tokens, ageIndex + 1);
  if (at < 0) return true;
  const token = tokens[at]!;
  if (token.kind === 'punct' || token.kind === 'newline') return token.text !== '%';
  if (token.kind !== 'word') return false;
  if (YEARS_WORDS.has(token.lower)) return true;
  if (ending === 'loose') return token.lower === 'and';
  return ending === 'open' && !COUNTED.has(token.lower);
}

function schoolYearAt(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  if (!token) return false;
  const compact = /^(?:y|yr|year)(\d{1,2})$/i.exec(token.text);
  if (compact) return Number(compact[1]) >= 1 && Number(compact[1]) <= MAX_SCHOOL_YEAR;
  if (!['year', 'yr', 'y'].includes(token.lower)) return false;
  const number = nextSolid(tokens, index + 1);
  const value = number >= 0 && tokens[number]!.kind === 'number' ? Number(tokens[number]!.text) : NaN;
  return value >= 1 && value <= MAX_SCHOOL_YEAR;
}

/** Words between a name and its age or school year, and how strictly the age must end after them. */
const AGE_LINKS: Record<string, AgeEnding> = {
  ',': 'loose',
  '-': 'loose',
  ':': 'loose',
  '(': 'strict',
  is: 'loose',
  was: 'loose',
  "'s": 'loose',
  who: 'open',
  aged: 'open',
  age: 'open',
  ages: 'open',
  turned: 'open',
  turning: 'open',
  now: 'loose',
  just: 'loose',
  currently: 'loose',
  in: 'strict',
};
const MAX_LINKS = 4;

/**
 * "Jamie, 14", "Jamie (14)", "Jamie aged 14", "Jamie is 14.", "Jayden who is 13 was ...",
 * "Mason, Y9", "Maddison is in Year 8", "14-year-old Tyler". After "in" only a school year counts.
 */
function ageBeside(tokens: readonly Token[], index: number): boolean {
  let ending: AgeEnding = 'strict';
  let sawIn = false;
  let at = nextSolid(tokens, index + 1);
  for (let links = 0; at >= 0 && links <= MAX_LINKS; links++) {
    const token = tokens[at]!;
    if (schoolYearAt(tokens, at)) return true;
    if (isAge(token) && !sawIn) return links > 0 && ageEnds(tokens, at, ending);
    const link = AGE_LINKS[token.lower];
    if (link === undefined) break;
    // The loosest link seen decides: "who is 13 was", "aged 14 wants".
    if (link === 'open' || (link === 'loose' && ending === 'strict' && token.text !== '(')) ending = link;
    sawIn ||= token.lower === 'in';
    at = nextSolid(tokens, at + 1);
  }
  return ageBefore(tokens, index);
}

/** "14-year-old Jamie", "14 year old Jamie", "14yo Jamie", "a 14-year-old called Ruby". */
function ageBefore(tokens: readonly Token[], index: number): boolean {
  let previous = previousSolid(tokens, index - 1);
  if (previous >= 0 && NAMING_WORDS.has(tokens[previous]!.lower)) previous = previousSolid(tokens, previous - 1);
  if (previous < 0) return false;
  const token = tokens[previous]!;
  if (/^\d{1,2}yo$/i.test(token.text)) return isAge(token);
  if (token.lower !== 'old' && token.lower !== 'yo') return false;
  for (let at = previous - 1, steps = 0; at >= 0 && steps < 6; at--, steps++) {
    const candidate = tokens[at]!;
    if (candidate.kind === 'space' || candidate.text === '-' || YEARS_WORDS.has(candidate.lower)) continue;
    return isAge(candidate);
  }
  return false;
}
