/**
 * Question words that say what KIND of answer is wanted ("where" -> a venue, "how often" -> a
 * frequency, "how many" -> figures) without naming a topic. They nudge the ranking towards answers
 * of that kind but never count towards whether the question was understood, so "where is the
 * nearest pub" is still declined.
 */
export const INTENT_WORDS: Readonly<Record<string, readonly string[]>> = {
  where: ['venue', 'location'],
  when: ['date', 'dates'],
  often: ['frequency', 'schedule'],
  many: ['number', 'figures', 'statistics'],
  howlong: ['since', 'years'],
  nameof: ['name', 'called'],
  mean: ['definition', 'means'],
  means: ['definition', 'mean'],
  meaning: ['definition', 'means'],
  define: ['definition', 'means'],
  definition: ['means'],
  work: ['process', 'steps'],
  works: ['process', 'steps'],
  // "What does the panel exist to do", "why does it exist": what it is for.
  exist: ['purpose', 'aim'],
  exists: ['purpose', 'aim'],
  get: ['provide', 'offer', 'receive'],
  gets: ['provide', 'offer', 'receive'],
  getting: ['provide', 'offer', 'receive'],
};

/** "What is the panel for?": a question ending in "for" asks what something is for. */
export const TRAILING_FOR_INTENT: readonly string[] = ['purpose', 'aim'];

/** "What does the panel do?": asking what something does is asking for its role. */
export const DOES_WHAT_INTENT: readonly string[] = ['role', 'responsibilities', 'purpose'];

/** "Who is on the panel?", "who sits on the CPP": asking who is on something is asking for its members. */
export const SITS_ON_INTENT: readonly string[] = ['members', 'membership'];

/** True for "who is on X", "who sits on X", "who else serves on X". */
export function asksWhoSitsOn(tokens: readonly string[]): boolean {
  if (tokens[0] !== 'who') return false;
  const on = tokens.indexOf('on');
  return on > 1 && on <= 3 && /^(?:is|are|was|were|sits|sit|sat|serves|serve|served)$/.test(tokens[on - 1]!);
}

/** True for "where is that from", "where does that come from": a source is asked for, not a place. */
export function asksWhereItIsFrom(tokens: readonly string[]): boolean {
  return tokens.includes('where') && tokens[tokens.length - 1] === 'from';
}

// "What is the panel there to do", "what are we supposed to do": what something is for.
const THERE_TO_DO = /\b(?:is|are|was|were) (?:[a-z0-9]+ )+?(?:there|meant|supposed|expected|set up) to (?:do|be doing|achieve)\b/;

/**
 * True for "what does X do", "what do corporate parents actually do", "what does the VSK do for ...",
 * and "what is X there to do", "what is the panel meant to do": what it is for.
 */
export function asksWhatSomethingDoes(tokens: readonly string[]): boolean {
  const auxiliary = whatAuxiliary(tokens);
  // The subject sits between the two verbs: "what does [the cpp] do".
  if (auxiliary >= 0) return tokens.slice(auxiliary + 2).some((t) => t === 'do' || t === 'doing');
  return tokens[0] === 'what' && THERE_TO_DO.test(tokens.join(' '));
}

/** True for "what did the Select Committee find": a question about its findings ("find" alone is a stop word). */
export function asksWhatWasFound(tokens: readonly string[]): boolean {
  const auxiliary = whatAuxiliary(tokens);
  return auxiliary >= 0 && tokens.slice(auxiliary + 2).includes('find');
}

// Where "does/do/did" stands in "what [the] does ...", within two words of "what"; -1 when it does not.
function whatAuxiliary(tokens: readonly string[]): number {
  if (tokens[0] !== 'what') return -1;
  const at = tokens.slice(1, 3).findIndex((t) => t === 'does' || t === 'do' || t === 'did');
  return at < 0 ? -1 : at + 1;
}
