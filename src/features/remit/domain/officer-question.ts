import { z } from 'zod';

/** Longest question a member can send to the officers (what the bot keeps of longer text). */
export const MAX_OFFICER_QUESTION_CHARS = 500;
/** Longest answer an officer can give: it must fit an answer card. */
export const MAX_OFFICER_ANSWER_CHARS = 1200;

const utc = z.string().datetime({ offset: true });

/** How the member came to ask: the bot declined, or its answer did not help. */
export const askOriginSchema = z.enum(['declined', 'not_helpful']);

export const officerAnswerSchema = z.object({
  text: z.string().min(1).max(MAX_OFFICER_ANSWER_CHARS),
  byAadObjectId: z.string().min(1),
  byName: z.string().min(1),
  /** How the answer is signed to the member: the officer's role in the bot, e.g. "Panel officer". */
  byRole: z.string().min(1),
  atUtc: utc,
  /** The knowledge entry made from this answer, when the officer added it. */
  addedEntryId: z.string().optional(),
});

/** A question a member asked the officers, as stored: who asked, when, and who answered. */
export const officerQuestionSchema = z.object({
  id: z.string().regex(/^oq-[a-f0-9]{16}$/),
  question: z.string().min(1).max(MAX_OFFICER_QUESTION_CHARS),
  askedByAadObjectId: z.string().min(1),
  askedByName: z.string().min(1),
  askedAtUtc: utc,
  origin: askOriginSchema,
  /** The entry the member found unhelpful, when that is how they came to ask. */
  entryId: z.string().optional(),
  status: z.enum(['open', 'answered']),
  answer: officerAnswerSchema.optional(),
  lastNudgedAtUtc: utc.optional(),
  nudges: z.number().int().min(0),
});

export type OfficerQuestion = z.infer<typeof officerQuestionSchema>;
export type OfficerAnswer = z.infer<typeof officerAnswerSchema>;
export type AskOrigin = z.infer<typeof askOriginSchema>;

/** What an "Ask an officer" button sends; `requestId` makes a double click ask once. */
export const askButtonSchema = z.object({
  question: z.string().trim().min(1).max(2000),
  requestId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  origin: askOriginSchema,
  entryId: z.string().min(1).max(100).optional(),
});

export type AskButton = z.infer<typeof askButtonSchema>;

/** An officer's answer as typed on the question card: validated before anything is stored. */
export const answerInputSchema = z.object({
  questionId: z.string().regex(/^oq-[a-f0-9]{16}$/),
  answer: z.string().optional(),
  addToKnowledge: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
});

/** Plain text of a sensible length, or the friendly reason it is not. */
export function checkAnswerText(text: string | undefined): { ok: true; text: string } | { ok: false; message: string } {
  const trimmed = (text ?? '').replace(/\r\n?/g, '\n').trim();
  if (trimmed === '') return { ok: false, message: 'Type the answer before pressing Answer.' };
  if (trimmed.length > MAX_OFFICER_ANSWER_CHARS)
    return {
      ok: false,
      message: `Keep the answer to ${MAX_OFFICER_ANSWER_CHARS} characters so it fits a card (it has ${trimmed.length}).`,
    };
  if (/<\/?[a-z][^>]*>/i.test(trimmed)) return { ok: false, message: 'Write the answer as plain text, without HTML tags.' };
  return { ok: true, text: trimmed };
}
