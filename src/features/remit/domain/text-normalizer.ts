import { isStopWord } from './stop-words';
import { stem } from './stemmer';

const NUMBER_WORDS: Readonly<Record<string, string>> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  sixteen: '16',
  seventeen: '17',
  eighteen: '18',
  nineteen: '19',
  twenty: '20',
};
const NUMBER_WORD = new RegExp(
  `\\b(${Object.keys(NUMBER_WORDS)
    .filter((w) => w !== 'one')
    .join('|')})\\b`,
  'g',
);

// "recommendation 6", "rec. 6", "recomendation six", "recs 6": one token "rec6" so that "6" alone
// (which also occurs in dates and statistics) does not decide which recommendation is meant.
// Text already normalised keeps its "recommendation rec6" as it is.
const RECOMMENDATION_NUMBER = new RegExp(
  `(?<!recommendation )\\b(?:rec+om+[ae]nd(?:ation)?s?|recs?)\\.?\\s*(?:no\\.?\\s*|number\\s*|#\\s*)?(\\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')})\\b`,
  'g',
);

export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
// The months' short forms that are no other word ("mar" and "may" are verbs too).
export const MONTH_SHORT_FORMS = 'jan|feb|apr|jun|jul|aug|sept?|oct|nov|dec';
const MONTH_AND_SHORT_YEAR = new RegExp(`\\b(${MONTHS.join('|')}|${MONTH_SHORT_FORMS}) (1[3-9])\\b(?!(?:st|nd|rd|th)\\b|:|\\.\\d)`, 'g');

const CONTRACTED_VERBS: Readonly<Record<string, string>> = { ca: 'can', wo: 'will', sha: 'shall' };

// Abbreviations members type, read as the words the documents spell out. Most abbreviations are
// synonym groups in the knowledge folder (SW, LA, YP, OLA, CSWA), where officers can add more. These
// are here because they must be the words themselves: "cttee" as a synonym (at a synonym's lower
// weight) cost a right answer on the question set, "regs" is otherwise spell-corrected to "recs",
// and "SC" and "cp" stand for two-word terms the shape of a question is read from.
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  // "select cttee"
  cttee: 'committee',
  cttees: 'committees',
  ctte: 'committee',
  // "the SC foreword", "per the SC": the Select Committee, as the panel's papers abbreviate it.
  sc: 'select committee',
  // "the 2015 inquiry into kids in care": the documents' one inquiry is the Select Committee's.
  inquiry: 'select committee',
  // "cambs": Cambridgeshire, whose report the documents include.
  cambs: 'cambridgeshire',
  // "the cp board" is a corporate parenting board (the panel itself is the "cpp").
  cp: 'corporate parenting',
  // "corp parenting", "lvl 3": shortened as people type them.
  corp: 'corporate',
  lvl: 'level',
  ppl: 'people',
  // "the 2015 regs" are regulations, not (by spelling correction) "recs".
  regs: 'regulations',
};
const ABBREVIATION = new RegExp(`\\b(?:${Object.keys(ABBREVIATIONS).join('|')})\\b`, 'g');

// "section 22", "level 3", "regulation 33": the number is part of the name, so "section 23" is
// another section (one token "section23"), not section 22 with a stray number.
const LABEL_NUMBER = /(?<!(?:section|level|regulation) )\b(section|level|regulation)s?\s+(\d{1,3})\b(?!\s*(?:%|per ?cent))/g;

