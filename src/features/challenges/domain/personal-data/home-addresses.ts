import { type Token, isCapitalised, nextSolid } from './text-tokens';

/**
 * House addresses: "12 High Street", "12B Mill Lane", "4 Acacia Avenue", "Flat 3".
 *
 * The rule, because a council office and a child's home are written alike: a street address is
 * refused unless it is given as a venue and nothing marks it as someone's home.
 * - Refused: a flat or a lettered house number ("Flat 3", "12B"), which only homes have; any
 *   address near a word that makes it a home ("lives", "home", "address", "staying", "moved",
 *   "placement", "my", "her"...); a bare address with nothing said about it ("4 Acacia Avenue").
 * - Passed: an address introduced as a place to go ("at 1 Canterbury Road", "the offices at ...",
 *   "held at ...", "venue: ..."), which is how meetings and services are written.
 * A lower-case address ("12 high street") is refused only with a home word or a flat number:
 * without capitals "a 2 way street" is too easily an address.
 */
const STREET_TYPES = new Set(
  `road rd street st avenue ave close cl lane ln drive dr way crescent cres gardens gdns place pl court ct grove terrace terr
  rise hill mews row walk square sq parade vale view wharf yard boulevard green park gate approach circus embankment`.split(/\s+/),
);
const FLAT_WORDS = new Set(['flat', 'apartment', 'apt', 'maisonette', 'bedsit']);
const HOME_WORDS = new Set(
  `lives live living lived stays stay staying stayed home homes address addresses moved moving move house flat placement placed
  resides resident residing reside nan's nana's gran's grandma's mum's dad's carer's carers foster aunt's uncle's sister's
  brother's`.split(/\s+/),
);
/** Close before the number only: "her address", "my flat", "at their 4 Acacia Avenue". */
const POSSESSIVES = new Set(['my', 'his', 'her', 'their']);
const POSSESSIVE_WINDOW = 3;
const VENUE_WORDS = new Set(
  `at venue venues office offices held based meet meeting meetings centre center hub library hall reception building school
  college academy station gateway church clinic surgery hospital headquarters hq`.split(/\s+/),
);
/** Words a street's name is not made of: "5 young people on the street", "3 times a week down the road". */
const NOT_IN_STREET_NAMES = new Set(
  `a an the of on in at to for and or but with by from into onto per our my your his her their its this that these those
  people young children kids times days weeks months years miles minutes hours pounds members councillors cards of`.split(/\s+/),
);
const CONTEXT_WINDOW = 10;
const MAX_NAME_WORDS = 3;

export function hasHomeAddress(tokens: readonly Token[]): boolean {
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.kind === 'word' && FLAT_WORDS.has(token.lower) && flatNumberFollows(tokens, index)) return true;
    const house = houseNumber(token);
    if (!house) continue;
    const street = streetAfter(tokens, index);
    if (!street) continue;
    const context = contextBefore(tokens, index);
    if (context.home || house.lettered) return true;
    if (street.capitalised && !context.venue) return true;
  }
  return false;
}

function houseNumber(token: Token): { lettered: boolean } | undefined {
  if (token.kind === 'number' && token.text.length <= 4 && token.text !== '0') return { lettered: false };
  if (token.kind === 'word' && /^\d{1,4}[a-z]$/i.test(token.text)) return { lettered: true };
  return undefined;
}

/** "Flat 3", "flat 3B," "Apartment 12 Mill Lane": a number after the word, then the end, punctuation, a number or a capital. */
function flatNumberFollows(tokens: readonly Token[], index: number): boolean {
  const at = nextSolid(tokens, index + 1);
  const number = at >= 0 ? tokens[at]! : undefined;
  if (!number || !/^\d{1,4}[a-z]?$/i.test(number.text)) return false;
  const after = nextSolid(tokens, at + 1);
  if (after < 0) return true;
  const next = tokens[after]!;
  return next.kind === 'punct' || next.kind === 'newline' || next.kind === 'number' || isCapitalised(next) || /^\d/.test(next.text);
}

/** One to three name words then a street type: "High Street", "Acacia Avenue", "St Mary's Road". */
function streetAfter(tokens: readonly Token[], index: number): { capitalised: boolean } | undefined {
  let at = nextSolid(tokens, index + 1);
  if (at >= 0 && tokens[at]!.text === ',') at = nextSolid(tokens, at + 1);
  let names = 0;
  let capitalised = true;
  while (at >= 0 && names <= MAX_NAME_WORDS) {
    const word = tokens[at]!;
    if (word.kind !== 'word' || /\d/.test(word.text)) return undefined;
    if (names > 0 && STREET_TYPES.has(word.lower) && streetEnds(tokens, at)) return { capitalised: capitalised && isCapitalised(word) };
    // "3a the Crescent": "the" may open a street's name, but not run on inside one.
    if (NOT_IN_STREET_NAMES.has(word.lower) && !(names === 0 && word.lower === 'the')) return undefined;
    capitalised &&= isCapitalised(word) || word.text === word.text.toUpperCase();
    names++;
    at = nextSolid(tokens, at + 1, 2);
  }
  return undefined;
}

/** "Street" ends the address unless a name runs on ("Park Road" is a street; "Park" may start one). */
function streetEnds(tokens: readonly Token[], at: number): boolean {
  const after = nextSolid(tokens, at + 1);
  if (after < 0) return true;
  const next = tokens[after]!;
  return !(next.kind === 'word' && STREET_TYPES.has(next.lower) && isCapitalised(next));
}

function contextBefore(tokens: readonly Token[], index: number): { home: boolean; venue: boolean } {
  let home = false;
  let venue = false;
  let words = 0;
  for (let at = index - 1; at >= 0 && words < CONTEXT_WINDOW; at--) {
    const token = tokens[at]!;
    if (token.kind === 'newline' || (token.kind === 'punct' && /[.!?;]/.test(token.text))) break;
    if (token.kind !== 'word') continue;
    words++;
    // "Sessions House, 1 County Road" names a building; "her house" is a home.
    if (isCapitalised(token) && (token.lower === 'house' || token.lower === 'home')) venue = true;
    else if (HOME_WORDS.has(token.lower) || (POSSESSIVES.has(token.lower) && words <= POSSESSIVE_WINDOW)) home = true;
    if (VENUE_WORDS.has(token.lower)) venue = true;
  }
  return { home, venue };
}
