import { KnowledgeBase } from './knowledge-base';
import { KnowledgeEntry } from './knowledge-entry';
import { ExactQuestionMatch } from './exact-question-match';
import { GlossaryShortcut } from './glossary-shortcut';
import { RemitResult } from './remit-result';
import { RemitSearch } from './remit-search';
import { SynonymExpander } from './synonym-expander';
import { tokenize } from './text-normalizer';
import { Metrics, NO_METRICS } from '../telemetry/metrics';

export type { RemitResult } from './remit-result';

// Questions are a sentence or two; anything longer is pasted text, and only its start is worth reading.
const MAX_QUESTION_CHARS = 500;

/**
 * Answers a member's question about the panel's remit in their own words, or declines honestly.
 * Builds its search index once, in the constructor.
 */
export class RemitService {
  private readonly exact: ExactQuestionMatch;
  private readonly shortcut: GlossaryShortcut;
  private readonly search: RemitSearch;

  constructor(
    private readonly knowledge: KnowledgeBase,
    private readonly metrics: Metrics = NO_METRICS,
  ) {
    const searchable = knowledge.searchableEntries();
    const acronymGroups = searchable
      .filter((s) => s.meaning !== undefined)
      .map((s) => [...s.acronyms, s.meaning ?? '']);
    this.exact = new ExactQuestionMatch(searchable);
    this.shortcut = new GlossaryShortcut(searchable);
    this.search = new RemitSearch(searchable, new SynonymExpander([...knowledge.synonymGroups(), ...acronymGroups]));
  }

  /** Any text is accepted (empty, pasted pages, emoji): the worst outcome is an honest "I don't know". */
  answer(question: string): RemitResult {
    const result = this.find(question);
    if (result.kind === 'answer') this.metrics.count('remit.answered', { entry: result.entry.id });
    else this.metrics.count('remit.declined', { reason: result.reason });
    return result;
  }

  private find(question: string): RemitResult {
    const tokens = tokenize(question.slice(0, MAX_QUESTION_CHARS));
    if (tokens.length === 0) return { kind: 'unknown', reason: 'empty' };

    const known = this.exact.match(tokens) ?? this.shortcut.match(tokens);
    if (known) return this.answerWith(known, 1);

    const outcome = this.search.search(tokens);
    if (outcome.kind === 'none') return { kind: 'unknown', reason: outcome.reason };
    return this.answerWith(outcome.match.entry, outcome.match.confidence);
  }

  private answerWith(entry: KnowledgeEntry, confidence: number): RemitResult {
    const related = entry.related
      .map((id) => this.knowledge.entry(id))
      .filter((e): e is KnowledgeEntry => e !== undefined);
    return { kind: 'answer', entry, confidence, related };
  }
}
