import { type TableClient, odata } from '@azure/data-tables';
import { before, deleteWhere, readRows, rowsMentioning, scrubRows } from '../../../platform/storage/personal-rows';
import { tryParseStoredJson } from '../../../platform/storage/stored-json';
import { type PersonalDataContribution, addTallies, retentionCutoff } from '../../../shared/personal-data';
import { SubjectMatcher } from '../../../shared/text/subject-matcher';
import { participationEventSchema } from '../domain/event';

/** One row per event (the `id|` rows; the `t|` copies are the same events in time order). */
const EVENT_ROWS = "PartitionKey eq 'event' and RowKey ge 'id|' and RowKey lt 'id}'";

export interface EventsTables {
  events: TableClient;
  invitations: TableClient;
  rsvps: TableClient;
}

/**
 * Participation events, invitations and RSVPs. A person's invitations and replies are keyed by
 * their id: deleted on erasure and after RETENTION_EVENT_REPLIES. An event an officer created is
 * the council's and stays, with the pseudonym as its creator.
 */
export function eventsPersonalData(tables: EventsTables): PersonalDataContribution {
  return {
    tables: ['events', 'eventinvites', 'rsvps'],
    export: async (subject) => {
      const matcher = new SubjectMatcher(subject);
      const titles = await eventTitles(tables.events);
      const title = (eventId: string) => titles.get(eventId) ?? null;
      const invitations = await readRows(tables.invitations, odata`RowKey eq ${subject.aadObjectId}`);
      const rsvps = await readRows(tables.rsvps, odata`RowKey eq ${subject.aadObjectId}`);
      const created = (await rowsMentioning(tables.events, matcher, EVENT_ROWS)).flatMap(
        (row) => tryParseStoredJson(participationEventSchema, row.json) ?? [],
      );
      return [
        {
          kind: 'event-invitations',
          title: 'Event invitations',
          description: 'The participation events you were invited to, so updates and cancellations reach you and you can reply.',
          retention: 'Deleted RETENTION_EVENT_REPLIES (default 2 years) after the invitation.',
          records: invitations.map((row) => ({
            eventId: row.partitionKey,
            event: title(row.partitionKey),
            name: row.name,
            invitedAtUtc: row.invitedAtUtc,
          })),
        },
        {
          kind: 'event-replies',
          title: 'Replies to event invitations',
          description: 'Whether you said Going, Maybe or Can\u2019t go to each event, and when, for the officers planning it.',
          retention: 'Deleted RETENTION_EVENT_REPLIES (default 2 years) after your reply.',
          records: rsvps.map((row) => ({
            eventId: row.partitionKey,
            event: title(row.partitionKey),
            name: row.name,
            response: row.response,
            firstRespondedAtUtc: row.firstRespondedAtUtc,
            respondedAtUtc: row.respondedAtUtc,
          })),
        },
        {
          kind: 'events-created',
          title: 'Events you created',
          description: 'Participation events you created as an officer; they name you as their creator.',
          retention: 'Kept as the council\u2019s record of its events; erasure puts "Former member" in your place.',
          records: created
            .filter((event) => matcher.isSubjectId(event.createdBy.aadObjectId))
            .map((event) => ({ eventId: event.id, event: event.title, createdAt: event.createdAt })),
        },
      ];
    },
    erase: async (subject, pseudonym) => {
      const matcher = new SubjectMatcher(subject);
      const keyed = {
        remove: (row: { rowKey: string }) => matcher.isSubjectId(row.rowKey),
        owner: (row: { rowKey: string }) => row.rowKey,
      };
      return addTallies(
        await scrubRows(tables.events, matcher, pseudonym, { remove: () => false }),
        await scrubRows(tables.invitations, matcher, pseudonym, keyed),
        await scrubRows(tables.rsvps, matcher, pseudonym, keyed),
      );
    },
    purge: async (now, retention) => {
      const cutoff = retentionCutoff(now, retention, 'eventReplies');
      return [
        { table: 'eventinvites', kind: 'eventReplies', purged: await deleteWhere(tables.invitations, before('invitedAtUtc', cutoff)) },
        { table: 'rsvps', kind: 'eventReplies', purged: await deleteWhere(tables.rsvps, before('respondedAtUtc', cutoff)) },
      ];
    },
  };
}

async function eventTitles(events: TableClient): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  for (const row of await readRows(events, EVENT_ROWS)) {
    const event = tryParseStoredJson(participationEventSchema, row.json);
    if (event) titles.set(event.id, event.title);
  }
  return titles;
}
