import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { RestError } from '@azure/data-tables';
import { DateTime } from 'luxon';
import YAML from 'yaml';
import { z } from 'zod';
import { EVENT_KINDS, type ParticipationEvent, type EventRepository } from '../features/events';
import { type Clock, LONDON } from '../platform/time/clock';
import { projectRoot } from '../platform/process/project-root';

const sampleEventSchema = z.object({
  title: z.string().min(1).max(200),
  kind: z.enum(EVENT_KINDS),
  startTime: z.string().regex(/^\d{2}:\d{2}$/),
  durationMinutes: z
    .number()
    .int()
    .min(15)
    .max(24 * 60),
  venue: z.string().min(1).max(300),
  details: z.string().max(2000),
  rsvpDaysBefore: z.number().int().min(0).max(60),
  noticeDays: z.number().int().min(0).max(60),
});

export type SampleEventDefinition = z.infer<typeof sampleEventSchema>;

/**
 * The first day of the sample event's weekly cycle: a Thursday. Weekly, so the event (15 to 22 days
 * ahead) always falls in the four London weeks that "events" and the Member Bulletin show; with a
 * four-week cycle it could be 43 days ahead, and the sample vanished from "events" for days at a time.
 */
const CYCLE_START = '2026-01-15';
const CYCLE_DAYS = 7;
const SAMPLE_CREATOR = { aadObjectId: 'sample-data', name: 'Sample data' };

export function loadSampleEventDefinition(
  file = path.join(projectRoot(), 'src', 'local', 'sample', 'participation-event.yaml'),
): SampleEventDefinition {
  const parsed = sampleEventSchema.safeParse(YAML.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${file}: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? 'is invalid'}`);
  return parsed.data;
}

/**
 * The sample event on the first cycle day at least `noticeDays` after now. Its id is derived from
 * that day, so every start within one cycle finds the same event instead of adding another.
 */
export function sampleEventFor(definition: SampleEventDefinition, now: DateTime): ParticipationEvent {
  const [hour, minute] = definition.startTime.split(':').map(Number);
  const earliest = now.setZone(LONDON).plus({ days: definition.noticeDays });
  const cycleStart = DateTime.fromISO(CYCLE_START, { zone: LONDON });
  const cycle = Math.max(0, Math.ceil(earliest.startOf('day').diff(cycleStart, 'days').days / CYCLE_DAYS));
  let start = cycleStart.plus({ days: cycle * CYCLE_DAYS }).set({ hour, minute });
  if (start < earliest) start = start.plus({ days: CYCLE_DAYS });
  const nowUtc = now.toUTC().toISO()!;
  return {
    id: `ev-${createHash('sha256').update(`sample-event|${start.toISODate()!}`).digest('hex').slice(0, 24)}`,
    title: definition.title,
    kind: definition.kind,
    startUtc: start.toUTC().toISO()!,
    endUtc: start.plus({ minutes: definition.durationMinutes }).toUTC().toISO()!,
    zone: LONDON,
    venue: definition.venue,
    details: definition.details,
    rsvpByUtc: start.minus({ days: definition.rsvpDaysBefore }).toUTC().toISO()!,
    audience: { kind: 'panel' },
    shortNotice: false,
    status: 'scheduled',
    lastChanges: [],
    sequence: 0,
    createdBy: SAMPLE_CREATOR,
    createdAt: nowUtc,
    updatedAt: nowUtc,
  };
}

/** Stores the sample event unless an earlier local run (or another instance: 409) made it already. */
export async function seedSampleEvent(
  repository: EventRepository,
  definition: SampleEventDefinition,
  clock: Clock,
): Promise<ParticipationEvent> {
  const event = sampleEventFor(definition, clock.now());
  const existing = await repository.get(event.id);
  if (existing) return existing.event;
  try {
    await repository.create(event);
  } catch (error) {
    if (!(error instanceof RestError && error.statusCode === 409)) throw error;
  }
  return event;
}
