import { type TableClient, odata } from '@azure/data-tables';
import { before, deleteWhere, readRows, scrubRows } from '../../../platform/storage/personal-rows';
import { type PersonalDataContribution, retentionCutoff } from '../../../shared/personal-data';
import { SubjectMatcher } from '../../../shared/text/subject-matcher';

const RECORD = 'rec|';

/**
 * Attendance at events and meetings (table `attendance`): the council keeps the record of who
 * attended (training evidence, the participation report), so erasure keeps each record and its
 * history with "Former member" and a pseudonym in the person's place, under keys re-made from
 * the pseudonym. Records and history go after RETENTION_ATTENDANCE.
 */
export function attendancePersonalData(table: TableClient): PersonalDataContribution {
  return {
    tables: ['attendance'],
    export: async (subject) => {
      const records = await readRows(table, odata`RowKey eq ${`${RECORD}${subject.aadObjectId}`}`);
      const changes = await readRows(table, odata`aadObjectId eq ${subject.aadObjectId}`);
      const recordedBy = await readRows(table, odata`byId eq ${subject.aadObjectId} and RowKey ge ${RECORD} and RowKey lt 'rec}'`);
      const byOccasion = new Map<string, number>();
      for (const row of recordedBy) byOccasion.set(row.partitionKey, (byOccasion.get(row.partitionKey) ?? 0) + 1);
      return [
        {
          kind: 'attendance',
          title: 'Attendance at events and meetings',
          description:
            'Whether you attended each participation event and panel meeting, who recorded it and when (training evidence and the participation report).',
          retention: 'Deleted RETENTION_ATTENDANCE (default 6 years) after it was recorded; kept without your name if you are erased.',
          records: records.map((row) => ({
            occasionId: row.partitionKey,
            name: row.name,
            status: row.status,
            source: row.source,
            recordedBy: row.byName,
            recordedAtUtc: row.atUtc,
          })),
        },
        {
          kind: 'attendance-history',
          title: 'Changes to your attendance',
          description: 'Every change to your attendance records: from what, to what, by whom and when.',
          retention: 'As attendance.',
          records: changes.map((row) => ({
            occasionId: row.partitionKey,
            from: row.from ?? null,
            to: row.to,
            source: row.source,
            changedBy: row.byName,
            atUtc: row.atUtc,
          })),
        },
        {
          kind: 'attendance-recorded',
          title: 'Attendance you recorded',
          description:
            'Events and meetings whose attendance list you last saved as an officer (how many people; their names are theirs, not yours).',
          retention: 'As attendance.',
          records: [...byOccasion].map(([occasionId, people]) => ({ occasionId, people })),
        },
      ];
    },
    erase: async (subject, pseudonym) => {
      const matcher = new SubjectMatcher(subject);
      return scrubRows(table, matcher, pseudonym, {
        remove: () => false,
        owner: (row) => (row.rowKey.startsWith(RECORD) ? row.rowKey.slice(RECORD.length) : undefined),
      });
    },
    purge: async (now, retention) => [
      {
        table: 'attendance',
        kind: 'attendance',
        purged: await deleteWhere(table, before('atUtc', retentionCutoff(now, retention, 'attendance'))),
      },
    ],
  };
}
