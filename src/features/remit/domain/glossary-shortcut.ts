import type { KnowledgeEntry, SearchableEntry } from './knowledge-entry';
import { isStopWord } from './stop-words';
import { tokenize } from './text-normalizer';

// Words that frame a request for an acronym ("what does X stand for", "meaning of X", "X?").
const FRAME_WORDS = new Set([
  'stand',
  'stands',
  'acronym',
  'abbreviation',
  'define',
  'definition',
  'short',
  'spell',
  'expand',
  'mean',
  'means',
  'meaning',
]);

// Words that ask whether two names are one thing ("LAC and CLA - same thing?", "CLA vs LAC").
const COMPARE_WORDS = new Set([
  'same',
  'thing',
  'things',
  'difference',
  'different',
  'differ',
  'between',
  'vs',
  'versus',
  'equal',
  'equivalent',
  'interchangeable',
  'alike',
  'synonym',
  'synonyms',
  'another',
  'word',
  'name',
  ...FRAME_WORDS,
]);

/**
 * Answers "NEET", "OCYPC?", "what is IRO", "what does UASC stand for" straight from the glossary,
 * before any scoring: when the question is nothing but an acronym there is nothing to weigh.
 */
export class GlossaryShortcut {
  private readonly byKey = new Map<string, KnowledgeEntry>();
  // "Looked After Children", typed on its own: what an acronym stands for, word for word.
  private readonly byMeaning = new Map<string, KnowledgeEntry>();

  constructor(entries: readonly SearchableEntry[]) {
    for (const searchable of entries) {
      for (const acronym of searchable.acronyms) this.byKey.set(key(tokenize(acronym)), searchable.entry);
      if (searchable.meaning) this.byMeaning.set(tokenize(searchable.meaning).join(' '), searchable.entry);
    }
  }

  /**
   * The glossary entry when the tokens, minus question framing, are exactly one acronym or alias,
   * or are word for word what one stands for.
   */
  match(tokens: readonly string[]): KnowledgeEntry | undefined {
    const meant = orSingular(this.byMeaning, tokens.join(' '));
    if (meant) return meant;
    const rest = key(tokens);
    // "what does the CPP do (in a nutshell)", "what is KCC for": what it does, not what the letters mean.
    const acronymAt = tokens.findIndex((t) => !isStopWord(t) && !FRAME_WORDS.has(t));
    if (tokens.slice(acronymAt + 1).some((t) => t === 'do' || t === 'doing') || (tokens.length > 1 && tokens[tokens.length - 1] === 'for'))
      return undefined;
    if (rest === '') return undefined;
    // Plural acronyms: "CICCs", "IROs".
    return orSingular(this.byKey, rest);
  }

  /**
   * "what does LAC mean, is it the same as CLA", "does CSE mean the same as ...": the acronym just
   * before "mean" or "stand for" is the one asked about, whatever else the question goes on to say.
   */
  meaningAsked(tokens: readonly string[]): KnowledgeEntry | undefined {
    const frame = tokens.findIndex((t) => t === 'mean' || t === 'means' || t === 'stand' || t === 'stands');
    if (frame <= 0) return undefined;
    const subject = tokens.slice(0, frame).filter((t) => !isStopWord(t));
    return subject.length === 1 ? this.find(subject) : undefined;
  }

  /**
   * "LAC and CLA - same thing?", "is LAC the same as children looked after": two names of one
   * glossary entry compared, and nothing else asked. The entry lists both.
   */
  sameThingAsked(tokens: readonly string[]): KnowledgeEntry | undefined {
    const content = tokens.filter((t) => !isStopWord(t) && !COMPARE_WORDS.has(t));
    const named = content.map((t) => this.byKey.get(t)).filter((e): e is KnowledgeEntry => e !== undefined);
    const entry = named[0];
    if (!entry || !named.every((e) => e === entry) || !tokens.some((t) => COMPARE_WORDS.has(t) && !FRAME_WORDS.has(t))) return undefined;
    // What is left once the acronyms are gone must be another of the entry's names ("children looked after"), or nothing.
    const rest = content.filter((t) => this.byKey.get(t) !== entry).join(' ');
    const names = named.length + (rest === '' ? 0 : 1);
    return names >= 2 && (rest === '' || this.byKey.get(rest) === entry) ? entry : undefined;
  }

  /**
   * The glossary entry for an acronym anywhere in a question that asks what an acronym stands for
   * ("what does IRO stand for in social care"): the glossary, not a topic that merely uses it.
   */
  find(tokens: readonly string[]): KnowledgeEntry | undefined {
    for (const token of tokens) {
      if (isStopWord(token)) continue;
      const found = orSingular(this.byKey, token);
      if (found) return found;
    }
    return undefined;
  }
}

/** The entry for a key, or for the key without a plural "s" ("CICCs", "Looked After Childrens"). */
function orSingular(entries: ReadonlyMap<string, KnowledgeEntry>, key: string): KnowledgeEntry | undefined {
  return entries.get(key) ?? (key.endsWith('s') ? entries.get(key.slice(0, -1)) : undefined);
}

/** Used by {@link GlossaryShortcut.find}. */
function key(tokens: readonly string[]): string {
  return tokens.filter((t) => !isStopWord(t) && !FRAME_WORDS.has(t)).join(' ');
}
