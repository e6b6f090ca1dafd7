import { stem as porter2 } from 'porter2';

// Words Porter2 leaves apart that councillors use interchangeably ("kids" ~ "children").
const IRREGULAR: Readonly<Record<string, string>> = {
  children: 'child',
  childrens: 'child',
  people: 'person',
  peoples: 'person',
  kids: 'kid',
  merger: 'merg',
};

/**
 * English stemming (Porter2, the Snowball English stemmer) with a few irregular forms on top.
 * Index and query use the same function, so stems only need to agree, not be words.
 */
export function stem(token: string): string {
  const irregular = IRREGULAR[token];
  if (irregular) return irregular;
  if (token.length <= 3 || /\d/.test(token)) return token;
  return porter2(token);
}
