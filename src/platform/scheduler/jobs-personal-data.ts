import type { TableClient } from '@azure/data-tables';
import { rowsMentioning, scrubRows } from '../storage/personal-rows';
import type { PersonalDataContribution } from '../../shared/personal-data';
import { SubjectMatcher } from '../../shared/text/subject-matcher';

/**
 * Scheduled jobs: a job about one person (a coalesced apology notice names them in its key) is
 * cancelled when they are erased, since what it would send is gone. Finished jobs are deleted as
 * they finish, so nothing else is kept.
 */
export function jobsPersonalData(table: TableClient): PersonalDataContribution {
  return {
    tables: ['jobs'],
    export: async (subject) => {
      const rows = await rowsMentioning(table, new SubjectMatcher(subject), "PartitionKey eq 'due'");
      return [
        {
          kind: 'scheduled-jobs',
          title: 'Scheduled work about you',
          description:
            'Work the bot has planned that concerns you (for example telling officers about your apologies a few minutes after you send them).',
          retention: 'Until it runs.',
          records: rows.map((row) => ({ kind: row.kind, dueUtc: row.rowKey.slice(0, row.rowKey.indexOf('|')) })),
        },
      ];
    },
    erase: async (subject, pseudonym) => scrubRows(table, new SubjectMatcher(subject), pseudonym, { remove: () => true }),
  };
}
