import { type TableClient, odata } from '@azure/data-tables';
import { before, deleteWhere, readRows, scrubRows } from '../../../platform/storage/personal-rows';
import { type PersonalDataContribution, addTallies, retentionCutoff } from '../../../shared/personal-data';
import { SubjectMatcher } from '../../../shared/text/subject-matcher';

export interface MeetingsTables {
  meetings: TableClient;
  reminderLog: TableClient;
}

/**
 * Panel meetings hold public committee information and no one's personal data (an officer's
 * notes are scrubbed of the person all the same); the reminder log records whom each meeting's
 * reminders reached, keyed by their id, so a cancellation reaches the same people.
 */
export function meetingsPersonalData(tables: MeetingsTables): PersonalDataContribution {
  return {
    tables: ['meetings', 'reminderlog'],
    export: async (subject) => {
      const reminded = await readRows(tables.reminderLog, odata`RowKey eq ${subject.aadObjectId}`);
      return [
        {
          kind: 'meeting-reminders',
          title: 'Meeting reminders sent to you',
          description: 'Which panel meetings you were reminded of, so that if one is cancelled you are told.',
          retention: 'Deleted RETENTION_DELIVERY_RECORDS (default 90 days) after the reminder.',
          records: reminded
            .filter((row) => row.partitionKey.startsWith('reminded|'))
            .map((row) => ({ meetingId: row.partitionKey.slice('reminded|'.length), remindedAtUtc: row.remindedAtUtc ?? null })),
        },
      ];
    },
    erase: async (subject, pseudonym) => {
      const matcher = new SubjectMatcher(subject);
      return addTallies(
        await scrubRows(tables.meetings, matcher, pseudonym, { remove: () => false }),
        await scrubRows(tables.reminderLog, matcher, pseudonym, { remove: (row) => matcher.isSubjectId(row.rowKey) }),
      );
    },
    purge: async (now, retention) => {
      const cutoff = retentionCutoff(now, retention, 'deliveryRecords');
      const filter = `PartitionKey ge 'reminded|' and PartitionKey lt 'reminded}' and ${before('remindedAtUtc', cutoff)}`;
      return [{ table: 'reminderlog', kind: 'deliveryRecords', purged: await deleteWhere(tables.reminderLog, filter) }];
    },
  };
}
