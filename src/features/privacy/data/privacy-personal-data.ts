import type { TableClient } from '@azure/data-tables';
import { rowsMentioning, scrubRows } from '../../../platform/storage/personal-rows';
import type { PersonalDataContribution } from '../../../shared/personal-data';
import { SubjectMatcher } from '../../../shared/text/subject-matcher';

/** The privacy notice's versions name the officer who saved each; erasure requests hold only pseudonyms. */
export function privacyPersonalData(table: TableClient): PersonalDataContribution {
  return {
    tables: ['privacy'],
    export: async (subject) => {
      const matcher = new SubjectMatcher(subject);
      const rows = (await rowsMentioning(table, matcher, "PartitionKey eq 'notice'")).filter((row) => matcher.isSubjectId(row.editedById));
      return [
        {
          kind: 'privacy-notice',
          title: 'Privacy notice versions you saved',
          description: 'Versions of the privacy notice you saved (or reset) as an officer.',
          retention: 'Kept as the record of what the notice said when; erasure puts "Former member" in your place.',
          records: rows.map((row) => ({ version: row.version, reset: row.reset, editedAtUtc: row.editedAtUtc })),
        },
      ];
    },
    erase: async (subject, pseudonym) => scrubRows(table, new SubjectMatcher(subject), pseudonym, { remove: () => false }),
  };
}
