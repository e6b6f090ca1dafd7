import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../../../platform/process/project-root';

const thesaurusFileSchema = z.strictObject({
  source: z.string(),
  license: z.string(),
  /** Space-separated Porter2 stems of every English word WordNet knows. */
  englishStems: z.string(),
  /** Space-separated stems of words used mostly as nouns. */
  nounStems: z.string(),
  /** Stem of an English word the documents do not use -> stems of words they do use in one of its commonest senses. */
  related: z.record(z.string(), z.array(z.string())),
});

export type ThesaurusFile = z.infer<typeof thesaurusFileSchema>;

/**
 * English words and their synonyms, from the curated WordNet extract in src/features/remit/thesaurus/
 * (built by src/tools/build-thesaurus.ts). Loaded once per process.
 */
export class EnglishThesaurus {
  private readonly english: ReadonlySet<string>;
  private readonly related: ReadonlyMap<string, readonly string[]>;
  private readonly nouns: ReadonlySet<string>;

  constructor(file: ThesaurusFile) {
    this.english = new Set(file.englishStems.split(' '));
    this.nouns = new Set(file.nounStems.split(' '));
    this.related = new Map(Object.entries(file.related));
  }

  static load(file = path.join(projectRoot(), 'src/features/remit/thesaurus/english-wordnet.json')): EnglishThesaurus {
    return new EnglishThesaurus(thesaurusFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8'))));
  }

  /** True when the stem belongs to a real English word, so it must not be "corrected". */
  isEnglish(stemmed: string): boolean {
    return this.english.has(stemmed);
  }

  /** True when the word is used mostly as a noun: "queen", "pizza", not "turn" or "proper". */
  isMostlyNoun(stemmed: string): boolean {
    return this.nouns.has(stemmed);
  }

  /** Stems of the documents' words that mean the same as this (unknown to the documents) stem. */
  relatedStems(stemmed: string): readonly string[] {
    return this.related.get(stemmed) ?? [];
  }
}

let shared: EnglishThesaurus | undefined;

/** The shipped extract, parsed once (about 1 MB) however many services are built. */
export function sharedThesaurus(): EnglishThesaurus {
  shared ??= EnglishThesaurus.load();
  return shared;
}
