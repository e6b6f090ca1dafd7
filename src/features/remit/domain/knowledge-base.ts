import path from 'node:path';
import { projectRoot } from '../../../platform/process/project-root';
import { CONTACT_ENTRY_ID, type KnowledgeData, type KnowledgeEntry, type SearchableEntry, type SynonymGroup } from './knowledge-entry';
import { loadKnowledge } from '../data/knowledge-loader';
import { defaultSourcesDirectory, loadSourcePassages } from '../data/source-loader';
import type { SourcePassage } from './source-passage';

/** The knowledge folder shipped with the bot; resolved from the project root so it works from src/ and dist/. */
export function defaultKnowledgeDirectory(): string {
  return path.join(projectRoot(), 'src/features/remit/knowledge');
}

/** The validated answers about the panel's remit, looked up by id. Immutable once loaded. */
export class KnowledgeBase {
  private readonly byId: ReadonlyMap<string, SearchableEntry>;
  private readonly all: readonly KnowledgeEntry[];

  private constructor(
    private readonly data: KnowledgeData,
    private readonly sourcePassages: readonly SourcePassage[],
  ) {
    this.byId = new Map(data.entries.map((s) => [s.entry.id, s]));
    this.all = data.entries.map((s) => s.entry);
  }

  /**
   * Loads and validates every YAML file in `dir`, and the source documents (by default those shipped
   * with the bot when `dir` is the shipped knowledge folder, none for another folder); throws
   * `KnowledgeLoadError` naming the bad file and entry.
   */
  static loadFromDirectory(dir: string = defaultKnowledgeDirectory(), options: { sourcesDir?: string | false } = {}): KnowledgeBase {
    const sourcesDir =
      options.sourcesDir ?? (path.resolve(dir) === path.resolve(defaultKnowledgeDirectory()) ? defaultSourcesDirectory() : false);
    return new KnowledgeBase(loadKnowledge(dir), sourcesDir === false ? [] : loadSourcePassages(sourcesDir));
  }

  /** The source documents' passages, quoted when no entry answers confidently. */
  passages(): readonly SourcePassage[] {
    return this.sourcePassages;
  }

  entry(id: string): KnowledgeEntry | undefined {
    return this.byId.get(id)?.entry;
  }

  entries(): readonly KnowledgeEntry[] {
    return this.all;
  }

  /** The Democratic Services contact shown in every "I don't know" reply. */
  contact(): KnowledgeEntry {
    const contact = this.entry(CONTACT_ENTRY_ID);
    // The loader refuses a folder without it, so this only fires if that guarantee is ever broken.
    if (!contact) throw new Error(`knowledge base has no "${CONTACT_ENTRY_ID}" entry`);
    return contact;
  }

  /** Entries with their matching-only text (other phrasings, keywords, acronyms), for the search index. */
  searchableEntries(): readonly SearchableEntry[] {
    return this.data.entries;
  }

  /**
   * The same knowledge with each entry's phrasings narrowed to those `keep` accepts (by entry and
   * position): `npm run bench` asks the search phrasings it has not indexed.
   */
  withPhrasings(keep: (entryId: string, index: number) => boolean): KnowledgeBase {
    const entries = this.data.entries.map((s) => ({ ...s, alternatives: s.alternatives.filter((_, i) => keep(s.entry.id, i)) }));
    return new KnowledgeBase({ ...this.data, entries }, this.sourcePassages);
  }

  synonymGroups(): readonly SynonymGroup[] {
    return this.data.synonyms;
  }
}
