import { DateTime } from 'luxon';
import YAML from 'yaml';
import { z } from 'zod';
import { LONDON } from '../../../platform/time/clock';
import { formatLondonDate } from '../../../platform/time/london';
import type { SearchableEntry } from './knowledge-entry';
import { MAX_OFFICER_ANSWER_CHARS } from './officer-question';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const MAX_OFFICER_ENTRY_QUESTION_CHARS = 300;

/** An answer an officer added to the knowledge base from Teams, as stored in Tables. */
export const officerEntrySchema = z.object({
  id: z.string().regex(/^officer-[a-f0-9]{16}$/),
  question: z.string().min(1).max(MAX_OFFICER_ENTRY_QUESTION_CHARS),
  answer: z.string().min(1).max(MAX_OFFICER_ANSWER_CHARS),
  /** The member's question it answered first. */
  questionId: z.string().optional(),
  addedByAadObjectId: z.string().min(1),
  addedByName: z.string().min(1),
  /** London date it was added: the source reads "Answered by an officer, <date>". */
  addedOn: isoDate,
  owner: z.string().min(1).max(100),
  reviewed: isoDate,
  reviewBy: isoDate,
  status: z.enum(['active', 'retired']),
});

export type OfficerEntry = z.infer<typeof officerEntrySchema>;

/** An officer answer is checked again a year after it was given or last reviewed. */
export function reviewByFor(reviewedIsoDate: string): string {
  return DateTime.fromISO(reviewedIsoDate, { zone: LONDON }).plus({ years: 1 }).toISODate()!;
}

/** "Answered by an officer, Tuesday 1 December 2026": the source shown under the answer. */
export function officerSourceDocument(entry: Pick<OfficerEntry, 'addedOn'>): string {
  return `Answered by an officer, ${formatLondonDate(DateTime.fromISO(entry.addedOn, { zone: LONDON }))}`;
}

/** The entry as the search and the answer card see it, beside the curated ones. */
export function officerSearchable(entry: OfficerEntry): SearchableEntry {
  return {
    entry: {
      id: entry.id,
      kind: 'topic',
      question: entry.question,
      answer: entry.answer,
      source: { document: officerSourceDocument(entry), section: '' },
      related: [],
      review: { owner: entry.owner, reviewed: entry.reviewed, reviewBy: entry.reviewBy },
      officerAuthored: true,
    },
    alternatives: [],
    keywords: [],
    acronyms: [],
  };
}

/**
 * Officer answers as a knowledge file (the YAML format of src/features/remit/knowledge/), so an
 * editor can fold them into the curated base: each needs 2-3 `related` ids before it loads there.
 */
export function officerEntriesYaml(entries: readonly OfficerEntry[], exportedOn: string): string {
  const header = [
    `# Officer answers exported from Teams on ${exportedOn}.`,
    '# To fold them into the curated knowledge base: move each entry into the right file, give it',
    '# 2-3 `related` ids and a lower-case id of your choice, then retire it in Teams ("officer answers").',
  ].join('\n');
  const body = {
    entries: entries.map((entry) => ({
      id: entry.id,
      question: entry.question,
      answer: entry.answer,
      source: { document: officerSourceDocument(entry), section: 'Ask an officer' },
      related: [],
      owner: entry.owner,
      reviewed: entry.reviewed,
      review_by: entry.reviewBy,
    })),
  };
  return `${header}\n${YAML.stringify(body, { lineWidth: 0, blockQuote: 'literal' })}`;
}
