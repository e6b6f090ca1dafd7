import type { SearchableEntry } from './knowledge-entry';

const WANTED = 3;

/**
 * Related entries for a glossary term an officer added without `related`: topics whose answers use
 * the acronym (most mentions first), then neighbouring glossary terms, so the card still offers a next step.
 */
export function pickGlossaryRelated(term: SearchableEntry, all: readonly SearchableEntry[]): string[] {
  const acronym = term.acronyms[0];
  if (acronym === undefined) return [];
  const pattern = new RegExp(`\\b${acronym.replace(/[^A-Za-z0-9]/g, '')}s?\\b`, 'g');
  const topics = all
    .filter((s) => s.entry.kind === 'topic')
    .map((s) => ({ id: s.entry.id, mentions: (s.entry.answer.match(pattern) ?? []).length }))
    .filter((t) => t.mentions > 0)
    .sort((a, b) => b.mentions - a.mentions)
    .map((t) => t.id);
  const glossary = all.filter((s) => s.entry.kind === 'glossary' && s.entry.id !== term.entry.id).map((s) => s.entry.id);
  return [...topics, ...glossary].slice(0, WANTED);
}
