import type { TableClient } from '@azure/data-tables';
import { before, deleteWhere, rowsMentioning, scrubRows } from '../../../platform/storage/personal-rows';
import { type PersonalDataContribution, retentionCutoff } from '../../../shared/personal-data';
import { SubjectMatcher } from '../../../shared/text/subject-matcher';
import { AUDIT_PARTITION } from './audit-log';

/**
 * The audit trail names people as actors (who granted a role, who moved a card) and as subjects
 * (whose role changed, whose data was exported). Erasure keeps every entry and puts the erasure's
 * pseudonym in the person's place; the entry recording the erasure itself is written afterwards
 * and names only the pseudonym, the administrator who asked and the counts. Entries older than
 * RETENTION_AUDIT_LOG are deleted by the daily purge.
 */
export function auditPersonalData(table: TableClient): PersonalDataContribution {
  return {
    tables: ['audit'],
    export: async (subject) => {
      const matcher = new SubjectMatcher(subject);
      const rows = await rowsMentioning(table, matcher, `PartitionKey eq '${AUDIT_PARTITION}'`);
      return [
        {
          kind: 'audit-log',
          title: 'Audit log entries',
          description:
            'Entries of the audit trail in which you acted or which are about you: role changes, exports of your data, challenge card status changes, broadcasts.',
          retention:
            'Deleted RETENTION_AUDIT_LOG (default 6 years) after the entry; kept with a pseudonym in your place if you are erased.',
          records: rows.map((row) => ({
            atUtc: row.atUtc,
            action: row.action,
            actor: matcher.isSubjectId(row.actorId) ? 'you' : row.actorRole === 'system' ? 'the bot' : row.actorId,
            subject: matcher.isSubjectId(row.subjectId) ? 'you' : `${String(row.subjectKind)} ${String(row.subjectId)}`,
            detail: row.detail ?? '',
          })),
        },
      ];
    },
    erase: async (subject, pseudonym) => scrubRows(table, new SubjectMatcher(subject), pseudonym, { remove: () => false }),
    purge: async (now, retention) => [
      {
        table: 'audit',
        kind: 'auditLog',
        purged: await deleteWhere(
          table,
          `PartitionKey eq '${AUDIT_PARTITION}' and ${before('atUtc', retentionCutoff(now, retention, 'auditLog'))}`,
        ),
      },
    ],
  };
}
