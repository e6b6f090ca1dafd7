import { type TableClient, odata } from '@azure/data-tables';
import { before, deleteWhere, readRows, scrubRows } from '../../../platform/storage/personal-rows';
import { type PersonalDataContribution, retentionCutoff } from '../../../shared/personal-data';
import { SubjectMatcher } from '../../../shared/text/subject-matcher';

/**
 * Apologies (table `apologies`): a person's apology for a meeting and what officers were last
 * told about it are theirs, keyed by their id: deleted on erasure (the council's minutes record
 * apologies; the bot's copy is a working list). A substitute named in someone else's apology is
 * taken out of it.
 */
export function apologiesPersonalData(table: TableClient): PersonalDataContribution {
  return {
    tables: ['apologies'],
    export: async (subject) => {
      const rows = (await readRows(table, odata`RowKey eq ${subject.aadObjectId}`)).filter((row) => !row.partitionKey.startsWith('told|'));
      return [
        {
          kind: 'apologies',
          title: 'Apologies for meetings',
          description: 'The apologies you sent for panel meetings, with the reason and substitute you gave, so the clerk can record them.',
          retention: 'Deleted RETENTION_APOLOGIES (default 2 years) after you sent them, or when you withdraw them.',
          records: rows.map((row) => ({
            meetingId: row.partitionKey,
            name: row.name,
            reason: row.reason ?? null,
            substitute: row.substitute ?? null,
            recordedAtUtc: row.recordedAtUtc,
          })),
        },
      ];
    },
    erase: async (subject, pseudonym) => {
      const matcher = new SubjectMatcher(subject);
      return scrubRows(table, matcher, pseudonym, { remove: (row) => matcher.isSubjectId(row.rowKey), owner: (row) => row.rowKey });
    },
    purge: async (now, retention) => [
      {
        table: 'apologies',
        kind: 'apologies',
        purged: await deleteWhere(table, before('recordedAtUtc', retentionCutoff(now, retention, 'apologies'))),
      },
      {
        table: 'apologies',
        kind: 'deliveryRecords',
        purged: await deleteWhere(table, before('toldAtUtc', retentionCutoff(now, retention, 'deliveryRecords'))),
      },
    ],
  };
}
