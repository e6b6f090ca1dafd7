import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';
import { projectRoot } from '../../../platform/process/project-root';
import { CONTACT_ENTRY_ID, type EntryReview, type KnowledgeData, type SearchableEntry, type SynonymGroup } from '../domain/knowledge-entry';
import { KnowledgeLoadError } from '../domain/knowledge-load-error';
import {
  type FileDefaults,
  type GlossaryTermInput,
  type TopicEntryInput,
  fileDefaultsSchema,
  glossaryTermSchema,
  synonymGroupSchema,
  topicEntrySchema,
} from '../domain/knowledge-schema';
import { pickGlossaryRelated } from '../domain/glossary-related';

const FILE_KINDS = ['entries', 'terms', 'groups'] as const;
type FileKind = (typeof FILE_KINDS)[number];

interface LocatedEntry {
  file: string;
  searchable: SearchableEntry;
  // Glossary terms written without `related` get theirs once every entry is known.
  needsRelated: boolean;
}

interface ParsedFile {
  entries: LocatedEntry[];
  synonyms: SynonymGroup[];
}

/**
 * Reads and validates every `.yaml`/`.yml` file in `dir`. Throws {@link KnowledgeLoadError} naming the
 * file and entry at the first problem, so a bad edit stops start-up instead of misleading members.
 */
export function loadKnowledge(dir: string): KnowledgeData {
  const files = knowledgeFiles(dir);
  const parsed = files.map(parseFile);
  const entries = parsed.flatMap((p) => p.entries);
  const synonyms = parsed.flatMap((p) => p.synonyms);
  checkUniqueIds(entries);
  checkUniqueAcronyms(entries);
  fillGlossaryRelated(entries);
  checkRelated(entries);
  if (!entries.some((e) => e.searchable.entry.id === CONTACT_ENTRY_ID)) {
    throw new KnowledgeLoadError(
      displayPath(dir),
      undefined,
      `required entry "${CONTACT_ENTRY_ID}" is missing (it is shown in every "I don't know" reply)`,
    );
  }
  return { entries: entries.map((e) => e.searchable), synonyms };
}

function knowledgeFiles(dir: string): string[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new KnowledgeLoadError(displayPath(dir), undefined, 'knowledge folder not found');
  }
  const files = fs
    .readdirSync(dir)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => path.join(dir, name));
  if (files.length === 0) throw new KnowledgeLoadError(displayPath(dir), undefined, 'no .yaml files found');
  return files;
}

