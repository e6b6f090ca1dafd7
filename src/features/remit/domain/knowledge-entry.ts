/** Where an answer comes from, shown under it as "document - section". */
export interface KnowledgeSource {
  document: string;
  section: string;
}

/** Who keeps an answer right, when it was last checked and when it must be checked again (ISO dates). */
export interface EntryReview {
  owner: string;
  reviewed: string;
  reviewBy: string;
}

/**
 * One answer the bot can give: a topic (curated in YAML or added by an officer in Teams), an
 * acronym from the glossary, or a passage quoted from a source document.
 */
export interface KnowledgeEntry {
  id: string;
  kind: 'topic' | 'glossary' | 'passage';
  /** The canonical question, also the label of "related question" buttons. */
  question: string;
  answer: string;
  source: KnowledgeSource;
  /** Ids of 2-3 other entries worth offering next. */
  related: string[];
  /** Every authored entry has one; passages are the documents themselves. */
  review?: EntryReview;
  /** Added by an officer in Teams (stored in Tables) rather than curated in the YAML files. */
  officerAuthored?: boolean;
}

/** An entry plus the text used only for matching questions to it. */
export interface SearchableEntry {
  entry: KnowledgeEntry;
  alternatives: readonly string[];
  keywords: readonly string[];
  /** Glossary only: the acronym followed by its aliases, each answerable on its own ("NEET", "CICCs"). */
  acronyms: readonly string[];
  /** Glossary only: what the acronym stands for. */
  meaning?: string;
}

/** Every text of an entry that is shown or matched on: question, answer, section, alternatives, keywords, acronyms. */
export function searchableTexts(searchable: SearchableEntry): string[] {
  const { entry } = searchable;
  return [entry.question, entry.answer, entry.source.section, ...searchable.alternatives, ...searchable.keywords, ...searchable.acronyms];
}

/** Words or phrases that mean the same thing to the search ("chair", "chairman"). */
export type SynonymGroup = readonly string[];

/** Everything read from the knowledge folder, already validated. */
export interface KnowledgeData {
  entries: readonly SearchableEntry[];
  synonyms: readonly SynonymGroup[];
}

/** The entry every "I don't know" reply points to; the loader refuses a knowledge folder without it. */
export const CONTACT_ENTRY_ID = 'contact-democratic-services';
