import type { SearchableEntry } from './knowledge-entry';
import type { SourcePassage } from './source-passage';

/**
 * A source passage as the search sees it: the quote, cited by document and section. Its "question"
 * is the section heading, which also titles the card; the lead-in paragraph of a bullet is searched
 * with it (as keywords) but never quoted.
 */
export function passageEntry(passage: SourcePassage): SearchableEntry {
  return {
    entry: {
      id: passage.id,
      kind: 'passage',
      question: passage.section,
      answer: `${passage.says}: "${passage.text}"`,
      source: { document: passage.document, section: passage.section },
      related: [],
    },
    alternatives: [],
    keywords: passage.leadIn ? [passage.leadIn] : [],
    acronyms: [],
  };
}