// Messages are for officers: show paths relative to the project when we can.
function displayPath(file: string): string {
  const relative = path.relative(projectRoot(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

function parseFile(file: string): ParsedFile {
  const label = displayPath(file);
  const root = readYaml(file, label);
  const kind = fileKind(root, label);
  const items = root[kind];
  if (!Array.isArray(items)) throw new KnowledgeLoadError(label, undefined, `"${kind}" must be a list`);
  const defaults: FileDefaults = root.defaults === undefined ? {} : validate(fileDefaultsSchema, root.defaults, label, 'defaults');
  if (kind === 'groups' && root.defaults !== undefined) throw new KnowledgeLoadError(label, undefined, 'a synonyms file has no "defaults"');
  switch (kind) {
    case 'entries':
      return { entries: items.map((item, index) => topicEntry(label, item, index, defaults)), synonyms: [] };
    case 'terms':
      return { entries: items.map((item, index) => glossaryEntry(label, item, index, defaults)), synonyms: [] };
    case 'groups':
      return { entries: [], synonyms: items.map((item, index) => synonymGroup(label, item, index)) };
  }
}

function readYaml(file: string, label: string): Record<string, unknown> {
  let root: unknown;
  try {
    root = YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new KnowledgeLoadError(label, undefined, `invalid YAML: ${reason}`);
  }
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    throw new KnowledgeLoadError(label, undefined, `must be a mapping with one of: ${FILE_KINDS.join(', ')}`);
  }
  return root as Record<string, unknown>;
}

function fileKind(root: Record<string, unknown>, label: string): FileKind {
  const kinds = FILE_KINDS.filter((kind) => kind in root);
  const unknownKeys = Object.keys(root).filter((key) => !(FILE_KINDS as readonly string[]).includes(key) && key !== 'defaults');
  const kind = kinds[0];
  if (kinds.length !== 1 || kind === undefined || unknownKeys.length > 0) {
    throw new KnowledgeLoadError(
      label,
      undefined,
      `must have exactly one top-level key out of: ${FILE_KINDS.join(', ')} (and optionally defaults)`,
    );
  }
  return kind;
}

function topicEntry(label: string, item: unknown, index: number, defaults: FileDefaults): LocatedEntry {
  const name = entryLabel(item, 'id', index, (v) => v);
  const input: TopicEntryInput = validate(topicEntrySchema, item, label, name);
  return {
    file: label,
    needsRelated: false,
    searchable: {
      entry: {
        id: input.id,
        kind: 'topic',
        question: input.question,
        answer: input.answer,
        source: input.source,
        related: input.related,
        review: review(input, defaults, label, name),
      },
      alternatives: input.alternatives ?? [],
      keywords: input.keywords ?? [],
      acronyms: [],
    },
  };
}

function glossaryEntry(label: string, item: unknown, index: number, defaults: FileDefaults): LocatedEntry {
  const name = entryLabel(item, 'acronym', index, glossaryId);
  const input: GlossaryTermInput = validate(glossaryTermSchema, item, label, name);
  const answer = input.explanation
    ? `${input.acronym} stands for ${input.meaning}.\n${input.explanation}`
    : `${input.acronym} stands for ${input.meaning}.`;
  return {
    file: label,
    needsRelated: input.related === undefined,
    searchable: {
      entry: {
        id: glossaryId(input.acronym),
        kind: 'glossary',
        question: `What does ${input.acronym} stand for?`,
        answer,
        source: input.source,
        related: input.related ?? [],
        review: review(input, defaults, label, name),
      },
      alternatives: [input.meaning],
      keywords: [],
      acronyms: [input.acronym, ...(input.aliases ?? [])],
      meaning: input.meaning,
    },
  };
}

/** The entry's owner and review dates, falling back to the file's defaults; every authored entry must end up with all three. */
function review(input: FileDefaults, defaults: FileDefaults, file: string, entry: string): EntryReview {
  const owner = input.owner ?? defaults.owner;
  const reviewed = input.reviewed ?? defaults.reviewed;
  const reviewBy = input.review_by ?? defaults.review_by;
  if (!owner || !reviewed || !reviewBy) {
    const missing = [!owner && 'owner', !reviewed && 'reviewed', !reviewBy && 'review_by'].filter(Boolean).join(', ');
    throw new KnowledgeLoadError(file, entry, `needs ${missing}: set it on the entry or in the file's defaults`);
  }
  if (reviewBy < reviewed) throw new KnowledgeLoadError(file, entry, `review_by (${reviewBy}) is before reviewed (${reviewed})`);
  return { owner, reviewed, reviewBy };
}

function synonymGroup(label: string, item: unknown, index: number): SynonymGroup {
  return validate(synonymGroupSchema, item, label, `#${index + 1}`);
}

function glossaryId(acronym: string): string {
  return `glossary-${acronym.trim().toLowerCase()}`;
}

// Name the entry by its id when it has a usable one, otherwise by position (1-based, as people count).
function entryLabel(item: unknown, key: string, index: number, toId: (value: string) => string): string {
  const value = item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? `"${toId(value.trim())}"` : `#${index + 1}`;
}

function validate<T>(schema: z.ZodType<T>, item: unknown, file: string, entry: string): T {
  const result = schema.safeParse(item);
  if (result.success) return result.data;
  throw new KnowledgeLoadError(file, entry, result.error.issues.map(describeIssue).join('; '));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  const where = issue.path.reduce<string>(
    (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc === '' ? String(part) : `${acc}.${String(part)}`),
    '',
  );
  return where === '' ? issue.message : `${where} ${issue.message}`;
}

function checkUniqueIds(entries: readonly LocatedEntry[]): void {
  const seen = new Map<string, string>();
  for (const { file, searchable } of entries) {
    const id = searchable.entry.id;
    const firstFile = seen.get(id);
    if (firstFile !== undefined) throw new KnowledgeLoadError(file, `"${id}"`, `duplicate id (already used in ${firstFile})`);
    seen.set(id, file);
  }
}

function checkUniqueAcronyms(entries: readonly LocatedEntry[]): void {
  const seen = new Map<string, string>();
  for (const { file, searchable } of entries) {
    for (const acronym of searchable.acronyms) {
      const key = acronym.toLowerCase();
      const owner = seen.get(key);
      if (owner !== undefined && owner !== searchable.entry.id) {
        throw new KnowledgeLoadError(file, `"${searchable.entry.id}"`, `"${acronym}" is already defined by "${owner}"`);
      }
      seen.set(key, searchable.entry.id);
    }
  }
}

function fillGlossaryRelated(entries: readonly LocatedEntry[]): void {
  const all = entries.map((e) => e.searchable);
  for (const located of entries) {
    if (located.needsRelated) located.searchable.entry.related = pickGlossaryRelated(located.searchable, all);
  }
}

function checkRelated(entries: readonly LocatedEntry[]): void {
  const ids = new Set(entries.map((e) => e.searchable.entry.id));
  for (const { file, searchable } of entries) {
    const { id, related } = searchable.entry;
    for (const other of related) {
      if (other === id) throw new KnowledgeLoadError(file, `"${id}"`, 'related must not list the entry itself');
      if (!ids.has(other)) throw new KnowledgeLoadError(file, `"${id}"`, `related id "${other}" does not exist`);
    }
  }
}
