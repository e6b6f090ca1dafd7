const IRREGULAR: Readonly<Record<string, string>> = {
  children: 'child',
  childrens: 'child',
  people: 'person',
  peoples: 'person',
  kids: 'kid',
  news: 'news',
};

// Ordered: the first matching suffix wins. [suffix, replacement, shortest stem left]
const SUFFIXES: readonly (readonly [string, string, number])[] = [
  ['ibility', 'ible', 4],
  ['ability', 'able', 4],
  ['ation', '', 5],
  ['ment', '', 5],
  ['ness', '', 4],
  ['ing', '', 4],
  ['ed', '', 4],
  ['ate', '', 5],
];

/**
 * A deliberately light English stemmer: plurals and a few derivations ("accountability" and
 * "accountable", "meeting" and "meet", "recommendation" and "recommend"), enough for short
 * questions. Index and query use the same function, so the stems only need to agree, not be words.
 */
export function stem(token: string): string {
  const irregular = IRREGULAR[token];
  if (irregular) return irregular;
  if (token.length <= 3 || /\d/.test(token)) return token;
  let word = singular(token);
  for (const [suffix, replacement, minStem] of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= minStem) {
      word = word.slice(0, word.length - suffix.length) + replacement;
      break;
    }
  }
  // "merge"/"merged"/"merger"... and "house"/"housing" meet once a final e is dropped.
  if (word.length > 4 && word.endsWith('e')) word = word.slice(0, -1);
  return word;
}

function singular(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}
