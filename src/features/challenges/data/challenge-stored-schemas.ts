import { z } from 'zod';
import {
  CHALLENGE_STATUSES,
  type Challenge,
  type ChallengeEvent,
  PRIORITY_AREAS,
  RAISING_GROUPS,
  referenceSchema,
} from '../domain/challenge';
import type { ChallengeSummary } from '../domain/challenge-summary';
import { parseStoredJson } from '../../../platform/storage/stored-json';

/**
 * What the repository accepts back from storage: rows are JSON in one string property, and a row
 * written by an older or broken version must fail loudly rather than reach a card half-formed.
 */
const person = z.object({ aadObjectId: z.string().min(1), name: z.string() });
const status = z.enum(CHALLENGE_STATUSES);
const statusChange = z.object({ status, atUtc: z.string() });

export const storedChallengeSchema: z.ZodType<Challenge> = z.object({
  reference: referenceSchema,
  title: z.string(),
  words: z.string(),
  raisingGroup: z.enum(RAISING_GROUPS),
  raisingGroupOther: z.string().optional(),
  raisedOn: z.string(),
  priorityArea: z.enum(PRIORITY_AREAS),
  leadOfficer: person,
  assignees: z.array(person),
  dueOn: z.string(),
  status,
  statusChanges: z.array(statusChange).min(1),
  explanation: z.string().optional(),
  outcome: z.string().optional(),
  latestResponse: z.object({ by: person, atUtc: z.string(), text: z.string() }).optional(),
  firstResponseAtUtc: z.string().optional(),
  lastNudgedAtUtc: z.string().optional(),
  version: z.number().int().min(0),
  createdBy: person,
  createdAtUtc: z.string(),
  updatedAtUtc: z.string(),
});

export const storedEventSchema: z.ZodType<ChallengeEvent> = z.object({
  reference: referenceSchema,
  key: z.string(),
  by: person,
  atUtc: z.string(),
  kind: z.enum(['created', 'response']),
  text: z.string().optional(),
  fromStatus: status.optional(),
  toStatus: status.optional(),
  explanation: z.string().optional(),
});

export const storedSummarySchema: z.ZodType<ChallengeSummary> = z.object({
  reference: referenceSchema,
  title: z.string(),
  raisingGroup: z.enum(RAISING_GROUPS),
  group: z.string(),
  raisedOn: z.string(),
  priorityArea: z.enum(PRIORITY_AREAS),
  leadOfficer: person,
  people: z.array(person),
  dueOn: z.string(),
  status,
  statusChanges: z.array(statusChange),
  firstResponseAtUtc: z.string().optional(),
  explanation: z.string().optional(),
  outcome: z.string().optional(),
  lastNudgedAtUtc: z.string().optional(),
  endOn: z.string(),
  version: z.number().int().min(0),
});

/** Parses one stored JSON value, naming the row when it is malformed. */
export function parseStored<T>(schema: z.ZodType<T>, json: string, row: string): T {
  return parseStoredJson(schema, json, `challenge row ${row}`);
}
