import { stem } from './stemmer';
import { WEAK_STEMS, isStopWord } from './stop-words';
import { tokenize } from './text-normalizer';

const BODY_WORDS: ReadonlySet<string> = new Set(['panel', 'panels', 'committee', 'committees', 'board', 'boards']);
// Words that pick out one of the bodies already named rather than naming another: "every committee", "the next panel".
const NOT_A_NAME: ReadonlySet<string> = new Set(
  'every another other same new next first last previous future relevant different main full whole own public formal proper single separate actual right wrong governing school'.split(
    ' ',
  ),
);
const PARTICIPLE = /^[a-z]{3,}ed$/;
const DETERMINERS: ReadonlySet<string> = new Set('the a an our your their its his her this that which what whose'.split(' '));

/**
 * The panels, committees and boards the documents speak of ("Corporate Parenting Panel", "Select
 * Committee", "Health and Wellbeing Board", "commissioning panel"). A question about another one
 * ("the adoption panel", "the planning committee") is not about this panel, however many of its
 * other words match: the bot does not lend it the Corporate Parenting Panel's answers.
 */
export class KnownBodies {
  private readonly known = new Set<string>();

  /**
   * `texts`: every text the bot answers from or matches on, tokenised (see `tokenize`). `acronyms`:
   * the glossary's, with their meanings: "the KSCB board" names the Kent Safeguarding Children Board.
   */
  constructor(texts: Iterable<readonly string[]>, acronyms: readonly { acronym: string; meaning: string }[] = []) {
    for (const { acronym, meaning } of acronyms) {
      const last = tokenize(meaning).at(-1);
      if (last && BODY_WORDS.has(last)) this.known.add(key(acronym.toLowerCase(), last));
    }
    for (const words of texts) {
      words.forEach((word, i) => {
        if (BODY_WORDS.has(word)) for (const named of nameWords(words, i)) this.known.add(key(named, word));
      });
    }
  }

  /** Whether the question names a body, by the word before "panel"/"committee"/"board", that the documents never do. */
  namesAnother(tokens: readonly string[]): boolean {
    return tokens.some((word, i) => {
      if (i === 0 || !BODY_WORDS.has(word)) return false;
      const before = tokens[i - 1]!;
      // "the panel", "kent's panel", "2017 panel": no other body is named.
      if (isStopWord(before) || NOT_A_NAME.has(before) || WEAK_STEMS.has(stem(before)) || /\d/.test(before)) return false;
      // "the merged panel", "the reconstituted board": a past participle describes one.
      if (PARTICIPLE.test(before)) return false;
      // A name follows "the", "a", "our", "Kent's" or opens the question: "how can I get panel papers" names none.
      const opener = tokens[i - 2];
      if (opener !== undefined && !DETERMINERS.has(opener) && !WEAK_STEMS.has(stem(opener))) return false;
      return !this.known.has(key(before, word));
    });
  }
}

// "Kent Safeguarding Children Board" is also "the safeguarding board": each word of a body's name
// (up to three before "board"), past the everyday ones, can be the one a member puts first.
const NAME_REACH = 3;

function nameWords(words: readonly string[], bodyAt: number): string[] {
  const named: string[] = [];
  for (let i = bodyAt - 1; i >= 0 && named.length < NAME_REACH; i--) {
    const word = words[i]!;
    if (DETERMINERS.has(word) || BODY_WORDS.has(word)) break;
    named.push(word);
    if (!isStopWord(word) && !WEAK_STEMS.has(stem(word)) && named.length > 1) break;
  }
  return named;
}

function key(before: string, body: string): string {
  return `${stem(before)} ${stem(body)}`;
}
