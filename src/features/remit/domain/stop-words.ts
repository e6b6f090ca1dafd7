import { stem } from './stemmer';

// Words that carry no meaning for matching a question to an answer: grammar, question frames and
// the small talk people wrap around a question ("can you tell me please ..."). Domain words such as
// "panel" or "children" are NOT here: they are weak (see WEAK_TERMS) but still count.
const STOP_WORDS = new Set(
  `a about above across after again against all almost also am an and any anyone anything are around as ask
  asked asking at be because been before being below between both but by can cannot could did didn do does
  doing done dont each eg either etc even ever exactly explain few find for from further give given go goes
  going gonna got had has have having he hello her here hers herself hey hi him himself his how however i ie
  if im in into is it its itself ive just kind know let lets like lot may me might mine more most much must
  my myself need no nor not now of off ok okay on once only or others our ours ourselves out over
  own please pls quick quickly re really remind said say says see she should show since so some someone
  something sort still such tell than thank thanks thanx that the their theirs them themselves then there
  these they thing things this those though through thus time to too under until up upon us use used uses using very via
  want wanted was way we well were what whatever whenever wherever whereas whether which whichever while who whoever whom whose why
  else anywhere somewhere
  will with within without would yes yet you your yours yourself yourselves happen happens happened happening
  come comes came meant question questions actually basically currently today also make made take took tellme
  list describe summarise summarize outline testing help main gives giving refer refers referring nutshell based one big overall general apply applies relationship relationships ways takes taking
  please thing stuff bit lots isnt arent wasnt werent doesnt didnt wont cant shouldnt couldnt wouldnt
  sorry excuse cheers hiya wondering wonder wondered curious btw fyi anyway dear quickly
  per honestly literally genuinely summary formally officially technically strictly rather
  whn hw ur
  reckon reckons reckoned bother bothers bothered bothering supposed supposedly true apparently according
  always usually normally generally typically
  sceptical skeptical sceptic skeptic cynical`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

/** True for words that never help to find an answer. Intent words (see intent-words.ts) are not stop words. */
export function isStopWord(token: string): boolean {
  // Single letters are text-speak ("r", "u") or stray initials, never a topic.
  return STOP_WORDS.has(token) || (token.length === 1 && !/\d/.test(token));
}

/**
 * Stems that appear in nearly every answer ("panel", "children", "kent"). A question matched only on
 * these is not about anything in particular, so they count for half when judging coverage.
 */
export const WEAK_TERMS: ReadonlySet<string> = new Set([
  'panel',
  'kent',
  'council',
  'county',
  'corporate',
  'parent',
  'child',
  'young',
  'person',
  'people',
  'care',
  'kcc',
  'cpp',
  'look',
  'kid',
]);

/** The same words as the stemmer gives them ("corporate" -> "corpor"), for sets of stems. */
export const WEAK_STEMS: ReadonlySet<string> = new Set([...WEAK_TERMS].map(stem));