/** Lower case, plain apostrophes, contractions and possessives removed, numbers as digits. Idempotent. */
export function normalizeText(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[\u2018\u2019`\u00b4]/g, "'")
      // "can't" and "won't" are not "ca" and "wo" with a "not".
      .replace(/\b(ca|wo|sha)n't\b/g, (_match, verb: string) => `${CONTRACTED_VERBS[verb] ?? verb} not`)
      .replace(/n't\b/g, ' not')
      // "what's", "who's", "there's" say "is"; any other "'s" is a possessive and goes.
      .replace(/\b(what|who|where|when|how|that|it|there|here)'s\b/g, '$1 is')
      // Typed without the apostrophe: "whats", "whos", "wheres".
      .replace(/\b(what|who|where)s\b/g, '$1 is')
      // Text-speak: "wot does the pledge promise", "wots in the charter".
      .replace(/\b(?:wot|wat|wht)s\b/g, 'what is')
      .replace(/\b(?:wot|wat|wht)\b/g, 'what')
      // "wen did it start", "whr do they meet", "hw do i join": the question words a shape is read from.
      .replace(/\bwen\b/g, 'when')
      .replace(/\b(?:whr|wher)\b/g, 'where')
      .replace(/\bhw\b/g, 'how')
      .replace(/'(s|re|ve|ll|d|m)\b/g, '')
      .replace(/&/g, ' and ')
      // Fillers that are all content words to the search: "who does it answer to at the end of the day",
      // and where a councillor serves: "a boy placed in my ward", "a carer at my surgery".
      .replace(
        /\b(?:at the end of the day|to be honest|in practice|(?:a few|some|a couple of) years (?:back|ago)|a while (?:back|ago)|(?:in|at|from|for|across) (?:my|our) (?:ward|division|patch|surgery|constituency))\b/g,
        ' ',
      )
      // "the select committee's number one aim": its primary aim, not a phone number.
      .replace(/\bnumber (?:one|1)(?= (?:aim|priority|priorities|thing|concern|goal|recommendation|issue|focus)\b)/g, 'primary')
      // "the rules for the meeting say ...": its terms of reference (as a synonym, "meeting" would match every meeting answer).
      .replace(/\brules (?:for|of) (?:the |our )?(?:meetings?|panel|cpp)\b|\b(?:panel )?rule ?book\b/g, 'terms of reference')
      // "the minute they become looked after": when, not the meeting's minutes.
      .replace(/\bthe (?:minute|moment|second|instant) (?=(?:they|he|she|you|we|it|a|an|the|our|my|their|his|her)\b)/g, 'when ')
      // "thinking about adopting": the adopting is asked about.
      .replace(/\b(?:thinking|thought) (?:about|of) (?=[a-z]+ing\b)/g, '')
      // "mar 17", "20 mar 2017": the month ("mar" on its own is a verb).
      .replace(/\bmar(?= \d)|(?<=\d )mar\b/g, 'march')
      // "in march 17", "jan 16": the year, as the panel's papers abbreviate it (the day would be "17 march" or "march 17th").
      .replace(MONTH_AND_SHORT_YEAR, '$1 20$2')
      .replace(ABBREVIATION, (word) => ABBREVIATIONS[word] ?? word)
      // "Something called the CPP", "a group called OCYPC": named, not telephoned.
      .replace(
        /\b(something|thing|group|body|committee|board|panel|council|scheme|team|organisation|organization|meeting|document|report) (?:called|named)\b/g,
        '$1',
      )
      // "what falls within its remit", "does that come under the panel": what it covers, not a fall.
      .replace(/\b(?:falls?|fell|falling|comes?|came|coming) (within|under|into)\b/g, '$1')
      // "how many times a year does it meet", "how frequently": a frequency, not a count of times.
      .replace(/\bhow (?:many times (?:a|per|each|every) (?:year|month|week|term)|frequently|regularly)\b/g, 'how often')
      // "0.6%", "1.5 million": a decimal is one figure, not two numbers ("0p6").
      .replace(/(\d)\.(\d)/g, '$1p$2')
      // "18 plus", "18+": an age, not an addition.
      .replace(/\b(\d{1,2}) ?(?:plus\b|\+)/g, 'over $1')
      // "under 18s", "the 1990s": the number is what is asked about.
      .replace(/\b(\d+)s\b/g, '$1')
      .replace(RECOMMENDATION_NUMBER, (_match, n: string) => ` recommendation rec${NUMBER_WORDS[n] ?? n} `)
      .replace(NUMBER_WORD, (word) => NUMBER_WORDS[word] ?? word)
      .replace(LABEL_NUMBER, (_match, label: string, n: string) => `${label} ${label}${n}`)
  );
}

// American spellings a member may type, read as the documents' British ones: "organization" is "organisation".
const AMERICAN_SUFFIX = /^([a-z]{4,})(iz|yz)(e|es|ed|ing|er|ers|ation|ations)$/;
const AMERICAN_WORDS: Readonly<Record<string, string>> = {
  program: 'programme',
  programs: 'programmes',
  center: 'centre',
  centers: 'centres',
  behavior: 'behaviour',
  behaviors: 'behaviours',
  favor: 'favour',
  labor: 'labour',
  neighbor: 'neighbour',
  neighbors: 'neighbours',
  neighborhood: 'neighbourhood',
  enroll: 'enrol',
  enrollment: 'enrolment',
  judgment: 'judgement',
};

function britishSpelling(token: string): string {
  const word = AMERICAN_WORDS[token];
  if (word) return word;
  // "organize" -> "organise", "analyze" -> "analyse".
  return token.replace(AMERICAN_SUFFIX, (_word, root: string, z: string, ending: string) => `${root}${z === 'yz' ? 'ys' : 'is'}${ending}`);
}

// "What is the cabinet member called?", "what was the film called that ..." ask for a name, not about
// phoning anyone: the search does not read that "called" (the question's shape does, from the normalised text).
const CALLED_ASKS_A_NAME = /\b(what|who)( is| are| was| were)\b(.{1,80}?) called(?=[\s?.!]*$| (?:that|which|again|and)\b)/;

/** Whether a normalised question asks what something is called ("what is the chairman called?"). */
export function asksWhatItIsCalled(normalized: string): boolean {
  return CALLED_ASKS_A_NAME.test(normalized);
}

/** The normalised question without the "called" of "what is X called". */
export function withoutCalled(normalized: string): string {
  return normalized.replace(CALLED_ASKS_A_NAME, '$1$2$3');
}

/** Words of the normalised text, stop words included (phrases like "children in care" need them). */
export function tokenize(text: string): string[] {
  return withoutCalled(normalizeText(text))
    .split(/[^a-z0-9]+/)
    .filter((token) => token !== '')
    .map(britishSpelling);
}

/** What the index stores for a word: the word itself (for typo matching) and its stem. Stop words yield nothing. */
export function indexTerms(token: string): string[] {
  if (isStopWord(token)) return [];
  const stemmed = stem(token);
  return stemmed === token ? [token] : [token, stemmed];
}
