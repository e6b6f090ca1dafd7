import type { KnowledgeEntry, SearchableEntry } from './knowledge-entry';
import { tokenize } from './text-normalizer';

/**
 * Questions typed (or clicked on a related-question button) exactly as an entry words them go
 * straight to that entry: ranking could otherwise prefer a neighbour that shares the same words.
 */
export class ExactQuestionMatch {
  private readonly byKey = new Map<string, KnowledgeEntry>();

  constructor(entries: readonly SearchableEntry[]) {
    for (const searchable of entries) {
      for (const text of [searchable.entry.question, ...searchable.alternatives]) {
        const key = questionKey(text);
        if (key !== '' && !this.byKey.has(key)) this.byKey.set(key, searchable.entry);
      }
    }
  }

  match(tokens: readonly string[]): KnowledgeEntry | undefined {
    return this.byKey.get(tokens.join(' '));
  }
}

/** Two questions are "the same" when they have the same words, ignoring case and punctuation. */
export function questionKey(text: string): string {
  return tokenize(text).join(' ');
}
