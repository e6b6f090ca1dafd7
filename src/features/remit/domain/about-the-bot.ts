import { stem } from './stemmer';
import { WEAK_STEMS, isStopWord } from './stop-words';

const YOU = new Set(['you', 'your', 'yours', 'yourself', 'u', 'ur']);
// Among the thousand commonest words of spoken English: "name", "old", "love", "nice".
const EVERYDAY_RANK = 1000;

/**
 * "What is your name?", "how old are you?", "I love you": said to the bot, not asked about the
 * panel. Such a question speaks to "you" in nothing but everyday words, none of them a word the
 * knowledge base is about (its entries' keywords) nor a domain word ("panel", "children"). "When
 * do you meet?" keeps "meet", a keyword, and is answered.
 */
export class AboutTheBot {
  constructor(
    private readonly topicStems: ReadonlySet<string>,
    private readonly wordRank: (word: string) => number | undefined,
  ) {}

  asks(tokens: readonly string[]): boolean {
    if (!tokens.some((t) => YOU.has(t))) return false;
    const content = tokens.filter((t) => !isStopWord(t) && !YOU.has(t));
    return content.length > 0 && content.every((word) => this.isSmallTalk(word));
  }

  private isSmallTalk(word: string): boolean {
    const rank = this.wordRank(word);
    const stemmed = stem(word);
    return rank !== undefined && rank <= EVERYDAY_RANK && !this.topicStems.has(stemmed) && !WEAK_STEMS.has(stemmed);
  }
}
