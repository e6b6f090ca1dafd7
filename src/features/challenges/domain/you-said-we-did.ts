import { z } from 'zod';
import type { ChallengeStatus, StatusChange } from './challenge';

/** One closed challenge, told to the children's councils. */
export const summaryItemSchema = z.object({ reference: z.string(), youSaid: z.string(), weDid: z.string() });
export type SummaryItem = z.infer<typeof summaryItemSchema>;

/** The year's "You said, we did" as officers last saved it. */
export const youSaidWeDidSchema = z.object({
  year: z.number().int(),
  intro: z.string(),
  items: z.array(summaryItemSchema),
  version: z.number().int().min(0),
  editedBy: z.object({ aadObjectId: z.string(), name: z.string() }).optional(),
  editedAtUtc: z.string().optional(),
  sentAtUtc: z.string().optional(),
});
export type YouSaidWeDid = z.infer<typeof youSaidWeDidSchema>;

/** A challenge closed in the year: what the summary is written from. */
export interface ClosedChallenge {
  reference: string;
  title: string;
  status: Extract<ChallengeStatus, 'completed' | 'declined' | 'redirected'>;
  closedOn: string;
  explanation?: string;
}

export const MAX_ITEM_TEXT = 400;

/** Words young people should not have to know, and what to say instead. */
const PLAIN_WORDS: [RegExp, string][] = [
  [/\bNEET\b/g, 'not in education, work or training'],
  [/\bEET\b/g, 'in education, work or training'],
  [/\bLAC\b|\blooked[- ]after children\b/gi, 'children in care'],
  [/\bCiCC?\b/g, 'children in care council'],
  [/\bKCC\b/g, 'the council'],
  [/\bVSK\b/g, 'the Virtual School'],
  [/\bOCYPC\b/g, "Our Children and Young People's Council"],
  [/\bcorporate parents?\b/gi, 'the council'],
  [/\bCPP\b|\bCorporate Parenting Panel\b/g, 'the councillors who look out for you'],
  [/\bPEP\b|\bpersonal education plans?\b/gi, 'school plan'],
  [/\bplacements?\b/gi, 'home'],
  [/\bstakeholders?\b/gi, 'people involved'],
  [/\butili[sz]e\b/gi, 'use'],
  [/\bcommence\b/gi, 'start'],
  [/\bfacilitate\b/gi, 'help'],
  [/\bin order to\b/gi, 'to'],
];
const LONG_SENTENCE_WORDS = 20;
/** "Cllr Hughes", "Councillor Priya Shah": a councillor named, whether or not the bot knows them. */
const COUNCILLOR_NAMED = /\b(?:Cllr\.?|Councillor)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?/g;

/**
 * Text for young readers: jargon replaced, people's names taken out (the children's councils are
 * told what was done, not who did it), long sentences split at natural breaks.
 */
export function plainWords(text: string, names: readonly string[]): string {
  let plain = text.replace(/\s+/g, ' ').trim();
  for (const pattern of namePatterns(names)) plain = plain.replace(pattern, 'someone from the council');
  plain = plain.replace(COUNCILLOR_NAMED, 'a councillor');
  for (const [pattern, replacement] of PLAIN_WORDS) plain = plain.replace(pattern, replacement);
  return shortSentences(plain).slice(0, MAX_ITEM_TEXT);
}

/** Whether the text names one of `names` (people the bot knows) or a councillor by name ("Cllr Hughes"). */
export function namesIn(text: string, names: readonly string[]): boolean {
  return (
    namePatterns(names).some((pattern) => new RegExp(pattern.source, 'i').test(text)) || new RegExp(COUNCILLOR_NAMED.source).test(text)
  );
}

/** Longest names first, so "Martin Hughes" goes before "Martin"; names under three letters are too likely to be words. */
function namePatterns(names: readonly string[]): RegExp[] {
  return [...new Set(names.map((name) => name.trim()))]
    .filter((name) => name.length >= 3)
    .sort((a, b) => b.length - a.length)
    .map((name) => new RegExp(`\\b(?:Cllr\\.?\\s+|Councillor\\s+)?${escape(name)}\\b`, 'gi'));
}

/** The draft for a year, written from its closed challenges (oldest first). */
export function draftSummary(year: number, closed: readonly ClosedChallenge[], names: readonly string[]): YouSaidWeDid {
  return {
    year,
    intro: `These are the challenges you raised with your corporate parents that were finished in ${year}, and what happened. Thank you for telling us.`,
    items: [...closed]
      .sort((a, b) => a.closedOn.localeCompare(b.closedOn) || a.reference.localeCompare(b.reference))
      .map((card) => ({ reference: card.reference, youSaid: plainWords(card.title, names), weDid: weDid(card, names) })),
    version: 0,
  };
}

/** The first date a card reached one of the closing statuses inside [start, endExclusive), if it did. */
export function closedIn(
  statusChanges: readonly StatusChange[],
  start: string,
  endExclusive: string,
  londonDateOf: (utc: string) => string,
): { status: ClosedChallenge['status']; on: string } | undefined {
  for (const change of statusChanges) {
    if (change.status !== 'completed' && change.status !== 'declined' && change.status !== 'redirected') continue;
    const on = londonDateOf(change.atUtc);
    if (on >= start && on < endExclusive) return { status: change.status, on };
    return undefined;
  }
  return undefined;
}

/** Sentences of a readable length: long ones are split at semicolons and at ", and". */
export function shortSentences(text: string): string {
  return text
    .split(/(?<=[.!?])\s+/)
    .flatMap((sentence) => (wordCount(sentence) > LONG_SENTENCE_WORDS ? sentence.split(/;\s*|,\s+and\s+/) : [sentence]))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0)
    .map((sentence) => `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}${/[.!?]$/.test(sentence) ? '' : '.'}`)
    .join(' ');
}

/** Sentences over the length young readers manage, for the edit form's hints. */
export function longSentences(text: string): number {
  return text.split(/(?<=[.!?])\s+/).filter((sentence) => wordCount(sentence) > LONG_SENTENCE_WORDS).length;
}

function weDid(card: ClosedChallenge, names: readonly string[]): string {
  if (card.status === 'redirected') return 'This was about one person, so we passed it to the right worker to help them.';
  if (card.explanation) return plainWords(card.explanation, names);
  return card.status === 'completed' ? 'We did what you asked.' : 'We could not do this.';
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
