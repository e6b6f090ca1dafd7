import { stem } from './stemmer';
import { WEAK_STEMS, isStopWord } from './stop-words';
import { informativeness } from './synonym-expander';
import { tokenize } from './text-normalizer';

const YOU = new Set(['you', 'your', 'yours', 'yourself', 'u', 'ur']);
// Among the two thousand commonest words of spoken English ("name", "old", "love", "nice"), as the
// search weighs them: such a word says little of what a question is about.
const EVERYDAY_INFORMATIVENESS = 0.7;

/**
 * "What is your name?", "how old are you?", "I love you": said to the bot, not asked about the
 * panel. Such a question speaks to "you" in nothing but everyday words, none of them a word the
 * knowledge base is about (its entries' keywords) nor a domain word ("panel", "children"). "When
 * do you meet?" keeps "meet", a keyword, and is answered.
 */
export class AboutTheBot {
  private readonly topicStems = new Set<string>();

  /**
   * `keywords`: every entry's. A one-word keyword is a topic ("meetings"); in a phrase only its
   * uncommon words are ("five clear working days" makes "working" one, not "day").
   */
  constructor(
    keywords: readonly string[],
    private readonly wordRank: (word: string) => number | undefined,
  ) {
    for (const keyword of keywords) {
      const words = tokenize(keyword).filter((w) => !isStopWord(w));
      for (const word of words) if (words.length === 1 || !this.isEveryday(word)) this.topicStems.add(stem(word));
    }
  }

  asks(tokens: readonly string[]): boolean {
    if (!tokens.some((t) => YOU.has(t))) return false;
    const content = tokens.filter((t) => !isStopWord(t) && !YOU.has(t));
    return content.length > 0 && content.every((word) => this.isSmallTalk(word));
  }

  private isSmallTalk(word: string): boolean {
    const stemmed = stem(word);
    return this.isEveryday(word) && !this.topicStems.has(stemmed) && !WEAK_STEMS.has(stemmed);
  }

  private isEveryday(word: string): boolean {
    return informativeness(this.wordRank(word)) <= EVERYDAY_INFORMATIVENESS;
  }
}
