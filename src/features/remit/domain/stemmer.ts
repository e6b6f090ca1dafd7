import { stem as porter2 } from 'porter2';

// Words Porter2 leaves apart that councillors use interchangeably ("kids" ~ "children").
const IRREGULAR: Readonly<Record<string, string>> = {
  children: 'child',
  childrens: 'child',
  people: 'person',
  peoples: 'person',
  kids: 'kid',
  merger: 'merg',
  // "Acting as governors" is a verb; the "Act" of "Children Act" is a law.
  acting: 'acting',
  // Porter2 gives "response" the stem of "responsibility", "universal" that of "university" and
  // "experiment" that of "experience": a question about one would find answers about the other.
  response: 'respond',
  responses: 'respond',
  responsive: 'respond',
  universal: 'universal',
  universally: 'universal',
  experiment: 'experiment',
  experiments: 'experiment',
  experimental: 'experiment',
};

/**
 * English stemming (Porter2, the Snowball English stemmer) with a few irregular forms on top.
 * Index and query use the same function, so stems only need to agree, not be words.
 */
export function stem(token: string): string {
  const irregular = IRREGULAR[token];
  if (irregular) return irregular;
  // Porter2 stems nothing without a vowel: "cllrs", "mps" and "yps" are plurals of abbreviations.
  if (VOWELLESS_PLURAL.test(token)) return token.slice(0, -1);
  if (token.length <= 3 || /\d/.test(token)) return token;
  let stemmed = memo.get(token);
  if (stemmed === undefined) {
    // Index building and every question stem the same words again and again. Bounded, so a stream
    // of odd words cannot grow it without limit.
    if (memo.size >= MAX_MEMO) memo.clear();
    stemmed = porter2(token);
    memo.set(token, stemmed);
  }
  return stemmed;
}

const VOWELLESS_PLURAL = /^[b-df-hj-np-tv-z]{2,}s$/;
const MAX_MEMO = 50_000;
const memo = new Map<string, string>();
