/** Where an answer comes from, shown under it as "document - section". */
export interface KnowledgeSource {
  document: string;
  section: string;
}

/** One answer the bot can give: a topic from the panel's documents or an acronym from the glossary. */
export interface KnowledgeEntry {
  id: string;
  kind: 'topic' | 'glossary';
  /** The canonical question, also the label of "related question" buttons. */
  question: string;
  answer: string;
  source: KnowledgeSource;
  /** Ids of 2-3 other entries worth offering next. */
  related: string[];
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

/** Words or phrases that mean the same thing to the search ("chair", "chairman"). */
export type SynonymGroup = readonly string[];

/** Everything read from the knowledge folder, already validated. */
export interface KnowledgeData {
  entries: readonly SearchableEntry[];
  synonyms: readonly SynonymGroup[];
}

/** The entry every "I don't know" reply points to; the loader refuses a knowledge folder without it. */
export const CONTACT_ENTRY_ID = 'contact-democratic-services';
