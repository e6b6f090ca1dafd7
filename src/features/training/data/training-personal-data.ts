import { type TableClient, odata } from '@azure/data-tables';
import { before, deleteWhere, readRows, scrubRows } from '../../../platform/storage/personal-rows';
import { type PersonalDataContribution, retentionCutoff } from '../../../shared/personal-data';
import { SubjectMatcher } from '../../../shared/text/subject-matcher';

/**
 * Training reminders (table `training`): whether a councillor stopped them and when they were
 * last reminded, keyed by their id: deleted on erasure; the last-reminded rows after
 * RETENTION_DELIVERY_RECORDS (they only space reminders a month apart). The training record
 * itself is attendance (see the attendance feature).
 */
export function trainingPersonalData(table: TableClient): PersonalDataContribution {
  return {
    tables: ['training'],
    export: async (subject) => {
      const rows = await readRows(table, odata`RowKey eq ${subject.aadObjectId}`);
      return [
        {
          kind: 'training-reminders',
          title: 'Training reminders',
          description: 'Whether you asked the bot to stop training reminders (and since when), and when it last reminded you.',
          retention: 'The choice until you change it; the last reminder RETENTION_DELIVERY_RECORDS (default 90 days).',
          records: rows.map((row) => ({
            what: row.partitionKey === 'optout' ? 'stopped training reminders' : 'last reminded',
            atUtc: row.atUtc,
          })),
        },
      ];
    },
    erase: async (subject, pseudonym) => {
      const matcher = new SubjectMatcher(subject);
      return scrubRows(table, matcher, pseudonym, { remove: (row) => matcher.isSubjectId(row.rowKey) });
    },
    purge: async (now, retention) => [
      {
        table: 'training',
        kind: 'deliveryRecords',
        purged: await deleteWhere(
          table,
          `PartitionKey eq 'reminded' and ${before('atUtc', retentionCutoff(now, retention, 'deliveryRecords'))}`,
        ),
      },
    ],
  };
}
