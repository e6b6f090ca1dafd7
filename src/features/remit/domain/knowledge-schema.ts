import { z } from 'zod';

/** Limits an officer must respect; they keep answers readable on a Teams card. */
export const KNOWLEDGE_LIMITS = {
  questionChars: 120,
  answerChars: 1200,
  phraseChars: 200,
  meaningChars: 120,
  explanationChars: 600,
  minRelated: 2,
  maxRelated: 3,
} as const;

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ACRONYM = /^[A-Za-z][A-Za-z0-9&]{1,9}$/;
// Cards render answers as plain text: markup would show as literal tags.
const HTML_TAG = /<\/?[a-z][^>]*>/i;

// "is required" reads better to an officer than zod's "expected string, received undefined".
function text(what: string, maxChars: number) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : `must be ${what}`) })
    .trim()
    .min(1, 'must not be empty')
    .max(maxChars, `is longer than ${maxChars} characters`);
}

const id = text('text', 80).regex(KEBAB_CASE, 'must be kebab-case (lower-case words joined by hyphens)');

// YAML reads `[2012, level 3]` as a number and a string; a bare number is a fine keyword.
const phrase = z.preprocess((value) => (typeof value === 'number' ? String(value) : value), text('text', KNOWLEDGE_LIMITS.phraseChars));

const phrases = z.array(phrase, { error: 'must be a list' });

const related = z
  .array(id, { error: (issue) => (issue.input === undefined ? 'is required' : 'must be a list of ids') })
  .min(KNOWLEDGE_LIMITS.minRelated, `must list at least ${KNOWLEDGE_LIMITS.minRelated} ids`)
  .max(KNOWLEDGE_LIMITS.maxRelated, `must list at most ${KNOWLEDGE_LIMITS.maxRelated} ids`)
  .refine((ids) => new Set(ids).size === ids.length, 'must not repeat an id');

const source = z.strictObject(
  { document: text('text', KNOWLEDGE_LIMITS.phraseChars), section: text('text', KNOWLEDGE_LIMITS.phraseChars) },
  { error: (issue) => (issue.input === undefined ? 'is required' : 'must have document and section') },
);

// YAML 1.1 readers turn 2026-11-23 into a Date; accept both, keep the written form.
const isoDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z
    .string({ error: 'must be a date written YYYY-MM-DD' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
    .refine(
      (value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
      'is not a real date',
    ),
);

/** Who keeps an answer right and when it is checked: on an entry, or as a file's defaults. */
const stewardship = {
  owner: text('text', 100).optional(),
  reviewed: isoDate.optional(),
  review_by: isoDate.optional(),
};

/** The `defaults:` block of a knowledge file: owner and review dates for every entry that does not set its own. */
export const fileDefaultsSchema = z.strictObject(stewardship);

const answer = text('text', KNOWLEDGE_LIMITS.answerChars).refine((value) => !HTML_TAG.test(value), 'must be plain text (no HTML)');

/** One entry of a topic file (a file with `entries:`). */
export const topicEntrySchema = z.strictObject({
  id,
  question: text('text', KNOWLEDGE_LIMITS.questionChars),
  alternatives: phrases.optional(),
  keywords: phrases.optional(),
  answer,
  source,
  related,
  ...stewardship,
});

/** One term of a glossary file (a file with `terms:`). */
export const glossaryTermSchema = z.strictObject({
  acronym: text('text', 10).regex(ACRONYM, 'must be 2-10 letters or digits, starting with a letter'),
  meaning: text('text', KNOWLEDGE_LIMITS.meaningChars),
  explanation: text('text', KNOWLEDGE_LIMITS.explanationChars).optional(),
  aliases: phrases.optional(),
  source,
  related: related.optional(),
  ...stewardship,
});

/** One group of a synonyms file (a file with `groups:`). */
export const synonymGroupSchema = z
  .array(phrase, { error: 'must be a list of words or phrases' })
  .min(2, 'must have at least two words or phrases');

export type TopicEntryInput = z.infer<typeof topicEntrySchema>;
export type GlossaryTermInput = z.infer<typeof glossaryTermSchema>;
export type FileDefaults = z.infer<typeof fileDefaultsSchema>;
