import { KnowledgeEntry, SearchableEntry } from './knowledge-entry';
import { isStopWord } from './stop-words';
import { tokenize } from './text-normalizer';

// Words that frame a request for an acronym ("what does X stand for", "meaning of X", "X?").
const FRAME_WORDS = new Set([
  'stand', 'stands', 'acronym', 'abbreviation', 'define', 'definition', 'short', 'spell', 'expand', 'mean', 'means', 'meaning',
]);

/**
 * Answers "NEET", "OCYPC?", "what is IRO", "what does UASC stand for" straight from the glossary,
 * before any scoring: when the question is nothing but an acronym there is nothing to weigh.
 */
export class GlossaryShortcut {
  private readonly byKey = new Map<string, KnowledgeEntry>();

  constructor(entries: readonly SearchableEntry[]) {
    for (const searchable of entries) {
      for (const acronym of searchable.acronyms) this.byKey.set(key(tokenize(acronym)), searchable.entry);
    }
  }

  /** The glossary entry when the tokens, minus question framing, are exactly one acronym or alias. */
  match(tokens: readonly string[]): KnowledgeEntry | undefined {
    const rest = key(tokens);
    if (rest === '') return undefined;
    // Plural acronyms: "CICCs", "IROs".
    return this.byKey.get(rest) ?? (rest.endsWith('s') ? this.byKey.get(rest.slice(0, -1)) : undefined);
  }
}

function key(tokens: readonly string[]): string {
  return tokens.filter((t) => !isStopWord(t) && !FRAME_WORDS.has(t)).join(' ');
}
